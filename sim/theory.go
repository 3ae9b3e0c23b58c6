package sim

import "math/big"

// MajorityHypergeometric is the probability that a cartel holding c of the e providers a draw
// may pick holds a strict majority (more than k/2) of k seats drawn without replacement: the
// market's draw skips a provider already drawn, so draws are hypergeometric, not binomial.
func MajorityHypergeometric(e, c, k int) float64 {
	if k > e || e <= 0 || c < 0 || c > e {
		return 0
	}
	all := new(big.Int).Binomial(int64(e), int64(k))
	hit := new(big.Int)
	for x := k/2 + 1; x <= k && x <= c; x++ {
		if k-x > e-c {
			continue
		}
		t := new(big.Int).Binomial(int64(c), int64(x))
		hit.Add(hit, t.Mul(t, new(big.Int).Binomial(int64(e-c), int64(k-x))))
	}
	p, _ := new(big.Rat).SetFrac(hit, all).Float64()
	return p
}

// MajorityBinomial is the same probability for draws with replacement from a cartel share f
// (the large-population limit docs/protocol.md quotes: K=3, f=1/3 gives 7/27).
func MajorityBinomial(f float64, k int) float64 {
	var p float64
	for x := k/2 + 1; x <= k; x++ {
		b, _ := new(big.Float).SetInt(new(big.Int).Binomial(int64(k), int64(x))).Float64()
		term := b
		for i := 0; i < x; i++ {
			term *= f
		}
		for i := 0; i < k-x; i++ {
			term *= 1 - f
		}
		p += term
	}
	return p
}
