//go:build !linux

package node

// detachMount does nothing: only Linux executors mount job directories.
func detachMount(string) {}
