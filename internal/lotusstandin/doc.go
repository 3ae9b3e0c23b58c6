// Package lotusstandin is a stand-in for a Lotus node, for tests. It is not Lotus: a real Lotus
// cannot run here (its FVM needs filecoin-ffi, a Rust library not buildable offline), so this
// package serves what Brine asks of one, built from Lotus's own parts.
//
// The Filecoin methods Brine calls (ChainHead, ChainGetFinalizedTipSet, F3GetLatestCertificate,
// StateNetworkName, StateMinerInfo, StateLookupID, StateAccountKey, WalletVerify (secp256k1
// only, through Lotus's lib/sigs), EthChainId) are answered with Lotus's own
// types (lotus/api, lotus/chain/types) through Lotus's own RPC plumbing (go-jsonrpc, with
// Lotus's error codes), at /rpc/v1 under the "Filecoin" namespace as Lotus serves them; a test
// checks their signatures against api.FullNode. The Eth JSON-RPC methods are forwarded to an
// upstream EVM node (the embedded geth devnet) with Lotus's documented behaviour applied:
//
//   - eth_getLogs refuses a range of more than MaxLogRange epochs (Lotus's default 2,880) with
//     code -32005 (api.ErrBlockRangeExceeded), and a query matching more than MaxLogResults
//     logs (default 10,000) over more than one tipset with Lotus's own words ("filter matches
//     too many events"); a single tipset may exceed the cap, as in Lotus 1.36.
//   - Null rounds: heights NullRound picks (among the upstream's empty blocks) have no tipset;
//     eth_getBlockByNumber answers them with Lotus's ErrNullRound (code ENullRound, not null).
//   - "latest" is the head's first non-null parent, as in Lotus (the head's messages are
//     included, not yet executed): eth_blockNumber lags ChainHead by one tipset, a block past it
//     is "a future epoch", and a receipt appears only once its tipset is "latest". Run the
//     upstream with a block period, as Filecoin makes a tipset every 30 s, or mine after sending.
//   - Gas: with GasScale set, eth_estimateGas answers the upstream's estimate times GasScale,
//     as FEVM's gas units are about FilecoinGasScale (200) times the EVM's.
//   - The "finalized" and "safe" block tags (and ChainGetFinalizedTipSet) resolve to a depth
//     below the head, as Lotus does when F3 is not running: the stand-in runs no F3, so
//     F3GetLatestCertificate answers api.ErrF3Disabled.
//
// Tipsets are made up from the upstream's blocks (one block a tipset, CIDs derived from the
// block hashes): they are well-formed Lotus types, not Filecoin consensus.
package lotusstandin
