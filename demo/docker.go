package demo

import (
	"archive/tar"
	"bytes"
	"context"
	"crypto/rand"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/docker/docker/api/types/build"
	"github.com/docker/docker/api/types/image"
	"github.com/docker/docker/client"
)

// busybox is Debian's static busybox (busybox-static): the only program in the demo's image,
// so nothing is pulled from a registry.
const busybox = "/bin/busybox"

// dockerEngine returns a client of a Docker engine that answers, with a static busybox to
// build the image from, or why not.
func dockerEngine(ctx context.Context) (*client.Client, error) {
	if err := checkStatic(busybox); err != nil {
		return nil, fmt.Errorf("no static %s (%v; apt-get install busybox-static)", busybox, err)
	}
	cli, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
	if err != nil {
		return nil, err
	}
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := cli.Ping(pctx); err != nil {
		cli.Close()
		return nil, fmt.Errorf("no Docker engine answers (%v)", firstLine(err.Error()))
	}
	return cli, nil
}

// checkStatic reports whether path is a statically linked ELF executable.
func checkStatic(path string) error {
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

// buildImage builds FROM scratch an image holding busybox and a link per applet, under a
// fresh tag, and returns the tag.
func buildImage(ctx context.Context, cli *client.Client) (string, error) {
	tagBytes := make([]byte, 6)
	if _, err := rand.Read(tagBytes); err != nil {
		return "", err
	}
	tag := "brine-demo/busybox:" + hex.EncodeToString(tagBytes)
	bctx, err := imageContext()
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	resp, err := cli.ImageBuild(ctx, bctx, build.ImageBuildOptions{
		Tags:        []string{tag},
		Dockerfile:  "Dockerfile",
		Remove:      true,
		ForceRemove: true,
		Version:     build.BuilderV1,
	})
	if err != nil {
		return "", fmt.Errorf("building the demo image: %w", err)
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	for {
		var msg struct {
			Error string `json:"error"`
		}
		if err := dec.Decode(&msg); errors.Is(err, io.EOF) {
			return tag, nil
		} else if err != nil {
			return "", fmt.Errorf("building the demo image: %w", err)
		}
		if msg.Error != "" {
			return "", fmt.Errorf("building the demo image: %s", msg.Error)
		}
	}
}

func removeImage(cli *client.Client, tag string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := cli.ImageRemove(ctx, tag, image.RemoveOptions{Force: true, PruneChildren: true})
	return err
}

func imageContext() (io.Reader, error) {
	bin, err := os.ReadFile(busybox)
	if err != nil {
		return nil, err
	}
	out, err := exec.Command(busybox, "--list").Output()
	if err != nil {
		return nil, fmt.Errorf("busybox --list: %w", err)
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

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
