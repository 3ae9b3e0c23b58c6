// Package cli is the `brine` command line: the typed configuration (flags, BRINE_*
// environment variables and a config file merged through viper) and one file per command
// group. cmd/brine only calls Main. Nothing here calls os.Exit: Main returns the exit code.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"sync"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/chain/txmgr"
)

// Exit codes.
const (
	ExitOK         = 0
	ExitFailure    = 1 // the chain or the environment refused: see the message
	ExitBadInput   = 2 // the command line, a file or an amount is wrong; nothing was sent
	ExitUnbalanced = 3 // `brine audit check`: a contract holds less than it owes, or a cross-check failed
)

// exitError carries an exit code with its message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// badInput is an error in what the user gave; nothing was sent.
func badInput(format string, args ...any) error {
	return &exitError{code: ExitBadInput, err: fmt.Errorf(format, args...)}
}

// isBadInput reports whether err is a bad-input error (exit 2).
func isBadInput(err error) bool {
	var e *exitError
	return errors.As(err, &e) && e.code == ExitBadInput
}

// IO is where a command reads and writes.
type IO struct {
	Stdin  *os.File
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// Main runs the brine command line with args (args[0] is the program name) and returns the
// exit code. It owns SIGINT and SIGTERM: the first cancels the running command's context.
func Main(args []string, stdio IO) int {
	if stdio.Getenv == nil {
		stdio.Getenv = os.Getenv
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, args, stdio)
	if err == nil {
		return ExitOK
	}
	code := ExitFailure
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	if msg := err.Error(); msg != "" {
		fmt.Fprintf(stdio.Stderr, "brine: %s\n", msg)
	}
	return code
}

// negativeArg matches an argument that flag parsing would take for an unknown flag: a
// negative number.
var negativeArg = regexp.MustCompile(`^-[0-9.]`)

func run(ctx context.Context, args []string, stdio IO) error {
	for _, a := range args[1:] {
		if a == "--" {
			break
		}
		if negativeArg.MatchString(a) {
			return badInput("%q: amounts, IDs and counts must not be negative", a)
		}
	}
	app := newApp(stdio)
	err := app.RunContext(ctx, interspersed(app, args))
	var ee *exitError
	if errors.Is(err, finality.ErrNotFinalizing) && !errors.As(err, &ee) {
		return notFinalizing(err)
	}
	if errors.Is(err, txmgr.ErrPending) {
		return fmt.Errorf("%w: stopped waiting; the transaction is journaled: the next brine command for this account finishes it first, and the same command run again reports its outcome instead of sending it twice", err)
	}
	return err
}

// interspersed moves a leaf command's flags before its positional arguments, so that
// "brine provider stake 100 --json" works like "brine provider stake --json 100" (urfave/cli
// v2 stops reading flags at the first argument).
func interspersed(app *cli.App, args []string) []string {
	out := []string{args[0]}
	cmds, flags := app.Commands, app.Flags
	for i := 1; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(out, args[i:]...)
		case strings.HasPrefix(a, "-") && len(a) > 1:
			out = append(out, a)
			if takesValue(flags, a) && i+1 < len(args) {
				out = append(out, args[i+1])
				i++
			}
			continue
		}
		var cmd *cli.Command
		for _, c := range cmds {
			if c.HasName(a) {
				cmd = c
			}
		}
		if cmd == nil {
			return append(out, args[i:]...)
		}
		out = append(out, a)
		if len(cmd.Subcommands) > 0 {
			cmds, flags = cmd.Subcommands, cmd.Flags
			continue
		}
		var fl, pos []string
		for i++; i < len(args); i++ {
			a := args[i]
			if a == "--" {
				pos = append(pos, args[i+1:]...)
				break
			}
			if strings.HasPrefix(a, "-") && len(a) > 1 {
				fl = append(fl, a)
				if takesValue(cmd.Flags, a) && i+1 < len(args) {
					fl = append(fl, args[i+1])
					i++
				}
				continue
			}
			pos = append(pos, a)
		}
		out = append(out, fl...)
		if len(pos) > 0 {
			out = append(append(out, "--"), pos...)
		}
		return out
	}
	return out
}

// takesValue reports whether arg ("--name" or "-n", without "=value") names a flag that
// takes a value.
func takesValue(flags []cli.Flag, arg string) bool {
	if strings.Contains(arg, "=") {
		return false
	}
	name := strings.TrimLeft(arg, "-")
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				df, ok := f.(cli.DocGenerationFlag)
				return ok && df.TakesValue()
			}
		}
	}
	return false
}

func newApp(stdio IO) *cli.App {
	restoreHelp()
	app := &cli.App{
		Name:  "brine",
		Usage: "stake, post and audit compute jobs on Brine's settlement contracts",
		Description: `Brine settles compute jobs on an EVM chain: clients escrow payment, providers stake and
commit results, anyone can challenge, auditors recompute the books. This binary is the
terminal for all three, on a local devnet or any JSON-RPC endpoint.

Every command that talks to a chain first checks the deployment file (--deployment) against
it, and refuses a chain whose ID or contract code does not match. Transactions are journaled
in <datadir>/txjournal/<account>.db: after a crash or Ctrl-C the account's next command first
finishes what was left unconfirmed, and the interrupted command run again reports that outcome
instead of sending the step twice.

Configuration, highest first: flags, BRINE_* environment variables (BRINE_RPC, BRINE_DATADIR,
...; a command's own options BRINE_NODE_*, BRINE_PROBER_*, BRINE_DEVNET_*), a config file
(--config FILE, TOML/YAML/JSON, keys named like the flags; the options of 'node run',
'prober run' and 'devnet' in sections [node], [prober], [devnet]), defaults.
The account password comes from --password-file, $BRINE_PASSWORD or a prompt, never a flag.

Without --account, commands act as the keystore's only account; in a devnet's data directory
(whose accounts.json names the dev accounts), as its first dev account; with several accounts
and neither, they refuse and ask for --account ('brine wallet list' marks the default).

The RPC endpoint defaults to the 'brine devnet' running with the same --datadir (it writes
<datadir>/devnet.json), else ` + DefaultRPC + `.

Example:
   brine devnet --datadir ~/.brine                       # terminal 1: a local chain
   export BRINE_PASSWORD=brine-dev                       # terminal 2: the dev accounts' password
   brine wallet list
   brine provider stake 100 && brine provider register
   brine job submit job.yaml
   brine audit check`,
		Flags:                globalFlags(),
		Writer:               stdio.Stdout,
		ErrWriter:            stdio.Stderr,
		Reader:               stdio.Stdin,
		HideHelpCommand:      true,
		HideVersion:          true,
		Suggest:              true,
		ExitErrHandler:       func(*cli.Context, error) {}, // Main reports errors and picks the exit code
		EnableBashCompletion: false,
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return &exitError{code: ExitBadInput, err: err}
		},
		Commands: []*cli.Command{
			devnetCommand(stdio),
			deployCommand(stdio),
			walletCommand(stdio),
			providerCommand(stdio),
			jobCommand(stdio),
			pipelineCommand(stdio),
			cidCommand(stdio),
			nodeCommand(stdio),
			rewardsCommand(stdio),
			proberCommand(stdio),
			auditCommand(stdio),
			indexCommand(stdio),
			explorerCommand(stdio),
			marketCommand(stdio),
			tokenCommand(stdio),
			demoCommand(stdio),
			simCommand(stdio),
		},
	}
	for _, c := range app.Commands {
		prepare(c)
	}
	return app
}

// prepare gives every command that runs by itself (a leaf, or one with an action beside its
// subcommands, as `brine sim`) the global flags and usage errors the bad-input exit code.
func prepare(c *cli.Command) {
	c.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
		return &exitError{code: ExitBadInput, err: err}
	}
	if len(c.Subcommands) == 0 || c.Action != nil {
		c.Flags = append(c.Flags, globalFlags()...)
	}
	if len(c.Subcommands) == 0 {
		return
	}
	c.HideHelpCommand = true
	for _, s := range c.Subcommands {
		prepare(s)
	}
}

// args checks the command's positional arguments: exactly n, none looking like a flag
// (flags go before the arguments).
func args(c *cli.Context, n int, usage string) ([]string, error) {
	a := c.Args().Slice()
	for _, s := range a {
		if negativeArg.MatchString(s) {
			return nil, badInput("%q: amounts, IDs and counts must not be negative", s)
		}
		if strings.HasPrefix(s, "-") && len(s) > 1 {
			return nil, badInput("%s: flag %s after the arguments: put flags before them (usage: %s)", c.Command.FullName(), s, usage)
		}
	}
	if len(a) != n {
		return nil, badInput("%s: expected %d argument(s), got %d (usage: %s)", c.Command.FullName(), n, len(a), usage)
	}
	return a, nil
}

// logger writes slog records at the configured level to stderr.
func logger(w io.Writer, level string) *slog.Logger {
	l, _ := parseLevel(level)
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return 0, fmt.Errorf("log level %q: use debug, info, warn or error", s)
	}
	return l, nil
}

// restoreHelp undoes what go-ethereum's internal/flags package (linked in with the devnet)
// does to urfave/cli's globals in its init: a geth-style flag stringer and a "MISC" category
// on the help flag.
var restoreHelp = sync.OnceFunc(func() {
	cli.FlagStringer = flagString
	if hf, ok := cli.HelpFlag.(*cli.BoolFlag); ok {
		hf.Category = ""
	}
})

// flagString prints one flag as "--name PLACEHOLDER<TAB>usage (default: x)".
func flagString(f cli.Flag) string {
	df, ok := f.(cli.DocGenerationFlag)
	if !ok {
		return strings.Join(f.Names(), ", ")
	}
	placeholder, usage := unquoteUsage(df.GetUsage())
	names := make([]string, 0, len(f.Names()))
	for _, n := range f.Names() {
		if len(n) == 1 {
			names = append(names, "-"+n)
		} else {
			names = append(names, "--"+n)
		}
	}
	s := strings.Join(names, ", ")
	if df.TakesValue() {
		if placeholder == "" {
			placeholder = "value"
		}
		s += " " + placeholder
	}
	def := df.GetDefaultText()
	if def == "" {
		def = df.GetValue()
	}
	if df.TakesValue() && def != "" && def != `""` && def != "0" && def != "0s" {
		usage += " (default: " + def + ")"
	}
	return s + "\t" + usage
}

// unquoteUsage takes the first `quoted` word of a usage text as the flag's placeholder.
func unquoteUsage(usage string) (string, string) {
	start := strings.IndexByte(usage, '`')
	if start < 0 {
		return "", usage
	}
	end := strings.IndexByte(usage[start+1:], '`')
	if end < 0 {
		return "", usage
	}
	name := usage[start+1 : start+1+end]
	return name, usage[:start] + name + usage[start+1+end+1:]
}
