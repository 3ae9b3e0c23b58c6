package metrics_test

import (
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/brine-compute/brine/metrics"
)

// TestProfiling: the Go runtime's profiles are served beside /metrics only when asked for,
// since they must never reach a public address by accident.
func TestProfiling(t *testing.T) {
	for _, tc := range []struct {
		name      string
		profiling bool
		want      map[string]int // path → status
	}{
		{"off by default", false, map[string]int{
			"/metrics": http.StatusOK, "/debug/pprof/": http.StatusNotFound, "/debug/pprof/heap": http.StatusNotFound,
		}},
		{"on", true, map[string]int{
			"/metrics": http.StatusOK, "/debug/pprof/": http.StatusOK, "/debug/pprof/heap": http.StatusOK,
			"/debug/pprof/goroutine?debug=1": http.StatusOK, "/debug/pprof/cmdline": http.StatusOK,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, err := metrics.NewServer(metrics.ServerConfig{Addr: "127.0.0.1:0", Registry: metrics.NewRegistry(), Profiling: tc.profiling})
			if err != nil {
				t.Fatal(err)
			}
			if err := srv.Start(context.Background()); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = srv.Stop(context.Background()) })
			for path, want := range tc.want {
				resp, err := http.Get("http://" + srv.Addr() + path)
				if err != nil {
					t.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != want {
					t.Errorf("GET %s: %d, want %d", path, resp.StatusCode, want)
				}
			}
		})
	}
}
