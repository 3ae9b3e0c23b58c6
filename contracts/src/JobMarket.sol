// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable2Step, Ownable} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IProviderRegistry} from "./IProviderRegistry.sol";

/// @title JobMarket
/// @notice Escrow, result commitments, challenges and settlement for Brine compute jobs.
///
/// A client posts a job and escrows its payment; a provider (or N replicas) accepts and locks
/// collateral out of its stake in the ProviderRegistry; the provider commits the content hash
/// (CID bytes) of the result; anyone may challenge inside the challenge window with a bond, and
/// verifiers drawn from the active providers re-execute and vote by commit-reveal; the side the
/// first panel rules against may appeal once, with a larger bond, to a final panel of
/// APPEAL_VERIFIERS that a one-third cartel holds with under 1% probability; after the window
/// (or a failed challenge) anyone may finalize, crediting the provider. All payouts are
/// credited to balances and pulled with `withdraw`.
///
/// @dev Storage keeps one slot per live job: the keccak256 of its `Job` record. Callers pass the
///      record back in calldata and every record-changing event carries the whole new record, so
///      readers rebuild it from logs. The slot is cleared when the job settles.
///      Books: token.balanceOf(this) >= owed, where owed == escrowed payments of live jobs + open
///      challenge bonds + sum(balances) + treasuryAccrued, kept as a running total (`owed`). The
///      difference, tokens sent straight to the market, is a surplus nobody is owed; `sweepSurplus`
///      credits it to the treasury. Stake and collateral live in the registry.
contract JobMarket is Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ------------------------------------------------------------------ types

    /// @notice Where a job is in its life. Terminal states delete the record.
    enum Status {
        None, // no such job (or settled)
        Open, // posted; waiting for its provider (N=1) or replicas' round (N>1)
        Accepted, // N=1: a provider locked collateral and owes a result
        Committed, // a result is on record; the challenge window runs from committedAt
        Challenged, // a challenge is open
        Cleared // a challenge failed or was inconclusive; finalizable now
    }

    /// @notice How a challenge ended.
    enum Outcome {
        Rejected, // verifiers' majority agreed with the committed result
        Upheld, // verifiers' majority disagreed
        Inconclusive // neither side had a majority of the drawn verifiers
    }

    /// @notice Why collateral was slashed.
    enum SlashReason {
        ResultTimeout,
        ReplicaMinority,
        ReplicaSilent,
        VerifierMinority,
        VerifierSilent,
        ChallengeUpheld,
        AppealOverturned // an appealed first panel's vote against the final verdict
    }

    /// @notice The full record of a job. Only its hash is stored; see the contract notes.
    struct Job {
        address client;
        uint96 payment; // escrowed, in token base units
        address provider; // N=1: the accepted provider; N>1: always zero
        uint96 collateral; // locked per replica
        bytes32 specHash; // hash of the canonical job spec (served off chain)
        bytes32 result; // keccak256 of the committed result CID bytes (N>1: the majority's)
        uint64 acceptBy; // last second a provider may accept
        uint64 resultBy; // last second a result may be committed
        uint64 committedAt; // when the result went on record
        uint32 challengeWindow; // seconds after committedAt during which anyone may challenge
        uint32 paramsId; // governance parameter set in force when the job was posted
        uint16 feeBps; // protocol fee snapshot, in basis points of the payment
        uint8 replicas; // N
        uint8 winners; // N>1: replicas in the majority
        Status status;
    }

    /// @notice What a client asks for when posting.
    struct JobRequest {
        bytes32 specHash;
        uint96 payment; // total, split evenly among replicas
        uint96 collateral; // per replica
        uint8 replicas;
        uint64 acceptBy;
        uint64 resultBy;
        uint32 challengeWindow;
    }

    /// @notice An ERC-2612 permit carried inside postJobWithPermit.
    struct Permit {
        uint256 deadline;
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    /// @notice Governance parameters. Each change creates a new set; jobs keep the set they were
    ///         posted under.
    struct Params {
        uint96 minCollateral; // least collateral per replica a job may ask for
        uint16 feeBps; // protocol fee on payments (<= MAX_FEE_BPS)
        uint16 challengerRewardBps; // share of slashed collateral to a successful challenger
        uint16 verifierRewardBps; // share of slashed collateral to the verifiers' majority
        uint8 verifiers; // K verifiers drawn per challenge (odd, 1..MAX_VERIFIERS)
        uint32 minChallengeWindow; // least challenge window a job may ask for
        uint32 voteCommitWindow; // seconds verifiers have to commit after the draw
        uint32 voteRevealWindow; // seconds verifiers have to reveal after the commit window
        uint32 replicaRevealWindow; // seconds replicas have to reveal after resultBy
        uint96 challengeBond; // bond a challenger deposits
        uint96 verifierCollateral; // stake locked per drawn verifier
        uint32 minCollateralBps; // least collateral per replica, in basis points of its share of the payment (0: none)
    }

    /// @dev A commit-reveal round: the replicas of a job (kind 0) or a challenge's verifiers (kind 1).
    struct Panel {
        uint8 target; // members wanted
        uint8 size; // members so far
        uint8 committed;
        uint8 revealed;
        bool closed; // replicas resolved: no more commits or reveals
        uint64 commitBy;
        uint64 revealBy;
    }

    /// @dev One panel seat.
    struct Member {
        address account;
        bytes32 commitment; // zero until committed
        bytes32 result; // keccak256 of the revealed CID bytes; zero until revealed
    }

    /// @dev An open challenge.
    struct ChallengeInfo {
        address challenger;
        uint96 bond;
        uint64 anchorBlock; // its blockhash seeds the verifier draw (of the current round)
        uint8 round; // 0: the first panel; 1: the appeal's final panel
        address appellant; // who appealed (zero before an appeal); its bond is appealBond(job)
        uint8 firstSize; // seats of the appealed first panel, judged by the final verdict
    }

    /// @dev A revealed vote of an appealed first panel, kept until the final verdict judges it.
    struct FirstVote {
        address account; // zero: the seat was silent (slashed at the appeal)
        bool agreed; // it voted the job's committed result
    }

    // ------------------------------------------------------------------ constants

    /// @notice Panel kind of a job's replicas.
    uint8 public constant REPLICAS = 0;
    /// @notice Panel kind of a challenge's verifiers.
    uint8 public constant VERIFIERS = 1;
    /// @notice Highest replica count a job may ask for.
    uint8 public constant MAX_REPLICAS = 9;
    /// @notice Highest verifier count governance may set.
    uint8 public constant MAX_VERIFIERS = 15;
    /// @notice Verifiers of an appeal's final panel. Derived from the BFT bound: drawn from the
    ///         99 eligible providers of a 100-provider network of which a third (33) collude,
    ///         the cartel holds 21 or more of 41 seats with probability 0.0016 (hypergeometric;
    ///         0.0135 drawing from an unbounded network). docs/protocol.md has the table.
    uint8 public constant APPEAL_VERIFIERS = 41;
    /// @notice Highest minimum collateral ratio governance may set (10 times the payment); 0 sets none.
    uint32 public constant MAX_COLLATERAL_BPS = 100_000;
    /// @notice Draw attempts per verifier seat before the draw settles for fewer verifiers.
    uint256 public constant DRAW_ATTEMPTS_PER_SEAT = 4;
    /// @notice Highest protocol fee governance may set (10%).
    uint16 public constant MAX_FEE_BPS = 1000;
    /// @notice Shortest window governance may set for any phase, in seconds.
    uint32 public constant MIN_WINDOW = 4;
    /// @notice Longest window governance may set or a job may ask for, in seconds.
    uint32 public constant MAX_WINDOW = 30 days;
    /// @notice Longest a job may stay open for acceptance, and then run, in seconds.
    uint64 public constant MAX_JOB_SPAN = 30 days;
    /// @notice Most jobs one finalizeBatch may settle (keeps a batch well inside a block).
    uint256 public constant MAX_BATCH = 100;
    /// @notice Largest result CID accepted, in bytes.
    uint256 public constant MAX_CID_LENGTH = 128;

    // ------------------------------------------------------------------ state

    /// @notice The token of payments, bonds and collateral.
    IERC20 public immutable token;
    /// @notice The registry holding providers' stake.
    IProviderRegistry public immutable registry;

    /// @notice Every token the market owes: escrowed payments of live jobs, open challenge bonds,
    ///         credited balances and treasuryAccrued. It grows only when tokens arrive through the
    ///         market's own paths (postJob, challenge, a slash into the market, a sweep) and shrinks
    ///         only when they leave (withdraw, withdrawFees), so token.balanceOf(this) - owed is
    ///         what was sent straight to the market: the surplus.
    /// @dev Declared first so that it shares a slot with jobCount and paramsId (20 + 8 + 4 bytes;
    ///      Ownable2Step's pending owner fills slot 1 alone), which postJob reads and writes
    ///      anyway. 160 bits: 1.4e48 base units, beyond any token supply the uint96 amounts of
    ///      this contract are meant for.
    uint160 public owed;
    /// @notice Number of jobs ever posted; job IDs run from 1.
    uint64 public jobCount;
    /// @notice The parameter set new jobs are posted under.
    uint32 public paramsId;

    /// @notice Receiver of protocol fees and slashed leftovers.
    address public treasury;
    /// @notice Fees and slashings credited to the treasury, not yet withdrawn. 256 bits: one
    ///         upheld challenge can slash more than 2^96 (N replicas' collateral plus verifiers').
    uint256 public treasuryAccrued;

    /// @notice keccak256 of each live job's record (zero when unknown or settled).
    mapping(uint256 => bytes32) public jobHash;
    /// @notice Credited balances, withdrawn by their owners.
    mapping(address => uint256) public balances;

    mapping(uint256 => Params) private _params;
    mapping(uint256 => Panel) private _panels; // key: id << 1 | kind
    mapping(uint256 => mapping(uint256 => Member)) private _members; // key, seat
    mapping(uint256 => ChallengeInfo) private _challenges;
    mapping(uint256 => mapping(uint256 => FirstVote)) private _firstVotes; // id, first panel seat

    // ------------------------------------------------------------------ events

    /// @notice A new governance parameter set is in force for jobs posted from now on.
    event ParamsSet(uint32 indexed paramsId, Params params);
    /// @notice The treasury changed.
    event TreasurySet(address indexed treasury);
    /// @notice A job was posted and its payment escrowed.
    event JobPosted(uint256 indexed id, address indexed client, Job job);
    /// @notice A provider accepted a single-replica job and locked its collateral.
    event JobAccepted(uint256 indexed id, address indexed provider, Job job);
    /// @notice A provider took seat `index` of a replicated job and locked its collateral.
    event ReplicaAccepted(uint256 indexed id, address indexed provider, uint8 index);
    /// @notice The provider committed the result's CID; the challenge window starts.
    event ResultCommitted(uint256 indexed id, address indexed provider, bytes cid, Job job);
    /// @notice A panel member (replica or verifier) committed a salted result hash.
    event PanelCommitted(uint256 indexed id, uint8 kind, uint8 index, address indexed account, bytes32 commitment);
    /// @notice A panel member revealed its result CID.
    event PanelRevealed(uint256 indexed id, uint8 kind, uint8 index, address indexed account, bytes cid);
    /// @notice A replicated job's reveals were tallied. `agreed` false means no majority: the job
    ///         was refunded and deleted.
    event ReplicasResolved(uint256 indexed id, bool agreed, uint8 winners, Job job);
    /// @notice A challenge opened with `bond`; verifiers are drawn from `anchorBlock`'s hash.
    event ChallengeOpened(uint256 indexed id, address indexed challenger, uint256 bond, uint64 anchorBlock, Job job);
    /// @notice The anchor block's hash aged out before the draw; a new anchor was set.
    event DrawReanchored(uint256 indexed id, uint64 anchorBlock);
    /// @notice The side the first panel ruled against (`firstOutcome`) appealed with `bond`;
    ///         the final panel of APPEAL_VERIFIERS is drawn from `anchorBlock`'s hash. The first
    ///         panel's silent verifiers were slashed; its revealed ones stay locked until the final
    ///         verdict judges their votes (FirstPanelJudged).
    event AppealOpened(uint256 indexed id, address indexed appellant, uint256 bond, uint64 anchorBlock, Outcome firstOutcome);
    /// @notice Verifiers were drawn and their collateral locked.
    event VerifiersDrawn(uint256 indexed id, address[] verifiers, uint64 commitBy, uint64 revealBy);
    /// @notice An appealed first panel was judged by the final verdict: `kept` voters sided with
    ///         it (collateral unlocked, each credited `share`), `slashed` voters against it lost
    ///         their verifier collateral (CollateralSlashed, AppealOverturned), which pays `share`
    ///         to each of the `kept`. An inconclusive final verdict unlocks every voter (`kept`).
    event FirstPanelJudged(uint256 indexed id, uint8 kept, uint8 slashed, uint256 share);
    /// @notice A minority replica of a replicated job (it revealed another result than the
    ///         majority's) was proved right by an upheld challenge: its `collateral`, kept locked
    ///         since resolveReplicas, was unlocked instead of slashed.
    event ReplicaVindicated(uint256 indexed id, address indexed account, uint256 collateral);
    /// @notice A challenge was resolved. The record is the job's new record (deleted when upheld).
    event ChallengeResolved(uint256 indexed id, Outcome outcome, uint8 agree, uint8 disagree, Job job);
    /// @notice A job settled to its provider(s): `paid` credited after `fee`.
    event JobFinalized(uint256 indexed id, address indexed provider, uint256 paid, uint256 fee);
    /// @notice A job nobody accepted in time was refunded.
    event JobReclaimed(uint256 indexed id, address indexed client, uint256 refund);
    /// @notice A provider missed the result deadline; the client got payment and collateral.
    event JobTimedOut(uint256 indexed id, address indexed provider, uint256 refund, uint256 slashed);
    /// @notice A job's collateral or a verifier's collateral was slashed into the market.
    event CollateralSlashed(uint256 indexed id, address indexed account, uint256 amount, SlashReason reason);
    /// @notice `amount` was credited to `account`'s withdrawable balance.
    event Credited(address indexed account, uint256 amount);
    /// @notice `amount` was credited to the treasury.
    event TreasuryCredited(uint256 amount);
    /// @notice `account` withdrew its balance.
    event Withdrawn(address indexed account, uint256 amount);
    /// @notice The treasury's accrued credit was sent to it.
    event FeesWithdrawn(address indexed treasury, uint256 amount);
    /// @notice A surplus (tokens the market held beyond `owed`, sent to it directly) was credited
    ///         to the treasury; a TreasuryCredited event of the same amount follows.
    event SurplusSwept(address indexed caller, uint256 amount);

    // ------------------------------------------------------------------ errors

    /// @notice No live job has this ID (never posted, or already settled).
    error UnknownJob(uint256 id);
    /// @notice The record passed does not hash to the stored one: re-read it from the latest event.
    error StaleJobRecord(uint256 id);
    /// @notice The job is not in the state this call needs.
    error WrongStatus(uint256 id, Status status);
    /// @notice Called before `time`.
    error TooEarly(uint256 time);
    /// @notice Called after `time`.
    error TooLate(uint256 time);
    /// @notice The caller is not the job's provider.
    error NotProvider(address caller);
    /// @notice The call is for single-replica jobs only, or replicated jobs only.
    error WrongReplicaMode(uint256 id);
    /// @notice All replica seats are taken.
    error JobFull(uint256 id);
    /// @notice The caller already holds a replica seat of this job.
    error AlreadyReplica(address provider);
    /// @notice A bad job request; `field` names what to fix.
    error BadRequest(bytes32 field);
    /// @notice The collateral per replica asked is below the market's minimum ratio to the
    ///         payment: at least `minimum` = ceil(payment * minCollateralBps / (10000 * replicas)).
    error CollateralBelowRatio(uint256 collateral, uint256 minimum);
    /// @notice A bad governance parameter; `field` names it.
    error BadParams(bytes32 field);
    /// @notice A zero amount or zero balance.
    error NothingToWithdraw();
    /// @notice An address argument was zero.
    error ZeroAddress();
    /// @notice The CID is empty or longer than MAX_CID_LENGTH.
    error BadCid();
    /// @notice The panel is not accepting this step yet (or any more).
    error PanelNotReady(uint256 id, uint8 kind);
    /// @notice The caller does not hold that panel seat.
    error NotPanelMember(address caller);
    /// @notice The seat already committed.
    error AlreadyCommitted();
    /// @notice The seat has not committed.
    error NotCommitted();
    /// @notice The seat already revealed.
    error AlreadyRevealed();
    /// @notice The reveal does not match the commitment.
    error CommitmentMismatch();
    /// @notice The job's provider(s) may not challenge it.
    error SelfChallenge();
    /// @notice Verifiers have already been drawn for this challenge.
    error AlreadyDrawn();
    /// @notice Verifiers have not been drawn yet.
    error NotDrawn();
    /// @notice finalizeBatch got arrays of different lengths or more than MAX_BATCH jobs.
    error BadBatch();
    /// @notice The challenge cannot be appealed: already appealed, inconclusive, or the caller
    ///         is not on the side the panel ruled against.
    error NotAppealable(uint256 id);
    /// @notice sweepSurplus found no surplus: the market holds `held`, no more than it owes.
    error NoSurplus(uint256 held, uint256 owed);

    // ------------------------------------------------------------------ construction and governance

    /// @param token_ The network token (must not charge transfer fees or rebase).
    /// @param registry_ The provider registry (its market must be set to this contract).
    /// @param owner_ Governance.
    /// @param treasury_ Receiver of fees.
    /// @param params_ The first parameter set (ID 1).
    constructor(IERC20 token_, IProviderRegistry registry_, address owner_, address treasury_, Params memory params_)
        Ownable(owner_)
    {
        if (address(token_) == address(0) || address(registry_) == address(0) || treasury_ == address(0)) {
            revert ZeroAddress();
        }
        token = token_;
        registry = registry_;
        treasury = treasury_;
        emit TreasurySet(treasury_);
        _setParams(params_);
    }

    /// @notice Publishes a new parameter set for jobs posted from now on. Jobs already posted keep
    ///         theirs. Every field is bounded: see BadParams.
    /// @param params_ The new parameters.
    function setParams(Params calldata params_) external onlyOwner {
        _setParams(params_);
    }

    /// @notice Changes the treasury. Fees already accrued go to the new treasury on withdrawal.
    /// @param treasury_ The new treasury.
    function setTreasury(address treasury_) external onlyOwner {
        if (treasury_ == address(0)) revert ZeroAddress();
        treasury = treasury_;
        emit TreasurySet(treasury_);
    }

    function _setParams(Params memory p) private {
        if (p.feeBps > MAX_FEE_BPS) revert BadParams(bytes32("feeBps"));
        if (uint256(p.challengerRewardBps) + p.verifierRewardBps > 10_000) revert BadParams(bytes32("rewardBps"));
        if (p.verifiers == 0 || p.verifiers > MAX_VERIFIERS || p.verifiers % 2 == 0) revert BadParams(bytes32("verifiers"));
        if (!_windowOK(p.minChallengeWindow)) revert BadParams(bytes32("minChallengeWindow"));
        if (!_windowOK(p.voteCommitWindow)) revert BadParams(bytes32("voteCommitWindow"));
        if (!_windowOK(p.voteRevealWindow)) revert BadParams(bytes32("voteRevealWindow"));
        if (!_windowOK(p.replicaRevealWindow)) revert BadParams(bytes32("replicaRevealWindow"));
        if (p.challengeBond == 0) revert BadParams(bytes32("challengeBond"));
        if (p.verifierCollateral == 0) revert BadParams(bytes32("verifierCollateral"));
        if (p.minCollateral == 0) revert BadParams(bytes32("minCollateral"));
        if (p.minCollateralBps > MAX_COLLATERAL_BPS) revert BadParams(bytes32("minCollateralBps"));
        uint32 id = paramsId + 1;
        paramsId = id;
        _params[id] = p;
        emit ParamsSet(id, p);
    }

    function _windowOK(uint32 w) private pure returns (bool) {
        return w >= MIN_WINDOW && w <= MAX_WINDOW;
    }

    /// @notice A parameter set by ID.
    /// @param id The set's ID (jobs carry theirs as `paramsId`).
    /// @return The parameters.
    function params(uint32 id) external view returns (Params memory) {
        return _params[id];
    }

    // ------------------------------------------------------------------ client

    /// @notice The least collateral per replica a job paying `payment` to `replicas` replicas may
    ///         ask for under the parameter set new jobs are posted under: the larger of
    ///         minCollateral and the ratio's ceil(payment * minCollateralBps / (10000 * replicas)).
    /// @param payment The job's total payment, in token base units.
    /// @param replicas N (1..MAX_REPLICAS).
    /// @return The minimum collateral per replica, in token base units.
    function minCollateralFor(uint256 payment, uint8 replicas) external view returns (uint256) {
        if (replicas == 0 || replicas > MAX_REPLICAS) revert BadRequest(bytes32("replicas"));
        Params storage p = _params[paramsId];
        uint256 byRatio = _ratioMinimum(payment, replicas, p.minCollateralBps);
        return byRatio > p.minCollateral ? byRatio : p.minCollateral;
    }

    /// @dev The collateral per replica the ratio asks: a lazy provider that makes up a fraction
    ///      of its results, each caught with probability q, loses money once the collateral S it
    ///      forfeits on a caught one outweighs the pay g of the uncaught ones (docs/security.md
    ///      derives the bound from p*q*S > (1 - p*q)*g).
    function _ratioMinimum(uint256 payment, uint256 replicas, uint256 bps) private pure returns (uint256) {
        uint256 den = 10_000 * replicas;
        return (payment * bps + den - 1) / den;
    }

    /// @notice Posts a job and escrows `req.payment` from the caller (approve the market first).
    ///         The collateral per replica must be at least minCollateral (BadRequest("collateral"))
    ///         and the ratio's minimum (CollateralBelowRatio; see minCollateralFor).
    /// @param req What the job needs; see JobRequest and BadRequest for the rules.
    /// @return id The new job's ID.
    function postJob(JobRequest calldata req) external nonReentrant returns (uint256 id) {
        id = _post(req);
        token.safeTransferFrom(msg.sender, address(this), req.payment);
    }

    /// @notice Posts a job, approving the payment with an ERC-2612 permit in the same transaction.
    /// @dev The permit runs in try/catch: if someone front-ran it, the allowance it set is used.
    /// @param req What the job needs.
    /// @param permit The caller's permit for `req.payment` to this market.
    /// @return id The new job's ID.
    function postJobWithPermit(JobRequest calldata req, Permit calldata permit)
        external
        nonReentrant
        returns (uint256 id)
    {
        try IERC20Permit(address(token)).permit(
            msg.sender, address(this), req.payment, permit.deadline, permit.v, permit.r, permit.s
        ) {} catch {}
        id = _post(req);
        token.safeTransferFrom(msg.sender, address(this), req.payment);
    }

    function _post(JobRequest calldata req) private returns (uint256 id) {
        uint32 pid = paramsId;
        Params storage p = _params[pid];
        if (req.payment == 0) revert BadRequest(bytes32("payment"));
        if (req.replicas == 0 || req.replicas > MAX_REPLICAS) revert BadRequest(bytes32("replicas"));
        if (req.collateral < p.minCollateral) revert BadRequest(bytes32("collateral"));
        uint256 byRatio = _ratioMinimum(req.payment, req.replicas, p.minCollateralBps);
        if (req.collateral < byRatio) revert CollateralBelowRatio(req.collateral, byRatio);
        if (req.acceptBy <= block.timestamp || req.acceptBy > block.timestamp + MAX_JOB_SPAN) {
            revert BadRequest(bytes32("acceptBy"));
        }
        if (req.resultBy <= req.acceptBy || req.resultBy > req.acceptBy + MAX_JOB_SPAN) revert BadRequest(bytes32("resultBy"));
        if (req.challengeWindow < p.minChallengeWindow || req.challengeWindow > MAX_WINDOW) {
            revert BadRequest(bytes32("challengeWindow"));
        }
        id = ++jobCount;
        owed += req.payment;
        Job memory job = Job({
            client: msg.sender,
            payment: req.payment,
            provider: address(0),
            collateral: req.collateral,
            specHash: req.specHash,
            result: bytes32(0),
            acceptBy: req.acceptBy,
            resultBy: req.resultBy,
            committedAt: 0,
            challengeWindow: req.challengeWindow,
            paramsId: pid,
            feeBps: p.feeBps,
            replicas: req.replicas,
            winners: 0,
            status: Status.Open
        });
        jobHash[id] = _hash(job);
        if (req.replicas > 1) {
            Panel storage panel = _panels[id << 1];
            panel.target = req.replicas;
            panel.commitBy = req.resultBy;
            panel.revealBy = req.resultBy + p.replicaRevealWindow;
        }
        emit JobPosted(id, msg.sender, job);
    }

    /// @notice Refunds a job nobody (or not enough replicas) accepted by `acceptBy`. Anyone may
    ///         call; the payment is credited to the client and replicas' collateral unlocked.
    /// @param id The job.
    /// @param job Its current record.
    function reclaim(uint256 id, Job memory job) external nonReentrant {
        _load(id, job, Status.Open);
        if (block.timestamp <= job.acceptBy) revert TooEarly(job.acceptBy);
        if (job.replicas > 1) {
            uint256 key = id << 1;
            Panel storage panel = _panels[key];
            uint256 size = panel.size;
            if (size == panel.target) revert JobFull(id);
            for (uint256 i = 0; i < size; i++) {
                registry.unlock(_members[key][i].account, job.collateral);
                delete _members[key][i];
            }
            delete _panels[key];
        }
        delete jobHash[id];
        _credit(job.client, job.payment);
        emit JobReclaimed(id, job.client, job.payment);
    }

    /// @notice Refunds a single-replica job whose provider committed no result by `resultBy`:
    ///         the client is credited the payment and the provider's slashed collateral.
    /// @param id The job.
    /// @param job Its current record.
    function claimTimeout(uint256 id, Job memory job) external nonReentrant {
        _load(id, job, Status.Accepted);
        if (block.timestamp <= job.resultBy) revert TooEarly(job.resultBy);
        delete jobHash[id];
        _credit(job.client, uint256(job.payment) + job.collateral);
        emit CollateralSlashed(id, job.provider, job.collateral, SlashReason.ResultTimeout);
        emit JobTimedOut(id, job.provider, job.payment, job.collateral);
        _slashIn(job.provider, job.collateral);
    }

    // ------------------------------------------------------------------ provider

    /// @notice Accepts a job, locking `job.collateral` of the caller's free stake. For a replicated
    ///         job the caller takes the next seat; N seats need N distinct providers.
    /// @param id The job.
    /// @param job Its current record.
    function acceptJob(uint256 id, Job memory job) external nonReentrant {
        _load(id, job, Status.Open);
        if (block.timestamp > job.acceptBy) revert TooLate(job.acceptBy);
        if (job.replicas == 1) {
            job.provider = msg.sender;
            job.status = Status.Accepted;
            jobHash[id] = _hash(job);
            emit JobAccepted(id, msg.sender, job);
        } else {
            uint256 key = id << 1;
            Panel storage panel = _panels[key];
            uint8 size = panel.size;
            if (size >= panel.target) revert JobFull(id);
            for (uint256 i = 0; i < size; i++) {
                if (_members[key][i].account == msg.sender) revert AlreadyReplica(msg.sender);
            }
            _members[key][size].account = msg.sender;
            panel.size = size + 1;
            emit ReplicaAccepted(id, msg.sender, size);
        }
        registry.lock(msg.sender, job.collateral);
    }

    /// @notice Commits the result of a single-replica job: the CID bytes of the packaged result.
    ///         Starts the challenge window.
    /// @param id The job.
    /// @param job Its current record.
    /// @param cid The result's CID bytes (1..MAX_CID_LENGTH).
    function commitResult(uint256 id, Job memory job, bytes calldata cid) external nonReentrant {
        _load(id, job, Status.Accepted);
        if (msg.sender != job.provider) revert NotProvider(msg.sender);
        if (block.timestamp > job.resultBy) revert TooLate(job.resultBy);
        if (cid.length == 0 || cid.length > MAX_CID_LENGTH) revert BadCid();
        job.result = keccak256(cid);
        job.committedAt = uint64(block.timestamp);
        job.status = Status.Committed;
        jobHash[id] = _hash(job);
        emit ResultCommitted(id, msg.sender, cid, job);
    }

    /// @notice A replica commits the salted hash of its result (see commitmentFor) before resultBy,
    ///         once all seats are taken.
    /// @param id The job.
    /// @param index The caller's seat.
    /// @param commitment commitmentFor(id, REPLICAS, caller, keccak256(cid), salt).
    function commitReplica(uint256 id, uint8 index, bytes32 commitment) external nonReentrant {
        _commit(id, REPLICAS, index, commitment);
    }

    /// @notice A replica reveals its result once every seat committed or resultBy passed, before
    ///         the replica reveal window closes.
    /// @param id The job.
    /// @param index The caller's seat.
    /// @param cid The result CID bytes.
    /// @param salt The salt used in the commitment.
    function revealReplica(uint256 id, uint8 index, bytes calldata cid, bytes32 salt) external nonReentrant {
        _reveal(id, REPLICAS, index, cid, salt);
    }

    /// @notice Tallies a replicated job once all replicas revealed or the reveal window closed.
    ///         A strict majority of the N replicas on one result makes it the job's result (the
    ///         challenge window starts); silent replicas' collateral is slashed to the client now,
    ///         while the minority (replicas that revealed another result) keep theirs locked until
    ///         the job ends: a minority replica may challenge the majority's result (and, as its
    ///         challenger, appeal a Rejected verdict), so a cartel holding the replica round
    ///         cannot slash an honest replica without holding the final panel too. The minority is slashed to the client at finalize
    ///         (no challenge, or one Rejected or Inconclusive) and unlocked when a challenge is
    ///         Upheld. Without a majority the client is refunded, revealers unlocked and silent
    ///         replicas slashed to the client. Anyone may call.
    /// @param id The job.
    /// @param job Its current record.
    function resolveReplicas(uint256 id, Job memory job) external nonReentrant {
        _load(id, job, Status.Open);
        if (job.replicas == 1) revert WrongReplicaMode(id);
        uint256 key = id << 1;
        Panel storage panel = _panels[key];
        uint256 n = panel.target;
        if (panel.size < n || panel.closed) revert PanelNotReady(id, REPLICAS);
        if (panel.revealed < n && block.timestamp <= panel.revealBy) revert TooEarly(panel.revealBy);

        (bytes32 winner, uint256 count) = _tally(key, n);
        bool agreed = count * 2 > n;
        if (agreed) {
            panel.closed = true;
            job.result = winner;
            job.winners = uint8(count);
            job.committedAt = uint64(block.timestamp);
            job.status = Status.Committed;
            jobHash[id] = _hash(job);
        } else {
            delete _panels[key];
            delete jobHash[id];
        }
        uint256 toClient = agreed ? 0 : job.payment;
        for (uint256 i = 0; i < n; i++) {
            Member storage m = _members[key][i];
            address account = m.account;
            bytes32 r = m.result;
            // The majority, and (deferred to the job's end) the minority, stay locked.
            if (agreed && r != bytes32(0)) continue;
            if (!agreed) delete _members[key][i];
            if (r == bytes32(0)) {
                toClient += job.collateral;
                emit CollateralSlashed(id, account, job.collateral, SlashReason.ReplicaSilent);
                _slashIn(account, job.collateral);
            } else {
                registry.unlock(account, job.collateral);
            }
        }
        _credit(job.client, toClient);
        emit ReplicasResolved(id, agreed, uint8(agreed ? count : 0), job);
    }

    // ------------------------------------------------------------------ settlement

    /// @notice Settles a job whose challenge window has passed (or whose challenge failed): the
    ///         provider(s) are credited the payment less the fee, the fee goes to the treasury and
    ///         collateral is unlocked. Anyone may call.
    /// @param id The job.
    /// @param job Its current record.
    function finalize(uint256 id, Job memory job) external nonReentrant {
        _loadFinalizable(id, job);
        if (job.replicas == 1) {
            (uint256 paid, uint256 fee) = _split(job.payment, job.feeBps);
            _credit(job.provider, paid);
            _creditTreasury(fee);
            emit JobFinalized(id, job.provider, paid, fee);
            registry.unlock(job.provider, job.collateral);
        } else {
            _finalizeReplicated(id, job);
        }
    }

    /// @notice Settles up to MAX_BATCH jobs in one transaction. Consecutive jobs of one provider
    ///         share one credit and one unlock, so order jobs by provider for the lowest gas.
    /// @param ids The jobs.
    /// @param jobs Their current records, in the same order.
    function finalizeBatch(uint256[] calldata ids, Job[] memory jobs) external nonReentrant {
        uint256 n = ids.length;
        if (n != jobs.length || n == 0 || n > MAX_BATCH) revert BadBatch();
        address runProvider;
        uint256 runPaid;
        uint256 runCollateral;
        uint256 fees;
        for (uint256 i = 0; i < n; i++) {
            Job memory job = jobs[i];
            _loadFinalizable(ids[i], job);
            if (job.replicas != 1) {
                _finalizeReplicated(ids[i], job);
                continue;
            }
            if (job.provider != runProvider) {
                _settleRun(runProvider, runPaid, runCollateral);
                runProvider = job.provider;
                runPaid = 0;
                runCollateral = 0;
            }
            (uint256 paid, uint256 fee) = _split(job.payment, job.feeBps);
            runPaid += paid;
            runCollateral += job.collateral;
            fees += fee;
            emit JobFinalized(ids[i], job.provider, paid, fee);
        }
        _settleRun(runProvider, runPaid, runCollateral);
        _creditTreasury(fees);
    }

    function _settleRun(address provider, uint256 paid, uint256 collateral) private {
        if (provider == address(0)) return;
        _credit(provider, paid);
        registry.unlock(provider, collateral);
    }

    function _loadFinalizable(uint256 id, Job memory job) private {
        _check(id, job);
        if (job.status == Status.Committed) {
            uint256 ends = uint256(job.committedAt) + job.challengeWindow;
            if (block.timestamp < ends) revert TooEarly(ends);
        } else if (job.status != Status.Cleared) {
            revert WrongStatus(id, job.status);
        }
        delete jobHash[id];
    }

    /// @dev Pays the majority replicas their share less the fee and unlocks them; slashes the
    ///      minority (revealed another result, collateral kept locked since resolveReplicas) to the
    ///      client, which also gets the rest of the payment. Silent replicas were slashed at
    ///      resolveReplicas. O(N): N <= MAX_REPLICAS.
    function _finalizeReplicated(uint256 id, Job memory job) private {
        uint256 key = id << 1;
        uint256 share = job.payment / job.replicas;
        uint256 paidOut;
        uint256 fees;
        uint256 slashed;
        for (uint256 i = 0; i < job.replicas; i++) {
            Member storage m = _members[key][i];
            bytes32 r = m.result;
            address account = m.account;
            delete _members[key][i];
            if (r == job.result) {
                (uint256 paid, uint256 fee) = _split(share, job.feeBps);
                _credit(account, paid);
                fees += fee;
                paidOut += share;
                registry.unlock(account, job.collateral);
            } else if (r != bytes32(0)) {
                slashed += job.collateral;
                emit CollateralSlashed(id, account, job.collateral, SlashReason.ReplicaMinority);
                _slashIn(account, job.collateral);
            }
        }
        delete _panels[key];
        _credit(job.client, job.payment - paidOut + slashed);
        _creditTreasury(fees);
        emit JobFinalized(id, address(0), paidOut - fees, fees);
    }

    /// @notice Sends the caller's credited balance to the caller.
    function withdraw() external nonReentrant {
        uint256 amount = balances[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        balances[msg.sender] = 0;
        owed -= uint160(amount);
        emit Withdrawn(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    /// @notice Sends the treasury's accrued fees to the treasury. Anyone may call.
    function withdrawFees() external nonReentrant {
        uint256 amount = treasuryAccrued;
        if (amount == 0) revert NothingToWithdraw();
        treasuryAccrued = 0;
        owed -= uint160(amount);
        address to = treasury;
        emit FeesWithdrawn(to, amount);
        token.safeTransfer(to, amount);
    }

    /// @notice Credits the surplus, token.balanceOf(this) - owed, to the treasury (withdrawFees
    ///         pays it out). A surplus is tokens sent straight to the market instead of through
    ///         postJob or challenge: nobody is owed them, and sweeping moves nothing that is owed
    ///         (escrows, bonds, balances and treasuryAccrued keep their amounts; `owed` grows by the
    ///         surplus, now the treasury's). Anyone may call: the tokens can only go to the treasury.
    /// @return amount The surplus credited (capped so `owed` stays within 160 bits).
    function sweepSurplus() external nonReentrant returns (uint256 amount) {
        uint256 held = token.balanceOf(address(this));
        uint256 o = owed;
        if (held <= o) revert NoSurplus(held, o);
        amount = held - o;
        uint256 room = type(uint160).max - o;
        if (amount > room) amount = room;
        owed = uint160(o + amount);
        emit SurplusSwept(msg.sender, amount);
        _creditTreasury(amount);
    }

    // ------------------------------------------------------------------ challenges

    /// @notice Challenges a committed result inside its window, depositing the bond of the job's
    ///         parameter set (approve the market first). Verifiers are drawn from the hash of the
    ///         next block, which the challenger cannot know when it sends this transaction. The
    ///         job's provider (N>1: a replica in the majority) may not; a minority replica may.
    /// @param id The job.
    /// @param job Its current record.
    function challenge(uint256 id, Job memory job) external nonReentrant {
        _load(id, job, Status.Committed);
        uint256 ends = uint256(job.committedAt) + job.challengeWindow;
        if (block.timestamp >= ends) revert TooLate(ends);
        (bool seated, bytes32 own) = _seatResult(id, job, msg.sender);
        if (seated && own == job.result) revert SelfChallenge();
        uint96 bond = _params[job.paramsId].challengeBond;
        uint64 anchor = uint64(block.number + 1);
        _challenges[id] =
            ChallengeInfo({
                challenger: msg.sender, bond: bond, anchorBlock: anchor, round: 0, appellant: address(0), firstSize: 0
            });
        owed += bond;
        job.status = Status.Challenged;
        jobHash[id] = _hash(job);
        emit ChallengeOpened(id, msg.sender, bond, anchor, job);
        token.safeTransferFrom(msg.sender, address(this), bond);
    }

    /// @notice Draws the challenge's verifiers once the anchor block is mined: up to K distinct
    ///         active providers (APPEAL_VERIFIERS after an appeal) with enough free stake, never
    ///         the job's client, provider(s) or challenger, each locking the verifier collateral.
    ///         O(K) work. Anyone may call. If the anchor's hash has aged out (256 blocks), a new
    ///         anchor is set instead.
    /// @param id The job.
    /// @param job Its current record.
    function drawVerifiers(uint256 id, Job memory job) external nonReentrant {
        _load(id, job, Status.Challenged);
        uint256 key = (id << 1) | VERIFIERS;
        Panel storage panel = _panels[key];
        if (panel.commitBy != 0) revert AlreadyDrawn();
        ChallengeInfo storage c = _challenges[id];
        if (block.number <= c.anchorBlock) revert TooEarly(c.anchorBlock);
        bytes32 seed = blockhash(c.anchorBlock);
        if (seed == bytes32(0)) {
            uint64 anchor = uint64(block.number + 1);
            c.anchorBlock = anchor;
            emit DrawReanchored(id, anchor);
            return;
        }
        Params storage p = _params[job.paramsId];
        uint256 k = c.round == 0 ? p.verifiers : APPEAL_VERIFIERS;
        address[] memory chosen = _draw(id, job, c.challenger, seed, k, p.verifierCollateral);
        for (uint256 i = 0; i < chosen.length; i++) {
            _members[key][i].account = chosen[i];
        }
        uint64 commitBy = uint64(block.timestamp) + p.voteCommitWindow;
        uint64 revealBy = commitBy + p.voteRevealWindow;
        panel.target = uint8(chosen.length);
        panel.size = uint8(chosen.length);
        panel.commitBy = commitBy;
        panel.revealBy = revealBy;
        emit VerifiersDrawn(id, chosen, commitBy, revealBy);
        for (uint256 i = 0; i < chosen.length; i++) {
            registry.lock(chosen[i], p.verifierCollateral);
        }
    }

    function _draw(uint256 id, Job memory job, address challenger, bytes32 seed, uint256 k, uint256 need)
        private
        view
        returns (address[] memory chosen)
    {
        chosen = new address[](k);
        uint256 found;
        uint256 n = registry.activeCount();
        seed = keccak256(abi.encode(seed, id));
        for (uint256 a = 0; a < k * DRAW_ATTEMPTS_PER_SEAT && found < k && n > 0; a++) {
            (address cand, bool eligible) = registry.candidateAt(uint256(keccak256(abi.encode(seed, a))) % n, need);
            if (!eligible || cand == challenger || cand == job.client) continue;
            (bool seated,) = _seatResult(id, job, cand);
            if (seated) continue;
            if (_contains(chosen, found, cand)) continue;
            chosen[found++] = cand;
        }
        assembly ("memory-safe") {
            mstore(chosen, found)
        }
    }

    function _contains(address[] memory list, uint256 len, address account) private pure returns (bool) {
        for (uint256 i = 0; i < len; i++) {
            if (list[i] == account) return true;
        }
        return false;
    }

    /// @notice A drawn verifier commits the salted hash of its own re-execution's result.
    /// @param id The job.
    /// @param index The caller's seat (its position in VerifiersDrawn).
    /// @param commitment commitmentFor(id, VERIFIERS, caller, keccak256(cid), salt).
    function commitVote(uint256 id, uint8 index, bytes32 commitment) external nonReentrant {
        _commit(id, VERIFIERS, index, commitment);
    }

    /// @notice A drawn verifier reveals its result once all verifiers committed or the commit
    ///         window closed, before the reveal window closes.
    /// @param id The job.
    /// @param index The caller's seat.
    /// @param cid The result CID bytes the verifier computed.
    /// @param salt The salt used in the commitment.
    function revealVote(uint256 id, uint8 index, bytes calldata cid, bytes32 salt) external nonReentrant {
        _reveal(id, VERIFIERS, index, cid, salt);
    }

    /// @notice The bond an appeal of a job posted under parameter set `paramsId_` deposits: the
    ///         challenge bond per seat of the first panel, times the final panel's seats
    ///         (challengeBond * APPEAL_VERIFIERS / verifiers).
    /// @param paramsId_ The job's parameter set.
    /// @return The appeal bond in token base units.
    function appealBond(uint32 paramsId_) public view returns (uint256) {
        Params storage p = _params[paramsId_];
        return uint256(p.challengeBond) * APPEAL_VERIFIERS / p.verifiers;
    }

    /// @notice Appeals the first panel's verdict, once, inside the appeal window: after every
    ///         verifier revealed or the reveal window closed, and until voteRevealWindow seconds
    ///         after the reveal window. Only the side the verdict is against may appeal: against
    ///         Upheld, the job's provider (N>1: a replica in the job's majority); against
    ///         Rejected, the challenger. An inconclusive verdict cannot be appealed. The caller
    ///         deposits appealBond (approve the market first); the first panel's silent
    ///         verifiers are slashed to the treasury, its revealed ones stay locked: the final
    ///         verdict judges their votes (see resolveChallenge); the final panel of
    ///         APPEAL_VERIFIERS is drawn from the next block's hash by drawVerifiers, votes as the
    ///         first did, and resolveChallenge settles on its verdict.
    /// @param id The job.
    /// @param job Its current record.
    function appeal(uint256 id, Job memory job) external nonReentrant {
        _load(id, job, Status.Challenged);
        ChallengeInfo storage c = _challenges[id];
        if (c.round != 0) revert NotAppealable(id);
        uint256 key = (id << 1) | VERIFIERS;
        Panel memory panel = _panels[key];
        if (panel.commitBy == 0) revert NotDrawn();
        if (panel.revealed < panel.size && block.timestamp <= panel.revealBy) revert TooEarly(panel.revealBy);
        uint256 ends = uint256(panel.revealBy) + _params[job.paramsId].voteRevealWindow;
        if (block.timestamp > ends) revert TooLate(ends);
        uint256 k = panel.size;
        (uint256 agree, uint256 disagree) = _count(key, k, job.result);
        Outcome first = _outcome(agree, disagree, k);
        (bool seated, bytes32 own) = _seatResult(id, job, msg.sender);
        bool against = first == Outcome.Upheld
            ? (seated && own == job.result)
            : (first == Outcome.Rejected && msg.sender == c.challenger);
        if (!against) revert NotAppealable(id);
        delete _panels[key];
        uint256 bond = appealBond(job.paramsId);
        uint64 anchor = uint64(block.number + 1);
        c.round = 1;
        c.appellant = msg.sender;
        c.anchorBlock = anchor;
        c.firstSize = uint8(k);
        owed += uint160(bond);
        _creditTreasury(_keepFirstVotes(id, job, k));
        emit AppealOpened(id, msg.sender, bond, anchor, first);
        token.safeTransferFrom(msg.sender, address(this), bond);
    }

    /// @notice Resolves a challenge once every verifier revealed or the reveal window closed and,
    ///         for the first panel's Upheld or Rejected verdict, once the appeal window (see
    ///         appeal) has passed without an appeal. After an appeal the final panel's verdict
    ///         settles. Rejected (majority agrees): the bond (and the challenger's appeal bond,
    ///         if it appealed) is split between the provider(s) and agreeing verifiers, the job
    ///         is cleared for finalize. Upheld (majority disagrees): the provider's collateral is
    ///         slashed, the client refunded in full, the challenger gets its bond (and appeal
    ///         bond) back plus challengerRewardBps of the slashed collateral, the disagreeing
    ///         verifiers share verifierRewardBps of it plus a provider's lost appeal bond, the
    ///         rest goes to the treasury. Inconclusive: bonds are returned and the job cleared.
    ///         Verifiers outside the majority, or silent, are slashed to the treasury. After an
    ///         appeal the first panel's voters are judged by the final verdict: those whose vote
    ///         sided against it (agreed with the result the final panel upheld against, or
    ///         disagreed with one it rejected) lose their verifier collateral, which is split
    ///         evenly among those who sided with it (remainder to the treasury), whose collateral
    ///         is unlocked; an inconclusive final verdict unlocks them all. Anyone may call.
    /// @param id The job.
    /// @param job Its current record.
    function resolveChallenge(uint256 id, Job memory job) external nonReentrant {
        _load(id, job, Status.Challenged);
        uint256 key = (id << 1) | VERIFIERS;
        Panel memory panel = _panels[key];
        if (panel.commitBy == 0) revert NotDrawn();
        if (panel.revealed < panel.size && block.timestamp <= panel.revealBy) revert TooEarly(panel.revealBy);
        uint256 k = panel.size;
        (uint256 agree, uint256 disagree) = _count(key, k, job.result);
        Outcome outcome = _outcome(agree, disagree, k);
        if (outcome != Outcome.Inconclusive && _challenges[id].round == 0) {
            uint256 appealEnds = uint256(panel.revealBy) + _params[job.paramsId].voteRevealWindow;
            if (block.timestamp <= appealEnds) revert TooEarly(appealEnds);
        }
        delete _panels[key];
        uint256 firstSize = _challenges[id].firstSize;
        (uint256 verifierShare, uint256 toTreasury) = _settleChallenge(id, job, outcome, agree, disagree);
        toTreasury += _settleVerifiers(id, job, k, outcome, verifierShare);
        if (firstSize > 0) toTreasury += _judgeFirstVotes(id, job, firstSize, outcome);
        _creditTreasury(toTreasury);
        emit ChallengeResolved(id, outcome, uint8(agree), uint8(disagree), job);
    }

    /// @dev Counts a verifier panel's reveals equal to `result` (agree) and different (disagree).
    function _count(uint256 key, uint256 k, bytes32 result) private view returns (uint256 agree, uint256 disagree) {
        for (uint256 i = 0; i < k; i++) {
            bytes32 r = _members[key][i].result;
            if (r == bytes32(0)) continue;
            if (r == result) agree++;
            else disagree++;
        }
    }

    /// @dev A strict majority of the k drawn verifiers decides; otherwise the challenge is
    ///      inconclusive.
    function _outcome(uint256 agree, uint256 disagree, uint256 k) private pure returns (Outcome) {
        return agree * 2 > k ? Outcome.Rejected : (disagree * 2 > k ? Outcome.Upheld : Outcome.Inconclusive);
    }

    /// @dev Pays out the bonds and, when upheld, the provider's slashed collateral; updates or
    ///      deletes the job record. Returns each majority verifier's share and the treasury's part.
    function _settleChallenge(uint256 id, Job memory job, Outcome outcome, uint256 agree, uint256 disagree)
        private
        returns (uint256 verifierShare, uint256 toTreasury)
    {
        ChallengeInfo memory c = _challenges[id];
        delete _challenges[id];
        uint256 appealed = c.appellant == address(0) ? 0 : appealBond(job.paramsId);
        bool challengerAppealed = c.appellant == c.challenger;
        if (outcome == Outcome.Upheld) {
            delete jobHash[id];
            _credit(job.client, job.payment);
            uint256 slashed = _slashProviders(id, job);
            Params storage p = _params[job.paramsId];
            uint256 toChallenger = slashed * p.challengerRewardBps / 10_000;
            uint256 forfeited = challengerAppealed ? 0 : appealed;
            verifierShare = (slashed * p.verifierRewardBps / 10_000 + forfeited) / disagree;
            toTreasury = slashed + forfeited - toChallenger - verifierShare * disagree;
            _credit(c.challenger, uint256(c.bond) + toChallenger + (challengerAppealed ? appealed : 0));
            return (verifierShare, toTreasury);
        }
        job.status = Status.Cleared;
        jobHash[id] = _hash(job);
        if (outcome == Outcome.Rejected) {
            uint256 pot = uint256(c.bond) + (challengerAppealed ? appealed : 0);
            uint256 recipients = (job.replicas == 1 ? 1 : job.winners) + agree;
            verifierShare = pot / recipients;
            toTreasury = pot - verifierShare * recipients;
            _payProviders(id, job, verifierShare);
            if (!challengerAppealed) _credit(c.appellant, appealed);
        } else {
            _credit(c.challenger, c.bond);
            _credit(c.appellant, appealed);
        }
    }

    /// @dev Unlocks the majority's collateral (crediting each `share`), slashes the rest to the
    ///      treasury, and frees the seats. Returns what the treasury gains.
    function _settleVerifiers(uint256 id, Job memory job, uint256 k, Outcome outcome, uint256 share)
        private
        returns (uint256 toTreasury)
    {
        uint256 key = (id << 1) | VERIFIERS;
        uint256 collateral = _params[job.paramsId].verifierCollateral;
        for (uint256 i = 0; i < k; i++) {
            Member storage m = _members[key][i];
            address account = m.account;
            bytes32 r = m.result;
            delete _members[key][i];
            bool revealed = r != bytes32(0);
            bool inMajority = outcome == Outcome.Rejected
                ? r == job.result
                : (outcome == Outcome.Upheld ? revealed && r != job.result : revealed);
            if (inMajority) {
                _credit(account, share);
                registry.unlock(account, collateral);
            } else {
                toTreasury += collateral;
                emit CollateralSlashed(
                    id, account, collateral, revealed ? SlashReason.VerifierMinority : SlashReason.VerifierSilent
                );
                _slashIn(account, collateral);
            }
        }
    }

    /// @dev Keeps an appealed first panel's revealed votes (their collateral stays locked) for
    ///      the final verdict to judge, and slashes its silent seats. Returns what the treasury
    ///      gains. O(K): K <= MAX_VERIFIERS.
    function _keepFirstVotes(uint256 id, Job memory job, uint256 k) private returns (uint256 toTreasury) {
        uint256 key = (id << 1) | VERIFIERS;
        uint256 collateral = _params[job.paramsId].verifierCollateral;
        for (uint256 i = 0; i < k; i++) {
            Member storage m = _members[key][i];
            address account = m.account;
            bytes32 r = m.result;
            delete _members[key][i];
            if (r != bytes32(0)) {
                _firstVotes[id][i] = FirstVote({account: account, agreed: r == job.result});
            } else {
                toTreasury += collateral;
                emit CollateralSlashed(id, account, collateral, SlashReason.VerifierSilent);
                _slashIn(account, collateral);
            }
        }
    }

    /// @dev Judges an appealed first panel's kept votes by the final `outcome`: the voters against
    ///      it are slashed, their collateral split among the voters with it (pull payments,
    ///      credited); inconclusive unlocks everyone. Returns what the treasury gains (the
    ///      split's remainder, or everything slashed when nobody sided with the verdict).
    ///      O(K): K <= MAX_VERIFIERS.
    function _judgeFirstVotes(uint256 id, Job memory job, uint256 k, Outcome outcome)
        private
        returns (uint256 toTreasury)
    {
        uint256 collateral = _params[job.paramsId].verifierCollateral;
        address[] memory kept = new address[](k);
        uint256 nKept;
        uint256 slashed;
        for (uint256 i = 0; i < k; i++) {
            FirstVote memory v = _firstVotes[id][i];
            delete _firstVotes[id][i];
            if (v.account == address(0)) continue;
            bool withVerdict = outcome == Outcome.Inconclusive || (v.agreed == (outcome == Outcome.Rejected));
            if (withVerdict) {
                kept[nKept++] = v.account;
                registry.unlock(v.account, collateral);
            } else {
                slashed++;
                emit CollateralSlashed(id, v.account, collateral, SlashReason.AppealOverturned);
                _slashIn(v.account, collateral);
            }
        }
        uint256 pot = slashed * collateral;
        uint256 share = nKept == 0 ? 0 : pot / nKept;
        for (uint256 i = 0; i < nKept; i++) {
            _credit(kept[i], share);
        }
        emit FirstPanelJudged(id, uint8(nKept), uint8(slashed), share);
        return pot - share * nKept;
    }

    /// @dev Whether `account` holds a provider seat of the job (N=1: is its provider; N>1: a
    ///      replica seat) and the result it stands for (N=1: the job's; N>1: its revealed one,
    ///      zero if silent). O(N): N <= MAX_REPLICAS.
    function _seatResult(uint256 id, Job memory job, address account) private view returns (bool, bytes32) {
        if (job.replicas == 1) return (account == job.provider, job.result);
        uint256 key = id << 1;
        for (uint256 i = 0; i < job.replicas; i++) {
            Member storage m = _members[key][i];
            if (m.account == account) return (true, m.result);
        }
        return (false, bytes32(0));
    }

    /// @dev Credits `share` to each provider whose result is the job's (a rejected challenge).
    function _payProviders(uint256 id, Job memory job, uint256 share) private {
        if (job.replicas == 1) {
            _credit(job.provider, share);
            return;
        }
        uint256 key = id << 1;
        for (uint256 i = 0; i < job.replicas; i++) {
            Member storage m = _members[key][i];
            if (m.result == job.result) _credit(m.account, share);
        }
    }

    /// @dev Slashes the collateral of each provider whose result is the job's (an upheld
    ///      challenge) into the market, unlocks the minority replicas (they revealed another
    ///      result than the overturned one; silent ones were slashed at resolveReplicas), frees
    ///      replica seats, and returns the total slashed. O(N): N <= MAX_REPLICAS.
    function _slashProviders(uint256 id, Job memory job) private returns (uint256 slashed) {
        if (job.replicas == 1) {
            emit CollateralSlashed(id, job.provider, job.collateral, SlashReason.ChallengeUpheld);
            _slashIn(job.provider, job.collateral);
            return job.collateral;
        }
        uint256 key = id << 1;
        for (uint256 i = 0; i < job.replicas; i++) {
            Member storage m = _members[key][i];
            bytes32 r = m.result;
            address account = m.account;
            delete _members[key][i];
            if (r == job.result) {
                slashed += job.collateral;
                emit CollateralSlashed(id, account, job.collateral, SlashReason.ChallengeUpheld);
                _slashIn(account, job.collateral);
            } else if (r != bytes32(0)) {
                emit ReplicaVindicated(id, account, job.collateral);
                registry.unlock(account, job.collateral);
            }
        }
        delete _panels[key];
    }

    // ------------------------------------------------------------------ commit-reveal panels

    /// @notice The commitment a panel member submits: binds chain, market, job, panel kind and the
    ///         member, so a commitment cannot be copied by another member or replayed elsewhere.
    /// @param id The job.
    /// @param kind REPLICAS or VERIFIERS.
    /// @param account The member.
    /// @param resultHash keccak256 of the result CID bytes.
    /// @param salt A fresh random 32 bytes kept secret until the reveal.
    /// @return The commitment.
    function commitmentFor(uint256 id, uint8 kind, address account, bytes32 resultHash, bytes32 salt)
        public
        view
        returns (bytes32)
    {
        return keccak256(abi.encode("brine/commit/v1", block.chainid, address(this), id, kind, account, resultHash, salt));
    }

    function _commit(uint256 id, uint8 kind, uint8 index, bytes32 commitment) private {
        uint256 key = (id << 1) | kind;
        Panel storage panel = _panels[key];
        if (panel.closed || panel.size == 0 || panel.size < panel.target || index >= panel.size) {
            revert PanelNotReady(id, kind);
        }
        if (block.timestamp > panel.commitBy) revert TooLate(panel.commitBy);
        Member storage m = _members[key][index];
        if (m.account != msg.sender) revert NotPanelMember(msg.sender);
        if (m.commitment != bytes32(0)) revert AlreadyCommitted();
        if (commitment == bytes32(0)) revert CommitmentMismatch();
        m.commitment = commitment;
        panel.committed += 1;
        emit PanelCommitted(id, kind, index, msg.sender, commitment);
    }

    function _reveal(uint256 id, uint8 kind, uint8 index, bytes calldata cid, bytes32 salt) private {
        uint256 key = (id << 1) | kind;
        Panel storage panel = _panels[key];
        if (panel.closed || panel.size == 0 || panel.size < panel.target || index >= panel.size) {
            revert PanelNotReady(id, kind);
        }
        if (panel.committed < panel.size && block.timestamp <= panel.commitBy) revert TooEarly(panel.commitBy);
        if (block.timestamp > panel.revealBy) revert TooLate(panel.revealBy);
        Member storage m = _members[key][index];
        if (m.account != msg.sender) revert NotPanelMember(msg.sender);
        if (m.commitment == bytes32(0)) revert NotCommitted();
        if (m.result != bytes32(0)) revert AlreadyRevealed();
        if (cid.length == 0 || cid.length > MAX_CID_LENGTH) revert BadCid();
        bytes32 r = keccak256(cid);
        if (commitmentFor(id, kind, msg.sender, r, salt) != m.commitment) revert CommitmentMismatch();
        m.result = r;
        panel.revealed += 1;
        emit PanelRevealed(id, kind, index, msg.sender, cid);
    }

    /// @dev The most common revealed result and its count (ties: the first seen). O(n^2), n <= 9.
    function _tally(uint256 key, uint256 n) private view returns (bytes32 best, uint256 bestCount) {
        bytes32[] memory results = new bytes32[](n);
        for (uint256 i = 0; i < n; i++) {
            results[i] = _members[key][i].result;
        }
        for (uint256 i = 0; i < n; i++) {
            if (results[i] == bytes32(0)) continue;
            uint256 count;
            for (uint256 j = 0; j < n; j++) {
                if (results[j] == results[i]) count++;
            }
            if (count > bestCount) {
                best = results[i];
                bestCount = count;
            }
        }
    }

    // ------------------------------------------------------------------ views

    /// @notice The hash a job record is stored under: keccak256(abi.encode(job)).
    /// @param job The record.
    /// @return The hash.
    function hashJob(Job memory job) external pure returns (bytes32) {
        return _hash(job);
    }

    /// @notice A commit-reveal panel of a job.
    /// @param id The job.
    /// @param kind REPLICAS or VERIFIERS.
    /// @return The panel.
    function getPanel(uint256 id, uint8 kind) external view returns (Panel memory) {
        return _panels[(id << 1) | kind];
    }

    /// @notice One seat of a panel.
    /// @param id The job.
    /// @param kind REPLICAS or VERIFIERS.
    /// @param index The seat.
    /// @return The seat.
    function getMember(uint256 id, uint8 kind, uint256 index) external view returns (Member memory) {
        return _members[(id << 1) | kind][index];
    }

    /// @notice The open challenge of a job, if any.
    /// @param id The job.
    /// @return challenger The challenger (zero if none).
    /// @return bond The bond deposited.
    /// @return anchorBlock The block whose hash seeds the draw.
    function challengeInfo(uint256 id) external view returns (address challenger, uint256 bond, uint64 anchorBlock) {
        ChallengeInfo storage c = _challenges[id];
        return (c.challenger, c.bond, c.anchorBlock);
    }

    /// @notice The appeal of a job's open challenge, if any.
    /// @param id The job.
    /// @return appellant Who appealed (zero before an appeal).
    /// @return round 0 while the first panel decides, 1 once appealed (the final panel).
    function appealInfo(uint256 id) external view returns (address appellant, uint8 round) {
        ChallengeInfo storage c = _challenges[id];
        return (c.appellant, c.round);
    }

    // ------------------------------------------------------------------ internals

    /// @dev A static struct's memory image is its ABI encoding: 15 words.
    function _hash(Job memory job) private pure returns (bytes32 h) {
        assembly ("memory-safe") {
            h := keccak256(job, 480)
        }
    }

    function _check(uint256 id, Job memory job) private view {
        bytes32 stored = jobHash[id];
        if (stored == bytes32(0)) revert UnknownJob(id);
        if (stored != _hash(job)) revert StaleJobRecord(id);
    }

    function _load(uint256 id, Job memory job, Status want) private view {
        _check(id, job);
        if (job.status != want) revert WrongStatus(id, job.status);
    }

    function _split(uint256 amount, uint16 feeBps) private pure returns (uint256 paid, uint256 fee) {
        fee = amount * feeBps / 10_000;
        paid = amount - fee;
    }

    function _credit(address account, uint256 amount) private {
        if (amount == 0) return;
        balances[account] += amount;
        emit Credited(account, amount);
    }

    /// @dev Slashes `amount` of `account`'s stake into the market. The tokens arriving are owed from
    ///      here on (every caller credits them to someone), so `owed` grows before the call.
    function _slashIn(address account, uint256 amount) private {
        owed += uint160(amount);
        registry.slash(account, amount, address(this));
    }

    function _creditTreasury(uint256 amount) private {
        if (amount == 0) return;
        treasuryAccrued += amount;
        emit TreasuryCredited(amount);
    }
}
