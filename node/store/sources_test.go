package store_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/node/store"
)

// The peers that pushed a spec survive a restart (the node asks them for the job's module
// after one), bounded per spec, latest kept, a repeated peer updated in place.
func TestSpecSources(t *testing.T) {
	s, path := newStore(t)
	hash, other := common.Hash{1}, common.Hash{2}
	src := func(i int) store.SpecSource {
		return store.SpecSource{Peer: fmt.Sprintf("peer-%d", i), Addrs: []string{fmt.Sprintf("/ip4/127.0.0.1/tcp/%d", 4000+i)}}
	}
	if got, err := s.Sources(hash); err != nil || len(got) != 0 {
		t.Fatalf("sources of an unknown spec: %v %v", got, err)
	}
	if err := s.AddSource(hash, store.SpecSource{}); err == nil {
		t.Error("a source without a peer was recorded")
	}
	for i := range store.MaxSpecSources + 2 {
		must(t, s.AddSource(hash, src(i)))
	}
	must(t, s.AddSource(other, src(9)))
	moved := src(3)
	moved.Addrs = []string{"/ip4/127.0.0.1/udp/9/quic-v1"}
	must(t, s.AddSource(hash, moved))
	must(t, s.Close())
	s = open(t, path)
	got, err := s.Sources(hash)
	must(t, err)
	want := []store.SpecSource{src(2), src(4), src(5), moved}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sources after a restart:\n got %+v\nwant %+v", got, want)
	}
	if got, _ := s.Sources(other); !reflect.DeepEqual(got, []store.SpecSource{src(9)}) {
		t.Errorf("another spec's sources: %+v", got)
	}
}
