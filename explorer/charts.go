package explorer

import (
	"fmt"
	"html/template"
	"math/big"
	"strings"
	"time"

	"github.com/brine-compute/brine/units"
)

// Charts are drawn here as SVG markup, inline in the page: no script, no image request.
// Geometry is computed with integers (amounts are big.Int; a bar's height is v*H/max).

const (
	chartW, chartH = 720, 180
	padL, padB     = 60, 24
)

func esc(s string) string { return template.HTMLEscapeString(s) }

// scale is v*span/max in whole pixels (0 when max is 0).
func scale(v, max *big.Int, span int64) int64 {
	if max.Sign() <= 0 || v.Sign() <= 0 {
		return 0
	}
	return new(big.Int).Div(new(big.Int).Mul(v, big.NewInt(span)), max).Int64()
}

func hourLabel(unix int64) string { return time.Unix(unix, 0).UTC().Format("15:04") }

// barChart draws one bar per bucket, labelled every few buckets with its start time.
func barChart(id, title string, starts []int64, values []int64) template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg id="%s" class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s"><title>%s</title>`, esc(id), chartW, chartH+padB, esc(title), esc(title))
	most := int64(0)
	for _, v := range values {
		most = max(most, v)
	}
	n := int64(max(len(values), 1))
	w := (chartW - padL) / n
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, padL, chartH, chartW, chartH)
	fmt.Fprintf(&b, `<text class="tick" x="%d" y="12" text-anchor="end">%d</text><text class="tick" x="%d" y="%d" text-anchor="end">0</text>`, padL-6, most, padL-6, chartH)
	for i, v := range values {
		h := scale(big.NewInt(v), big.NewInt(most), chartH-16)
		x := int64(padL) + int64(i)*w
		fmt.Fprintf(&b, `<rect class="bar" x="%d" y="%d" width="%d" height="%d"><title>%s: %d</title></rect>`, x+1, chartH-h, max(w-2, 1), h, hourLabel(starts[i]), v)
		if step := max(n/8, 1); int64(i)%step == 0 {
			fmt.Fprintf(&b, `<text class="tick" x="%d" y="%d">%s</text>`, x, chartH+16, hourLabel(starts[i]))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// series is one line of a lineChart.
type series struct {
	name   string
	class  string
	values []*big.Int
}

// lineChart draws amounts over the buckets, one polyline a series, on a shared scale.
func lineChart(id, title string, starts []int64, ss []series) template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg id="%s" class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s"><title>%s</title>`, esc(id), chartW, chartH+padB+16, esc(title), esc(title))
	most := new(big.Int)
	for _, s := range ss {
		for _, v := range s.values {
			if v.Cmp(most) > 0 {
				most.Set(v)
			}
		}
	}
	n := int64(max(len(starts), 1))
	w := (chartW - padL) / n
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, padL, chartH, chartW, chartH)
	fmt.Fprintf(&b, `<text class="tick" x="%d" y="12" text-anchor="end">%s</text><text class="tick" x="%d" y="%d" text-anchor="end">0</text>`, padL-6, esc(units.Format(most, 18)), padL-6, chartH)
	for k, s := range ss {
		var pts []string
		for i, v := range s.values {
			pts = append(pts, fmt.Sprintf("%d,%d", int64(padL)+int64(i)*w+w/2, chartH-scale(v, most, chartH-16)))
		}
		fmt.Fprintf(&b, `<polyline class="line %s" points="%s"><title>%s</title></polyline>`, esc(s.class), strings.Join(pts, " "), esc(s.name))
		fmt.Fprintf(&b, `<rect class="key %s" x="%d" y="%d" width="10" height="10"/><text class="tick" x="%d" y="%d">%s</text>`, esc(s.class), padL+k*160, chartH+padB+4, padL+k*160+14, chartH+padB+13, esc(s.name))
	}
	for i := int64(0); i < int64(len(starts)); i += max(n/8, 1) {
		fmt.Fprintf(&b, `<text class="tick" x="%d" y="%d">%s</text>`, int64(padL)+i*w, chartH+16, hourLabel(starts[i]))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// heatMap draws providers (rows) by epochs (columns), a cell shaded by the reward claimed.
func heatMap(id string, providers []string, epochs []uint64, cell map[string]map[uint64]*big.Int) template.HTML {
	const cw, ch, left, top = 22, 18, 110, 70
	var b strings.Builder
	width, height := left+cw*max(len(epochs), 1)+10, top+ch*max(len(providers), 1)+10
	fmt.Fprintf(&b, `<svg id="%s" class="heat" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="uptime claims by provider and epoch"><title>uptime claims by provider and epoch</title>`, esc(id), width, height, width, height)
	most := new(big.Int)
	for _, row := range cell {
		for _, v := range row {
			if v.Cmp(most) > 0 {
				most.Set(v)
			}
		}
	}
	for j, e := range epochs {
		x := left + j*cw + cw/2
		fmt.Fprintf(&b, `<text class="tick" x="%d" y="%d" transform="rotate(-60 %d %d)">%d</text>`, x, top-4, x, top-4, e)
	}
	for i, p := range providers {
		fmt.Fprintf(&b, `<text class="tick" x="0" y="%d">%s</text>`, top+i*ch+13, esc(p[:10]+"…"))
		for j, e := range epochs {
			v := cell[p][e]
			level := int64(0)
			if v != nil {
				level = 1 + scale(v, most, 3) // 1..4
			}
			label := "no claim"
			if v != nil {
				label = units.Format(v, 18) + " claimed"
			}
			fmt.Fprintf(&b, `<rect class="cell l%d" x="%d" y="%d" width="%d" height="%d"><title>%s, epoch %d: %s</title></rect>`, min(level, 4), left+j*cw, top+i*ch, cw-2, ch-2, esc(p), e, esc(label))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
