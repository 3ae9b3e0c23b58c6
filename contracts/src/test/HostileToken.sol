// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @notice Implemented by accounts that want ERC-777-style hooks from HostileToken.
interface ITokenHooks {
    /// @notice Called after `value` tokens arrived from `from`.
    function onTokensReceived(address from, uint256 value) external;
}

/// @title HostileToken (tests only)
/// @notice An ERC-20 with permit that calls ERC-777-style receive hooks on every transfer to a
///         contract that opted in, so tests can attack the market and registry through reentrancy.
contract HostileToken is ERC20, ERC20Permit {
    /// @notice Accounts that asked for hooks.
    mapping(address => bool) public hooked;

    constructor() ERC20("Hostile", "HOST") ERC20Permit("Hostile") {}

    /// @notice Mints freely: a test token.
    /// @param to Receiver.
    /// @param amount Base units.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Opts the caller in or out of receive hooks.
    /// @param on True to receive hooks.
    function setHooked(bool on) external {
        hooked[msg.sender] = on;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (to != address(0) && hooked[to]) ITokenHooks(to).onTokensReceived(from, value);
    }
}

/// @title ReentrantActor (tests only)
/// @notice A contract account that can act as client, provider or challenger, and that tries a
///         configured call back into a target whenever it receives tokens.
contract ReentrantActor is ITokenHooks {
    address public immutable operator;
    address public reentryTarget;
    bytes public reentryData;
    uint256 public reentryAttempts;
    uint256 public reentrySuccesses;
    bytes public lastRevert;

    constructor() {
        operator = msg.sender;
    }

    /// @notice Runs any call as this account.
    function exec(address target, bytes calldata data) external returns (bytes memory) {
        require(msg.sender == operator, "operator only");
        (bool ok, bytes memory ret) = target.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }

    /// @notice Arms the reentry: every token receipt calls `target` with `data` once.
    function arm(address target, bytes calldata data) external {
        require(msg.sender == operator, "operator only");
        reentryTarget = target;
        reentryData = data;
    }

    /// @inheritdoc ITokenHooks
    function onTokensReceived(address, uint256) external {
        if (reentryTarget == address(0)) return;
        reentryAttempts += 1;
        (bool ok, bytes memory ret) = reentryTarget.call(reentryData);
        if (ok) reentrySuccesses += 1;
        else lastRevert = ret;
    }
}
