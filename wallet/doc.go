// Package wallet keeps Brine accounts in a geth-compatible encrypted keystore (go-ethereum's
// accounts/keystore: key files 0600 in a 0700 directory) and hands out transaction signers.
// Passwords come from a file, an environment variable or an interactive prompt; never from a
// flag value, and they never appear in logs or errors.
package wallet
