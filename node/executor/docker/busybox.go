package docker

import (
	"archive/tar"
	"bytes"
	"context"
	"debug/elf"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/docker/docker/api/types/build"
	"github.com/docker/docker/client"
)

// Busybox is where Debian's busybox-static puts the static busybox BuildBusyboxImage copies.
const Busybox = "/bin/busybox"

// BuildBusyboxImage builds tag FROM scratch holding the static busybox binary at path and a
// link in /bin for each of its applets. Tests and the demo use it because no image registry
// is reachable here: the image is made from a file on this machine.
func BuildBusyboxImage(ctx context.Context, cli *client.Client, tag, path string) error {
	bctx, err := busyboxContext(path)
	if err != nil {
		return fmt.Errorf("building image %s: %w", tag, err)
	}
	resp, err := cli.ImageBuild(ctx, bctx, build.ImageBuildOptions{
		Tags:        []string{tag},
		Dockerfile:  "Dockerfile",
		Remove:      true,
		ForceRemove: true,
		Version:     build.BuilderV1,
	})
	if err != nil {
		return fmt.Errorf("building image %s: %w", tag, err)
	}
	defer resp.Body.Close()
	// The build's outcome is in the stream, not the status: read it to the end.
	dec := json.NewDecoder(resp.Body)
	for {
		var msg struct {
			Error string `json:"error"`
		}
		if err := dec.Decode(&msg); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("building image %s: %w", tag, err)
		}
		if msg.Error != "" {
			return fmt.Errorf("building image %s: %s", tag, msg.Error)
		}
	}
}

// CheckStatic reports whether path is a statically linked ELF executable (no interpreter),
// as a binary copied alone into a FROM scratch image must be.
func CheckStatic(path string) error {
	f, err := elf.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			return errors.New("it is dynamically linked")
		}
	}
	return nil
}

// busyboxContext is the build context: a Dockerfile and rootfs/bin with busybox and its
// applets as symlinks.
func busyboxContext(path string) (io.Reader, error) {
	bin, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out, err := exec.Command(path, "--list").Output()
	if err != nil {
		return nil, fmt.Errorf("%s --list: %w", path, err)
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	add := func(h *tar.Header, body []byte) error {
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		_, err := tw.Write(body)
		return err
	}
	dockerfile := []byte("FROM scratch\nCOPY rootfs/ /\n")
	if err := add(&tar.Header{Name: "Dockerfile", Mode: 0o644, Size: int64(len(dockerfile))}, dockerfile); err != nil {
		return nil, err
	}
	if err := add(&tar.Header{Name: "rootfs/bin/", Typeflag: tar.TypeDir, Mode: 0o755}, nil); err != nil {
		return nil, err
	}
	if err := add(&tar.Header{Name: "rootfs/bin/busybox", Mode: 0o755, Size: int64(len(bin))}, bin); err != nil {
		return nil, err
	}
	for _, applet := range strings.Fields(string(out)) {
		if applet == "busybox" || strings.Contains(applet, "/") {
			continue
		}
		if err := add(&tar.Header{Name: "rootfs/bin/" + applet, Typeflag: tar.TypeSymlink, Linkname: "busybox", Mode: 0o777}, nil); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return &buf, nil
}
