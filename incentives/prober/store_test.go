package prober_test

import (
	"errors"
	"testing"

	"github.com/brine-compute/brine/incentives/prober"
)

// TestStoreLockedAndPublished: a second process (here, a second open) of the same store is
// refused with ErrLocked; PublishedTree serves a closed epoch's document and nothing for an
// epoch closed without leaves or never closed.
func TestStoreLockedAndPublished(t *testing.T) {
	path := prober.StorePath(t.TempDir())
	st, err := prober.OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := prober.OpenStore(path); !errors.Is(err, prober.ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if err := st.PutTree(3, []byte(`{"tree":3}`)); err != nil {
		t.Fatal(err)
	}
	if err := st.PutTree(4, nil); err != nil {
		t.Fatal(err)
	}
	for e, want := range map[uint64]string{3: `{"tree":3}`, 4: "", 5: ""} {
		doc, err := st.PublishedTree(e)
		if err != nil || string(doc) != want {
			t.Errorf("epoch %d: %q, %v; want %q", e, doc, err, want)
		}
	}
}
