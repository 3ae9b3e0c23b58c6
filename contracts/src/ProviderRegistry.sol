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

    /// @dev One storage slot of hot state, one of unbonding state.
    struct Provider {
        uint96 staked; // tokens staked (includes locked)
        uint96 locked; // part of staked locked as job or verifier collateral
        uint32 activeIndex; // 1-based position in `_active`; 0 when not listed
        bool registered;
        // -- slot 2
        uint96 unbonding; // tokens waiting for `unbondingEnds`
        uint64 unbondingEnds; // when `unbonding` may be withdrawn
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
    address[] private _active;

    /// @notice Emitted once, when governance wires the market in.
    event MarketSet(address indexed market);
    /// @notice Emitted when governance changes the staking parameters.
    event StakingParamsSet(uint96 minStake, uint64 unbondingDelay);
    /// @notice A provider bound (or re-bound) its libp2p peer ID. `peerSig` is the peer key's
    ///         signature over the registration digest (see `registrationDigest`); nodes and probers
    ///         verify it off chain before they trust the binding.
    event ProviderRegistered(address indexed provider, bytes peerId, bytes peerSig, bytes metadata);
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
        if (peerId.length == 0 || peerId.length > MAX_PEER_ID_LENGTH) revert BadPeerId();
        if (metadata.length > MAX_METADATA_LENGTH) revert MetadataTooLong(metadata.length);
        bytes32 h = keccak256(peerId);
        address owner_ = peerOwner[h];
        if (owner_ != address(0) && owner_ != msg.sender) revert PeerIdTaken(owner_);
        Provider storage p = _providers[msg.sender];
        if (p.peerIdHash != bytes32(0) && p.peerIdHash != h) delete peerOwner[p.peerIdHash];
        peerOwner[h] = msg.sender;
        p.peerIdHash = h;
        p.registered = true;
        emit ProviderRegistered(msg.sender, peerId, peerSig, metadata);
        _syncActive(msg.sender, p);
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
