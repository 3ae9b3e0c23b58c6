package run

import (
	"time"

	"github.com/brine-compute/brine/pipeline"
)

// Timing is how long a run took beside the jobs it waited on, by the chain's clock: the
// overhead of running the graph as one unit.
type Timing struct {
	// Total is from the first post to the last result ready.
	Total time.Duration `json:"total"`
	// Critical are the jobs of the critical path, first to last: each one's own time from
	// its post to its result ready (accept, run, commit, challenge window, finalize).
	Critical []CriticalJob `json:"critical"`
	// Path is the sum of the critical path's own times.
	Path time.Duration `json:"path"`
	// Ratio is Total / Path: 1 when the runner loses no time between steps.
	Ratio float64 `json:"ratio"`
	// MostAtOnce is the most jobs that were live (posted, result not yet ready) at once.
	MostAtOnce int `json:"mostAtOnce"`
}

// CriticalJob is one job of the critical path.
type CriticalJob struct {
	Step  string        `json:"step"`
	Entry string        `json:"entry,omitempty"`
	Job   uint64        `json:"job"`
	Took  time.Duration `json:"took"`
}

// Timing measures a finished run (ok false while a result is missing).
func (st *State) Timing(p *pipeline.Pipeline) (Timing, bool) {
	type span struct {
		step, entry string
		job         uint64
		from, to    time.Time
	}
	last := map[string]span{} // each step's last result ready
	var all []span
	var first time.Time
	for _, s := range p.Steps {
		ss := st.Steps[s.Name]
		if ss == nil || !ss.Expanded {
			return Timing{}, false
		}
		for _, in := range ss.Jobs {
			a := in.Live()
			if in.CID == "" || a == nil || a.Posted == nil || a.Ready == nil {
				return Timing{}, false
			}
			sp := span{s.Name, in.Entry, uint64(a.Job), *a.Posted, *a.Ready}
			// The first attempt's post starts the instance's time (retries are its cost).
			if f := in.Attempts[0].Posted; f != nil {
				sp.from = *f
			}
			all = append(all, sp)
			if first.IsZero() || sp.from.Before(first) {
				first = sp.from
			}
			if l, ok := last[s.Name]; !ok || sp.to.After(l.to) {
				last[s.Name] = sp
			}
		}
	}
	var t Timing
	// Walk back from the step whose result came last through the dependency that came last.
	var end span
	for _, sp := range last {
		if sp.to.After(end.to) {
			end = sp
		}
	}
	t.Total = end.to.Sub(first)
	for cur, ok := end, true; ok; {
		t.Critical = append([]CriticalJob{{Step: cur.step, Entry: cur.entry, Job: cur.job, Took: cur.to.Sub(cur.from)}}, t.Critical...)
		t.Path += cur.to.Sub(cur.from)
		ok = false
		var next span
		for _, d := range p.Step(cur.step).Deps() {
			if sp := last[d]; !ok || sp.to.After(next.to) {
				next, ok = sp, true
			}
		}
		cur = next
	}
	if t.Path > 0 {
		t.Ratio = float64(t.Total) / float64(t.Path)
	}
	for _, a := range all {
		n := 0
		for _, b := range all {
			if !b.from.After(a.from) && b.to.After(a.from) {
				n++
			}
		}
		t.MostAtOnce = max(t.MostAtOnce, n)
	}
	return t, true
}
