// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title CallActorByIdMock
/// @notice TEST ONLY. Stands in for FEVM's call-actor-by-ID precompile on an EVM test chain, where
///         its runtime code is placed at 0xfe00000000000000000000000000000000000005 (genesis
///         alloc). It follows the precompile's documented convention for the one call Brine
///         makes, a miner actor's GetPeerID: reached by DELEGATECALL with abi.encode(uint64 method,
///         uint256 value, uint64 flags, uint64 codec, bytes params, uint64 actorId), it answers
///         abi.encode(int256 exitCode, uint64 codec, bytes returnValue), the return value being
///         the CBOR GetPeerIDReturn (an array of one byte string). Its miners live in the storage
///         of the precompile address: tests set them with ordinary calls there, and the fallback,
///         running in the caller's context, reads them back with a call to that address.
contract CallActorByIdMock {
    /// @notice Where this code is placed.
    address public constant PRECOMPILE = 0xfe00000000000000000000000000000000000005;
    /// @notice The miner actor's exported GetPeerID method (FRC-0042 hash of "GetPeerID").
    uint64 public constant GET_PEER_ID_METHOD = 2812875329;
    /// @notice The exit code the mock answers for an actor it does not know (FVM's
    ///         USR_NOT_FOUND; what a real FEVM answers may differ, any nonzero code is an error).
    int256 public constant EXIT_NOT_FOUND = 17;

    struct Miner {
        bool exists;
        int256 exitCode;
        bytes peerId;
        bytes rawReturn; // when set, answered as is instead of the CBOR of peerId
    }

    mapping(uint64 => Miner) private _miners;

    /// @notice A call this mock does not implement (another method, a value, params or codec).
    error Unsupported(uint64 method);

    /// @notice Makes `minerId` a miner whose GetPeerID answers `peerId`.
    function setPeerId(uint64 minerId, bytes calldata peerId) external {
        _miners[minerId] = Miner({exists: true, exitCode: 0, peerId: peerId, rawReturn: ""});
    }

    /// @notice Makes `minerId`'s GetPeerID exit with `exitCode` (nonzero) and no return value.
    function setExitCode(uint64 minerId, int256 exitCode) external {
        _miners[minerId] = Miner({exists: true, exitCode: exitCode, peerId: "", rawReturn: ""});
    }

    /// @notice Makes `minerId`'s GetPeerID answer `raw` as its CBOR return value, for malformed answers.
    function setRawReturn(uint64 minerId, bytes calldata raw) external {
        _miners[minerId] = Miner({exists: true, exitCode: 0, peerId: "", rawReturn: raw});
    }

    /// @notice The precompile's answer for `minerId`'s GetPeerID.
    function answer(uint64 minerId) external view returns (int256 exitCode, uint64 codec, bytes memory value) {
        Miner storage m = _miners[minerId];
        if (!m.exists) return (EXIT_NOT_FOUND, 0, "");
        if (m.exitCode != 0) return (m.exitCode, 0, "");
        if (m.rawReturn.length != 0) return (0, 0x51, m.rawReturn);
        return (0, 0x51, _cborBytesArray(m.peerId));
    }

    /// @notice The precompile call (no function selector matches its calldata: the method number
    ///         fills the first word's low bytes, so the first four bytes are zero).
    fallback(bytes calldata input) external returns (bytes memory) {
        (uint64 method, uint256 value, uint64 flags, uint64 codec, bytes memory params, uint64 actorId) =
            abi.decode(input, (uint64, uint256, uint64, uint64, bytes, uint64));
        if (method != GET_PEER_ID_METHOD || value != 0 || flags != 1 || codec != 0 || params.length != 0) {
            revert Unsupported(method);
        }
        (int256 exitCode, uint64 retCodec, bytes memory ret) = CallActorByIdMock(PRECOMPILE).answer(actorId);
        return abi.encode(exitCode, retCodec, ret);
    }

    /// @dev CBOR [bytes]: 0x81, then a byte string header (lengths up to 65535).
    function _cborBytesArray(bytes memory b) private pure returns (bytes memory) {
        if (b.length < 24) return abi.encodePacked(hex"81", uint8(0x40 + b.length), b);
        if (b.length < 256) return abi.encodePacked(hex"8158", uint8(b.length), b);
        return abi.encodePacked(hex"8159", uint16(b.length), b);
    }
}
