package main

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestFigureMatchesReport: docs/gas/per-job.svg is the figure of the Brine figures docs/gas.md
// shows (both come from one `make gas`); a report regenerated without its figure, or a figure
// edited by hand, fails here.
func TestFigureMatchesReport(t *testing.T) {
	doc, err := os.ReadFile("../../docs/gas.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "]("+figureFile+")") {
		t.Errorf("docs/gas.md does not show %s: run `make gas`", figureFile)
	}
	cell := func(prefix string) uint64 {
		for _, line := range strings.Split(string(doc), "\n") {
			rest, ok := strings.CutPrefix(line, prefix)
			if !ok {
				continue
			}
			v := strings.Trim(strings.TrimSpace(rest), "*| ")
			n, err := strconv.ParseUint(strings.ReplaceAll(v, ",", ""), 10, 64)
			if err != nil {
				t.Fatalf("docs/gas.md row %q: %q is not a figure", prefix, v)
			}
			return n
		}
		t.Fatalf("docs/gas.md has no row %q: run `make gas`", prefix)
		return 0
	}
	fig := perJob{
		Happy:       cell(brineRows.happy),
		Permit:      cell(brineRows.permit),
		PermitBatch: cell(brineRows.permitBatch),
		Replicated3: cell(brineRows.replicated),
	}
	want, err := perJobFigure(fig)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../docs/" + figureFile)
	if err != nil {
		t.Fatalf("%v: run `make gas`", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("docs/%s is not the figure of docs/gas.md's figures %+v: run `make gas`", figureFile, fig)
	}
}

// TestFigureRepeats: the same figures draw the same bytes, so the staleness test above can
// compare files, and the bars change with what they show.
func TestFigureRepeats(t *testing.T) {
	a, err := perJobFigure(perJob{Happy: 271_292, Permit: 241_738, PermitBatch: 200_000, Replicated3: 895_027})
	if err != nil {
		t.Fatal(err)
	}
	b, err := perJobFigure(perJob{Happy: 271_292, Permit: 241_738, PermitBatch: 200_000, Replicated3: 895_027})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("the same figures drew different SVGs")
	}
	c, err := perJobFigure(perJob{Happy: 271_293, Permit: 241_738, PermitBatch: 200_000, Replicated3: 895_027})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, c) {
		t.Fatal("a different figure drew the same SVG")
	}
	if !bytes.Contains(a, []byte("271,292")) {
		t.Error("the figure does not label Brine's happy path with its gas")
	}
}
