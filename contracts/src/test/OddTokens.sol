// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title FeeOnTransferToken (tests only)
/// @notice An ERC-20 that burns `feeBps` of every transfer between accounts (or, with
///         `onlyFromContracts`, of transfers out of contracts only, as tokens that tax sales from
///         pools do): a transfer of `x` delivers `x - fee`. The kind of token `brine deploy
///         --token` must refuse.
contract FeeOnTransferToken is ERC20 {
    /// @notice The fee, in basis points of each transfer.
    uint256 public immutable feeBps;
    /// @notice Whether only transfers from contract accounts pay the fee.
    bool public immutable onlyFromContracts;

    /// @param feeBps_ The fee in basis points (at most 10000).
    /// @param onlyFromContracts_ Charge only transfers whose sender is a contract.
    constructor(uint256 feeBps_, bool onlyFromContracts_) ERC20("Fee On Transfer", "FOT") {
        feeBps = feeBps_;
        onlyFromContracts = onlyFromContracts_;
    }

    /// @notice Mints freely: a test token.
    /// @param to Receiver.
    /// @param amount Base units.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0) || (onlyFromContracts && from.code.length == 0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = value * feeBps / 10_000;
        super._update(from, to, value - fee);
        if (fee != 0) super._update(from, address(0), fee);
    }
}

/// @title RebasingToken (tests only)
/// @notice An ERC-20 whose balances grow by themselves: every non-empty balance gains
///         `growthPerBlock` base units per block, without a transfer (as interest-bearing and
///         rebasing tokens do). Transfers move exactly what they say. The kind of token
///         `brine deploy --token` must refuse.
contract RebasingToken is ERC20 {
    /// @notice Base units every non-empty balance gains per block.
    uint256 public immutable growthPerBlock;
    /// @notice The block each account's growth was last added to its stored balance.
    mapping(address => uint256) public touched;

    /// @param growthPerBlock_ Base units gained per block by every non-empty balance.
    constructor(uint256 growthPerBlock_) ERC20("Rebasing", "REB") {
        growthPerBlock = growthPerBlock_;
    }

    /// @notice Mints freely: a test token.
    /// @param to Receiver.
    /// @param amount Base units.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice The stored balance plus the growth since it was last touched.
    /// @param account The holder.
    /// @return The balance.
    function balanceOf(address account) public view override returns (uint256) {
        uint256 raw = super.balanceOf(account);
        if (raw == 0) return 0;
        return raw + (block.number - touched[account]) * growthPerBlock;
    }

    function _update(address from, address to, uint256 value) internal override {
        _accrue(from);
        _accrue(to);
        super._update(from, to, value);
    }

    function _accrue(address account) private {
        if (account == address(0)) return;
        uint256 raw = super.balanceOf(account);
        uint256 due = raw == 0 ? 0 : (block.number - touched[account]) * growthPerBlock;
        touched[account] = block.number;
        if (due != 0) super._update(address(0), account, due);
    }
}
