package main

import (
	"bytes"
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// figureFile is where `make gas` draws the per-job comparison, relative to the report's folder.
const figureFile = "gas/per-job.svg"

// brineRows are the first two cells of docs/gas.md's rows that carry Brine's per-job figures in
// the comparison table: the writer prints them and the staleness test finds the figures by them.
var brineRows = struct{ happy, permit, permitBatch, replicated string }{
	happy:       "| **Brine** | approve, postJob, acceptJob, commitResult, finalize |",
	permit:      "| **Brine** | postJobWithPermit, acceptJob, commitResult, finalize |",
	permitBatch: "| **Brine** | the same with finalize in a batch of 50 |",
	replicated:  "| **Brine**, three replicas | approve, postJob, 3 × (acceptJob, commitReplica, revealReplica), resolveReplicas, finalize |",
}

// perJob is Brine's side of the figure: what a job costs on each happy path.
type perJob struct {
	Happy, Permit, PermitBatch, Replicated3 uint64
}

// kind colours a bar by whose it is.
type kind int

const (
	kindBrine kind = iota
	kindFloor
	kindPeer
)

var kindColor = map[kind]color.RGBA{
	kindBrine: {0, 140, 72, 255},
	kindFloor: {140, 140, 140, 255},
	kindPeer:  {244, 125, 35, 255},
}

type bar struct {
	label string
	gas   uint64
	kind  kind
}

// bars lists the figure's bars from the bottom up: the three-replica pair, then the single
// worker's paths from the dearest peer down to Brine's cheapest path and the floor under it,
// so the eye reads the gap between Brine and the floor at the top.
func bars(b perJob) []bar {
	return []bar{
		{"iExec PoCo, three replicas", 2_334_553, kindPeer},
		{"Brine, three replicas", b.Replicated3, kindBrine},
		{"Lilypad v1", 1_472_188, kindPeer},
		{"iExec PoCo v6.2.0, one worker", 1_303_880, kindPeer},
		{"Lilypad v2", 1_142_165, kindPeer},
		{"Lilypad v2, deposits made in advance", 794_519, kindPeer},
		{"iExec PoCo Boost (not deployed)", 571_504, kindPeer},
		{"packed-struct layout, approve + post", packedHappy, kindFloor},
		{"Brine, approve + post", b.Happy, kindBrine},
		{"floor, approve + post", floorHappy, kindFloor},
		{"Brine, permit", b.Permit, kindBrine},
		{"floor, permit", floorPermit, kindFloor},
		{"Brine, permit, finalize batched", b.PermitBatch, kindBrine},
		{"floor, permit, finalize batched", floorPermitBatch, kindFloor},
	}
}

// perJobFigure draws gas per job on the happy path, Brine beside the floor and the peers, as a
// horizontal bar chart in SVG. The same figures give the same bytes.
func perJobFigure(b perJob) ([]byte, error) {
	bs := bars(b)
	p := plot.New()
	p.Title.Text = "Gas per compute job, happy path (receipts' gasUsed, Ethereum schedule)"
	p.Title.TextStyle.Font.Size = vg.Points(10)
	p.Title.Padding = vg.Points(6)
	p.X.Label.Text = "gas per job (thousands)"
	p.X.Label.TextStyle.Font.Size = vg.Points(8)
	p.X.Min = 0
	p.X.Tick.Label.Font.Size = vg.Points(8)
	p.Y.Tick.Label.Font.Size = vg.Points(8)
	p.X.Tick.Marker = thousands{}

	names := make([]string, len(bs))
	for i, x := range bs {
		names[i] = x.label
	}
	p.NominalY(names...)

	width := vg.Points(11)
	for _, k := range []kind{kindPeer, kindFloor, kindBrine} {
		vals := make(plotter.Values, len(bs))
		for i, x := range bs {
			if x.kind == k {
				vals[i] = float64(x.gas)
			}
		}
		chart, err := plotter.NewBarChart(vals, width)
		if err != nil {
			return nil, fmt.Errorf("figure: %w", err)
		}
		chart.Horizontal = true
		chart.Color = kindColor[k]
		chart.LineStyle.Width = 0
		p.Add(chart)
	}

	xys := make(plotter.XYs, len(bs))
	texts := make([]string, len(bs))
	for i, x := range bs {
		xys[i] = plotter.XY{X: float64(x.gas), Y: float64(i)}
		texts[i] = " " + num(x.gas)
	}
	labels, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: texts})
	if err != nil {
		return nil, fmt.Errorf("figure: %w", err)
	}
	for i := range labels.TextStyle {
		labels.TextStyle[i].Font.Size = vg.Points(7)
		labels.TextStyle[i].YAlign = draw.YCenter
	}
	p.Add(labels)
	p.X.Max = 2_750_000 // room for the longest bar's label

	c := vgsvg.New(7*vg.Inch, 4.2*vg.Inch)
	p.Draw(draw.New(c))
	var out bytes.Buffer
	if _, err := c.WriteTo(&out); err != nil {
		return nil, fmt.Errorf("figure: %w", err)
	}
	return out.Bytes(), nil
}

// thousands ticks the gas axis every 500,000, labelled in thousands.
type thousands struct{}

func (thousands) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for v := 0.0; v <= max; v += 250_000 {
		t := plot.Tick{Value: v}
		if int(v)%500_000 == 0 {
			t.Label = num(uint64(v) / 1000)
		}
		ts = append(ts, t)
	}
	return ts
}
