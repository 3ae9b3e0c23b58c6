package index

import (
	"slices"
	"testing"
)

// TestTimelineEventsAreTheJobEvents: a job's timeline reads the market's events whose first
// indexed argument is the job's ID, taken from the ABI: every event of a job's life is in it
// (the replica round's ReplicaVindicated too, which a hand-kept list once missed) and an event
// keyed by something else (ParamsSet's params ID, an account's) is not.
func TestTimelineEventsAreTheJobEvents(t *testing.T) {
	for _, name := range []string{"JobPosted", "JobAccepted", "ReplicaAccepted", "ResultCommitted", "PanelCommitted", "PanelRevealed",
		"ReplicasResolved", "ReplicaVindicated", "ChallengeOpened", "DrawReanchored", "AppealOpened", "VerifiersDrawn", "FirstPanelJudged",
		"ChallengeResolved", "JobFinalized", "JobReclaimed", "JobTimedOut", "CollateralSlashed"} {
		if !slices.Contains(timelineEvents, name) {
			t.Errorf("%s is not a timeline event: %v", name, timelineEvents)
		}
	}
	for _, name := range []string{"ParamsSet", "TreasurySet", "Withdrawn", "FeesWithdrawn", "SurplusSwept"} {
		if slices.Contains(timelineEvents, name) {
			t.Errorf("%s, keyed by something else than a job, is a timeline event: %v", name, timelineEvents)
		}
	}
}
