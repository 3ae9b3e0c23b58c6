// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title IProviderRegistry
/// @notice What the job market needs from the provider registry.
interface IProviderRegistry {
    /// @notice Locks `amount` of an active provider's free stake.
    function lock(address provider, uint256 amount) external;
    /// @notice Releases `amount` of a provider's locked stake.
    function unlock(address provider, uint256 amount) external;
    /// @notice Slashes `amount` of a provider's stake to `to`.
    function slash(address provider, uint256 amount, address to) external;
    /// @notice Length of the active-provider list.
    function activeCount() external view returns (uint256);
    /// @notice Provider at position `i` of the active list and whether it can lock `need`.
    function candidateAt(uint256 i, uint256 need) external view returns (address provider, bool eligible);
}
