package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/chain/erc20"
	"github.com/brine-compute/brine/units"
)

func walletCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "wallet",
		Usage: "manage the accounts in the keystore (geth-compatible, encrypted)",
		Description: `Accounts live in <datadir>/keystore (or --keystore): one encrypted key file per account,
0600 in a 0700 directory, readable by geth and other tools. Passwords come from
--password-file, $BRINE_PASSWORD or a prompt, never from a flag.

Example:
   brine wallet new
   brine wallet import key.hex
   brine wallet list
   brine wallet balance`,
		Subcommands: []*cli.Command{
			{
				Name:      "new",
				Usage:     "create an account",
				ArgsUsage: " ",
				Description: `Creates an account encrypted with the password (asked twice at a prompt).

Example:
   brine wallet new --password-file pw.txt`,
				Action: func(c *cli.Context) error { return walletNew(c, stdio) },
			},
			{
				Name:      "import",
				Usage:     "import a private key from a file of hex",
				ArgsUsage: "<hex-key-file>",
				Description: `Encrypts the secp256k1 private key in the file (64 hex digits, 0x optional) into the keystore.
The key never appears on the command line. Delete the plain file afterwards.

Example:
   brine wallet import ./key.hex`,
				Action: func(c *cli.Context) error { return walletImport(c, stdio) },
			},
			{
				Name:      "list",
				Usage:     "list the keystore's accounts",
				ArgsUsage: " ",
				Description: `Lists the accounts in creation order and marks the default one, which commands act as without
--account: the only account, or in a devnet's data directory its first dev account.

Example:
   brine wallet list --json`,
				Action: func(c *cli.Context) error { return walletList(c, stdio) },
			},
			{
				Name:      "balance",
				Usage:     "show an account's ETH and token balance",
				ArgsUsage: "[ADDR]",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "token", Usage: "the ERC-20 `ADDR` to show (default: the deployment's token)"},
				},
				Description: `Shows ETH (for fees) and the token. ADDR defaults to --account (or the default account: see
'brine --help').

Example:
   brine wallet balance 0x8ba1f109551bD432803012645Ac136ddd64DBA72 --json`,
				Action: func(c *cli.Context) error { return walletBalance(c, stdio) },
			},
		},
	}
}

func walletNew(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine wallet new"); err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.openWallet(); err != nil {
		return err
	}
	pw, err := s.password("Password for the new account: ", true)
	if err != nil {
		return err
	}
	acc, err := s.wallet.New(pw)
	if err != nil {
		return err
	}
	return s.emit(map[string]string{"address": acc.Address.Hex(), "keyFile": acc.URL.Path}, func(w io.Writer) {
		kv(w, "Address", "%s", acc.Address.Hex())
		kv(w, "Key file", "%s", acc.URL.Path)
		fmt.Fprintln(w, "Keep the password: without it the key cannot be used.")
	})
}

func walletImport(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine wallet import <hex-key-file>")
	if err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.openWallet(); err != nil {
		return err
	}
	pw, err := s.password("Password to encrypt the imported key: ", true)
	if err != nil {
		return err
	}
	acc, err := s.wallet.ImportHexKeyFile(a[0], pw)
	if err != nil {
		return badInput("%v", err)
	}
	return s.emit(map[string]string{"address": acc.Address.Hex(), "keyFile": acc.URL.Path}, func(w io.Writer) {
		kv(w, "Imported", "%s", acc.Address.Hex())
		kv(w, "Key file", "%s", acc.URL.Path)
	})
}

func walletList(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine wallet list"); err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.openWallet(); err != nil {
		return err
	}
	accs := s.wallet.Accounts()
	type entry struct {
		Address string `json:"address"`
		KeyFile string `json:"keyFile"`
		Default bool   `json:"default,omitempty"` // what commands act as without --account
	}
	def, _, _ := s.defaultAccount()
	list := make([]entry, len(accs))
	for i, a := range accs {
		list[i] = entry{a.Address.Hex(), a.URL.Path, a.Address == def}
	}
	return s.emit(list, func(w io.Writer) {
		if len(list) == 0 {
			fmt.Fprintf(w, "No accounts in %s: run `brine wallet new` or `brine wallet import`.\n", s.cfg.Keystore)
			return
		}
		for _, e := range list {
			note := ""
			if e.Default {
				note = "  (default)"
			}
			fmt.Fprintf(w, "%s%s\n", e.Address, note)
		}
		if def == (common.Address{}) {
			fmt.Fprintln(w, "No default account: pass --account ADDR to commands.")
		}
	})
}

func walletBalance(c *cli.Context, stdio IO) error {
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	addr, err := s.addressArg(c, "account", "brine wallet balance [ADDR]")
	if err != nil {
		return err
	}
	var token common.Address
	if t := c.String("token"); t != "" {
		if token, err = parseAddress(t, "--token"); err != nil {
			return err
		}
		if err := s.dial(); err != nil {
			return err
		}
	} else {
		if err := s.connect(); err != nil {
			return err
		}
		token = s.dep.Token
	}
	eth, err := s.client.BalanceAt(s.ctx, addr, nil)
	if err != nil {
		return err
	}
	tok, err := erc20.Open(s.ctx, s.client, token)
	if err != nil {
		return badInput("%v", err)
	}
	bal, err := tok.BalanceOf(s.ctx, addr)
	if err != nil {
		return err
	}
	type out struct {
		Address string `json:"address"`
		ETH     amount `json:"eth"`
		Token   amount `json:"token"`
		TokenAt string `json:"tokenAddress"`
	}
	o := out{
		Address: addr.Hex(),
		ETH:     amount{Units: eth.String(), Decimal: units.Format(eth, 18), Symbol: "ETH"},
		Token:   amount{Units: bal.String(), Decimal: units.Format(bal, tok.Decimals), Symbol: tok.Symbol},
		TokenAt: token.Hex(),
	}
	return s.emit(o, func(w io.Writer) {
		kv(w, "Account", "%s", o.Address)
		kv(w, "ETH", "%s", units.FormatUnit(eth, 18, "ETH"))
		kv(w, "Token", "%s  (%s)", tok.Format(bal), token.Hex())
	})
}

// addressArg is the command's optional ADDR argument (named `what` in errors), or else the
// default account.
func (s *session) addressArg(c *cli.Context, what, usage string) (common.Address, error) {
	a := c.Args().Slice()
	switch len(a) {
	case 0:
		return s.resolveAccount(false)
	case 1:
		return parseAddress(a[0], what)
	}
	return common.Address{}, badInput("%s: at most one address (usage: %s)", strings.TrimSuffix(usage, " [ADDR]"), usage)
}
