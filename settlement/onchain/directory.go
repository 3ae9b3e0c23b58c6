package onchain

import (
	"context"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/chain/logscan"
	"github.com/brine-compute/brine/settlement"
)

// The registry events that carry provider metadata.
var (
	evProviderRegistered = registryABI.GetABI().Events["ProviderRegistered"].ID
	evMetadataUpdated    = registryABI.GetABI().Events["MetadataUpdated"].ID
)

// UpdateMetadata replaces the account's registration metadata (at most 1024 bytes).
func (s *Settlement) UpdateMetadata(ctx context.Context, metadata []byte) error {
	data, err := registryABI.TryPackUpdateMetadata(metadata)
	if err != nil {
		return fmt.Errorf("update metadata: %w", err)
	}
	return s.accountStep(ctx, "update metadata", "update-metadata", s.addrs.Registry, data)
}

// ProviderMetadata is the latest metadata account registered or updated (nil when it never
// registered). It scans the registry's logs from the deploy block.
func (s *Settlement) ProviderMetadata(ctx context.Context, account common.Address) ([]byte, error) {
	meta, err := s.scanMetadata(ctx, []common.Hash{common.BytesToHash(account.Bytes())})
	if err != nil {
		return nil, err
	}
	return meta[account], nil
}

// ProviderDirectory lists every provider that ever registered, with its current stake and
// status and its latest metadata (ProviderInfo.Metadata), ordered by address. Clients use it
// to find the nodes of active providers.
func (s *Settlement) ProviderDirectory(ctx context.Context) ([]settlement.ProviderInfo, error) {
	meta, err := s.scanMetadata(ctx, nil)
	if err != nil {
		return nil, err
	}
	addrs := make([]common.Address, 0, len(meta))
	for a := range meta {
		addrs = append(addrs, a)
	}
	slices.SortFunc(addrs, func(a, b common.Address) int { return a.Cmp(b) })
	out := make([]settlement.ProviderInfo, 0, len(addrs))
	for _, a := range addrs {
		info, err := s.Provider(ctx, a)
		if err != nil {
			return nil, err
		}
		info.Metadata = meta[a]
		out = append(out, info)
	}
	return out, nil
}

// scanMetadata reads the latest metadata per provider from ProviderRegistered and
// MetadataUpdated logs; providers narrows the scan to those accounts (nil: all).
func (s *Settlement) scanMetadata(ctx context.Context, providers []common.Hash) (map[common.Address][]byte, error) {
	head, err := s.client.BlockNumber(ctx)
	if err != nil {
		return nil, fmt.Errorf("settlement/onchain: block number: %w", err)
	}
	topics := [][]common.Hash{{evProviderRegistered, evMetadataUpdated}}
	if providers != nil {
		topics = append(topics, providers)
	}
	scan, err := logscan.New(logscan.Config{Client: s.client, Span: LogChunk})
	if err != nil {
		return nil, fmt.Errorf("settlement/onchain: %w", err)
	}
	logs, err := scan.All(ctx, ethereum.FilterQuery{Addresses: []common.Address{s.addrs.Registry}, Topics: topics}, s.addrs.Block, head)
	if err != nil {
		return nil, fmt.Errorf("settlement/onchain: registry %w", err)
	}
	out := make(map[common.Address][]byte)
	for i := range logs {
		l := &logs[i]
		if l.Removed || len(l.Topics) == 0 {
			continue
		}
		switch l.Topics[0] {
		case evProviderRegistered:
			if ev, err := registryABI.UnpackProviderRegisteredEvent(l); err == nil {
				out[ev.Provider] = ev.Metadata
			}
		case evMetadataUpdated:
			if ev, err := registryABI.UnpackMetadataUpdatedEvent(l); err == nil {
				out[ev.Provider] = ev.Metadata
			}
		}
	}
	return out, nil
}
