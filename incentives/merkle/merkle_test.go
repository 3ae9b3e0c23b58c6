package merkle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"math/rand"
	"os"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

func addr(i int) common.Address {
	return common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprintf("provider-%d", i)))[:20])
}

func leavesFor(epoch uint64, n int) []Leaf {
	out := make([]Leaf, n)
	for i := range out {
		out[i] = Leaf{Epoch: epoch, Provider: addr(i), Amount: big.NewInt(int64(1000 + i))}
	}
	return out
}

func mustBuild(t testing.TB, leaves []Leaf) *Tree {
	t.Helper()
	tree, err := Build(leaves)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return tree
}

// abiLeafHash is an independent LeafHash through go-ethereum's abi packer.
func abiLeafHash(t *testing.T, l Leaf) common.Hash {
	t.Helper()
	u64, _ := abi.NewType("uint64", "", nil)
	address, _ := abi.NewType("address", "", nil)
	u256, _ := abi.NewType("uint256", "", nil)
	enc, err := abi.Arguments{{Type: u64}, {Type: address}, {Type: u256}}.Pack(l.Epoch, l.Provider, l.Amount)
	if err != nil {
		t.Fatal(err)
	}
	if len(enc) != 96 {
		t.Fatalf("abi.encode is %d bytes, want 96", len(enc))
	}
	return crypto.Keccak256Hash(crypto.Keccak256(enc))
}

func TestMerkleLeafHashMatchesABIEncoding(t *testing.T) {
	cases := []Leaf{
		{Epoch: 0, Provider: addr(1), Amount: big.NewInt(0)},
		{Epoch: 1, Provider: addr(2), Amount: big.NewInt(1)},
		{Epoch: ^uint64(0), Provider: common.HexToAddress("0xffffffffffffffffffffffffffffffffffffffff"), Amount: maxUint256},
		{Epoch: 12345, Provider: addr(3), Amount: new(big.Int).Lsh(big.NewInt(1), 200)},
	}
	for i, l := range cases {
		if got, want := LeafHash(l), abiLeafHash(t, l); got != want {
			t.Errorf("case %d: LeafHash = %s, abi gives %s", i, got.Hex(), want.Hex())
		}
	}
	// Each field matters.
	base := Leaf{Epoch: 5, Provider: addr(1), Amount: big.NewInt(7)}
	for name, l := range map[string]Leaf{
		"epoch":    {Epoch: 6, Provider: base.Provider, Amount: base.Amount},
		"provider": {Epoch: 5, Provider: addr(2), Amount: base.Amount},
		"amount":   {Epoch: 5, Provider: base.Provider, Amount: big.NewInt(8)},
	} {
		if LeafHash(l) == LeafHash(base) {
			t.Errorf("changing the %s does not change the leaf hash", name)
		}
	}
}

func TestMerkleLeafHashPanicsOnUnencodableAmount(t *testing.T) {
	for name, amount := range map[string]*big.Int{
		"nil":      nil,
		"negative": big.NewInt(-1),
		"2^256":    new(big.Int).Lsh(big.NewInt(1), 256),
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("LeafHash did not panic")
				}
			}()
			LeafHash(Leaf{Provider: addr(1), Amount: amount})
		})
	}
}

// golden is a tree made by @openzeppelin/merkle-tree 1.x:
// StandardMerkleTree.of(values, ["uint64", "address", "uint256"]), with its dump and proofs.
type golden struct {
	Dump   json.RawMessage `json:"dump"`
	Root   common.Hash     `json:"root"`
	Proofs []struct {
		Provider common.Address `json:"provider"`
		Proof    []common.Hash  `json:"proof"`
	} `json:"proofs"`
}

func loadGolden(t testing.TB) golden {
	t.Helper()
	data, err := os.ReadFile("testdata/openzeppelin-standard-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestMerkleMatchesOpenZeppelinLibrary(t *testing.T) {
	g := loadGolden(t)
	// The library's dump has no "root" field: add it, as our documents carry one.
	var dump map[string]any
	if err := json.Unmarshal(g.Dump, &dump); err != nil {
		t.Fatal(err)
	}
	dump["root"] = g.Root.Hex()
	withRoot, _ := json.Marshal(dump)
	tree, err := ParseTree(withRoot)
	if err != nil {
		t.Fatalf("ParseTree(OpenZeppelin dump): %v", err)
	}
	if tree.Root() != g.Root {
		t.Fatalf("root %s, OpenZeppelin %s", tree.Root().Hex(), g.Root.Hex())
	}
	if tree.Len() != len(g.Proofs) {
		t.Fatalf("%d leaves, want %d", tree.Len(), len(g.Proofs))
	}
	// Rebuilt from scratch in another order: same root, same proofs.
	leaves := tree.Leaves()
	for i, j := 0, len(leaves)-1; i < j; i, j = i+1, j-1 {
		leaves[i], leaves[j] = leaves[j], leaves[i]
	}
	rebuilt := mustBuild(t, leaves)
	for _, p := range g.Proofs {
		got, err := rebuilt.Proof(p.Provider)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(p.Proof) {
			t.Fatalf("%s: proof length %d, OpenZeppelin %d", p.Provider.Hex(), len(got), len(p.Proof))
		}
		for i := range got {
			if got[i] != p.Proof[i] {
				t.Fatalf("%s: proof[%d] = %s, OpenZeppelin %s", p.Provider.Hex(), i, got[i].Hex(), p.Proof[i].Hex())
			}
		}
		leaf, _ := rebuilt.Leaf(p.Provider)
		if !Verify(g.Root, leaf, p.Proof) {
			t.Fatalf("%s: OpenZeppelin's proof does not verify", p.Provider.Hex())
		}
	}
	// A single leaf is its own root (library output for ("0", 0x1111…, "10")).
	one := mustBuild(t, []Leaf{{Epoch: 0, Provider: common.HexToAddress("0x1111111111111111111111111111111111111111"), Amount: big.NewInt(10)}})
	if want := common.HexToHash("0xede3f5ec3dbe67ca6ceed3346e68d8829b5a355ccb358f990a075fdb8efdbb0b"); one.Root() != want {
		t.Fatalf("single-leaf root %s, OpenZeppelin %s", one.Root().Hex(), want.Hex())
	}
	if p, _ := one.Proof(common.HexToAddress("0x1111111111111111111111111111111111111111")); len(p) != 0 {
		t.Fatalf("single-leaf proof has %d elements", len(p))
	}
}

func TestMerkleBuildRejects(t *testing.T) {
	ok := leavesFor(3, 3)
	with := func(mut func([]Leaf) []Leaf) []Leaf {
		c := make([]Leaf, len(ok))
		copy(c, ok)
		return mut(c)
	}
	cases := []struct {
		name   string
		leaves []Leaf
		want   error
	}{
		{"empty", nil, ErrEmpty},
		{"mixed epochs", with(func(l []Leaf) []Leaf { l[2].Epoch = 4; return l }), ErrMixedEpochs},
		{"duplicate provider", with(func(l []Leaf) []Leaf { l[2].Provider = l[0].Provider; return l }), ErrDuplicateProvider},
		{"duplicate provider other amount", with(func(l []Leaf) []Leaf {
			return append(l, Leaf{Epoch: 3, Provider: l[1].Provider, Amount: big.NewInt(1)})
		}), ErrDuplicateProvider},
		{"zero amount", with(func(l []Leaf) []Leaf { l[1].Amount = big.NewInt(0); return l }), ErrBadAmount},
		{"negative amount", with(func(l []Leaf) []Leaf { l[1].Amount = big.NewInt(-5); return l }), ErrBadAmount},
		{"nil amount", with(func(l []Leaf) []Leaf { l[1].Amount = nil; return l }), ErrBadAmount},
		{"amount 2^256", with(func(l []Leaf) []Leaf { l[1].Amount = new(big.Int).Lsh(big.NewInt(1), 256); return l }), ErrBadAmount},
		{"zero provider", with(func(l []Leaf) []Leaf { l[0].Provider = common.Address{}; return l }), ErrZeroProvider},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tree, err := Build(tc.leaves)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Build: err %v, want %v", err, tc.want)
			}
			if tree != nil {
				t.Fatal("Build returned a tree with an error")
			}
		})
	}
	// Boundaries that are fine.
	edge := []Leaf{
		{Epoch: ^uint64(0), Provider: addr(1), Amount: maxUint256},
		{Epoch: ^uint64(0), Provider: addr(2), Amount: big.NewInt(1)},
	}
	if _, err := Build(edge); err != nil {
		t.Fatalf("Build(max epoch, max amount, 1): %v", err)
	}
}

func TestMerkleDeterministicRoot(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{1, 2, 3, 5, 8, 13, 64} {
		leaves := leavesFor(9, n)
		ref := mustBuild(t, leaves)
		refJSON, err := json.Marshal(ref)
		if err != nil {
			t.Fatal(err)
		}
		for k := 0; k < 5; k++ {
			perm := make([]Leaf, n)
			for i, j := range rng.Perm(n) {
				perm[i] = leaves[j]
			}
			tree := mustBuild(t, perm)
			if tree.Root() != ref.Root() {
				t.Fatalf("n=%d: root depends on input order", n)
			}
			got, _ := json.Marshal(tree)
			if !bytes.Equal(got, refJSON) {
				t.Fatalf("n=%d: JSON depends on input order", n)
			}
		}
		// Leaves come back sorted by hash.
		ls := ref.Leaves()
		for i := 1; i < len(ls); i++ {
			a, b := LeafHash(ls[i-1]), LeafHash(ls[i])
			if bytes.Compare(a[:], b[:]) >= 0 {
				t.Fatalf("n=%d: leaves not sorted by hash at %d", n, i)
			}
		}
	}
	// A different set gives a different root.
	a := mustBuild(t, leavesFor(9, 4))
	b := leavesFor(9, 4)
	b[3].Amount = big.NewInt(1)
	if mustBuild(t, b).Root() == a.Root() {
		t.Fatal("changing an amount kept the root")
	}
}

func TestMerkleProofs(t *testing.T) {
	for n := 1; n <= 17; n++ {
		leaves := leavesFor(2, n)
		tree := mustBuild(t, leaves)
		root := tree.Root()
		if tree.Epoch() != 2 || tree.Len() != n {
			t.Fatalf("n=%d: Epoch %d Len %d", n, tree.Epoch(), tree.Len())
		}
		total := new(big.Int)
		for _, l := range leaves {
			total.Add(total, l.Amount)
		}
		if tree.Total().Cmp(total) != 0 {
			t.Fatalf("n=%d: Total %s, want %s", n, tree.Total(), total)
		}
		for i, l := range leaves {
			proof, err := tree.Proof(l.Provider)
			if err != nil {
				t.Fatalf("n=%d leaf %d: %v", n, i, err)
			}
			if !Verify(root, l, proof) {
				t.Fatalf("n=%d leaf %d: proof does not verify", n, i)
			}
			if got, ok := tree.Leaf(l.Provider); !ok || got.Amount.Cmp(l.Amount) != 0 || got.Epoch != l.Epoch {
				t.Fatalf("n=%d leaf %d: Leaf() = %+v, %v", n, i, got, ok)
			}
			wrong := []Leaf{
				{Epoch: l.Epoch + 1, Provider: l.Provider, Amount: l.Amount},
				{Epoch: l.Epoch, Provider: addr(1000), Amount: l.Amount},
				{Epoch: l.Epoch, Provider: l.Provider, Amount: new(big.Int).Add(l.Amount, big.NewInt(1))},
				{Epoch: l.Epoch, Provider: l.Provider, Amount: nil},
				{Epoch: l.Epoch, Provider: l.Provider, Amount: big.NewInt(-1)},
			}
			for k, w := range wrong {
				if Verify(root, w, proof) {
					t.Fatalf("n=%d leaf %d: altered leaf %d verifies", n, i, k)
				}
			}
			if len(proof) > 0 {
				if Verify(root, l, proof[:len(proof)-1]) {
					t.Fatalf("n=%d leaf %d: truncated proof verifies", n, i)
				}
				forged := append([]common.Hash(nil), proof...)
				forged[0][0] ^= 1
				if Verify(root, l, forged) {
					t.Fatalf("n=%d leaf %d: forged proof verifies", n, i)
				}
			}
			if n > 1 {
				other := leaves[(i+1)%n]
				if Verify(root, other, proof) {
					t.Fatalf("n=%d leaf %d: proof verifies another leaf", n, i)
				}
			}
		}
		if _, err := tree.Proof(addr(1000)); !errors.Is(err, ErrNotInTree) {
			t.Fatalf("n=%d: Proof(absent) err %v, want ErrNotInTree", n, err)
		}
		if _, ok := tree.Leaf(addr(1000)); ok {
			t.Fatalf("n=%d: Leaf(absent) found", n)
		}
	}
}

func TestMerkleTreeOwnsItsAmounts(t *testing.T) {
	leaves := leavesFor(1, 4)
	tree := mustBuild(t, leaves)
	root := tree.Root()
	leaves[0].Amount.SetInt64(999999) // caller reuses its big.Int
	got := tree.Leaves()
	got[1].Amount.SetInt64(1)
	l, _ := tree.Leaf(addr(2))
	l.Amount.SetInt64(2)
	tree.Total().SetInt64(3)
	rebuilt := mustBuild(t, tree.Leaves())
	if rebuilt.Root() != root {
		t.Fatal("mutating amounts outside the tree changed it")
	}
	if l, _ := tree.Leaf(addr(0)); l.Amount.Int64() != 1000 {
		t.Fatalf("leaf 0 amount %s, want 1000", l.Amount)
	}
}

// An inner node is keccak256 of 64 bytes (two child hashes). If leaves were hashed once, anyone
// could present such a node as a "leaf" together with the rest of its path. Double hashing means
// the hash of any leaf data, including those 64 bytes, is never the node itself.
func TestMerkleInnerNodeIsNotALeaf(t *testing.T) {
	tree := mustBuild(t, leavesFor(4, 8))
	nodes := tree.nodes
	n := tree.Len()
	for i := 0; i < len(nodes)-n; i++ { // inner nodes only
		l, r := nodes[2*i+1], nodes[2*i+2]
		if hashPair(l, r) != nodes[i] {
			t.Fatalf("node %d is not the hash of its children", i)
		}
		// The path from node i to the root.
		var tail []common.Hash
		for k := i; k > 0; k = (k - 1) / 2 {
			if k%2 == 1 {
				tail = append(tail, nodes[k+1])
			} else {
				tail = append(tail, nodes[k-1])
			}
		}
		if processProof(nodes[i], tail) != tree.Root() {
			t.Fatalf("node %d: path does not reach the root", i)
		}
		// Single hashing of the node's 64-byte preimage would reach the root...
		lo, hi := l, r
		if bytes.Compare(lo[:], hi[:]) > 0 {
			lo, hi = hi, lo
		}
		preimage := append(append([]byte{}, lo[:]...), hi[:]...)
		if crypto.Keccak256Hash(preimage) != nodes[i] {
			t.Fatalf("node %d: preimage mismatch", i)
		}
		// ...but a leaf is hashed twice, so those 64 bytes as leaf data give another hash.
		asLeaf := crypto.Keccak256Hash(crypto.Keccak256(preimage))
		if asLeaf == nodes[i] || processProof(asLeaf, tail) == tree.Root() {
			t.Fatalf("node %d: 64-byte inner node passes as a leaf", i)
		}
		// And no leaf of the tree hashes to an inner node.
		for _, leaf := range tree.Leaves() {
			if LeafHash(leaf) == nodes[i] {
				t.Fatalf("leaf %s hashes to inner node %d", leaf.Provider.Hex(), i)
			}
		}
	}
}

func TestMerkleJSONRoundTrip(t *testing.T) {
	leaves := leavesFor(^uint64(0), 6)
	leaves[0].Amount = maxUint256
	tree := mustBuild(t, leaves)
	data, err := json.Marshal(tree)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["format"] != "standard-v1" || doc["root"] != tree.Root().Hex() {
		t.Fatalf("document header: %v %v", doc["format"], doc["root"])
	}
	if !strings.Contains(string(data), `"`+maxUint256.String()+`"`) || !strings.Contains(string(data), `"18446744073709551615"`) {
		t.Fatalf("amounts/epochs are not decimal strings: %s", data)
	}
	parsed, err := ParseTree(data)
	if err != nil {
		t.Fatalf("ParseTree: %v", err)
	}
	if parsed.Root() != tree.Root() || parsed.Epoch() != tree.Epoch() || parsed.Len() != tree.Len() {
		t.Fatal("round trip changed the tree")
	}
	again, _ := json.Marshal(parsed)
	if !bytes.Equal(again, data) {
		t.Fatal("round trip changed the bytes")
	}
	var viaUnmarshal Tree
	if err := json.Unmarshal(data, &viaUnmarshal); err != nil || viaUnmarshal.Root() != tree.Root() {
		t.Fatalf("json.Unmarshal into Tree: %v", err)
	}
	for _, l := range leaves {
		p, err := parsed.Proof(l.Provider)
		if err != nil || !Verify(tree.Root(), l, p) {
			t.Fatalf("proof from parsed tree: %v", err)
		}
	}
	// Values in any order, lower-case addresses and hex numbers are accepted.
	var raw document
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	for i, j := 0, len(raw.Values)-1; i < j; i, j = i+1, j-1 {
		raw.Values[i], raw.Values[j] = raw.Values[j], raw.Values[i]
	}
	raw.Values[0].Value[1] = strings.ToLower(raw.Values[0].Value[1])
	a, _ := new(big.Int).SetString(raw.Values[1].Value[2], 10)
	raw.Values[1].Value[2] = "0x" + a.Text(16)
	loose, _ := json.Marshal(raw)
	if p, err := ParseTree(loose); err != nil || p.Root() != tree.Root() {
		t.Fatalf("ParseTree(reordered, lower case, hex): %v", err)
	}
}

func TestMerkleParseTreeRejects(t *testing.T) {
	tree := mustBuild(t, leavesFor(5, 4))
	good, _ := json.Marshal(tree)
	edit := func(f func(d map[string]any)) []byte {
		var d map[string]any
		if err := json.Unmarshal(good, &d); err != nil {
			t.Fatal(err)
		}
		f(d)
		out, _ := json.Marshal(d)
		return out
	}
	value := func(d map[string]any, i int) []any {
		return d["values"].([]any)[i].(map[string]any)["value"].([]any)
	}
	other := mustBuild(t, leavesFor(5, 3)).Root().Hex()
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"not json", []byte("{"), ErrInvalidDocument},
		{"null", []byte("null"), ErrInvalidDocument},
		{"wrong format", edit(func(d map[string]any) { d["format"] = "simple-v1" }), ErrInvalidDocument},
		{"no format", edit(func(d map[string]any) { delete(d, "format") }), ErrInvalidDocument},
		{"wrong encoding", edit(func(d map[string]any) { d["leafEncoding"] = []string{"uint256", "address", "uint256"} }), ErrInvalidDocument},
		{"short encoding", edit(func(d map[string]any) { d["leafEncoding"] = []string{"address", "uint256"} }), ErrInvalidDocument},
		{"no root", edit(func(d map[string]any) { delete(d, "root") }), ErrInvalidDocument},
		{"other root", edit(func(d map[string]any) { d["root"] = other }), ErrInvalidDocument},
		{"root and tree[0] both forged", edit(func(d map[string]any) { d["root"] = other; d["tree"].([]any)[0] = other }), ErrInvalidDocument},
		{"inner node altered", edit(func(d map[string]any) { d["tree"].([]any)[1] = other }), ErrInvalidDocument},
		{"tree too short", edit(func(d map[string]any) { d["tree"] = d["tree"].([]any)[:3] }), ErrInvalidDocument},
		{"no tree", edit(func(d map[string]any) { delete(d, "tree") }), ErrInvalidDocument},
		{"tree index swapped", edit(func(d map[string]any) {
			vs := d["values"].([]any)
			a, b := vs[0].(map[string]any), vs[1].(map[string]any)
			a["treeIndex"], b["treeIndex"] = b["treeIndex"], a["treeIndex"]
		}), ErrInvalidDocument},
		{"no tree index", edit(func(d map[string]any) { delete(d["values"].([]any)[0].(map[string]any), "treeIndex") }), ErrInvalidDocument},
		{"amount changed", edit(func(d map[string]any) { value(d, 0)[2] = "999" }), ErrInvalidDocument},
		{"no values", edit(func(d map[string]any) { d["values"] = []any{} }), ErrEmpty},
		{"value too short", edit(func(d map[string]any) { v := d["values"].([]any)[0].(map[string]any); v["value"] = value(d, 0)[:2] }), ErrInvalidDocument},
		{"numeric epoch", edit(func(d map[string]any) { value(d, 0)[0] = 5 }), ErrInvalidDocument},
		{"negative amount", edit(func(d map[string]any) { value(d, 0)[2] = "-1" }), ErrInvalidDocument},
		{"signed amount", edit(func(d map[string]any) { value(d, 0)[2] = "+1" }), ErrInvalidDocument},
		{"underscore amount", edit(func(d map[string]any) { value(d, 0)[2] = "1_000" }), ErrInvalidDocument},
		{"empty amount", edit(func(d map[string]any) { value(d, 0)[2] = "" }), ErrInvalidDocument},
		{"bare 0x amount", edit(func(d map[string]any) { value(d, 0)[2] = "0x" }), ErrInvalidDocument},
		{"amount 2^256", edit(func(d map[string]any) { value(d, 0)[2] = new(big.Int).Lsh(big.NewInt(1), 256).String() }), ErrInvalidDocument},
		{"zero amount", edit(func(d map[string]any) { value(d, 0)[2] = "0" }), ErrBadAmount},
		{"epoch 2^64", edit(func(d map[string]any) { value(d, 0)[0] = "18446744073709551616" }), ErrInvalidDocument},
		{"mixed epochs", edit(func(d map[string]any) { value(d, 0)[0] = "6" }), ErrMixedEpochs},
		{"duplicate value", edit(func(d map[string]any) { d["values"] = append(d["values"].([]any), d["values"].([]any)[0]) }), ErrDuplicateProvider},
		{"address without 0x", edit(func(d map[string]any) { value(d, 0)[1] = strings.TrimPrefix(value(d, 0)[1].(string), "0x") }), ErrInvalidDocument},
		{"short address", edit(func(d map[string]any) { value(d, 0)[1] = "0x1234" }), ErrInvalidDocument},
		{"non-hex address", edit(func(d map[string]any) { value(d, 0)[1] = "0x" + strings.Repeat("g", 40) }), ErrInvalidDocument},
		{"zero address", edit(func(d map[string]any) { value(d, 0)[1] = "0x" + strings.Repeat("0", 40) }), ErrZeroProvider},
		{"bad checksum", edit(func(d map[string]any) {
			a := []byte(value(d, 0)[1].(string))
			for i := 2; i < len(a); i++ { // flip the case of the first letter
				if a[i] >= 'a' && a[i] <= 'f' {
					a[i] -= 'a' - 'A'
					break
				} else if a[i] >= 'A' && a[i] <= 'F' {
					a[i] += 'a' - 'A'
					break
				}
			}
			value(d, 0)[1] = string(a)
		}), ErrInvalidDocument},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseTree(tc.data)
			if !errors.Is(err, tc.want) {
				t.Fatalf("ParseTree: err %v, want %v", err, tc.want)
			}
			if got != nil {
				t.Fatal("ParseTree returned a tree with an error")
			}
		})
	}
	if _, err := ParseTree(good); err != nil {
		t.Fatalf("the unedited document: %v", err)
	}
}

// FuzzMerkleParseTree: ParseTree never panics, and whatever it accepts is self-consistent:
// it re-marshals canonically, parses back to the same root, and every leaf's proof verifies.
func FuzzMerkleParseTree(f *testing.F) {
	for _, n := range []int{1, 2, 3, 7} {
		data, err := json.Marshal(mustBuild(f, leavesFor(uint64(n), n)))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	g := loadGolden(f)
	f.Add([]byte(g.Dump))
	f.Add([]byte(`{"format":"standard-v1","leafEncoding":["uint64","address","uint256"],"root":"0x00","tree":[],"values":[]}`))
	f.Add([]byte(`{"format":"standard-v1","leafEncoding":["uint64","address","uint256"],"values":[{"value":["1","0x1111111111111111111111111111111111111111","0x10"],"treeIndex":-1}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tree, err := ParseTree(data)
		if err != nil {
			if tree != nil {
				t.Fatal("tree with error")
			}
			return
		}
		out, err := json.Marshal(tree)
		if err != nil {
			t.Fatalf("marshal an accepted tree: %v", err)
		}
		back, err := ParseTree(out)
		if err != nil {
			t.Fatalf("re-parse: %v", err)
		}
		if back.Root() != tree.Root() {
			t.Fatal("re-parse changed the root")
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(again, out) {
			t.Fatal("marshal is not canonical")
		}
		if rebuilt := mustBuild(t, tree.Leaves()); rebuilt.Root() != tree.Root() {
			t.Fatal("root does not follow from the leaves")
		}
		for _, l := range tree.Leaves() {
			p, err := tree.Proof(l.Provider)
			if err != nil || !Verify(tree.Root(), l, p) {
				t.Fatalf("leaf %s: proof does not verify (%v)", l.Provider.Hex(), err)
			}
		}
	})
}
