package providers

import (
	"context"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/internal/errtext"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// emptyDirectory is a registry with no providers.
type emptyDirectory struct{}

func (emptyDirectory) ProviderDirectory(context.Context) ([]settlement.ProviderInfo, error) {
	return nil, nil
}

// TestFetchErrorsNameNoJob: the result fetchers' errors leave the job to their callers, which
// all name it (the CLI, the canary, the demo); an error that named it too read
// "job 5: job 5: no node served result ...".
func TestFetchErrorsNameNoJob(t *testing.T) {
	committed := results.Commitment(results.CIDOf([]byte("result")))
	provider := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	tests := []struct {
		name     string
		job      settlement.Job
		anywhere bool
	}{
		{"no result", settlement.Job{ID: 5, Status: settlement.StatusOpen}, false},
		{"not a result CID", settlement.Job{ID: 5, ResultCID: []byte{1, 2, 3}, Provider: provider}, false},
		{"provider not in the directory", settlement.Job{ID: 5, ResultCID: committed, Provider: provider, Replicas: 1}, false},
		{"nobody else holds it", settlement.Job{ID: 5, ResultCID: committed, Provider: provider, Replicas: 1}, true},
		{"no replica publishes an address", settlement.Job{ID: 5, ResultCID: committed, Replicas: 3}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.anywhere {
				_, _, _, err = FetchJobResultAnywhere(context.Background(), nil, emptyDirectory{}, tt.job, 1<<20)
			} else {
				_, _, err = FetchJobResult(context.Background(), nil, emptyDirectory{}, tt.job, 1<<20)
			}
			if err == nil {
				t.Fatal("fetch succeeded")
			}
			// As every caller reports it.
			msg := fmt.Errorf("job %d: %w", tt.job.ID, err).Error()
			for _, f := range errtext.Flaws(msg) {
				t.Errorf("%q: %s", msg, f)
			}
		})
	}
}
