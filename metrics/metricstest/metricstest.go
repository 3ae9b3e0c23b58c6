// Package metricstest scrapes a Prometheus endpoint the way Prometheus does (HTTP GET, text
// exposition format) and reads samples by name and labels, for tests that assert exact values.
package metricstest

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// Samples is one scrape.
type Samples map[string]*dto.MetricFamily

// Scrape GETs url (http://host:port/metrics) and parses it, failing the test on any error.
func Scrape(t testing.TB, url string) Samples {
	t.Helper()
	s, err := Fetch(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Fetch GETs url and parses the text exposition format.
func Fetch(ctx context.Context, url string) (Samples, error) {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	// Ask for the text format, as a plain Prometheus scrape without protobuf negotiation does.
	req.Header.Set("Accept", "text/plain; version=0.0.4")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("scraping %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("scraping %s: %s", url, resp.Status)
	}
	// prometheus/common 0.65+ wants the name rules said (0.64's default was UTF-8's).
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("scraping %s: %w", url, err)
	}
	return Samples(fams), nil
}

// find returns the metric of family name whose labels are exactly labels ("k", "v", ...).
func (s Samples) find(name string, labels ...string) (*dto.Metric, bool) {
	f := s[name]
	if f == nil {
		return nil, false
	}
	want := map[string]string{}
	for i := 0; i+1 < len(labels); i += 2 {
		want[labels[i]] = labels[i+1]
	}
	for _, m := range f.GetMetric() {
		if len(m.GetLabel()) != len(want) {
			continue
		}
		ok := true
		for _, l := range m.GetLabel() {
			if v, has := want[l.GetName()]; !has || v != l.GetValue() {
				ok = false
				break
			}
		}
		if ok {
			return m, true
		}
	}
	return nil, false
}

// Value is the counter's or gauge's value with exactly these labels ("k", "v", ...).
func (s Samples) Value(name string, labels ...string) (float64, bool) {
	m, ok := s.find(name, labels...)
	if !ok {
		return 0, false
	}
	switch {
	case m.Counter != nil:
		return m.Counter.GetValue(), true
	case m.Gauge != nil:
		return m.Gauge.GetValue(), true
	case m.Untyped != nil:
		return m.Untyped.GetValue(), true
	}
	return 0, false
}

// Count is the histogram's observation count with exactly these labels.
func (s Samples) Count(name string, labels ...string) (uint64, bool) {
	m, ok := s.find(name, labels...)
	if !ok || m.Histogram == nil {
		return 0, false
	}
	return m.Histogram.GetSampleCount(), true
}

// Want fails the test unless the sample with these labels has exactly value want.
func (s Samples) Want(t testing.TB, want float64, name string, labels ...string) {
	t.Helper()
	got, ok := s.Value(name, labels...)
	if !ok {
		t.Errorf("%s%v: missing from the scrape (series: %s)", name, labels, s.Series(name))
		return
	}
	if got != want {
		t.Errorf("%s%v = %v, want %v", name, labels, got, want)
	}
}

// Series lists the label sets of family name, for failure messages.
func (s Samples) Series(name string) string {
	f := s[name]
	if f == nil {
		return "none"
	}
	var out []string
	for _, m := range f.GetMetric() {
		var ls []string
		for _, l := range m.GetLabel() {
			ls = append(ls, l.GetName()+"="+l.GetValue())
		}
		out = append(out, "{"+strings.Join(ls, ",")+"}")
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}
