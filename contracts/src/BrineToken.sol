// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title BrineToken
/// @notice The development token for dev chains: a plain ERC-20 with ERC-2612 permit,
///         minted by its owner. Real deployments point the market at any ERC-20 instead.
contract BrineToken is ERC20, ERC20Permit, Ownable {
    /// @param name_ Token name (also the EIP-712 domain name used by permit).
    /// @param symbol_ Token symbol.
    /// @param owner_ Account allowed to mint.
    constructor(string memory name_, string memory symbol_, address owner_)
        ERC20(name_, symbol_)
        ERC20Permit(name_)
        Ownable(owner_)
    {}

    /// @notice Mints `amount` base units to `to`.
    /// @dev Only the owner may mint; emits the ERC-20 Transfer event from the zero address.
    /// @param to Receiver of the new tokens.
    /// @param amount Amount in base units.
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
