package node

import "syscall"

// detachMount lazily unmounts dir when it is a mount point. Its error is not worth reporting:
// EINVAL says dir is no mount point, EPERM that the node could not have mounted it either,
// and a removal that then fails says what is wrong.
func detachMount(dir string) { _ = syscall.Unmount(dir, syscall.MNT_DETACH) }
