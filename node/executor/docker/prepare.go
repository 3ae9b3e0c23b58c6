package docker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	cerrdefs "github.com/containerd/errdefs"
	"github.com/docker/docker/api/types/image"
	"github.com/docker/docker/client"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/executor"
)

// ErrPullsDisabled is the cause of a PullFailed failure for an absent image when pulls are
// disabled.
var ErrPullsDisabled = errors.New("image not present and pulls disabled")

// Prepare makes the spec's image present: it pulls an absent image (unless pulls are
// disabled) and checks its size. Failures caused by the image are *executor.Failure with
// reason PullFailed; other errors are the engine's.
func (e *Executor) Prepare(ctx context.Context, spec *jobspec.Spec) error {
	if spec == nil || spec.Engine != Engine || spec.Image == "" {
		return executor.BadSpec.Failf("bad spec: not a docker job with an image")
	}
	ref := spec.Image
	info, err := e.cli.ImageInspect(ctx, ref)
	switch {
	case err == nil:
		return e.checkSize(ctx, ref, info, false)
	case !cerrdefs.IsNotFound(err):
		return fmt.Errorf("docker executor: inspect image %s: %w", ref, err)
	case e.cfg.DisablePulls:
		return executor.PullFailure(ref, ErrPullsDisabled)
	}
	if err := e.pull(ctx, ref); err != nil {
		return err
	}
	info, err = e.cli.ImageInspect(ctx, ref)
	if err != nil {
		if cerrdefs.IsNotFound(err) {
			return executor.PullFailure(ref, errors.New("the pull finished but the image is not present"))
		}
		return fmt.Errorf("docker executor: inspect image %s: %w", ref, err)
	}
	return e.checkSize(ctx, ref, info, true)
}

// pull pulls ref, reading the progress stream to its end; an error in the stream is the
// image's failure.
func (e *Executor) pull(ctx context.Context, ref string) error {
	pctx, cancel := context.WithTimeout(ctx, e.cfg.PullTimeout)
	defer cancel()
	e.log.Info("pulling image", "image", ref)
	rc, err := e.cli.ImagePull(pctx, ref, image.PullOptions{})
	if err != nil {
		if client.IsErrConnectionFailed(err) || ctx.Err() != nil {
			return fmt.Errorf("docker executor: pull %s: %w", ref, err)
		}
		return executor.PullFailure(ref, err)
	}
	defer rc.Close()
	dec := json.NewDecoder(rc)
	for {
		var msg struct {
			Error       string `json:"error"`
			ErrorDetail *struct {
				Message string `json:"message"`
			} `json:"errorDetail"`
		}
		err := dec.Decode(&msg)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("docker executor: pull %s: %w", ref, ctx.Err())
			}
			if pctx.Err() != nil {
				return executor.PullFailure(ref, fmt.Errorf("no image after %s", e.cfg.PullTimeout))
			}
			return fmt.Errorf("docker executor: pull %s: reading progress: %w", ref, err)
		}
		switch {
		case msg.ErrorDetail != nil && msg.ErrorDetail.Message != "":
			return executor.PullFailure(ref, errors.New(msg.ErrorDetail.Message))
		case msg.Error != "":
			return executor.PullFailure(ref, errors.New(msg.Error))
		}
	}
}

// checkSize refuses an image larger than MaxImageBytes, removing it when this Prepare pulled
// it.
func (e *Executor) checkSize(ctx context.Context, ref string, info image.InspectResponse, pulled bool) error {
	max := e.cfg.MaxImageBytes
	if max == 0 || info.Size <= max {
		return nil
	}
	if pulled {
		if _, err := e.cli.ImageRemove(ctx, info.ID, image.RemoveOptions{}); err != nil {
			e.log.Warn("remove oversized image", "image", ref, "err", err)
		}
	}
	return executor.PullFailure(ref, fmt.Errorf("the image is %s; this node runs images of at most %s",
		executor.FormatBytes(uint64(info.Size)), executor.FormatBytes(uint64(max))))
}
