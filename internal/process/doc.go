// Package process answers one question about another process on this machine: is it still
// there? The transaction journal's lock names its holder only while the holder lives, and the
// CLI tells a devnet that was killed (its devnet.json left behind) from one that is starting.
package process
