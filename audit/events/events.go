// Package events decodes the logs of a Brine deployment into named events with their
// arguments, for `brine audit events` and for listing the accounts that ever acted
// (providers, credited accounts). It reads the ABIs compiled into the bindings, so it knows
// every event the contracts can emit.
package events

import (
	"context"
	"encoding/hex"
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
)

// Arg is one decoded argument.
type Arg struct {
	Name  string `json:"name"`
	Value any    `json:"value"` // strings for numbers, addresses, hashes and bytes; maps for structs
}

// Event is one decoded log.
type Event struct {
	Block    uint64         `json:"block"`
	TxHash   common.Hash    `json:"tx"`
	LogIndex uint           `json:"logIndex"`
	Contract string         `json:"contract"` // JobMarket, ProviderRegistry, UptimeRewards
	Address  common.Address `json:"address"`
	Name     string         `json:"event"` // "Unknown" when the ABI has no such event
	Args     []Arg          `json:"args"`
}

// Arg returns the named argument's value (nil when absent).
func (e Event) Arg(name string) any {
	for _, a := range e.Args {
		if a.Name == name {
			return a.Value
		}
	}
	return nil
}

// Decoder decodes the logs of one deployment's contracts.
type Decoder struct {
	byAddr map[common.Address]contract
}

type contract struct {
	name string
	abi  *abi.ABI
}

// NewDecoder returns a decoder for the deployment's market, registry and rewards contracts.
func NewDecoder(addrs deploy.Addresses) (*Decoder, error) {
	d := &Decoder{byAddr: map[common.Address]contract{}}
	for _, c := range []struct {
		name string
		addr common.Address
		md   *bind.MetaData
	}{
		{deploy.NameJobMarket, addrs.Market, &bindings.JobMarketMetaData},
		{deploy.NameProviderRegistry, addrs.Registry, &bindings.ProviderRegistryMetaData},
		{deploy.NameUptimeRewards, addrs.Rewards, &bindings.UptimeRewardsMetaData},
	} {
		parsed, err := c.md.ParseABI()
		if err != nil {
			return nil, fmt.Errorf("events: %s ABI: %w", c.name, err)
		}
		d.byAddr[c.addr] = contract{name: c.name, abi: parsed}
	}
	return d, nil
}

// Addresses are the contracts whose logs the decoder reads.
func (d *Decoder) Addresses() []common.Address {
	out := make([]common.Address, 0, len(d.byAddr))
	for a := range d.byAddr {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Cmp(out[j]) < 0 })
	return out
}

// Fetch reads and decodes the deployment's logs in [from, to], in chain order.
func (d *Decoder) Fetch(ctx context.Context, r ethereum.LogFilterer, from, to uint64) ([]Event, error) {
	logs, err := audit.FetchLogs(ctx, r, d.Addresses(), from, to)
	if err != nil {
		return nil, err
	}
	out := make([]Event, 0, len(logs))
	for i := range logs {
		out = append(out, d.Decode(&logs[i]))
	}
	return out, nil
}

// Decode decodes one log. A log it cannot decode comes back named "Unknown" with its raw
// topics and data as arguments.
func (d *Decoder) Decode(l *types.Log) Event {
	ev := Event{Block: l.BlockNumber, TxHash: l.TxHash, LogIndex: l.Index, Address: l.Address, Name: "Unknown"}
	c, ok := d.byAddr[l.Address]
	if ok {
		ev.Contract = c.name
	}
	raw := func() Event {
		ev.Args = []Arg{{Name: "topics", Value: hashes(l.Topics)}, {Name: "data", Value: "0x" + hex.EncodeToString(l.Data)}}
		return ev
	}
	if !ok || len(l.Topics) == 0 {
		return raw()
	}
	e, err := c.abi.EventByID(l.Topics[0])
	if err != nil || e == nil {
		return raw()
	}
	values := map[string]any{}
	if err := e.Inputs.NonIndexed().UnpackIntoMap(values, l.Data); err != nil {
		return raw()
	}
	var indexed abi.Arguments
	for _, in := range e.Inputs {
		if in.Indexed {
			indexed = append(indexed, in)
		}
	}
	if err := abi.ParseTopicsIntoMap(values, indexed, l.Topics[1:]); err != nil {
		return raw()
	}
	ev.Name = e.Name
	for _, in := range e.Inputs {
		ev.Args = append(ev.Args, Arg{Name: in.Name, Value: plain(values[in.Name])})
	}
	return ev
}

func hashes(hs []common.Hash) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.Hex()
	}
	return out
}

// plain turns decoded ABI values into strings, slices and maps that print and marshal the
// same way: numbers as decimal strings (exact, whatever their size), addresses checksummed,
// hashes and bytes in 0x-hex, structs as maps keyed by their Solidity field names.
func plain(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case *big.Int:
		return x.String()
	case common.Address:
		return x.Hex()
	case common.Hash:
		return x.Hex()
	case [32]byte:
		return common.Hash(x).Hex()
	case []byte:
		return "0x" + hex.EncodeToString(x)
	case bool, string:
		return x
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uint:
		return fmt.Sprint(rv.Uint())
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Int:
		return fmt.Sprint(rv.Int())
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = plain(rv.Index(i).Interface())
		}
		return out
	case reflect.Struct:
		out := map[string]any{}
		t := rv.Type()
		for i := 0; i < t.NumField(); i++ {
			name := t.Field(i).Name
			if tag := t.Field(i).Tag.Get("json"); tag != "" {
				name = strings.Split(tag, ",")[0]
			}
			out[name] = plain(rv.Field(i).Interface())
		}
		return out
	case reflect.Pointer:
		if rv.IsNil() {
			return nil
		}
		return plain(rv.Elem().Interface())
	}
	return fmt.Sprint(v)
}

// Accounts returns the distinct addresses found in the named argument of the named events,
// sorted: Accounts(evs, "provider", "ProviderRegistered", "Staked") lists every provider.
func Accounts(evs []Event, arg string, names ...string) []common.Address {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	seen := map[common.Address]bool{}
	for _, e := range evs {
		if !want[e.Name] {
			continue
		}
		if s, ok := e.Arg(arg).(string); ok && common.IsHexAddress(s) {
			seen[common.HexToAddress(s)] = true
		}
	}
	out := make([]common.Address, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Cmp(out[j]) < 0 })
	return out
}
