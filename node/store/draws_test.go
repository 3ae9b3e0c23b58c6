package store_test

import (
	"maps"
	"testing"

	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
)

// TestDraws: pending draws are put, re-anchored, deleted only for their own anchor, and kept
// across a reopen.
func TestDraws(t *testing.T) {
	s, path := newStore(t)
	type want = map[settlement.JobID]uint64
	steps := []struct {
		name string
		do   func() error
		want want
	}{
		{"put", func() error { return s.PutDraw(7, 100) }, want{7: 100}},
		{"put another", func() error { return s.PutDraw(9, 50) }, want{7: 100, 9: 50}},
		{"reanchor", func() error {
			ok, err := s.Reanchor(7, 400)
			if err == nil && !ok {
				t.Error("Reanchor of a pending draw reported none pending")
			}
			return err
		}, want{7: 400, 9: 50}},
		{"reanchor a draw not pending", func() error {
			ok, err := s.Reanchor(8, 1)
			if ok {
				t.Error("Reanchor of a job with no pending draw reported one")
			}
			return err
		}, want{7: 400, 9: 50}},
		{"delete under the old anchor", func() error { return s.DeleteDraw(7, 100) }, want{7: 400, 9: 50}},
		{"delete under its anchor", func() error { return s.DeleteDraw(7, 400) }, want{9: 50}},
		{"delete whatever the anchor", func() error { return s.DeleteDraw(9, 0) }, want{}},
		{"delete a draw not pending", func() error { return s.DeleteDraw(3, 0) }, want{}},
		{"put again", func() error { return s.PutDraw(11, 12) }, want{11: 12}},
	}
	for _, st := range steps {
		must(t, st.do())
		got, err := s.Draws()
		must(t, err)
		if !maps.Equal(got, st.want) {
			t.Fatalf("%s: draws %v, want %v", st.name, got, st.want)
		}
	}
	must(t, s.Close())
	r, err := store.Open(path)
	must(t, err)
	defer r.Close()
	got, err := r.Draws()
	must(t, err)
	if !maps.Equal(got, map[settlement.JobID]uint64{11: 12}) {
		t.Fatalf("after reopening: draws %v, want the pending one", got)
	}
}
