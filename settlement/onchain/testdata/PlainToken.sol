// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice An ERC-20 without ERC-2612 permit, anyone may mint: the settlement/onchain tests
///         deploy Brine on it to exercise the approve-then-post path. Compiled into
///         PlainToken.bin by `node testdata/compile.js` (run from settlement/onchain).
contract PlainToken is ERC20 {
    constructor() ERC20("Plain", "PLN") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
