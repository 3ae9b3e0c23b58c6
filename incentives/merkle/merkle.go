package merkle

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Errors returned by Build, Proof and ParseTree. They are wrapped with details; test for them
// with errors.Is.
var (
	// ErrEmpty: a tree needs at least one leaf.
	ErrEmpty = errors.New("merkle: no leaves")
	// ErrMixedEpochs: all leaves of a tree must be for the same epoch.
	ErrMixedEpochs = errors.New("merkle: leaves of different epochs")
	// ErrDuplicateProvider: a provider appears twice in one epoch's tree.
	ErrDuplicateProvider = errors.New("merkle: duplicate provider")
	// ErrZeroProvider: the zero address cannot claim, so it cannot have a leaf.
	ErrZeroProvider = errors.New("merkle: zero provider address")
	// ErrBadAmount: an amount is missing, not positive, or does not fit in a uint256.
	ErrBadAmount = errors.New("merkle: amount must be positive and fit in 256 bits")
	// ErrNotInTree: the provider has no leaf in the tree.
	ErrNotInTree = errors.New("merkle: provider not in tree")
	// ErrInvalidDocument: a published tree does not parse or does not match its own values.
	ErrInvalidDocument = errors.New("merkle: invalid tree document")
)

// Leaf is one provider's reward for one epoch.
type Leaf struct {
	Epoch    uint64
	Provider common.Address
	Amount   *big.Int // base units; positive and below 2^256 in a tree
}

// Validate reports why the leaf cannot be part of a tree (nil when it can).
func (l Leaf) Validate() error {
	if l.Provider == (common.Address{}) {
		return ErrZeroProvider
	}
	if l.Amount == nil || l.Amount.Sign() <= 0 || l.Amount.BitLen() > 256 {
		return fmt.Errorf("%w: provider %s, amount %v", ErrBadAmount, l.Provider.Hex(), l.Amount)
	}
	return nil
}

func (l Leaf) clone() Leaf {
	l.Amount = new(big.Int).Set(l.Amount)
	return l
}

// encodable reports whether the amount has an abi encoding as uint256.
func (l Leaf) encodable() bool {
	return l.Amount != nil && l.Amount.Sign() >= 0 && l.Amount.BitLen() <= 256
}

// LeafHash is the leaf hash UptimeRewards computes for (epoch, provider, amount):
// keccak256(bytes.concat(keccak256(abi.encode(epoch, provider, amount)))).
// It panics when Amount is nil, negative or 2^256 or more: such an amount has no uint256 encoding.
func LeafHash(l Leaf) common.Hash {
	if !l.encodable() {
		panic(fmt.Sprintf("merkle: LeafHash: amount %v is not a uint256", l.Amount))
	}
	var enc [96]byte
	new(big.Int).SetUint64(l.Epoch).FillBytes(enc[0:32])
	copy(enc[44:64], l.Provider[:])
	l.Amount.FillBytes(enc[64:96])
	inner := crypto.Keccak256(enc[:])
	return crypto.Keccak256Hash(inner)
}

// hashPair is OpenZeppelin's commutative node hash: keccak256 of the sorted pair.
func hashPair(a, b common.Hash) common.Hash {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	return crypto.Keccak256Hash(a[:], b[:])
}

// processProof folds proof into leaf the way MerkleProof.processProof does.
func processProof(leaf common.Hash, proof []common.Hash) common.Hash {
	h := leaf
	for _, p := range proof {
		h = hashPair(h, p)
	}
	return h
}

// Verify reports whether proof proves leaf under root, exactly as the contract's
// MerkleProof.verifyCalldata(proof, root, LeafHash(leaf)) would. It returns false (never panics)
// for a leaf whose amount has no uint256 encoding.
func Verify(root common.Hash, leaf Leaf, proof []common.Hash) bool {
	if !leaf.encodable() {
		return false
	}
	return processProof(LeafHash(leaf), proof) == root
}

// Tree is an immutable Merkle tree over one epoch's reward leaves. Build or ParseTree makes one.
type Tree struct {
	epoch  uint64
	leaves []Leaf        // sorted by leaf hash, ascending; leaf i sits at nodes[len(nodes)-1-i]
	hashes []common.Hash // hashes[i] = LeafHash(leaves[i])
	nodes  []common.Hash // OpenZeppelin StandardMerkleTree layout, root at 0
	index  map[common.Address]int
}

// Build makes the tree of leaves. The input order does not matter: leaves are sorted by hash.
// It refuses an empty set, mixed epochs, duplicate or zero providers and amounts that are not
// positive or exceed 256 bits. The tree keeps its own copies of the amounts.
func Build(leaves []Leaf) (*Tree, error) {
	if len(leaves) == 0 {
		return nil, ErrEmpty
	}
	t := &Tree{
		epoch:  leaves[0].Epoch,
		leaves: make([]Leaf, len(leaves)),
		hashes: make([]common.Hash, len(leaves)),
		index:  make(map[common.Address]int, len(leaves)),
	}
	for i, l := range leaves {
		if err := l.Validate(); err != nil {
			return nil, err
		}
		if l.Epoch != t.epoch {
			return nil, fmt.Errorf("%w: %d and %d", ErrMixedEpochs, t.epoch, l.Epoch)
		}
		if _, dup := t.index[l.Provider]; dup {
			return nil, fmt.Errorf("%w: %s", ErrDuplicateProvider, l.Provider.Hex())
		}
		t.index[l.Provider] = i
		t.leaves[i] = l.clone()
		t.hashes[i] = LeafHash(l)
	}
	order := make([]int, len(leaves))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool {
		return bytes.Compare(t.hashes[order[a]][:], t.hashes[order[b]][:]) < 0
	})
	sortedLeaves := make([]Leaf, len(leaves))
	sortedHashes := make([]common.Hash, len(leaves))
	for i, j := range order {
		sortedLeaves[i], sortedHashes[i] = t.leaves[j], t.hashes[j]
		t.index[t.leaves[j].Provider] = i
	}
	t.leaves, t.hashes = sortedLeaves, sortedHashes

	n := len(t.hashes)
	t.nodes = make([]common.Hash, 2*n-1)
	for i, h := range t.hashes {
		t.nodes[len(t.nodes)-1-i] = h
	}
	for i := len(t.nodes) - 1 - n; i >= 0; i-- {
		t.nodes[i] = hashPair(t.nodes[2*i+1], t.nodes[2*i+2])
	}
	return t, nil
}

// Root is the root a reporter posts with UptimeRewards.postRoot.
func (t *Tree) Root() common.Hash { return t.nodes[0] }

// Epoch is the epoch every leaf is for.
func (t *Tree) Epoch() uint64 { return t.epoch }

// Len is the number of leaves.
func (t *Tree) Len() int { return len(t.leaves) }

// Leaves returns copies of the leaves, sorted by leaf hash (the tree's order).
func (t *Tree) Leaves() []Leaf {
	out := make([]Leaf, len(t.leaves))
	for i, l := range t.leaves {
		out[i] = l.clone()
	}
	return out
}

// Leaf returns a copy of provider's leaf.
func (t *Tree) Leaf(provider common.Address) (Leaf, bool) {
	i, ok := t.index[provider]
	if !ok {
		return Leaf{}, false
	}
	return t.leaves[i].clone(), true
}

// Total is the sum of all amounts: what the tree would pay if every provider claimed. The
// contract pays a reporter's root at most its share of the epoch's budget.
func (t *Tree) Total() *big.Int {
	sum := new(big.Int)
	for _, l := range t.leaves {
		sum.Add(sum, l.Amount)
	}
	return sum
}

// Proof returns the proof of provider's leaf, leaf to root, as UptimeRewards.claim takes it.
// A tree of one leaf has an empty proof.
func (t *Tree) Proof(provider common.Address) ([]common.Hash, error) {
	i, ok := t.index[provider]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrNotInTree, provider.Hex())
	}
	var proof []common.Hash
	for k := len(t.nodes) - 1 - i; k > 0; k = (k - 1) / 2 {
		sibling := k + 1
		if k%2 == 0 {
			sibling = k - 1
		}
		proof = append(proof, t.nodes[sibling])
	}
	return proof, nil
}

// treeIndex is the node index of the i-th sorted leaf.
func (t *Tree) treeIndex(i int) int { return len(t.nodes) - 1 - i }
