package results

import "os"

// dirCache keeps the directory most recently used under a root open, so that consecutive
// entries of one directory (the usual order of an archive) cost one system call each to
// reach, not one per path element.
type dirCache struct {
	root *os.Root
	name string   // the open directory's path under root
	dir  *os.Root // nil: none open
}

// resolve returns the root to open p's last element in, and that element.
func (c *dirCache) resolve(p string) (*os.Root, string, error) {
	par := parentOf(p)
	if par == "" {
		return c.root, p, nil
	}
	if c.dir == nil || c.name != par {
		c.close()
		d, err := c.root.OpenRoot(par)
		if err != nil {
			return nil, "", err
		}
		c.dir, c.name = d, par
	}
	return c.dir, p[len(par)+1:], nil
}

func (c *dirCache) close() {
	if c.dir != nil {
		c.dir.Close()
		c.dir = nil
	}
}
