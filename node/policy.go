package node

import (
	"fmt"
	"math/big"
	"path"
	"slices"
	"strings"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/settlement"
)

// refusal is why the node does not take a job, for its log.
type refusal string

// engineAllowed reports whether the node runs engine e.
func (n *Node) engineAllowed(e jobspec.Engine) bool {
	if n.cfg.Executors[e] == nil {
		return false
	}
	return len(n.cfg.Policy.Engines) == 0 || slices.Contains(n.cfg.Policy.Engines, e)
}

// checkRunnable reports why the node would not execute spec at all ("" when it would): the
// engine, image, network and resource parts of the policy. It is what a drawn verifier
// checks; the price and the replica count do not matter to a re-execution.
func (n *Node) checkRunnable(spec *jobspec.Spec) refusal {
	p := n.cfg.Policy
	if !n.engineAllowed(spec.Engine) {
		return refusal(fmt.Sprintf("engine %q is not run by this node", spec.Engine))
	}
	if spec.Engine == jobspec.EngineDocker && len(p.AllowedImages) > 0 {
		ok := false
		for _, pat := range p.AllowedImages {
			if m, _ := path.Match(pat, spec.Image); m {
				ok = true
				break
			}
		}
		if !ok {
			return refusal(fmt.Sprintf("image %q matches none of the allowed patterns %s", spec.Image, strings.Join(p.AllowedImages, ", ")))
		}
	}
	if spec.Network && !p.AllowNetwork {
		return "the job asks for network access and this node allows none"
	}
	r := spec.Resources
	switch {
	case p.MaxMemoryBytes > 0 && r.MemoryBytes > p.MaxMemoryBytes:
		return refusal(fmt.Sprintf("memory %d bytes over the cap %d", r.MemoryBytes, p.MaxMemoryBytes))
	case p.MaxCPUMillis > 0 && r.CPUMillis > p.MaxCPUMillis:
		return refusal(fmt.Sprintf("cpu %dm over the cap %dm", r.CPUMillis, p.MaxCPUMillis))
	case p.MaxDiskBytes > 0 && r.DiskBytes > p.MaxDiskBytes:
		return refusal(fmt.Sprintf("disk %d bytes over the cap %d", r.DiskBytes, p.MaxDiskBytes))
	case p.MaxTime > 0 && r.Time > p.MaxTime:
		return refusal(fmt.Sprintf("time limit %s over the cap %s", r.Time, p.MaxTime))
	}
	return ""
}

// checkSpec reports why the node would not take a job with spec ("" when it would). It looks
// at the spec alone, so it also filters pushed specs.
func (n *Node) checkSpec(spec *jobspec.Spec) refusal {
	if r := n.checkRunnable(spec); r != "" {
		return r
	}
	if most := n.cfg.Policy.MaxReplicas; spec.Replicas > most {
		return refusal(fmt.Sprintf("%d replicas: this node takes jobs of at most %d", spec.Replicas, most))
	}
	return ""
}

// checkJob reports why the node would not take job with spec ("" when it would): the spec's
// checks and the on-chain terms, which must also be the spec's (a job whose record disagrees
// with its own spec is refused: the client would not have posted it honestly). The payment
// the policy weighs is the node's part of it: payment / N for a replicated job.
func (n *Node) checkJob(job settlement.Job, spec *jobspec.Spec) refusal {
	if r := n.checkSpec(spec); r != "" {
		return r
	}
	p := n.cfg.Policy
	if job.Replicas != spec.Replicas {
		return refusal(fmt.Sprintf("the job has %d replicas on chain, its spec %d", job.Replicas, spec.Replicas))
	}
	if p.MinPayment != nil {
		share := new(big.Int).Quo(job.Payment, big.NewInt(int64(max(job.Replicas, 1))))
		if share.Cmp(p.MinPayment) < 0 {
			if job.Replicas > 1 {
				return refusal(fmt.Sprintf("a replica's share %s (payment %s / %d) below the minimum %s", share, job.Payment, job.Replicas, p.MinPayment))
			}
			return refusal(fmt.Sprintf("payment %s below the minimum %s", job.Payment, p.MinPayment))
		}
	}
	if p.MaxCollateral != nil && job.Collateral.Cmp(p.MaxCollateral) > 0 {
		return refusal(fmt.Sprintf("collateral %s above the maximum %s", job.Collateral, p.MaxCollateral))
	}
	return ""
}
