package onchain_test

import (
	"testing"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/settlement"
)

// A challenger holding less than the bond is refused before anything is sent: no approval
// that the challenge's own revert would leave behind.
func TestChallengeShortOfTheBondSendsNothing(t *testing.T) {
	w := newChallengeWorld(t)
	id := w.committedJob()
	bond, err := w.client.S.ChallengeBond(ctx, id)
	must(t, err)
	wantInt(t, "challenge bond", bond, deploy.Token(10))

	poor := w.actor("poor", deploy.Token(9))
	wantErr(t, poor.S.Challenge(ctx, id), settlement.ErrInsufficient, "-")
	if sent := poor.Sender.Sent(); len(sent) != 0 {
		t.Fatalf("sent %v", ids(sent))
	}
	wantStatus(t, w.job(w.client.S, id), settlement.StatusCommitted)

	// With exactly the bond: approve, challenge.
	exact := w.actor("exact", deploy.Token(10))
	must(t, exact.S.Challenge(ctx, id))
	wantInt(t, "challenger tokens", w.tokens(exact.Addr), deploy.Token(0))
	if sent := exact.Sender.Sent(); len(sent) != 2 {
		t.Fatalf("sent %v, want the approval and the challenge", ids(sent))
	}
	wantStatus(t, w.job(w.client.S, id), settlement.StatusChallenged)
}
