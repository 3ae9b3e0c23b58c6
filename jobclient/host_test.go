package jobclient_test

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/p2p/identity"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// directory is a registry listing fixed providers' nodes.
type directory []settlement.ProviderInfo

func (d directory) ProviderDirectory(context.Context) ([]settlement.ProviderInfo, error) {
	return d, nil
}

// loopbackHost starts a jobclient host on loopback whose blob store holds blobs.
func loopbackHost(t *testing.T, blobs ...[]byte) *jobclient.Host {
	t.Helper()
	dir := t.TempDir()
	id, _, err := identity.LoadOrCreate(filepath.Join(dir, "key"))
	if err != nil {
		t.Fatal(err)
	}
	store, err := results.OpenStore(results.StoreConfig{Dir: filepath.Join(dir, "blobs"), MaxBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range blobs {
		if _, err := store.Put(b); err != nil {
			t.Fatal(err)
		}
	}
	h, err := jobclient.NewHost(jobclient.HostConfig{Identity: id, ListenAddrs: []string{"/ip4/127.0.0.1/tcp/0"}, Blobs: store,
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Stop(context.Background()) })
	return h
}

// listing is the registry entry of account whose node is h.
func listing(t *testing.T, account common.Address, h *jobclient.Host) settlement.ProviderInfo {
	t.Helper()
	md := providers.Metadata{Peer: h.P2P().ID().String()}
	for _, a := range h.P2P().Addrs() {
		md.Addrs = append(md.Addrs, a.String())
	}
	b, err := json.Marshal(md)
	if err != nil {
		t.Fatal(err)
	}
	return settlement.ProviderInfo{Address: account, Registered: true, Active: true, Metadata: b}
}

// TestFetchAnywhere: a result its provider's node does not serve (a provider that committed
// and vanished) comes from another provider's node that holds it (a verifier), verified, and
// says whose; the provider's node is asked first.
func TestFetchAnywhere(t *testing.T) {
	result := []byte("the committed result")
	c := results.CIDOf(result)
	provider, verifier, bystander := common.Address{1}, common.Address{2}, common.Address{3}

	serving := loopbackHost(t, result)
	vanished := loopbackHost(t) // committed, serves nothing
	other := loopbackHost(t)    // never ran the job
	client := loopbackHost(t)

	job := func(p common.Address, replicas uint8) settlement.Job {
		return settlement.Job{ID: 7, Provider: p, Replicas: replicas, Status: settlement.StatusCleared, ResultCID: results.Commitment(c)}
	}
	tests := []struct {
		name     string
		dir      directory
		job      settlement.Job
		wantFrom common.Address
		wantErr  bool
	}{
		{"provider serves", directory{listing(t, bystander, other), listing(t, provider, serving)}, job(provider, 1), provider, false},
		{"provider vanished, a verifier serves", directory{listing(t, provider, vanished), listing(t, bystander, other), listing(t, verifier, serving)}, job(provider, 1), verifier, false},
		{"nobody serves", directory{listing(t, provider, vanished), listing(t, bystander, other)}, job(provider, 1), common.Address{}, true},
		{"replicated: any node", directory{listing(t, bystander, other), listing(t, verifier, serving)}, job(common.Address{}, 3), common.Address{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			data, got, from, err := client.FetchAnywhere(ctx, tt.dir, tt.job, 1<<20)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("fetched %q from %s; want an error", data, from.Hex())
				}
				if errors.Is(err, providers.ErrResultMismatch) {
					t.Fatalf("err = %v; nobody served other bytes, so not a mismatch", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(data) != string(result) || got != c {
				t.Fatalf("got %q (%s), want %q (%s)", data, got, result, c)
			}
			if from != tt.wantFrom {
				t.Fatalf("served by %s, want %s", from.Hex(), tt.wantFrom.Hex())
			}
		})
	}
}

// panels is a PanelReader holding fixed replica panels; a job without one reads as deleted.
type panels map[settlement.JobID]settlement.Panel

func (p panels) Panel(_ context.Context, id settlement.JobID, _ bool) (settlement.Panel, error) {
	if pl, ok := p[id]; ok {
		return pl, nil
	}
	return settlement.Panel{}, errors.New("no panel")
}

func TestResultHolders(t *testing.T) {
	a, b := common.HexToAddress("0xa1"), common.HexToAddress("0xb2")
	r := panels{8: {Members: []common.Address{a, b}}}
	tests := []struct {
		name string
		job  settlement.Job
		want string
	}{
		{"single provider", settlement.Job{ID: 7, Provider: a, Replicas: 1}, "provider " + a.Hex() + "'s node"},
		{"replicas on the panel", settlement.Job{ID: 8, Replicas: 2}, "the nodes of replicas " + a.Hex() + ", " + b.Hex()},
		{"replicated, panel deleted", settlement.Job{ID: 9, Replicas: 3}, "the replicas' nodes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jobclient.ResultHolders(context.Background(), r, tt.job); got != tt.want {
				t.Fatalf("ResultHolders = %q, want %q", got, tt.want)
			}
		})
	}
}
