package main

import (
	"bytes"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// rewardLeaf is UptimeRewards' leaf: keccak256(keccak256(abi.encode(uint64 epoch, address
// provider, uint256 amount))), OpenZeppelin's double-hashed leaf.
func rewardLeaf(epoch uint64, provider common.Address, amount *big.Int) [32]byte {
	enc := make([]byte, 0, 96)
	enc = append(enc, common.LeftPadBytes(new(big.Int).SetUint64(epoch).Bytes(), 32)...)
	enc = append(enc, common.LeftPadBytes(provider.Bytes(), 32)...)
	enc = append(enc, common.LeftPadBytes(amount.Bytes(), 32)...)
	var out [32]byte
	copy(out[:], crypto.Keccak256(crypto.Keccak256(enc)))
	return out
}

// merkleTree is an OpenZeppelin-compatible Merkle tree (MerkleProof.verify): an inner node is
// keccak256 of its two children in ascending order; an unpaired last node moves up unchanged.
type merkleTree struct {
	layers [][][32]byte // layers[0] = leaves, last = root
}

func newMerkleTree(leaves [][32]byte) *merkleTree {
	t := &merkleTree{layers: [][][32]byte{append([][32]byte(nil), leaves...)}}
	for cur := t.layers[0]; len(cur) > 1; {
		next := make([][32]byte, 0, (len(cur)+1)/2)
		for i := 0; i < len(cur); i += 2 {
			if i+1 == len(cur) {
				next = append(next, cur[i])
				continue
			}
			next = append(next, hashPair(cur[i], cur[i+1]))
		}
		t.layers = append(t.layers, next)
		cur = next
	}
	return t
}

func hashPair(a, b [32]byte) [32]byte {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	var out [32]byte
	copy(out[:], crypto.Keccak256(a[:], b[:]))
	return out
}

func (t *merkleTree) root() [32]byte { return t.layers[len(t.layers)-1][0] }

// proof returns the sibling path of leaf i, bottom up.
func (t *merkleTree) proof(i int) [][32]byte {
	var p [][32]byte
	for _, layer := range t.layers[:len(t.layers)-1] {
		sib := i ^ 1
		if sib < len(layer) {
			p = append(p, layer[sib])
		}
		i /= 2
	}
	return p
}

// verifyProof is MerkleProof.verify.
func verifyProof(proof [][32]byte, root, leaf [32]byte) bool {
	h := leaf
	for _, p := range proof {
		h = hashPair(h, p)
	}
	return h == root
}
