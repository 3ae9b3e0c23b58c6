package lotusstandin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/filecoin-project/go-address"
	"github.com/filecoin-project/go-f3/certs"
	"github.com/filecoin-project/go-state-types/abi"
	"github.com/filecoin-project/go-state-types/crypto"
	"github.com/filecoin-project/lotus/api"
	"github.com/filecoin-project/lotus/chain/types"
	"github.com/filecoin-project/lotus/chain/types/ethtypes"
	"github.com/filecoin-project/lotus/lib/sigs"
	_ "github.com/filecoin-project/lotus/lib/sigs/secp" // secp256k1 verification, pure Go
	"github.com/filecoin-project/lotus/node/modules/dtypes"
)

// ethAliases are the Eth methods the stand-in answers itself (the rest go to the upstream),
// under the names Lotus serves them (lotus/api/eth_aliases.go).
var ethAliases = map[string]string{
	"eth_chainId":          "EthChainId",
	"eth_blockNumber":      "EthBlockNumber",
	"eth_getBlockByNumber": "EthGetBlockByNumber",
	"eth_getLogs":          "EthGetLogs",
}

// errTooManyEvents is what Lotus 1.36 says when a query matches more than MaxFilterResults
// events over more than one tipset (chain/index.ErrMaxResultsReached, wrapped by EthGetLogs).
var errTooManyEvents = errors.New("failed to get events for filter: filter matches too many events, try a more restricted filter")

// filecoinAPI is the subset of api.FullNode Brine calls, with api.FullNode's signatures
// (TestSignaturesAreLotus checks them). The Eth methods take Lotus's parameter types and answer
// with the upstream's JSON, so that blocks and logs reach Brine exactly as the EVM node made them.
type filecoinAPI struct {
	chain *chainView
	cfg   Config
}

// ChainHead is api.FullNode.ChainHead: the newest tipset.
func (a *filecoinAPI) ChainHead(ctx context.Context) (*types.TipSet, error) {
	h, err := a.chain.head(ctx)
	if err != nil {
		return nil, err
	}
	return a.chain.tipset(ctx, h)
}

// ChainGetFinalizedTipSet is api.FullNode.ChainGetFinalizedTipSet: without F3, the tipset
// FinalizedDepth below the head, as Lotus falls back to.
func (a *filecoinAPI) ChainGetFinalizedTipSet(ctx context.Context) (*types.TipSet, error) {
	h, err := a.chain.below(ctx, a.cfg.FinalizedDepth)
	if err != nil {
		return nil, err
	}
	return a.chain.tipset(ctx, h)
}

// F3GetLatestCertificate is api.FullNode.F3GetLatestCertificate: the stand-in runs no F3.
func (a *filecoinAPI) F3GetLatestCertificate(ctx context.Context) (*certs.FinalityCertificate, error) {
	return nil, api.ErrF3Disabled
}

// StateNetworkName is api.FullNode.StateNetworkName.
func (a *filecoinAPI) StateNetworkName(ctx context.Context) (dtypes.NetworkName, error) {
	return dtypes.NetworkName(a.cfg.NetworkName), nil
}

// StateMinerInfo is api.FullNode.StateMinerInfo, from Config.Miners.
func (a *filecoinAPI) StateMinerInfo(ctx context.Context, miner address.Address, tsk types.TipSetKey) (api.MinerInfo, error) {
	info, ok := a.cfg.Miners[miner]
	if a.cfg.MinerInfo != nil {
		info, ok = a.cfg.MinerInfo(miner)
	}
	if !ok {
		return api.MinerInfo{}, &api.ErrActorNotFound{}
	}
	return info, nil
}

// StateLookupID is api.FullNode.StateLookupID, from Config.IDs (an ID address is its own).
func (a *filecoinAPI) StateLookupID(ctx context.Context, addr address.Address, tsk types.TipSetKey) (address.Address, error) {
	if addr.Protocol() == address.ID {
		return addr, nil
	}
	id, ok := a.cfg.IDs[addr]
	if !ok {
		return address.Undef, &api.ErrActorNotFound{}
	}
	return id, nil
}

// StateAccountKey is api.FullNode.StateAccountKey, from Config.AccountKeys (a key address is
// its own).
func (a *filecoinAPI) StateAccountKey(ctx context.Context, addr address.Address, tsk types.TipSetKey) (address.Address, error) {
	if p := addr.Protocol(); p == address.SECP256K1 || p == address.BLS {
		return addr, nil
	}
	key, ok := a.cfg.AccountKeys[addr]
	if !ok {
		return address.Undef, &api.ErrActorNotFound{}
	}
	return key, nil
}

// WalletVerify is api.FullNode.WalletVerify through Lotus's own lib/sigs, for the signature
// types registered in this binary (secp256k1; BLS needs filecoin-ffi, which Brine never links).
func (a *filecoinAPI) WalletVerify(ctx context.Context, k address.Address, msg []byte, sig *crypto.Signature) (bool, error) {
	if sig == nil {
		return false, errors.New("no signature")
	}
	return sigs.Verify(sig, k, msg) == nil, nil
}

// EthChainId is api.FullNode.EthChainId: the upstream's.
func (a *filecoinAPI) EthChainId(ctx context.Context) (ethtypes.EthUint64, error) {
	var id hexutil.Uint64
	if err := a.chain.up.CallContext(ctx, &id, "eth_chainId"); err != nil {
		return 0, err
	}
	return ethtypes.EthUint64(id), nil
}

// EthBlockNumber is api.FullNode.EthBlockNumber: the newest executed tipset (the head's first
// non-null parent), never a null round.
func (a *filecoinAPI) EthBlockNumber(ctx context.Context) (ethtypes.EthUint64, error) {
	h, err := a.chain.latest(ctx)
	return ethtypes.EthUint64(h), err
}

// EthGetBlockByNumber is api.FullNode.EthGetBlockByNumber: a null round is Lotus's ErrNullRound.
func (a *filecoinAPI) EthGetBlockByNumber(ctx context.Context, blkParam string, fullTxInfo bool) (json.RawMessage, error) {
	h, err := a.chain.resolve(ctx, blkParam)
	if err != nil {
		return nil, err
	}
	latest, err := a.chain.latest(ctx)
	if err != nil {
		return nil, err
	}
	if h > latest {
		return nil, errors.New("requested a future epoch (beyond 'latest')")
	}
	null, err := a.chain.isNull(ctx, h)
	if errors.Is(err, errNoBlock) {
		return json.RawMessage("null"), nil
	}
	if err != nil {
		return nil, err
	}
	if null {
		return nil, api.NewErrNullRound(abi.ChainEpoch(h))
	}
	var raw json.RawMessage
	if err := a.chain.up.CallContext(ctx, &raw, "eth_getBlockByNumber", hexutil.EncodeUint64(h), fullTxInfo); err != nil {
		return nil, err
	}
	return raw, nil
}

// EthGetLogs is api.FullNode.EthGetLogs with Lotus's limits on the range and the results.
func (a *filecoinAPI) EthGetLogs(ctx context.Context, spec *ethtypes.EthFilterSpec) (json.RawMessage, error) {
	if spec == nil {
		spec = &ethtypes.EthFilterSpec{}
	}
	q := *spec
	if q.BlockHash == nil {
		from, to := "", ""
		if q.FromBlock != nil {
			from = *q.FromBlock
		}
		if q.ToBlock != nil {
			to = *q.ToBlock
		}
		lo, err := a.chain.resolve(ctx, from)
		if err != nil {
			return nil, err
		}
		hi, err := a.chain.resolve(ctx, to)
		if err != nil {
			return nil, err
		}
		if lo > hi {
			return nil, fmt.Errorf("invalid epoch range: to block (%d) must be after from block (%d)", hi, lo)
		}
		if a.cfg.MaxLogRange > 0 && hi-lo > uint64(a.cfg.MaxLogRange) {
			a.cfg.Logger.Info("lotusstandin: eth_getLogs range refused", "from", lo, "to", hi)
			return nil, api.NewErrBlockRangeExceeded(uint64(a.cfg.MaxLogRange), hi-lo)
		}
		fromHex, toHex := hexutil.EncodeUint64(lo), hexutil.EncodeUint64(hi)
		q.FromBlock, q.ToBlock = &fromHex, &toHex
	}
	var logs []struct {
		BlockNumber hexutil.Uint64 `json:"blockNumber"`
	}
	var raw json.RawMessage
	if err := a.chain.up.CallContext(ctx, &raw, "eth_getLogs", q); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, &logs); err != nil {
		return nil, fmt.Errorf("lotusstandin: upstream logs: %w", err)
	}
	if a.cfg.MaxLogResults > 0 && len(logs) > a.cfg.MaxLogResults && logs[0].BlockNumber != logs[len(logs)-1].BlockNumber {
		a.cfg.Logger.Info("lotusstandin: eth_getLogs results refused", "logs", len(logs))
		return nil, errTooManyEvents
	}
	return raw, nil
}
