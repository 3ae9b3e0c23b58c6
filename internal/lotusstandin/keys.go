package lotusstandin

import (
	"github.com/filecoin-project/go-address"
	"github.com/filecoin-project/go-state-types/crypto"
	"github.com/filecoin-project/lotus/lib/sigs"
)

// NewSecpKey makes a Filecoin secp256k1 key, as `lotus wallet new secp256k1` does, and returns
// it with its f1 address.
func NewSecpKey() ([]byte, address.Address, error) {
	priv, err := sigs.Generate(crypto.SigTypeSecp256k1)
	if err != nil {
		return nil, address.Undef, err
	}
	a, err := SecpAddress(priv)
	return priv, a, err
}

// SecpAddress is the f1 address of a secp256k1 private key.
func SecpAddress(priv []byte) (address.Address, error) {
	pub, err := sigs.ToPublic(crypto.SigTypeSecp256k1, priv)
	if err != nil {
		return address.Undef, err
	}
	return address.NewSecp256k1Address(pub)
}
