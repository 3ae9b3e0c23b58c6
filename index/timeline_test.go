package index

import (
	"slices"
	"sort"
	"testing"

	"github.com/brine-compute/brine/bindings"
)

// TestTimelineEventsAreTheJobEvents: a job's timeline reads exactly the market's events whose
// first indexed argument is the job's ID, so a new event of a job cannot be left out of it and
// an event keyed by something else (ParamsSet's params ID) cannot slip into it.
func TestTimelineEventsAreTheJobEvents(t *testing.T) {
	parsed, err := bindings.JobMarketMetaData.ParseABI()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for name, ev := range parsed.Events {
		for _, in := range ev.Inputs {
			if in.Indexed {
				if in.Name == "id" && in.Type.String() == "uint256" {
					want = append(want, name)
				}
				break
			}
		}
	}
	got := slices.Clone(timelineEvents)
	sort.Strings(want)
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("timelineEvents = %v\nthe market's events keyed by a job ID = %v", got, want)
	}
}
