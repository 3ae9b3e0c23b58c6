// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Ownable2Step, Ownable} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title UptimeRewards
/// @notice Pays providers for keeping their nodes up: "a fixed amount per server per epoch".
///         Anyone funds an epoch's budget. Reporters (uptime probers, managed by governance) each
///         post one Merkle root per ended epoch over leaves (epoch, provider, amount) encoded the
///         OpenZeppelin way: keccak256(bytes.concat(keccak256(abi.encode(epoch, provider, amount)))).
///         Providers claim with proofs, several at once, never twice.
/// @dev Caps enforced at claim, whatever a reporter's tree says:
///      - a leaf pays at most rewardPerProvider / reporters (the epoch's snapshots);
///      - a reporter's root pays at most budget / reporters in total.
///      So all reporters together never pay more than the epoch's budget.
///      Books: token.balanceOf(this) == sum(budget) - sum(paid) over epochs.
contract UptimeRewards is Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Most reporters governance may appoint.
    uint256 public constant MAX_REPORTERS = 64;
    /// @notice Most claims one transaction may carry.
    uint256 public constant MAX_CLAIMS = 64;

    /// @dev Per-epoch accounting. `reporters` and `perProviderCap` are snapshots taken when the
    ///      epoch's first root is posted, so later governance changes do not touch it.
    struct Epoch {
        uint128 budget;
        uint128 paid;
        uint96 perProviderCap;
        uint8 reporters;
    }

    /// @dev A reporter's root for an epoch and how much it has paid out.
    struct Root {
        bytes32 root;
        uint128 paid;
    }

    /// @notice One claim: `amount` for the caller in `epoch` under `reporter`'s root.
    struct Claim {
        uint64 epoch;
        address reporter;
        uint256 amount;
        bytes32[] proof;
    }

    /// @notice The reward token.
    IERC20 public immutable token;
    /// @notice Start of epoch 0 (unix seconds).
    uint64 public immutable genesis;
    /// @notice Epoch length in seconds.
    uint64 public immutable epochLength;
    /// @notice Epochs after an epoch's end during which its rewards can be claimed; after that its
    ///         unclaimed budget can be rolled into a later epoch with `rollOver`.
    uint64 public immutable claimEpochs;
    /// @notice Most one provider may earn per epoch across all reporters (split evenly among them).
    uint96 public rewardPerProvider;
    /// @notice Number of current reporters.
    uint8 public reporterCount;

    /// @notice When each current reporter was appointed (0 = not a reporter).
    mapping(address => uint64) public reporterSince;
    mapping(uint256 => Epoch) private _epochs;
    mapping(uint256 => mapping(address => Root)) private _roots;
    /// @dev provider => reporter => epoch / 256 => bitmap of claimed epochs.
    mapping(address => mapping(address => mapping(uint256 => uint256))) private _claimed;

    /// @notice Governance appointed a reporter.
    event ReporterAdded(address indexed reporter);
    /// @notice Governance removed a reporter.
    event ReporterRemoved(address indexed reporter);
    /// @notice The per-provider reward changed (applies to epochs without a root yet).
    event RewardPerProviderSet(uint96 rewardPerProvider);
    /// @notice `funder` added `amount` to `epoch`'s budget; `budget` is the new total.
    event Funded(uint64 indexed epoch, address indexed funder, uint256 amount, uint256 budget);
    /// @notice A reporter posted its root for an ended epoch. `reporters` and `perProviderCap` are
    ///         the epoch's snapshots.
    event RootPosted(uint64 indexed epoch, address indexed reporter, bytes32 root, uint8 reporters, uint96 perProviderCap);
    /// @notice The unclaimed budget of `epoch` moved to `toEpoch`; `epoch` is closed.
    event RolledOver(uint64 indexed epoch, uint64 indexed toEpoch, uint256 amount);
    /// @notice A provider claimed `amount` from `reporter`'s root for `epoch`.
    event RewardClaimed(uint64 indexed epoch, address indexed provider, address indexed reporter, uint256 amount);

    /// @notice An address argument was zero.
    error ZeroAddress();
    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice The account is already a reporter.
    error AlreadyReporter(address reporter);
    /// @notice The account is not a reporter (or was appointed after the epoch ended).
    error NotReporter(address account);
    /// @notice Too many reporters or claims.
    error TooMany();
    /// @notice The epoch has not ended yet.
    error EpochNotEnded(uint64 epoch, uint256 endsAt);
    /// @notice The reporter already posted a root for this epoch.
    error RootAlreadyPosted(uint64 epoch, address reporter);
    /// @notice The reporter posted no root for this epoch.
    error NoRoot(uint64 epoch, address reporter);
    /// @notice The proof does not verify against the reporter's root.
    error InvalidProof(uint64 epoch, address reporter);
    /// @notice This claim was already paid.
    error AlreadyClaimed(uint64 epoch, address reporter);
    /// @notice The leaf's amount exceeds what one provider may earn from one reporter.
    error LeafOverCap(uint256 amount, uint256 cap);
    /// @notice Paying would take the reporter's root past its share of the budget.
    error ShareExceeded(uint256 wouldPay, uint256 share);
    /// @notice The reward per provider is zero.
    error BadReward();
    /// @notice The epoch's claim window has closed (its leftover may be rolled over).
    error ClaimWindowClosed(uint64 epoch);
    /// @notice The epoch's claim window is still open.
    error ClaimWindowOpen(uint64 epoch, uint256 closesAfterEpoch);

    /// @param token_ The reward token.
    /// @param owner_ Governance.
    /// @param genesis_ Start of epoch 0.
    /// @param epochLength_ Epoch length in seconds (> 0).
    /// @param rewardPerProvider_ Most one provider earns per epoch.
    /// @param claimEpochs_ Epochs after an epoch's end during which it can be claimed (> 0).
    constructor(
        IERC20 token_,
        address owner_,
        uint64 genesis_,
        uint64 epochLength_,
        uint96 rewardPerProvider_,
        uint64 claimEpochs_
    ) Ownable(owner_) {
        if (address(token_) == address(0)) revert ZeroAddress();
        if (epochLength_ == 0 || claimEpochs_ == 0) revert ZeroAmount();
        claimEpochs = claimEpochs_;
        if (rewardPerProvider_ == 0) revert BadReward();
        token = token_;
        genesis = genesis_;
        epochLength = epochLength_;
        rewardPerProvider = rewardPerProvider_;
        emit RewardPerProviderSet(rewardPerProvider_);
    }

    // ---------------------------------------------------------------- governance

    /// @notice Appoints a reporter. It may post roots for epochs that end after now.
    /// @param reporter The prober's account.
    function addReporter(address reporter) external onlyOwner {
        if (reporter == address(0)) revert ZeroAddress();
        if (reporterSince[reporter] != 0) revert AlreadyReporter(reporter);
        if (reporterCount >= MAX_REPORTERS) revert TooMany();
        reporterSince[reporter] = uint64(block.timestamp);
        reporterCount += 1;
        emit ReporterAdded(reporter);
    }

    /// @notice Removes a reporter. Its posted roots stay claimable.
    /// @param reporter The prober's account.
    function removeReporter(address reporter) external onlyOwner {
        if (reporterSince[reporter] == 0) revert NotReporter(reporter);
        reporterSince[reporter] = 0;
        reporterCount -= 1;
        emit ReporterRemoved(reporter);
    }

    /// @notice Sets the most one provider may earn per epoch, for epochs without a root yet.
    /// @param rewardPerProvider_ The new amount (> 0).
    function setRewardPerProvider(uint96 rewardPerProvider_) external onlyOwner {
        if (rewardPerProvider_ == 0) revert BadReward();
        rewardPerProvider = rewardPerProvider_;
        emit RewardPerProviderSet(rewardPerProvider_);
    }

    // ---------------------------------------------------------------- funding

    /// @notice Adds `amount` to each of `count` consecutive epochs from `fromEpoch` (approve
    ///         amount * count first). Any epoch may be funded, even one that has ended: the caps
    ///         read the budget at claim time, so late funding only raises what can be claimed.
    /// @param fromEpoch First epoch to fund.
    /// @param count Number of epochs (1..MAX_CLAIMS).
    /// @param amount Tokens per epoch.
    function fund(uint64 fromEpoch, uint64 count, uint256 amount) external nonReentrant {
        if (amount == 0 || count == 0) revert ZeroAmount();
        if (count > MAX_CLAIMS) revert TooMany();
        if (uint256(fromEpoch) + count > type(uint64).max) revert TooMany();
        for (uint64 e = fromEpoch; e < fromEpoch + count; e++) {
            if (_closed(e)) revert ClaimWindowClosed(e);
            Epoch storage ep = _epochs[e];
            uint256 budget = uint256(ep.budget) + amount;
            if (budget > type(uint128).max) revert TooMany();
            ep.budget = uint128(budget);
            emit Funded(e, msg.sender, amount, budget);
        }
        token.safeTransferFrom(msg.sender, address(this), amount * count);
    }

    // ---------------------------------------------------------------- reporters

    /// @notice Posts the caller's Merkle root for an ended epoch. One root per reporter per epoch,
    ///         never replaced. The first root of an epoch snapshots the reporter count and the
    ///         per-provider cap.
    /// @param epoch The epoch.
    /// @param root Root over leaves (epoch, provider, amount).
    function postRoot(uint64 epoch, bytes32 root) external {
        uint64 since = reporterSince[msg.sender];
        uint256 endsAt = epochEnd(epoch);
        if (since == 0 || since >= endsAt) revert NotReporter(msg.sender);
        if (block.timestamp < endsAt) revert EpochNotEnded(epoch, endsAt);
        Root storage r = _roots[epoch][msg.sender];
        if (r.root != bytes32(0)) revert RootAlreadyPosted(epoch, msg.sender);
        if (root == bytes32(0)) revert InvalidProof(epoch, msg.sender);
        Epoch storage ep = _epochs[epoch];
        if (ep.reporters == 0) {
            ep.reporters = reporterCount;
            ep.perProviderCap = rewardPerProvider;
        }
        r.root = root;
        emit RootPosted(epoch, msg.sender, root, ep.reporters, ep.perProviderCap);
    }

    // ---------------------------------------------------------------- providers

    /// @notice Claims the caller's rewards: each claim a leaf (epoch, caller, amount) under a
    ///         reporter's root. All claims succeed or the transaction reverts.
    /// @param claims Up to MAX_CLAIMS claims.
    /// @return total Tokens sent to the caller.
    function claim(Claim[] calldata claims) external nonReentrant returns (uint256 total) {
        if (claims.length == 0) revert ZeroAmount();
        if (claims.length > MAX_CLAIMS) revert TooMany();
        for (uint256 i = 0; i < claims.length; i++) {
            total += _claimOne(claims[i]);
        }
        token.safeTransfer(msg.sender, total);
    }

    function _claimOne(Claim calldata c) private returns (uint256) {
        if (_closed(c.epoch)) revert ClaimWindowClosed(c.epoch);
        Root storage r = _roots[c.epoch][c.reporter];
        bytes32 root = r.root;
        if (root == bytes32(0)) revert NoRoot(c.epoch, c.reporter);
        if (c.amount == 0) revert ZeroAmount();
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(c.epoch, msg.sender, c.amount))));
        if (!MerkleProof.verifyCalldata(c.proof, root, leaf)) revert InvalidProof(c.epoch, c.reporter);

        mapping(uint256 => uint256) storage bits = _claimed[msg.sender][c.reporter];
        uint256 word = c.epoch >> 8;
        uint256 mask = 1 << (c.epoch & 0xff);
        if (bits[word] & mask != 0) revert AlreadyClaimed(c.epoch, c.reporter);
        bits[word] |= mask;

        Epoch storage ep = _epochs[c.epoch];
        uint256 leafCap = uint256(ep.perProviderCap) / ep.reporters;
        if (c.amount > leafCap) revert LeafOverCap(c.amount, leafCap);
        uint256 share = uint256(ep.budget) / ep.reporters;
        uint256 wouldPay = uint256(r.paid) + c.amount;
        if (wouldPay > share) revert ShareExceeded(wouldPay, share);
        r.paid = uint128(wouldPay);
        ep.paid += uint128(c.amount);
        emit RewardClaimed(c.epoch, msg.sender, c.reporter, c.amount);
        return c.amount;
    }

    /// @notice Moves an epoch's unclaimed budget (budget − paid) into the epoch after the current
    ///         one, once the epoch's claim window has closed, so no funded token is stranded
    ///         (reporters that never posted, rounding of the caps, unclaimed leaves). Anyone may call.
    /// @param epoch The closed epoch.
    /// @return amount Tokens moved.
    function rollOver(uint64 epoch) external returns (uint256 amount) {
        if (!_closed(epoch)) revert ClaimWindowOpen(epoch, uint256(epoch) + claimEpochs);
        Epoch storage ep = _epochs[epoch];
        amount = uint256(ep.budget) - ep.paid;
        if (amount == 0) revert ZeroAmount();
        ep.budget = ep.paid;
        uint64 to = currentEpoch() + 1;
        Epoch storage next = _epochs[to];
        uint256 budget = uint256(next.budget) + amount;
        next.budget = uint128(budget); // fits: the sum of all budgets is bounded by the token supply held here
        emit RolledOver(epoch, to, amount);
        emit Funded(to, address(this), amount, budget);
    }

    /// @dev True once `epoch` ended more than claimEpochs epochs ago.
    function _closed(uint64 epoch) private view returns (bool) {
        return block.timestamp >= genesis && currentEpoch() > uint256(epoch) + claimEpochs;
    }

    // ---------------------------------------------------------------- views

    /// @notice The epoch containing the current time (0 before genesis).
    /// @return The epoch number.
    function currentEpoch() public view returns (uint64) {
        if (block.timestamp < genesis) return 0;
        return uint64((block.timestamp - genesis) / epochLength);
    }

    /// @notice When `epoch` ends (its last second is endsAt - 1).
    /// @param epoch The epoch.
    /// @return endsAt Unix seconds.
    function epochEnd(uint64 epoch) public view returns (uint256 endsAt) {
        return uint256(genesis) + (uint256(epoch) + 1) * epochLength;
    }

    /// @notice An epoch's accounting.
    /// @param epoch The epoch.
    /// @return budget Tokens funded.
    /// @return paid Tokens claimed.
    /// @return reporters Reporter-count snapshot (0 before the first root).
    /// @return perProviderCap Per-provider reward snapshot.
    function epochInfo(uint64 epoch)
        external
        view
        returns (uint256 budget, uint256 paid, uint8 reporters, uint96 perProviderCap)
    {
        Epoch storage ep = _epochs[epoch];
        return (ep.budget, ep.paid, ep.reporters, ep.perProviderCap);
    }

    /// @notice A reporter's root for an epoch and how much it has paid.
    /// @param epoch The epoch.
    /// @param reporter The reporter.
    /// @return root The root (zero if none).
    /// @return paid Tokens paid under it.
    function rootOf(uint64 epoch, address reporter) external view returns (bytes32 root, uint256 paid) {
        Root storage r = _roots[epoch][reporter];
        return (r.root, r.paid);
    }

    /// @notice Whether `provider` already claimed from `reporter`'s root for `epoch`.
    /// @param provider The provider.
    /// @param reporter The reporter.
    /// @param epoch The epoch.
    /// @return True when claimed.
    function isClaimed(address provider, address reporter, uint64 epoch) external view returns (bool) {
        return _claimed[provider][reporter][epoch >> 8] & (1 << (epoch & 0xff)) != 0;
    }

    /// @notice The leaf a reporter's tree holds for (epoch, provider, amount).
    /// @param epoch The epoch.
    /// @param provider The provider.
    /// @param amount The reward.
    /// @return The leaf hash.
    function leafHash(uint64 epoch, address provider, uint256 amount) external pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(epoch, provider, amount))));
    }
}
