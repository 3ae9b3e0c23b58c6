// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable2Step, Ownable} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title ProviderRegistry
/// @notice Registry of compute providers and custodian of their stake. A provider binds its
///         node's libp2p peer ID, stakes the network token, and is active while registered with
///         at least `minStake` staked. The job market locks collateral out of a provider's stake
///         for each accepted job and verifier duty; locked stake cannot leave. Unstaking moves
///         free stake into unbonding for `unbondingDelay` seconds, during which it stays slashable.
/// @dev Token custody invariant: token.balanceOf(this) == sum over providers of (staked + unbonding).
///      Only the market (set once by governance) may lock, unlock and slash.
contract ProviderRegistry is Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Longest unbonding delay governance may set (bounds how long stake can be held).
    uint64 public constant MAX_UNBONDING_DELAY = 90 days;
    /// @notice Largest peer ID accepted, in bytes (libp2p peer IDs are 38-39 bytes for Ed25519 keys).
    uint256 public constant MAX_PEER_ID_LENGTH = 128;
    /// @notice Largest metadata blob accepted, in bytes.
    uint256 public constant MAX_METADATA_LENGTH = 1024;
    /// @notice FEVM's call-actor-by-ID precompile (filecoin-solidity's `Actor.CALL_ACTOR_ID`). It is
    ///         called with DELEGATECALL and abi.encode(uint64 method, uint256 value, uint64 flags,
    ///         uint64 codec, bytes params, uint64 actorId); it answers abi.encode(int256 exitCode,
    ///         uint64 codec, bytes returnValue). On chains other than FEVM the address has no code.
    address public constant CALL_ACTOR_ID = 0xfe00000000000000000000000000000000000005;
    /// @notice The miner actor's exported GetPeerID method (the FRC-0042 hash of "GetPeerID").
    uint64 public constant GET_PEER_ID_METHOD = 2812875329;
    /// @notice Actor IDs below this are Filecoin's singleton system actors, never miners.
    uint64 public constant MIN_MINER_ID = 100;
    /// @notice Largest controller signature accepted, in bytes (a Filecoin BLS signature with its
    ///         type byte is 97 bytes, a secp256k1 one 66).
    uint256 public constant MAX_CONTROLLER_SIG_LENGTH = 256;
    /// @dev The precompile's read-only flag and IPLD codecs (ref-fvm's sys flags, multicodec).
    uint64 private constant READ_ONLY_FLAG = 1;
    uint64 private constant NONE_CODEC = 0;
    uint64 private constant CBOR_CODEC = 0x51;
    uint64 private constant DAG_CBOR_CODEC = 0x71;

    /// @dev One storage slot of hot state, one of unbonding state.
    struct Provider {
        uint96 staked; // tokens staked (includes locked)
        uint96 locked; // part of staked locked as job or verifier collateral
        uint32 activeIndex; // 1-based position in `_active`; 0 when not listed
        bool registered;
        // -- slot 2
        uint96 unbonding; // tokens waiting for `unbondingEnds`
        uint64 unbondingEnds; // when `unbonding` may be withdrawn
        uint64 minerId; // the Filecoin miner actor (f0 ID) bound to the provider; 0 when none
        bool minerVerified; // the binding was checked on chain (FEVM's actor-call precompile)
        bytes32 peerIdHash; // keccak256 of the registered libp2p peer ID
    }

    /// @notice The network token held as stake.
    IERC20 public immutable token;
    /// @notice The job market: the only account that may lock, unlock and slash.
    address public market;
    /// @notice Minimum staked amount for a registered provider to be active.
    uint96 public minStake;
    /// @notice Delay between unstake and withdrawStake, in seconds.
    uint64 public unbondingDelay;

    mapping(address => Provider) private _providers;
    /// @notice Which provider registered a given peer ID (keccak256 of its bytes).
    mapping(bytes32 => address) public peerOwner;
    /// @notice The provider whose binding of a Filecoin miner actor (its f0 ID) the chain
    ///         verified (FEVM); zero when none did. Unverified bindings are claims, which any
    ///         number of providers may make (off chain, the controller signature decides).
    mapping(uint64 => address) public minerOwner;
    address[] private _active;

    /// @notice Emitted once, when governance wires the market in.
    event MarketSet(address indexed market);
    /// @notice Emitted when governance changes the staking parameters.
    event StakingParamsSet(uint96 minStake, uint64 unbondingDelay);
    /// @notice A provider bound (or re-bound) its libp2p peer ID. `peerSig` is the peer key's
    ///         signature over the registration digest (see `registrationDigest`); nodes and probers
    ///         verify it off chain before they trust the binding.
    event ProviderRegistered(address indexed provider, bytes peerId, bytes peerSig, bytes metadata);
    /// @notice A provider bound the Filecoin miner actor `minerId` (f0…) to its account and peer ID.
    ///         `verifiedOnChain` is true when the registry read the miner's peer ID through FEVM's
    ///         actor-call precompile and found the provider's registered peer ID; elsewhere the
    ///         binding is only recorded and verified off chain. `controllerSig` is a signature by
    ///         the miner's owner, worker or control key over `minerBindingDigest` (docs/filecoin.md
    ///         says how to check it); empty when the provider's own account controls the miner.
    event MinerBound(address indexed provider, uint64 indexed minerId, bool verifiedOnChain, bytes controllerSig);
    /// @notice A provider's miner binding ended: it unbound it, bound another miner, or
    ///         registered another peer ID (the binding was proven for the old one).
    event MinerUnbound(address indexed provider, uint64 indexed minerId);
    /// @notice `holder` had registered a peer ID that miner `minerId`'s actor names on chain, and
    ///         `claimant` proved it its own by binding that miner (registerWithMiner, checked
    ///         through FEVM's actor-call precompile): the peer ID is the claimant's now, and the
    ///         holder is no longer registered (it may register again with its own peer ID).
    event PeerIdReclaimed(address indexed holder, address indexed claimant, uint64 indexed minerId, bytes32 peerIdHash);
    /// @notice A provider's metadata changed.
    event MetadataUpdated(address indexed provider, bytes metadata);
    /// @notice Stake moved into the registry. `staked` is the provider's new staked total.
    event Staked(address indexed provider, uint256 amount, uint256 staked);
    /// @notice Free stake moved into unbonding until `unbondingEnds`.
    event Unstaked(address indexed provider, uint256 amount, uint256 staked, uint256 unbonding, uint64 unbondingEnds);
    /// @notice Unbonded stake left the registry to the provider.
    event StakeWithdrawn(address indexed provider, uint256 amount);
    /// @notice The market locked collateral. `locked` is the provider's new locked total.
    event Locked(address indexed provider, uint256 amount, uint256 locked);
    /// @notice The market released collateral.
    event Unlocked(address indexed provider, uint256 amount, uint256 locked);
    /// @notice The market slashed `amount` (`fromUnbonding` of it out of unbonding stake) to `to`.
    event Slashed(address indexed provider, uint256 amount, uint256 fromUnbonding, address indexed to);
    /// @notice The provider joined (true) or left (false) the active set.
    event ActiveChanged(address indexed provider, bool active);

    /// @notice The caller is not the market.
    error NotMarket(address caller);
    /// @notice The market has already been set.
    error MarketAlreadySet(address market);
    /// @notice An address argument was zero.
    error ZeroAddress();
    /// @notice An amount argument was zero.
    error ZeroAmount();
    /// @notice The amount does not fit the registry's 96-bit accounting.
    error AmountTooLarge(uint256 amount);
    /// @notice A governance parameter is outside its allowed range.
    error ParamOutOfRange(string name);
    /// @notice The peer ID is empty or longer than MAX_PEER_ID_LENGTH.
    error BadPeerId();
    /// @notice Metadata longer than MAX_METADATA_LENGTH.
    error MetadataTooLong(uint256 length);
    /// @notice The peer ID is already bound to another provider.
    error PeerIdTaken(address owner);
    /// @notice Another provider holds the peer ID and its own miner binding was checked on chain:
    ///         a checked binding never takes a peer ID from another.
    error PeerIdHeldByCheckedMiner(address holder, uint64 minerId);
    /// @notice The caller has not registered.
    error NotRegistered(address provider);
    /// @notice Not enough free (unlocked) stake for the operation.
    error InsufficientFreeStake(uint256 free, uint256 needed);
    /// @notice The provider is not active (unregistered or below minStake).
    error NotActive(address provider);
    /// @notice Nothing is unbonding, or the delay has not passed yet.
    error NotUnbonded(uint64 unbondingEnds);
    /// @notice The market tried to unlock more than is locked.
    error UnlockExceedsLocked(uint256 locked, uint256 amount);
    /// @notice The market tried to slash more than the provider holds.
    error SlashExceedsStake(uint256 available, uint256 amount);
    /// @notice The miner ID is a system actor's (below MIN_MINER_ID), not a miner's.
    error BadMinerId(uint64 minerId);
    /// @notice The controller signature is longer than MAX_CONTROLLER_SIG_LENGTH.
    error ControllerSigTooLong(uint256 length);
    /// @notice The caller has no miner bound.
    error NoMinerBound(address provider);
    /// @notice The actor-call precompile refused the call (a malformed call or an unknown actor).
    error MinerCallFailed(uint64 minerId);
    /// @notice The miner actor's GetPeerID exited with a nonzero exit code.
    error MinerActorError(uint64 minerId, int256 exitCode);
    /// @notice The precompile's or the actor's answer is not what FEVM documents.
    error MinerReturnMalformed(uint64 minerId);
    /// @notice The miner's on-chain peer ID is not the provider's registered one.
    error MinerPeerIdMismatch(uint64 minerId, bytes32 registered, bytes32 onChain);
    /// @notice On Filecoin (chain 314 or 314159) the actor-call precompile gave no answer, so the
    ///         binding cannot be verified on chain.
    error MinerCheckUnavailable(uint64 minerId);

    modifier onlyMarket() {
        if (msg.sender != market) revert NotMarket(msg.sender);
        _;
    }

    /// @param token_ The network token (any ERC-20 without transfer fees or rebasing).
    /// @param owner_ Governance.
    /// @param minStake_ Minimum stake for an active provider.
    /// @param unbondingDelay_ Seconds between unstake and withdrawStake.
    constructor(IERC20 token_, address owner_, uint96 minStake_, uint64 unbondingDelay_) Ownable(owner_) {
        if (address(token_) == address(0)) revert ZeroAddress();
        token = token_;
        _setStakingParams(minStake_, unbondingDelay_);
    }

    // ---------------------------------------------------------------- governance

    /// @notice Wires in the job market. Can be called once.
    /// @param market_ The JobMarket contract.
    function setMarket(address market_) external onlyOwner {
        if (market != address(0)) revert MarketAlreadySet(market);
        if (market_ == address(0)) revert ZeroAddress();
        market = market_;
        emit MarketSet(market_);
    }

    /// @notice Sets the minimum stake and the unbonding delay. Providers already listed as
    ///         active are re-checked lazily (the market verifies `isActive` at each use).
    /// @param minStake_ New minimum stake (> 0).
    /// @param unbondingDelay_ New unbonding delay (<= MAX_UNBONDING_DELAY); applies to later unstakes.
    function setStakingParams(uint96 minStake_, uint64 unbondingDelay_) external onlyOwner {
        _setStakingParams(minStake_, unbondingDelay_);
    }

    function _setStakingParams(uint96 minStake_, uint64 unbondingDelay_) private {
        if (minStake_ == 0) revert ParamOutOfRange("minStake");
        if (unbondingDelay_ > MAX_UNBONDING_DELAY) revert ParamOutOfRange("unbondingDelay");
        minStake = minStake_;
        unbondingDelay = unbondingDelay_;
        emit StakingParamsSet(minStake_, unbondingDelay_);
    }

    // ---------------------------------------------------------------- providers

    /// @notice The digest a provider's libp2p peer key signs to prove control of the key. It binds
    ///         chain, registry, provider account and peer ID, so a proof cannot be replayed for
    ///         another account, chain or deployment.
    /// @param provider The provider account.
    /// @param peerId The libp2p peer ID bytes.
    /// @return The digest: keccak256("brine/register/v1", chainid, registry, provider, keccak256(peerId)).
    function registrationDigest(address provider, bytes calldata peerId) public view returns (bytes32) {
        return keccak256(abi.encode("brine/register/v1", block.chainid, address(this), provider, keccak256(peerId)));
    }

    /// @notice Registers the caller as a provider, or re-binds its peer ID and metadata.
    /// @dev The contract cannot verify libp2p (Ed25519) signatures; it records the proof in the
    ///      event and enforces that one peer ID belongs to one provider. Nodes and probers verify
    ///      `peerSig` over `registrationDigest` and ignore a provider whose proof does not verify.
    /// @param peerId The node's libp2p peer ID (multihash bytes).
    /// @param peerSig The peer key's signature over `registrationDigest(msg.sender, peerId)`.
    /// @param metadata Opaque provider metadata (resources, endpoint), at most MAX_METADATA_LENGTH.
    function register(bytes calldata peerId, bytes calldata peerSig, bytes calldata metadata) external {
        bytes32 h = _checkRegistration(peerId, metadata);
        address owner_ = peerOwner[h];
        if (owner_ != address(0) && owner_ != msg.sender) revert PeerIdTaken(owner_);
        _register(h, peerId, peerSig, metadata);
    }

    /// @notice Registers the caller with its node's peer ID and binds the Filecoin miner actor
    ///         `minerId` in one call: register, then bindMiner. On FEVM, where the registry asks the
    ///         miner actor for its peer ID, this also settles who owns a peer ID someone else
    ///         registered first (a squatter blocking a storage provider): when the miner's on-chain
    ///         peer ID is `peerId` and its holder has no checked miner binding, the peer ID is the
    ///         caller's, and the holder loses its registration (PeerIdReclaimed). A holder whose own
    ///         binding was checked on chain keeps it (PeerIdHeldByCheckedMiner). Off FEVM nothing
    ///         can be checked, so a peer ID held by another is refused as by register (PeerIdTaken).
    /// @dev The holder's checked binding is not re-checked: two miners may name one peer ID, and
    ///      the registry does not follow a miner's later ChangePeerID.
    /// @param peerId The node's libp2p peer ID (multihash bytes).
    /// @param peerSig The peer key's signature over `registrationDigest(msg.sender, peerId)`.
    /// @param metadata Opaque provider metadata, at most MAX_METADATA_LENGTH bytes.
    /// @param minerId The miner actor's ID (f0…), at least MIN_MINER_ID.
    /// @param controllerSig The controlling key's signature over `minerBindingDigest` for the
    ///        caller with this peer ID, as for bindMiner; empty when the caller's own account
    ///        controls the miner.
    function registerWithMiner(
        bytes calldata peerId,
        bytes calldata peerSig,
        bytes calldata metadata,
        uint64 minerId,
        bytes calldata controllerSig
    ) external {
        bytes32 h = _checkRegistration(peerId, metadata);
        _checkBindingArgs(minerId, controllerSig);
        bool verified = _checkMinerPeerId(minerId, h);
        address holder = peerOwner[h];
        if (holder != address(0) && holder != msg.sender) {
            if (!verified) revert PeerIdTaken(holder);
            Provider storage q = _providers[holder];
            if (q.minerVerified) revert PeerIdHeldByCheckedMiner(holder, q.minerId);
            delete peerOwner[h];
            q.peerIdHash = bytes32(0);
            q.registered = false;
            _unbindMiner(holder, q); // a claim proven for the peer ID it no longer holds
            emit PeerIdReclaimed(holder, msg.sender, minerId, h);
            _syncActive(holder, q);
        }
        _register(h, peerId, peerSig, metadata);
        _bindMiner(minerId, controllerSig, verified);
    }

    /// @dev Checks register's arguments; returns the peer ID's hash.
    function _checkRegistration(bytes calldata peerId, bytes calldata metadata) private pure returns (bytes32) {
        if (peerId.length == 0 || peerId.length > MAX_PEER_ID_LENGTH) revert BadPeerId();
        if (metadata.length > MAX_METADATA_LENGTH) revert MetadataTooLong(metadata.length);
        return keccak256(peerId);
    }

    /// @dev Registers the caller with the peer ID hashed `h`, which it may hold.
    function _register(bytes32 h, bytes calldata peerId, bytes calldata peerSig, bytes calldata metadata) private {
        Provider storage p = _providers[msg.sender];
        if (p.peerIdHash != bytes32(0) && p.peerIdHash != h) {
            delete peerOwner[p.peerIdHash];
            _unbindMiner(msg.sender, p); // proven for the old peer ID
        }
        peerOwner[h] = msg.sender;
        p.peerIdHash = h;
        p.registered = true;
        emit ProviderRegistered(msg.sender, peerId, peerSig, metadata);
        _syncActive(msg.sender, p);
    }

    /// @notice The digest a Filecoin miner's controlling key (owner, worker or control address)
    ///         signs to let `provider` bind the miner. It binds chain, registry, miner, provider
    ///         account and the provider's registered peer ID, so it cannot be replayed for another
    ///         account, chain, deployment or node.
    /// @param provider The provider account.
    /// @param minerId The miner actor's ID (the number of its f0 address).
    /// @return The digest: keccak256(abi.encode("brine/miner/v1", chainid, registry, minerId,
    ///         provider, peerIdHash)).
    function minerBindingDigest(address provider, uint64 minerId) public view returns (bytes32) {
        return keccak256(
            abi.encode("brine/miner/v1", block.chainid, address(this), minerId, provider, _providers[provider].peerIdHash)
        );
    }

    /// @notice Binds the Filecoin miner actor `minerId` to the caller, a registered provider. On
    ///         FEVM the registry asks the miner actor for its peer ID (GetPeerID through the
    ///         actor-call precompile) and requires the caller's registered peer ID; on other chains
    ///         (no code at CALL_ACTOR_ID) the binding is recorded with `verifiedOnChain` false.
    /// @dev The registry cannot check Filecoin key signatures (secp256k1 over blake2b, or BLS), so
    ///      `controllerSig` is recorded in the event for nodes, clients and auditors to verify
    ///      against the miner's controlling keys (docs/filecoin.md). A verified binding is the
    ///      miner's only one: it ends a provider's earlier verified binding of the same miner,
    ///      which is stale (the miner now names the caller's peer ID, and a peer ID belongs to one
    ///      provider). An unverified binding reserves nothing, so no one can squat a miner ID.
    /// @param minerId The miner actor's ID (f0…), at least MIN_MINER_ID.
    /// @param controllerSig The controlling key's signature over `minerBindingDigest(msg.sender,
    ///        minerId)` as Lotus encodes it (type byte, then the signature); empty when the caller's
    ///        own account is the miner's owner, worker or a control address.
    function bindMiner(uint64 minerId, bytes calldata controllerSig) external {
        _checkBindingArgs(minerId, controllerSig);
        Provider storage p = _providers[msg.sender];
        if (!p.registered) revert NotRegistered(msg.sender);
        _bindMiner(minerId, controllerSig, _checkMinerPeerId(minerId, p.peerIdHash));
    }

    /// @dev Checks bindMiner's arguments.
    function _checkBindingArgs(uint64 minerId, bytes calldata controllerSig) private pure {
        if (minerId < MIN_MINER_ID) revert BadMinerId(minerId);
        if (controllerSig.length > MAX_CONTROLLER_SIG_LENGTH) revert ControllerSigTooLong(controllerSig.length);
    }

    /// @dev Binds `minerId` to the caller, a registered provider; `verified`: the chain checked it.
    function _bindMiner(uint64 minerId, bytes calldata controllerSig, bool verified) private {
        Provider storage p = _providers[msg.sender];
        if (p.minerId != minerId) _unbindMiner(msg.sender, p);
        if (verified) {
            address prev = minerOwner[minerId];
            if (prev != address(0) && prev != msg.sender) _unbindMiner(prev, _providers[prev]);
            minerOwner[minerId] = msg.sender;
        }
        p.minerId = minerId;
        p.minerVerified = verified;
        emit MinerBound(msg.sender, minerId, verified, controllerSig);
    }

    /// @notice Ends the caller's miner binding.
    function unbindMiner() external {
        Provider storage p = _providers[msg.sender];
        if (p.minerId == 0) revert NoMinerBound(msg.sender);
        _unbindMiner(msg.sender, p);
    }

    /// @notice Replaces the caller's metadata.
    /// @param metadata New metadata, at most MAX_METADATA_LENGTH bytes.
    function updateMetadata(bytes calldata metadata) external {
        if (!_providers[msg.sender].registered) revert NotRegistered(msg.sender);
        if (metadata.length > MAX_METADATA_LENGTH) revert MetadataTooLong(metadata.length);
        emit MetadataUpdated(msg.sender, metadata);
    }

    /// @notice Adds `amount` to the caller's stake (approve the registry first). Staked plus
    ///         unbonding stays within 96 bits, so unstaking can never overflow `unbonding`.
    /// @param amount Tokens to stake, in base units.
    function stake(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Provider storage p = _providers[msg.sender];
        uint256 next = uint256(p.staked) + amount;
        if (next + p.unbonding > type(uint96).max) revert AmountTooLarge(amount);
        p.staked = uint96(next);
        emit Staked(msg.sender, amount, next);
        _syncActive(msg.sender, p);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Moves `amount` of free stake into unbonding. Restarts the unbonding clock for the
    ///         whole unbonding amount. Unbonding stake is slashable until withdrawn.
    /// @param amount Tokens to unstake; at most staked minus locked.
    function unstake(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        Provider storage p = _providers[msg.sender];
        uint256 free = p.staked - p.locked;
        if (amount > free) revert InsufficientFreeStake(free, amount);
        p.staked -= uint96(amount);
        uint256 nextUnbonding = uint256(p.unbonding) + amount;
        p.unbonding = uint96(nextUnbonding); // fits: stake keeps staked + unbonding within uint96
        uint64 ends = uint64(block.timestamp) + unbondingDelay;
        p.unbondingEnds = ends;
        emit Unstaked(msg.sender, amount, p.staked, nextUnbonding, ends);
        _syncActive(msg.sender, p);
    }

    /// @notice Sends the caller's unbonded stake back once the delay has passed.
    function withdrawStake() external nonReentrant {
        Provider storage p = _providers[msg.sender];
        uint256 amount = p.unbonding;
        if (amount == 0 || block.timestamp < p.unbondingEnds) revert NotUnbonded(p.unbondingEnds);
        p.unbonding = 0;
        p.unbondingEnds = 0;
        emit StakeWithdrawn(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    /// @notice Re-checks whether `provider` belongs in the active list and fixes the list if not.
    ///         Needed only after governance changes `minStake`, which moves no one by itself:
    ///         anyone may call it, for example a provider that a lowered minimum made eligible.
    /// @param provider The provider.
    function sync(address provider) external {
        _syncActive(provider, _providers[provider]);
    }

    // ---------------------------------------------------------------- market

    /// @notice Locks `amount` of an active provider's free stake as collateral.
    /// @param provider The provider.
    /// @param amount Collateral to lock.
    function lock(address provider, uint256 amount) external onlyMarket {
        Provider storage p = _providers[provider];
        if (!_isActive(p)) revert NotActive(provider);
        uint256 free = p.staked - p.locked;
        if (amount > free) revert InsufficientFreeStake(free, amount);
        uint96 locked = p.locked + uint96(amount);
        p.locked = locked;
        emit Locked(provider, amount, locked);
    }

    /// @notice Releases `amount` of a provider's locked collateral.
    /// @param provider The provider.
    /// @param amount Collateral to release.
    function unlock(address provider, uint256 amount) external onlyMarket {
        Provider storage p = _providers[provider];
        if (amount > p.locked) revert UnlockExceedsLocked(p.locked, amount);
        uint96 locked = p.locked - uint96(amount);
        p.locked = locked;
        emit Unlocked(provider, amount, locked);
    }

    /// @notice Slashes `amount` from a provider and transfers it to `to`. Locked collateral is taken
    ///         first (the locked total drops by the slashed amount, down to zero: the market slashes
    ///         collateral it locked), then the rest of the stake, then unbonding stake.
    /// @param provider The provider.
    /// @param amount Tokens to slash.
    /// @param to Receiver chosen by the market.
    function slash(address provider, uint256 amount, address to) external onlyMarket nonReentrant {
        if (to == address(0)) revert ZeroAddress();
        Provider storage p = _providers[provider];
        uint256 available = uint256(p.staked) + p.unbonding;
        if (amount > available) revert SlashExceedsStake(available, amount);
        uint256 fromStake = amount > p.staked ? p.staked : amount;
        uint256 fromUnbonding = amount - fromStake;
        p.staked -= uint96(fromStake);
        p.locked = fromStake >= p.locked ? 0 : p.locked - uint96(fromStake);
        if (fromUnbonding != 0) p.unbonding -= uint96(fromUnbonding);
        emit Slashed(provider, amount, fromUnbonding, to);
        _syncActive(provider, p);
        token.safeTransfer(to, amount);
    }

    // ---------------------------------------------------------------- views

    /// @notice Whether `provider` is registered and has at least `minStake` staked.
    /// @param provider The provider.
    /// @return True when active.
    function isActive(address provider) external view returns (bool) {
        return _isActive(_providers[provider]);
    }

    /// @notice A provider's stake accounting.
    /// @param provider The provider.
    /// @return staked Total staked (including locked).
    /// @return locked Locked collateral.
    /// @return unbonding Tokens unbonding.
    /// @return unbondingEnds When unbonding may be withdrawn.
    /// @return registered Whether the provider registered a peer ID.
    /// @return peerIdHash keccak256 of the registered peer ID.
    function providerInfo(address provider)
        external
        view
        returns (uint256 staked, uint256 locked, uint256 unbonding, uint64 unbondingEnds, bool registered, bytes32 peerIdHash)
    {
        Provider storage p = _providers[provider];
        return (p.staked, p.locked, p.unbonding, p.unbondingEnds, p.registered, p.peerIdHash);
    }

    /// @notice The Filecoin miner actor bound to `provider`.
    /// @param provider The provider.
    /// @return minerId The miner's actor ID (f0…); 0 when none is bound.
    /// @return verifiedOnChain Whether the registry checked the binding on chain (FEVM).
    function minerOf(address provider) external view returns (uint64 minerId, bool verifiedOnChain) {
        Provider storage p = _providers[provider];
        return (p.minerId, p.minerVerified);
    }

    /// @notice A provider's free stake (staked minus locked).
    /// @param provider The provider.
    /// @return Free stake.
    function freeStake(address provider) external view returns (uint256) {
        Provider storage p = _providers[provider];
        return p.staked - p.locked;
    }

    /// @notice Number of providers in the active list (may include some that fell below a raised
    ///         minStake; check `isActive`).
    /// @return The list length.
    function activeCount() external view returns (uint256) {
        return _active.length;
    }

    /// @notice The provider at position `i` of the active list.
    /// @param i Zero-based position.
    /// @return The provider.
    function activeAt(uint256 i) external view returns (address) {
        return _active[i];
    }

    /// @notice One call for the market's verifier draw: the provider at position `i` of the active
    ///         list and whether it could lock `need` right now.
    /// @param i Zero-based position (must be below activeCount()).
    /// @param need Collateral the draw would lock.
    /// @return provider The provider at `i`.
    /// @return eligible True when it is active with at least `need` free stake.
    function candidateAt(uint256 i, uint256 need) external view returns (address provider, bool eligible) {
        provider = _active[i];
        Provider storage p = _providers[provider];
        eligible = _isActive(p) && p.staked - p.locked >= need;
    }

    // ---------------------------------------------------------------- internals

    function _isActive(Provider storage p) private view returns (bool) {
        return p.registered && p.staked >= minStake;
    }

    function _unbindMiner(address provider, Provider storage p) private {
        uint64 id = p.minerId;
        if (id == 0) return;
        if (minerOwner[id] == provider) delete minerOwner[id];
        p.minerId = 0;
        p.minerVerified = false;
        emit MinerUnbound(provider, id);
    }

    /// @dev Asks the miner actor for its peer ID through the actor-call precompile and compares
    ///      it with `want`. Returns false (not verified) when the precompile address has no code,
    ///      as on every chain but FEVM; reverts on FEVM's chains when it does not answer. The
    ///      delegatecall is the precompile's documented convention; on FEVM the precompile runs
    ///      no EVM code in the registry's context.
    function _checkMinerPeerId(uint64 minerId, bytes32 want) private returns (bool) {
        (bool ok, bytes memory ret) = CALL_ACTOR_ID.delegatecall(
            abi.encode(GET_PEER_ID_METHOD, uint256(0), READ_ONLY_FLAG, NONE_CODEC, bytes(""), minerId)
        );
        if (!ok) revert MinerCallFailed(minerId);
        if (ret.length == 0) {
            if (block.chainid == 314 || block.chainid == 314159) revert MinerCheckUnavailable(minerId);
            return false;
        }
        if (ret.length < 128) revert MinerReturnMalformed(minerId);
        (int256 exitCode, uint64 codec, bytes memory value) = abi.decode(ret, (int256, uint64, bytes));
        if (exitCode != 0) revert MinerActorError(minerId, exitCode);
        if (codec != CBOR_CODEC && codec != DAG_CBOR_CODEC) revert MinerReturnMalformed(minerId);
        bytes32 got = _peerIdHashOf(minerId, value);
        if (got != want) revert MinerPeerIdMismatch(minerId, want, got);
        return true;
    }

    /// @dev keccak256 of the peer ID in a GetPeerIDReturn: a CBOR array of one byte string
    ///      (0x81, then major type 2 with a length of up to 16 bits).
    function _peerIdHashOf(uint64 minerId, bytes memory v) private pure returns (bytes32 h) {
        if (v.length < 2 || v[0] != 0x81 || (uint8(v[1]) & 0xe0) != 0x40) revert MinerReturnMalformed(minerId);
        uint256 info = uint8(v[1]) & 0x1f;
        uint256 off = 2;
        uint256 len = info;
        if (info == 24) {
            if (v.length < 3) revert MinerReturnMalformed(minerId);
            len = uint8(v[2]);
            off = 3;
        } else if (info == 25) {
            if (v.length < 4) revert MinerReturnMalformed(minerId);
            len = (uint256(uint8(v[2])) << 8) | uint8(v[3]);
            off = 4;
        } else if (info > 25) {
            revert MinerReturnMalformed(minerId);
        }
        if (off + len != v.length) revert MinerReturnMalformed(minerId);
        assembly ("memory-safe") {
            h := keccak256(add(add(v, 0x20), off), len)
        }
    }

    /// @dev Keeps `_active` in step with `_isActive` for this provider: O(1) swap-and-pop.
    function _syncActive(address provider, Provider storage p) private {
        bool want = _isActive(p);
        bool listed = p.activeIndex != 0;
        if (want == listed) return;
        if (want) {
            _active.push(provider);
            p.activeIndex = uint32(_active.length);
        } else {
            uint256 idx = p.activeIndex - 1;
            address last = _active[_active.length - 1];
            _active[idx] = last;
            _providers[last].activeIndex = uint32(idx + 1);
            _active.pop();
            p.activeIndex = 0;
        }
        emit ActiveChanged(provider, want);
    }
}
