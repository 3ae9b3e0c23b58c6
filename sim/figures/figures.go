package figures

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/brine-compute/brine/sim"
)

// Files the baseline's figures are written to; a parameter's is "param-<name>.svg".
const (
	ProfitFile         = "profit.svg"
	WronglySlashedFile = "wrongly-slashed.svg"
)

// WronglySlashedTarget is issue 14's bound on an honest provider's chance of being slashed per
// correct result put to a vote.
const WronglySlashedTarget = 0.01

// ErrNoBaseline is returned when the sweep has no baseline points to draw.
var ErrNoBaseline = errors.New("figures: the sweep has no baseline points")

// strategies drawn, each with its own colour in every figure. The honest client is left out:
// its "profit" is what its jobs cost it (about minus the payment), not a strategy's reward.
var strategies = []struct {
	name  string
	color color.RGBA
}{
	{"honest", color.RGBA{0, 140, 72, 255}},
	{"lazy", color.RGBA{244, 125, 35, 255}},
	{"lazy-verifier", color.RGBA{24, 90, 169, 255}},
	{"withholder", color.RGBA{140, 140, 140, 255}},
	{"cartel", color.RGBA{238, 46, 47, 255}},
	{"griefer", color.RGBA{102, 44, 145, 255}},
}

// valueColors colour an axis's values in order, from dark blue through green to dark red.
var valueColors = []color.RGBA{
	{49, 54, 149, 255}, {69, 117, 180, 255}, {26, 152, 80, 255}, {253, 174, 97, 255},
	{244, 109, 67, 255}, {215, 48, 39, 255}, {165, 0, 38, 255},
}

// Write draws the sweep's figures into dir (created if missing) and returns the files written:
// profit per job against the cartel's share for each strategy at the baseline, with its 95%
// band and the zero line; the wrongly-slashed rate of providers who commit correct results
// against the 1% target; and one figure per swept parameter, a panel per target of issue 14
// with a line per value. The same sweep gives the same bytes.
func Write(dir string, s *sim.Sweep) ([]string, error) { return write(dir, s, false) }

// WritePNG is Write with PNG images (96 dpi) instead of SVG.
func WritePNG(dir string, s *sim.Sweep) ([]string, error) { return write(dir, s, true) }

func write(dir string, s *sim.Sweep, png bool) ([]string, error) {
	if _, ok := s.Row("", "", s.Cartels[0], "honest"); !ok {
		return nil, ErrNoBaseline
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("figures: %w", err)
	}
	type figure struct {
		file string
		draw func() ([]byte, error)
	}
	figs := []figure{
		{ProfitFile, func() ([]byte, error) {
			return render(16*vg.Centimeter, 11*vg.Centimeter, [][]*plot.Plot{{profit(s)}}, png)
		}},
		{WronglySlashedFile, func() ([]byte, error) {
			return render(16*vg.Centimeter, 10*vg.Centimeter, [][]*plot.Plot{{wronglySlashed(s)}}, png)
		}},
	}
	for _, a := range s.Axes {
		figs = append(figs, figure{"param-" + a.Param + ".svg", func() ([]byte, error) {
			return render(27*vg.Centimeter, 16*vg.Centimeter, axisPanels(s, a), png)
		}})
	}
	var out []string
	for _, f := range figs {
		b, err := f.draw()
		if err != nil {
			return out, fmt.Errorf("figures: %s: %w", f.file, err)
		}
		path := filepath.Join(dir, f.file)
		if png {
			path = strings.TrimSuffix(path, ".svg") + ".png"
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return out, fmt.Errorf("figures: %w", err)
		}
		out = append(out, path)
	}
	return out, nil
}

// render draws a grid of plots on one SVG (or PNG) canvas.
func render(w, h vg.Length, plots [][]*plot.Plot, png bool) ([]byte, error) {
	var c interface {
		vg.CanvasSizer
		io.WriterTo
	}
	if png {
		c = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(96))}
	} else {
		c = vgsvg.New(w, h)
	}
	dc := draw.New(c)
	if len(plots) == 1 && len(plots[0]) == 1 {
		plots[0][0].Draw(dc)
	} else {
		tiles := draw.Tiles{
			Rows: len(plots), Cols: len(plots[0]),
			PadX: vg.Centimeter, PadY: vg.Centimeter,
			PadTop: vg.Millimeter * 3, PadBottom: vg.Millimeter * 3, PadLeft: vg.Millimeter * 3, PadRight: vg.Millimeter * 3,
		}
		canvases := plot.Align(plots, tiles, dc)
		for i := range plots {
			for j := range plots[i] {
				if plots[i][j] != nil {
					plots[i][j].Draw(canvases[i][j])
				}
			}
		}
	}
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func newPlot(title, x, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = x
	p.Y.Label.Text = y
	p.Add(plotter.NewGrid())
	p.Legend.Top = true
	p.Legend.Left = false
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	return p
}

// roomForLegend widens the x axis past the last cartel share, so the legend in the top right
// corner sits beside the lines rather than on them.
func roomForLegend(p *plot.Plot, s *sim.Sweep, share float64) {
	lo, hi := span(s)
	p.X.Min, p.X.Max = lo, hi+share*(hi-lo)
	if hi == lo {
		p.X.Max = hi + share
	}
}

func span(s *sim.Sweep) (lo, hi float64) {
	lo, hi = s.Cartels[0], s.Cartels[0]
	for _, f := range s.Cartels {
		lo, hi = math.Min(lo, f), math.Max(hi, f)
	}
	return lo, hi
}

// targetLine is a dashed black horizontal line at y across the sweep's cartel shares.
func targetLine(p *plot.Plot, s *sim.Sweep, y float64, label string) {
	lo, hi := span(s)
	l, _ := plotter.NewLine(plotter.XYs{{X: lo, Y: y}, {X: hi, Y: y}})
	l.Color = color.Black
	l.Width = vg.Points(1)
	l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(l)
	if label != "" {
		p.Legend.Add(label, l)
	}
}

// series is one line: a point per cartel share with a value and, optionally, its interval.
type series struct {
	xs, ys, lo, hi []float64
}

func (s *series) add(x, y, lo, hi float64) {
	s.xs, s.ys, s.lo, s.hi = append(s.xs, x), append(s.ys, y), append(s.lo, lo), append(s.hi, hi)
}

// draw adds the line with markers and, when band, its interval as a translucent polygon.
func (s series) draw(p *plot.Plot, c color.RGBA, label string, band bool) error {
	if len(s.xs) == 0 {
		return nil
	}
	if band && len(s.xs) > 1 {
		var poly plotter.XYs
		for i := range s.xs {
			poly = append(poly, plotter.XY{X: s.xs[i], Y: s.hi[i]})
		}
		for i := len(s.xs) - 1; i >= 0; i-- {
			poly = append(poly, plotter.XY{X: s.xs[i], Y: s.lo[i]})
		}
		pg, err := plotter.NewPolygon(poly)
		if err != nil {
			return err
		}
		pg.Color = color.NRGBA{c.R, c.G, c.B, 56}
		pg.LineStyle.Width = 0
		p.Add(pg)
	}
	xy := make(plotter.XYs, len(s.xs))
	for i := range s.xs {
		xy[i] = plotter.XY{X: s.xs[i], Y: s.ys[i]}
	}
	l, pts, err := plotter.NewLinePoints(xy)
	if err != nil {
		return err
	}
	l.Color, l.Width = c, vg.Points(1.5)
	pts.Color, pts.Radius, pts.Shape = c, vg.Points(2), draw.CircleGlyph{}
	p.Add(l, pts)
	p.Legend.Add(label, l, pts)
	return nil
}

const (
	cartelLabel  = "cartel share of providers f"
	profitLabel  = "profit per job (tokens)"
	slashedLabel = "wrongly slashed per disputed correct result"
)

// profit is the baseline's profit per job against f, a line and band per strategy.
func profit(s *sim.Sweep) *plot.Plot {
	p := newPlot("Profit per job at the baseline (95% bands); below zero, the strategy loses", cartelLabel, profitLabel)
	targetLine(p, s, 0, "break-even")
	roomForLegend(p, s, 0.3)
	for _, st := range strategies {
		var ser series
		for _, f := range s.Cartels {
			if r, ok := s.Row("", "", f, st.name); ok && r.Jobs > 0 {
				ser.add(f, r.ProfitPerJob, r.ProfitPerJobCI95[0], r.ProfitPerJobCI95[1])
			}
		}
		_ = ser.draw(p, st.color, st.name, true)
	}
	return p
}

// correctProviders are the strategies whose committed results are all correct: their slashes
// as providers are all wrongful.
var correctProviders = []string{"honest", "lazy-verifier", "withholder"}

// wronglySlashed is the baseline's wrongly-slashed rate against f with the 1% target, a line
// and a Wilson band per strategy that commits only correct results.
func wronglySlashed(s *sim.Sweep) *plot.Plot {
	p := newPlot("Correct results slashed per disputed correct result (95% bands)", cartelLabel, slashedLabel)
	targetLine(p, s, WronglySlashedTarget, "target 1%")
	roomForLegend(p, s, 0.3)
	for _, st := range strategies {
		if !slices.Contains(correctProviders, st.name) {
			continue
		}
		var ser series
		for _, f := range s.Cartels {
			if r, ok := s.Row("", "", f, st.name); ok && r.WronglySlashed != nil {
				ser.add(f, *r.WronglySlashed, r.WronglySlashedCI95[0], r.WronglySlashedCI95[1])
			}
		}
		_ = ser.draw(p, st.color, st.name, true)
	}
	return p
}

// axisPanels is one figure for a swept parameter: a panel per target of issue 14, each with a
// line per value of the parameter against f and the target's line.
func axisPanels(s *sim.Sweep, a sim.SweepAxis) [][]*plot.Plot {
	type panel struct {
		title, y string
		target   float64
		label    string
		value    func(f float64, v string) (float64, bool)
	}
	row := func(f float64, v, strategy string) (sim.SweepRow, bool) {
		r, ok := s.AxisRow(a.Param, v, f, strategy)
		return r, ok && r.Jobs > 0
	}
	profitOf := func(strategy string) func(float64, string) (float64, bool) {
		return func(f float64, v string) (float64, bool) {
			r, ok := row(f, v, strategy)
			return r.ProfitPerJob, ok
		}
	}
	panels := []panel{
		{"cartel member: want < 0", profitLabel, 0, "", profitOf("cartel")},
		{"lazy provider: want < 0", profitLabel, 0, "", profitOf("lazy")},
		{"griefer: want < 0", profitLabel, 0, "", profitOf("griefer")},
		{"lazy verifier minus honest: want < 0", "profit per job difference (tokens)", 0, "", func(f float64, v string) (float64, bool) {
			l, ok1 := row(f, v, "lazy-verifier")
			h, ok2 := row(f, v, "honest")
			return l.ProfitPerJob - h.ProfitPerJob, ok1 && ok2
		}},
		{"honest provider: want > 0", profitLabel, 0, "", profitOf("honest")},
		{"honest wrongly slashed: want < 1%", slashedLabel, WronglySlashedTarget, "", func(f float64, v string) (float64, bool) {
			r, ok := row(f, v, "honest")
			if !ok || r.WronglySlashed == nil {
				return 0, false
			}
			return *r.WronglySlashed, true
		}},
	}
	grid := [][]*plot.Plot{make([]*plot.Plot, 3), make([]*plot.Plot, 3)}
	for i, pn := range panels {
		p := newPlot(pn.title, cartelLabel, pn.y)
		p.Title.TextStyle.Font.Size = vg.Points(10)
		p.X.Label.TextStyle.Font.Size = vg.Points(8)
		p.Y.Label.TextStyle.Font.Size = vg.Points(8)
		targetLine(p, s, pn.target, pn.label)
		for j, v := range a.Values {
			var ser series
			for _, f := range s.Cartels {
				if y, ok := pn.value(f, v); ok {
					ser.add(f, y, y, y)
				}
			}
			label := a.Param + " = " + v
			if v == a.Baseline {
				label += " (baseline)"
			}
			_ = ser.draw(p, valueColors[j%len(valueColors)], label, false)
		}
		if i > 0 {
			p.Legend = plot.NewLegend() // the first panel's legend names the values for all
			p.Legend.Top = true
		} else {
			roomForLegend(p, s, 0.6)
		}
		grid[i/3][i%3] = p
	}
	grid[0][0].Title.Text = a.About + "\n" + grid[0][0].Title.Text
	return grid
}
