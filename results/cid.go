package results

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multihash"
)

// ErrUnsupportedCID: a CID that is not of the form Brine results use (CIDv1, codec raw,
// sha2-256), or commitment bytes that are not a CID at all.
var ErrUnsupportedCID = errors.New("not a Brine result CID (want CIDv1, raw, sha2-256)")

// ErrMismatch: bytes that do not hash to the CID they were fetched or stored under.
var ErrMismatch = errors.New("result bytes do not match the CID")

// CIDOf is the CID of a result archive: CIDv1, codec raw (0x55), multihash sha2-256 of data.
func CIDOf(data []byte) cid.Cid {
	sum := sha256.Sum256(data)
	return cidOfDigest(sum[:])
}

func cidOfDigest(digest []byte) cid.Cid {
	mh, err := multihash.Encode(digest, multihash.SHA2_256)
	if err != nil {
		// Encode fails only for an unknown code; SHA2_256 is built in.
		panic(fmt.Sprintf("results: encoding a sha2-256 multihash: %v", err))
	}
	return cid.NewCidV1(cid.Raw, mh)
}

// Check reports whether c is a result CID: version 1, codec raw, multihash sha2-256 with a
// 32-byte digest. Anything else wraps ErrUnsupportedCID.
func Check(c cid.Cid) error {
	_, err := digestOf(c)
	return err
}

// digestOf checks c's form and returns its sha2-256 digest.
func digestOf(c cid.Cid) ([]byte, error) {
	if !c.Defined() {
		return nil, fmt.Errorf("results: empty CID: %w", ErrUnsupportedCID)
	}
	if c.Version() != 1 || c.Type() != cid.Raw {
		return nil, fmt.Errorf("results: %s is a CIDv%d with codec 0x%x: %w", c, c.Version(), c.Type(), ErrUnsupportedCID)
	}
	dec, err := multihash.Decode(c.Hash())
	if err != nil {
		return nil, fmt.Errorf("results: %s: %v: %w", c, err, ErrUnsupportedCID)
	}
	if dec.Code != multihash.SHA2_256 || dec.Length != sha256.Size || len(dec.Digest) != sha256.Size {
		return nil, fmt.Errorf("results: %s uses multihash 0x%x of %d bytes: %w", c, dec.Code, dec.Length, ErrUnsupportedCID)
	}
	return dec.Digest, nil
}

// Verify checks that data is the result c names. A CID of another form wraps
// ErrUnsupportedCID; bytes that hash differently wrap ErrMismatch (and name both CIDs).
func Verify(data []byte, c cid.Cid) error {
	want, err := digestOf(c)
	if err != nil {
		return err
	}
	got := sha256.Sum256(data)
	if !bytes.Equal(got[:], want) {
		return fmt.Errorf("results: %d bytes are %s, not %s: %w", len(data), cidOfDigest(got[:]), c, ErrMismatch)
	}
	return nil
}

// Commitment is what a provider commits on chain for the result c (JobMarket.commitResult's
// cid argument): the CID's binary form, c.Bytes(). The contract stores its keccak256.
func Commitment(c cid.Cid) []byte { return c.Bytes() }

// ParseCommitment reads the CID bytes a provider committed on chain (carried whole in
// ResultCommitted and the reveal events). Bytes that are not exactly one result CID in binary
// form, with nothing after it, wrap ErrUnsupportedCID: a client treats such a commitment as a
// wrong result.
func ParseCommitment(b []byte) (cid.Cid, error) {
	n, c, err := cid.CidFromBytes(b)
	if err != nil {
		return cid.Undef, fmt.Errorf("results: commitment %s is not a CID: %v: %w", hexPrefix(b), err, ErrUnsupportedCID)
	}
	if n != len(b) || !bytes.Equal(c.Bytes(), b) {
		return cid.Undef, fmt.Errorf("results: commitment %s is not a CID in canonical binary form: %w", hexPrefix(b), ErrUnsupportedCID)
	}
	if err := Check(c); err != nil {
		return cid.Undef, err
	}
	return c, nil
}

// hexPrefix shows at most the first 64 bytes of b, so an error never carries a huge value.
func hexPrefix(b []byte) string {
	const max = 64
	if len(b) > max {
		return fmt.Sprintf("0x%x… (%d bytes)", b[:max], len(b))
	}
	return fmt.Sprintf("0x%x", b)
}
