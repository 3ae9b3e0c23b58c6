// Package browser drives a real headless Chromium from tests (through chromedp): find the
// binary, open pages, collect what went wrong on them (console errors, uncaught exceptions,
// failed or refused requests, CSP violations, which Chromium logs as console errors), read
// text, and take screenshots. Without Chromium a test is skipped locally and fails in CI
// (testharness.SkipOrFail).
package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/brine-compute/brine/internal/testharness"
)

// EnvPath names a Chromium binary to use instead of the one found on PATH.
const EnvPath = "BRINE_CHROMIUM"

// Find returns the Chromium (or Chrome) binary: $BRINE_CHROMIUM, then Debian's
// /usr/bin/chromium, then chromium, chromium-browser or google-chrome on PATH.
func Find() (string, error) {
	if p := os.Getenv(EnvPath); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("$%s=%s: %w", EnvPath, p, err)
		}
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium: install Debian's chromium (apt-get install chromium) or set $" + EnvPath)
}

// Browser is one headless Chromium with one tab, closed when the test ends.
type Browser struct {
	tb  testing.TB
	ctx context.Context

	mu       sync.Mutex
	problems []string
}

// New starts a headless Chromium for the test (skipping or failing it when there is none).
func New(tb testing.TB) *Browser {
	tb.Helper()
	path, err := Find()
	if err != nil {
		testharness.SkipOrFail(tb, "%v", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.UserDataDir(filepath.Join(tb.TempDir(), "profile")),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run as root with its sandbox
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	tb.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	b := &Browser{tb: tb, ctx: ctx}
	if err := chromedp.Listen(ctx, b.watch); err != nil {
		tb.Fatalf("browser: listening to %s: %v", path, err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		tb.Fatalf("browser: starting %s: %v", path, err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		tb.Fatalf("browser: starting %s: %v", path, err)
	}
	return b
}

// watch records what went wrong on the page; it runs on chromedp's reader, so it only appends.
func (b *Browser) watch(ev any) {
	var p string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			p = fmt.Sprintf("console.%s: %d arguments", ev.Type, len(ev.Args))
			if len(ev.Args) > 0 {
				p += " " + string(ev.Args[0].Value)
			}
		}
	case *runtime.EventExceptionThrown:
		p = "uncaught exception: " + ev.ExceptionDetails.Text
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError {
			p = fmt.Sprintf("console error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventLoadingFailed:
		p = fmt.Sprintf("request failed: %s %s", ev.ErrorText, ev.BlockedReason)
	case *network.EventResponseReceived:
		if ev.Response != nil && ev.Response.Status >= 400 {
			p = fmt.Sprintf("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
		}
	}
	if p != "" {
		b.mu.Lock()
		b.problems = append(b.problems, p)
		b.mu.Unlock()
	}
}

// Open loads url and waits for its document to be ready; it clears the problems recorded
// so far, so Problems afterwards are this page's.
func (b *Browser) Open(url string) error {
	b.mu.Lock()
	b.problems = nil
	b.mu.Unlock()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		return fmt.Errorf("browser: opening %s: %w", url, err)
	}
	return nil
}

// Problems are the console errors, exceptions and failed requests since the last Open.
func (b *Browser) Problems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...)
}

// Text is the visible text of the first element a CSS selector finds (an error after 5 s
// without one).
func (b *Browser) Text(selector string) (string, error) {
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(selector)))
	if err != nil {
		return "", fmt.Errorf("browser: text of %s: %w", selector, err)
	}
	return s, nil
}

// Count is how many elements a CSS selector finds.
func (b *Browser) Count(selector string) (int, error) {
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", selector)))
	if err != nil {
		return 0, fmt.Errorf("browser: counting %s: %w", selector, err)
	}
	return n, nil
}

// Screenshot writes the whole page, beyond the window, as a PNG file.
func (b *Browser) Screenshot(path string) error {
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return fmt.Errorf("browser: screenshot: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, png, 0o644)
}
