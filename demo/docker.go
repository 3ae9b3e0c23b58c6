package demo

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/docker/docker/api/types/image"
	"github.com/docker/docker/client"

	"github.com/brine-compute/brine/node/executor/docker"
)

// busybox is Debian's static busybox (busybox-static): the only program in the demo's image,
// so nothing is pulled from a registry.
const busybox = docker.Busybox

// dockerEngine returns a client of a Docker engine that answers, with a static busybox to
// build the image from, or why not.
func dockerEngine(ctx context.Context) (*client.Client, error) {
	if err := docker.CheckStatic(busybox); err != nil {
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

// buildImage builds FROM scratch an image holding busybox and a link per applet, under a
// fresh tag, and returns the tag.
func buildImage(ctx context.Context, cli *client.Client) (string, error) {
	tagBytes := make([]byte, 6)
	if _, err := rand.Read(tagBytes); err != nil {
		return "", err
	}
	tag := "brine-demo/busybox:" + hex.EncodeToString(tagBytes)
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := docker.BuildBusyboxImage(ctx, cli, tag, busybox); err != nil {
		return "", fmt.Errorf("building the demo image: %w", err)
	}
	return tag, nil
}

func removeImage(cli *client.Client, tag string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := cli.ImageRemove(ctx, tag, image.RemoveOptions{Force: true, PruneChildren: true})
	return err
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
