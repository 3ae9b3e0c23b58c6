package results

import (
	"archive/tar"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brine-compute/brine/jobspec"
)

// goldenFailure is a record of every kind of field, and its exact encoding: a change to any
// byte is a protocol change (verifiers of older nodes would disagree).
var goldenFailure = FailureRecord{Version: 1, Reason: FailExitCode, ExitCode: 3,
	StdoutTail: "partial <output> & more", StderrTail: "error: \"boom\"\n"}

const goldenFailureJSON = `{"brine_failure":1,"exit_code":3,"reason":"exit_code","stderr_tail":"error: \"boom\"\n","stdout_tail":"partial <output> & more"}` + "\n"

func TestFailureRecordGolden(t *testing.T) {
	b, err := goldenFailure.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != goldenFailureJSON {
		t.Fatalf("encoding:\n%s\nwant\n%s", b, goldenFailureJSON)
	}
	archive, c, err := PackageFailure(goldenFailure)
	if err != nil {
		t.Fatal(err)
	}
	// The archive is the one Package writes for the same file declared as an output.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, jobspec.FailureRecordPath), b, 0o600); err != nil {
		t.Fatal(err)
	}
	same, sameCID, err := Package(dir, []jobspec.Output{{Path: jobspec.FailureRecordPath}}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if string(same) != string(archive) || !sameCID.Equals(c) {
		t.Fatalf("PackageFailure's archive (%s) differs from Package's (%s)", c, sameCID)
	}
	if want := "bafkreic7j2szfade47ekx6waisuxorq4tiatxfdoe5ktw4imkjt37456ny"; c.String() != want {
		t.Errorf("CID %s, want %s", c, want)
	}
	got, ok, err := ReadFailure(archive)
	if err != nil || !ok || got != goldenFailure {
		t.Fatalf("ReadFailure: %+v, %v, %v", got, ok, err)
	}
	out := t.TempDir()
	if err := Unpack(archive, out, Limits{}); err != nil {
		t.Fatalf("a failure record unpacks like any result: %v", err)
	}
	if s := goldenFailure.String(); s != `exit code 3 (stderr: "error: \"boom\""; stdout: "partial <output> & more")` {
		t.Errorf("String: %s", s)
	}
}

func TestFailureRecordCheck(t *testing.T) {
	ok := []FailureRecord{
		goldenFailure,
		{Version: 1, Reason: FailExitCode, ExitCode: -1},
		{Version: 1, Reason: FailOutOfMemory, LimitBytes: 64 << 20},
		{Version: 1, Reason: FailTimeLimit, LimitTime: "1m30s"},
		{Version: 1, Reason: FailLogTooLarge, LimitBytes: 1 << 20},
		{Version: 1, Reason: FailOutputTooLarge, LimitBytes: 16 << 20, LimitFiles: 10000},
		{Version: 1, Reason: FailOutputMissing, Output: "out/result.txt"},
		{Version: 1, Reason: FailOutputUnsafe, Output: "out"},
		{Version: 1, Reason: FailBadModule},
	}
	for _, r := range ok {
		b, err := r.Encode()
		if err != nil {
			t.Errorf("%+v: %v", r, err)
			continue
		}
		back, err := DecodeFailure(b)
		if err != nil || back != r {
			t.Errorf("%s decoded as %+v, %v", b, back, err)
		}
		if r.String() == "" || r.String() == r.Reason {
			t.Errorf("%+v: no description", r)
		}
	}
	bad := []struct {
		name string
		r    FailureRecord
	}{
		{"no version", FailureRecord{Reason: FailBadModule}},
		{"version 2", FailureRecord{Version: 2, Reason: FailBadModule}},
		{"unknown reason", FailureRecord{Version: 1, Reason: "pull_failed"}},
		{"no reason", FailureRecord{Version: 1}},
		{"exit code 0", FailureRecord{Version: 1, Reason: FailExitCode}},
		{"exit code with a limit", FailureRecord{Version: 1, Reason: FailExitCode, ExitCode: 1, LimitBytes: 1}},
		{"tail on a time limit", FailureRecord{Version: 1, Reason: FailTimeLimit, LimitTime: "5s", StderrTail: "x"}},
		{"memory without its limit", FailureRecord{Version: 1, Reason: FailOutOfMemory}},
		{"time in another notation", FailureRecord{Version: 1, Reason: FailTimeLimit, LimitTime: "5000ms"}},
		{"time not a duration", FailureRecord{Version: 1, Reason: FailTimeLimit, LimitTime: "soon"}},
		{"outputs without the file limit", FailureRecord{Version: 1, Reason: FailOutputTooLarge, LimitBytes: 1}},
		{"missing without the output", FailureRecord{Version: 1, Reason: FailOutputMissing}},
		{"unclean output", FailureRecord{Version: 1, Reason: FailOutputMissing, Output: "../x"}},
		{"tail too long", FailureRecord{Version: 1, Reason: FailExitCode, ExitCode: 1, StdoutTail: strings.Repeat("x", MaxFailureTail+1)}},
		{"tail not UTF-8", FailureRecord{Version: 1, Reason: FailExitCode, ExitCode: 1, StdoutTail: "\xff"}},
	}
	for _, tc := range bad {
		if _, err := tc.r.Encode(); !errors.Is(err, ErrBadFailureRecord) {
			t.Errorf("%s: Encode %v, want ErrBadFailureRecord", tc.name, err)
		}
		if _, _, err := PackageFailure(tc.r); !errors.Is(err, ErrBadFailureRecord) {
			t.Errorf("%s: PackageFailure %v, want ErrBadFailureRecord", tc.name, err)
		}
	}
}

func TestDecodeFailureRefusesNonCanonical(t *testing.T) {
	for _, tc := range []struct{ name, json string }{
		{"no newline", strings.TrimSuffix(goldenFailureJSON, "\n")},
		{"white space", strings.Replace(goldenFailureJSON, `,"exit_code"`, `, "exit_code"`, 1)},
		{"field order", `{"exit_code":3,"brine_failure":1,"reason":"exit_code","stderr_tail":"error: \"boom\"\n","stdout_tail":"partial <output> & more"}` + "\n"},
		{"HTML escaping", strings.Replace(goldenFailureJSON, "<output>", `\u003coutput\u003e`, 1)},
		{"unknown field", `{"brine_failure":1,"extra":1,"reason":"bad_module"}` + "\n"},
		{"zero field written", `{"brine_failure":1,"exit_code":0,"reason":"bad_module"}` + "\n"},
		{"two values", `{"brine_failure":1,"reason":"bad_module"}` + "\n" + `{"brine_failure":1,"reason":"bad_module"}` + "\n"},
		{"not JSON", "exit code 3\n"},
		{"empty", ""},
		{"too large", `{"brine_failure":1,"reason":"bad_module","x":"` + strings.Repeat("x", maxFailureRecord) + `"}`},
	} {
		if r, err := DecodeFailure([]byte(tc.json)); !errors.Is(err, ErrBadFailureRecord) {
			t.Errorf("%s: decoded %+v, %v; want ErrBadFailureRecord", tc.name, r, err)
		}
	}
	if _, err := DecodeFailure([]byte(goldenFailureJSON)); err != nil {
		t.Fatalf("the golden record: %v", err)
	}
}

func TestReadFailure(t *testing.T) {
	// A job's own outputs are not a failure record.
	root, outputs := goldenTree(t)
	archive, _, err := Package(root, outputs, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range [][]byte{archive, make([]byte, 1024), nil, []byte("junk")} {
		if _, ok, err := ReadFailure(a); ok || err != nil {
			t.Errorf("ReadFailure of a non-record (%d bytes): ok %v, %v", len(a), ok, err)
		}
	}
	// The record's path with anything but the canonical archive of a valid record is refused.
	body, _ := goldenFailure.Encode()
	for _, tc := range []struct {
		name    string
		archive []byte
	}{
		{"another entry after it", buildTar(t, reg(jobspec.FailureRecordPath, string(body)), reg("z", "z"))},
		{"another mode", buildTar(t, th{name: jobspec.FailureRecordPath, typ: tar.TypeReg, mode: 0o755, body: string(body)})},
		{"not canonical JSON", buildTar(t, reg(jobspec.FailureRecordPath, strings.TrimSuffix(string(body), "\n")))},
		{"a directory", buildTar(t, tdir(jobspec.FailureRecordPath+"/"))},
	} {
		if _, ok, err := ReadFailure(tc.archive); !ok || !errors.Is(err, ErrBadFailureRecord) {
			t.Errorf("%s: ok %v, %v; want ErrBadFailureRecord", tc.name, ok, err)
		}
	}
}

// FuzzDecodeFailure: whatever the bytes, DecodeFailure either refuses them or returns a
// valid record whose encoding is exactly those bytes; and ReadFailure of a record's archive
// gives the record back.
func FuzzDecodeFailure(f *testing.F) {
	f.Add([]byte(goldenFailureJSON))
	f.Add([]byte(`{"brine_failure":1,"limit_time":"5s","reason":"time_limit"}` + "\n"))
	f.Add([]byte(`{"brine_failure":1,"limit_bytes":16777216,"limit_files":10000,"reason":"output_too_large"}` + "\n"))
	f.Add([]byte(`{"brine_failure":1,"output":"a/b","reason":"output_missing"}` + "\n"))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := DecodeFailure(b)
		if err != nil {
			if !errors.Is(err, ErrBadFailureRecord) {
				t.Fatalf("error %v does not wrap ErrBadFailureRecord", err)
			}
			return
		}
		if err := r.Check(); err != nil {
			t.Fatalf("decoded an invalid record %+v: %v", r, err)
		}
		again, err := r.Encode()
		if err != nil || string(again) != string(b) {
			t.Fatalf("decoded %q, encodes to %q, %v", b, again, err)
		}
		archive, _, err := PackageFailure(r)
		if err != nil {
			t.Fatal(err)
		}
		back, ok, err := ReadFailure(archive)
		if err != nil || !ok || back != r {
			t.Fatalf("ReadFailure of the record's archive: %+v, %v, %v", back, ok, err)
		}
	})
}
