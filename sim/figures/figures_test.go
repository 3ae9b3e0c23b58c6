package figures

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brine-compute/brine/sim"
)

// tinySweep is a real sweep small enough for a test: 20 providers, 12 jobs per point, two
// cartel shares and two values of K.
func tinySweep(t *testing.T) *sim.Sweep {
	t.Helper()
	base := sim.DefaultConfig()
	base.Jobs, base.Providers, base.Clients, base.Wave = 12, 20, 4, 12
	base.Grief, base.CartelChallenge = 0.3, 0.5
	s, err := sim.RunSweep(context.Background(), sim.SweepConfig{
		Seed: 3, Base: base, Cartels: []float64{0, 0.3},
		Axes: []sim.Axis{{Param: "k", Values: []string{"1", "3"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The figures are written, are SVG, carry their titles, and the same sweep draws the same bytes.
func TestWriteDeterministic(t *testing.T) {
	s := tinySweep(t)
	a, b := t.TempDir(), t.TempDir()
	files, err := Write(a, s)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	if want := []string{ProfitFile, WronglySlashedFile, "param-k.svg"}; !slices.Equal(names, want) {
		t.Fatalf("files %v, want %v", names, want)
	}
	if _, err := Write(b, s); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		x, err := os.ReadFile(filepath.Join(a, n))
		if err != nil {
			t.Fatal(err)
		}
		y, _ := os.ReadFile(filepath.Join(b, n))
		if !bytes.Equal(x, y) {
			t.Errorf("%s: the same sweep drew different bytes", n)
		}
		if !bytes.HasPrefix(x, []byte("<?xml")) || !bytes.Contains(x, []byte("<svg")) || len(x) < 2000 {
			t.Errorf("%s: not an SVG figure (%d bytes)", n, len(x))
		}
	}
	profit, _ := os.ReadFile(filepath.Join(a, ProfitFile))
	for _, want := range []string{"break-even", "cartel", "honest", "griefer"} {
		if !strings.Contains(string(profit), want) {
			t.Errorf("%s does not say %q", ProfitFile, want)
		}
	}
	param, _ := os.ReadFile(filepath.Join(a, "param-k.svg"))
	for _, want := range []string{"k = 1", "k = 3 (baseline)", "want &lt; 1%"} {
		if !strings.Contains(string(param), want) {
			t.Errorf("param-k.svg does not say %q", want)
		}
	}
}

func TestWriteNeedsBaseline(t *testing.T) {
	if _, err := Write(t.TempDir(), &sim.Sweep{Cartels: []float64{0}}); !errors.Is(err, ErrNoBaseline) {
		t.Fatalf("Write(empty sweep) = %v, want ErrNoBaseline", err)
	}
}
