package devnet

import "github.com/ethereum/go-ethereum/params"

// ChainConfig is go-ethereum's dev chain configuration without the forks mainnet has not
// scheduled. geth 1.17's dev chain runs "Bogota", whose EIP-8037 state-gas metering prices a new
// storage slot several times higher than mainnet does; on it Brine's happy path would cost
// ~500,000 gas instead of ~270,000. Dev chains, tests and the gas report all use this
// configuration so that their figures are the ones users will pay on mainnet rules (Osaka).
func ChainConfig() *params.ChainConfig {
	cfg := *params.AllDevChainProtocolChanges
	cfg.BogotaTime = nil
	return &cfg
}
