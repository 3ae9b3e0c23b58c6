// Package merkle builds, proves and publishes the Merkle trees that uptime reporters post to
// the UptimeRewards contract.
//
// # Leaves
//
// A tree holds one leaf per provider for one epoch: (epoch, provider, amount). Its hash is
// OpenZeppelin's "standard" double-hashed leaf, exactly what UptimeRewards.claim recomputes from
// the caller's claim:
//
//	keccak256(bytes.concat(keccak256(abi.encode(uint64 epoch, address provider, uint256 amount))))
//
// abi.encode pads each field to a 32-byte word (96 bytes in all). Hashing twice means no inner
// node (the hash of 64 bytes) can ever be presented as a leaf.
//
// # Tree
//
// Inner nodes hash the sorted pair of their children (keccak256 of the smaller hash followed by
// the larger), as OpenZeppelin's MerkleProof.verify and verifyCalldata expect, so proofs carry no
// left/right flags. The layout is that of OpenZeppelin's StandardMerkleTree (the
// @openzeppelin/merkle-tree JavaScript library): leaf hashes are sorted ascending and stored at
// the end of a complete binary tree of 2n-1 nodes in an array, node i having children 2i+1 and
// 2i+2 and the root at index 0. The same set of leaves therefore gives the same root whatever
// order they are given in, and the same root as StandardMerkleTree.of(values,
// ["uint64", "address", "uint256"]).
//
// Build refuses trees the contract could not pay out sensibly: no leaves, leaves of different
// epochs, a provider listed twice, a zero provider address, or an amount that is not positive or
// does not fit in 256 bits.
//
// # Publishing
//
// A reporter posts only the root on chain; providers need their proofs. MarshalJSON writes the
// whole tree in OpenZeppelin's "standard-v1" dump format plus a "root" field:
//
//	{
//	  "format": "standard-v1",
//	  "leafEncoding": ["uint64", "address", "uint256"],
//	  "root": "0x…",
//	  "tree": ["0x…", …],
//	  "values": [{"value": ["7", "0xAbC…", "5000000000000000000"], "treeIndex": 4}, …]
//	}
//
// so the JavaScript library can StandardMerkleTree.load it, and ParseTree reads it back. ParseTree
// trusts nothing in the document: it rebuilds the tree from the values and rejects the document
// unless the recomputed root, node array and tree indices all match what it claims. Anyone holding
// the published file can thus check it against the root the reporter posted on chain.
//
// # Typical use
//
//	tree, err := merkle.Build(leaves)            // prober, at the end of an epoch
//	// post tree.Root() with UptimeRewards.postRoot(epoch, root); publish json.Marshal(tree)
//	tree, err = merkle.ParseTree(published)      // provider
//	proof, err := tree.Proof(myAddress)          // claim(epoch, reporter, amount, proof)
package merkle
