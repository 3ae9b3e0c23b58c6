// Package figures draws a `brine sim sweep` as SVG figures a person reads at a glance (with
// gonum.org/v1/plot): profit per job against the cartel's share for each strategy, with its 95%
// band and the zero line where cheating stops paying; the rate at which correct results are
// slashed against issue 14's 1% target; and a figure per swept parameter with a panel per
// target. The figures are committed under docs/security/, so the same sweep must give the same
// bytes: nothing here reads the clock, a map's order or a random source.
package figures
