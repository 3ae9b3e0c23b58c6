// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title TokenProbe
/// @notice The deploy tool's test transfer. Brine's escrow arithmetic assumes that a transfer of
///         `x` moves exactly `x` and that balances change only by transfers, so before deploying
///         against an existing ERC-20 the deployer lends this contract a small amount: `take` pulls
///         it with transferFrom and reverts unless both sides moved exactly the amount asked
///         (a fee-on-transfer token fails here, and nothing moves); `giveBack`, in a later block,
///         reports what the probe holds then (a rebasing or interest-bearing token shows a
///         different balance without any transfer) and returns all of it to the deployer.
/// @dev Only the deployer (`owner`) may call. Tokens are never stranded: `giveBack` returns the
///      probe's whole balance, whatever it is, and may be called again at any time. The deploy
///      tool sends `giveBack` only after `take` was mined, so the two run in different blocks.
contract TokenProbe {
    using SafeERC20 for IERC20;

    /// @notice The token under test.
    IERC20 public immutable token;
    /// @notice The deployer: the only caller, and where the tokens go back.
    address public immutable owner;
    /// @notice What `take` pulled and has not been given back yet.
    uint256 public held;
    /// @notice The block `take` ran in.
    uint256 public heldSince;

    /// @notice `amount` was pulled from the owner, and both balances moved by exactly that.
    event Taken(uint256 amount, uint256 blockNumber);
    /// @notice The probe expected `held` (taken in block `heldSince`), found `balance`, and
    ///         returned all of it to the owner, whose balance rose by `received`.
    event Returned(uint256 held, uint256 heldSince, uint256 balance, uint256 received);

    /// @notice The caller is not the owner.
    error NotOwner(address caller);
    /// @notice A zero amount, or a take while tokens are still held.
    error BadAmount(uint256 amount);
    /// @notice transferFrom of `asked` took `sent` from the owner and gave `received` to the probe.
    error TransferMismatch(uint256 asked, uint256 sent, uint256 received);

    /// @param token_ The token to test.
    /// @param owner_ The deployer.
    constructor(IERC20 token_, address owner_) {
        token = token_;
        owner = owner_;
    }

    /// @notice Pulls `amount` from the owner (approve the probe first) and checks the deltas:
    ///         the owner's balance must drop, and the probe's rise, by exactly `amount`.
    /// @param amount Base units to borrow.
    function take(uint256 amount) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        if (amount == 0 || held != 0) revert BadAmount(amount);
        uint256 ownerBefore = token.balanceOf(owner);
        uint256 probeBefore = token.balanceOf(address(this));
        token.safeTransferFrom(owner, address(this), amount);
        uint256 ownerAfter = token.balanceOf(owner);
        uint256 probeAfter = token.balanceOf(address(this));
        uint256 sent = ownerBefore > ownerAfter ? ownerBefore - ownerAfter : 0;
        uint256 received = probeAfter > probeBefore ? probeAfter - probeBefore : 0;
        if (sent != amount || received != amount) revert TransferMismatch(amount, sent, received);
        held = amount;
        heldSince = block.number;
        emit Taken(amount, block.number);
    }

    /// @notice Returns everything the probe holds to the owner and reports it beside what was
    ///         taken, and what reached the owner. Sent in a later block than the take, a balance
    ///         other than `held` means balances change by themselves; `received` other than the
    ///         balance means transfer() charges a fee. Never reverts on what it finds: callable at
    ///         any time, any number of times, so nothing can stay stuck here.
    /// @return balance What the probe held and returned.
    /// @return received What the owner's balance rose by.
    function giveBack() external returns (uint256 balance, uint256 received) {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        balance = token.balanceOf(address(this));
        uint256 h = held;
        held = 0;
        uint256 ownerBefore = token.balanceOf(owner);
        if (balance != 0) token.safeTransfer(owner, balance);
        uint256 ownerAfter = token.balanceOf(owner);
        received = ownerAfter > ownerBefore ? ownerAfter - ownerBefore : 0;
        emit Returned(h, heldSince, balance, received);
    }
}
