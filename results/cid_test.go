package results

import (
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"testing"

	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multihash"
)

func TestCIDOf(t *testing.T) {
	// The CID of no bytes as a raw sha2-256 block, as every IPFS implementation computes it.
	const empty = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"
	if got := CIDOf(nil).String(); got != empty {
		t.Fatalf("CIDOf(nil) = %s, want %s", got, empty)
	}
	c := CIDOf([]byte("result"))
	want, err := cid.Prefix{Version: 1, Codec: cid.Raw, MhType: multihash.SHA2_256, MhLength: -1}.Sum([]byte("result"))
	if err != nil {
		t.Fatal(err)
	}
	if c != want || c.Type() != 0x55 {
		t.Fatalf("CIDOf = %s, want %s (codec 0x55)", c, want)
	}
	if got := len(Commitment(c)); got != 36 {
		t.Fatalf("commitment is %d bytes, want 36 (JobMarket accepts up to 128)", got)
	}
}

func otherCIDs(t *testing.T, data []byte) map[string]cid.Cid {
	t.Helper()
	sum := sha256.Sum256(data)
	mh256, _ := multihash.Encode(sum[:], multihash.SHA2_256)
	short, _ := multihash.Encode(sum[:20], multihash.SHA2_256)
	sum512 := sha512.Sum512(data)
	mh512, _ := multihash.Encode(sum512[:], multihash.SHA2_512)
	ident, _ := multihash.Encode(data, multihash.IDENTITY)
	return map[string]cid.Cid{
		"CIDv0":              cid.NewCidV0(mh256),
		"dag-pb":             cid.NewCidV1(cid.DagProtobuf, mh256),
		"sha2-512":           cid.NewCidV1(cid.Raw, mh512),
		"truncated sha2-256": cid.NewCidV1(cid.Raw, short),
		"identity":           cid.NewCidV1(cid.Raw, ident),
		"undefined":          cid.Undef,
	}
}

func TestVerify(t *testing.T) {
	data := []byte("the archive")
	if err := Verify(data, CIDOf(data)); err != nil {
		t.Fatalf("Verify of matching bytes: %v", err)
	}
	for _, bad := range [][]byte{[]byte("the archivE"), data[:len(data)-1], append([]byte("the archive"), 0), nil} {
		if err := Verify(bad, CIDOf(data)); !errors.Is(err, ErrMismatch) {
			t.Errorf("Verify(%q) = %v, want ErrMismatch", bad, err)
		}
	}
	for name, c := range otherCIDs(t, data) {
		if err := Verify(data, c); !errors.Is(err, ErrUnsupportedCID) {
			t.Errorf("Verify with a %s CID = %v, want ErrUnsupportedCID", name, err)
		}
		if Check(c) == nil {
			t.Errorf("Check accepts a %s CID", name)
		}
	}
}

func TestParseCommitment(t *testing.T) {
	c := CIDOf([]byte("x"))
	got, err := ParseCommitment(Commitment(c))
	if err != nil || got != c {
		t.Fatalf("ParseCommitment(Commitment(c)) = %s, %v; want %s", got, err, c)
	}
	bad := map[string][]byte{
		"empty":          nil,
		"garbage":        []byte("not a cid"),
		"trailing byte":  append(c.Bytes(), 0),
		"truncated":      c.Bytes()[:20],
		"string form":    []byte(c.String()),
		"huge":           make([]byte, 1000),
		"another prefix": append([]byte{0x01}, c.Bytes()...),
	}
	for name, o := range otherCIDs(t, []byte("x")) {
		bad[name] = o.Bytes()
	}
	for name, b := range bad {
		if _, err := ParseCommitment(b); !errors.Is(err, ErrUnsupportedCID) {
			t.Errorf("ParseCommitment(%s) = %v, want ErrUnsupportedCID", name, err)
		}
	}
}
