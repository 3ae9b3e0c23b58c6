package merkle

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// Format is the "format" field of a published tree: OpenZeppelin's StandardMerkleTree dump.
const Format = "standard-v1"

// LeafEncoding is the "leafEncoding" field of a published tree: the abi types of a leaf.
var LeafEncoding = []string{"uint64", "address", "uint256"}

// document is the JSON shape of a published tree.
type document struct {
	Format       string          `json:"format"`
	LeafEncoding []string        `json:"leafEncoding"`
	Root         *common.Hash    `json:"root"`
	Tree         []common.Hash   `json:"tree"`
	Values       []documentValue `json:"values"`
}

type documentValue struct {
	Value     []string `json:"value"`
	TreeIndex *int     `json:"treeIndex"`
}

// MarshalJSON writes the whole tree (see the package doc): OpenZeppelin's standard-v1 dump plus
// the root. Values come in the tree's (leaf hash) order, epochs and amounts as decimal strings and
// providers as checksummed addresses, so the output is canonical: the same leaves always give the
// same bytes.
func (t *Tree) MarshalJSON() ([]byte, error) {
	root := t.Root()
	doc := document{
		Format:       Format,
		LeafEncoding: LeafEncoding,
		Root:         &root,
		Tree:         t.nodes,
		Values:       make([]documentValue, len(t.leaves)),
	}
	for i, l := range t.leaves {
		idx := t.treeIndex(i)
		doc.Values[i] = documentValue{
			Value:     []string{new(big.Int).SetUint64(l.Epoch).String(), l.Provider.Hex(), l.Amount.String()},
			TreeIndex: &idx,
		}
	}
	return json.Marshal(doc)
}

// UnmarshalJSON is ParseTree into t.
func (t *Tree) UnmarshalJSON(data []byte) error {
	parsed, err := ParseTree(data)
	if err != nil {
		return err
	}
	*t = *parsed
	return nil
}

// ParseTree reads a published tree and checks it: the values are rebuilt into a tree with Build
// (so every rule of Build applies), and the document's root, its node array and each value's
// treeIndex must equal the rebuilt ones. Uint fields may be decimal or 0x-prefixed hex strings;
// an address in mixed case must carry a valid EIP-55 checksum. All errors wrap
// ErrInvalidDocument or one of Build's errors.
func ParseTree(data []byte) (*Tree, error) {
	var doc document
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidDocument, err)
	}
	if doc.Format != Format {
		return nil, fmt.Errorf("%w: format %q, want %q", ErrInvalidDocument, doc.Format, Format)
	}
	if len(doc.LeafEncoding) != len(LeafEncoding) {
		return nil, fmt.Errorf("%w: leafEncoding %q, want %q", ErrInvalidDocument, doc.LeafEncoding, LeafEncoding)
	}
	for i, typ := range doc.LeafEncoding {
		if typ != LeafEncoding[i] {
			return nil, fmt.Errorf("%w: leafEncoding %q, want %q", ErrInvalidDocument, doc.LeafEncoding, LeafEncoding)
		}
	}
	if doc.Root == nil {
		return nil, fmt.Errorf("%w: no root", ErrInvalidDocument)
	}
	if len(doc.Values) == 0 {
		return nil, ErrEmpty
	}
	leaves := make([]Leaf, len(doc.Values))
	for i, v := range doc.Values {
		l, err := parseValue(v.Value)
		if err != nil {
			return nil, fmt.Errorf("%w: values[%d]: %v", ErrInvalidDocument, i, err)
		}
		if v.TreeIndex == nil {
			return nil, fmt.Errorf("%w: values[%d]: no treeIndex", ErrInvalidDocument, i)
		}
		leaves[i] = l
	}
	t, err := Build(leaves)
	if err != nil {
		return nil, err
	}
	if *doc.Root != t.Root() {
		return nil, fmt.Errorf("%w: root %s, values give %s", ErrInvalidDocument, doc.Root.Hex(), t.Root().Hex())
	}
	if len(doc.Tree) != len(t.nodes) {
		return nil, fmt.Errorf("%w: %d tree nodes, want %d", ErrInvalidDocument, len(doc.Tree), len(t.nodes))
	}
	for i, h := range doc.Tree {
		if h != t.nodes[i] {
			return nil, fmt.Errorf("%w: tree[%d] does not match the values (not the canonical sorted layout?)", ErrInvalidDocument, i)
		}
	}
	for i, v := range doc.Values {
		want := t.treeIndex(t.index[leaves[i].Provider])
		if *v.TreeIndex != want {
			return nil, fmt.Errorf("%w: values[%d].treeIndex %d, want %d", ErrInvalidDocument, i, *v.TreeIndex, want)
		}
	}
	return t, nil
}

// parseValue reads ["epoch", "provider", "amount"].
func parseValue(v []string) (Leaf, error) {
	if len(v) != 3 {
		return Leaf{}, fmt.Errorf("want 3 fields (epoch, provider, amount), got %d", len(v))
	}
	epoch, err := parseUint(v[0], 64)
	if err != nil {
		return Leaf{}, fmt.Errorf("epoch: %v", err)
	}
	provider, err := parseAddress(v[1])
	if err != nil {
		return Leaf{}, fmt.Errorf("provider: %v", err)
	}
	amount, err := parseUint(v[2], 256)
	if err != nil {
		return Leaf{}, fmt.Errorf("amount: %v", err)
	}
	return Leaf{Epoch: epoch.Uint64(), Provider: provider, Amount: amount}, nil
}

// parseUint reads a decimal or 0x-prefixed hexadecimal unsigned integer of at most bits bits.
// Unlike big.Int.SetString with base 0 it takes no sign, underscores, or octal/binary prefixes.
func parseUint(s string, bits int) (*big.Int, error) {
	digits, base := s, 10
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		digits, base = s[2:], 16
	}
	if digits == "" || len(digits) > 80 {
		return nil, fmt.Errorf("%q is not a uint%d", s, bits)
	}
	for _, c := range digits {
		ok := c >= '0' && c <= '9' || base == 16 && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')
		if !ok {
			return nil, fmt.Errorf("%q is not a uint%d", s, bits)
		}
	}
	n, ok := new(big.Int).SetString(digits, base)
	if !ok || n.BitLen() > bits {
		return nil, fmt.Errorf("%q is not a uint%d", s, bits)
	}
	return n, nil
}

// parseAddress reads a 0x-prefixed 20-byte hex address; mixed case must be EIP-55 checksummed.
func parseAddress(s string) (common.Address, error) {
	if len(s) != 42 || !(strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X")) {
		return common.Address{}, fmt.Errorf("%q is not a 0x-prefixed 20-byte address", s)
	}
	body := s[2:]
	if !isHex(body) {
		return common.Address{}, fmt.Errorf("%q is not a 0x-prefixed 20-byte address", s)
	}
	a := common.HexToAddress(body)
	if body != strings.ToLower(body) && body != strings.ToUpper(body) && a.Hex()[2:] != body {
		return common.Address{}, fmt.Errorf("%q has a bad EIP-55 checksum", s)
	}
	return a, nil
}

func isHex(s string) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
