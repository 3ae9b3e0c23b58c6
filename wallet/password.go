package wallet

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// PasswordEnv is the environment variable a password may come from.
const PasswordEnv = "BRINE_PASSWORD"

// PasswordSource says where to read a password from, in order: File (an empty file is an
// empty password), then the environment variable, then a prompt on the terminal when
// Interactive. There is deliberately no way to pass
// a password as a flag value: it would sit in shell history and process listings.
type PasswordSource struct {
	File        string              // --password-file
	Getenv      func(string) string // os.Getenv when nil
	Interactive bool                // prompt when stdin is a terminal
	Prompt      string              // e.g. "Password for 0xabc…: "
	Confirm     bool                // ask twice (new accounts)
	In          *os.File            // the terminal; os.Stdin when nil
	Out         io.Writer           // where the prompt goes; os.Stderr when nil
	readSecret  func(fd int) ([]byte, error)
}

// Read returns the password. The error names which sources were tried and how to provide one.
func (s PasswordSource) Read() (string, error) {
	if s.File != "" {
		raw, err := os.ReadFile(s.File)
		if err != nil {
			return "", fmt.Errorf("password file: %w", err)
		}
		// An empty file is an empty password, given on purpose: keys made elsewhere may have
		// one (geth --dev's own account does). Only unlocking accepts it; new keys need a
		// password (Wallet.New, Wallet.ImportKey).
		return strings.TrimRight(string(raw), "\r\n"), nil
	}
	getenv := s.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if pw := getenv(PasswordEnv); pw != "" {
		return pw, nil
	}
	in := s.In
	if in == nil {
		in = os.Stdin
	}
	if !s.Interactive || !term.IsTerminal(int(in.Fd())) {
		return "", fmt.Errorf("%w: use --password-file FILE or set %s (no terminal to prompt on)", ErrNoPassword, PasswordEnv)
	}
	out := s.Out
	if out == nil {
		out = os.Stderr
	}
	read := s.readSecret
	if read == nil {
		read = term.ReadPassword
	}
	prompt := s.Prompt
	if prompt == "" {
		prompt = "Password: "
	}
	fmt.Fprint(out, prompt)
	first, err := read(int(in.Fd()))
	fmt.Fprintln(out)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	if len(first) == 0 {
		return "", ErrNoPassword
	}
	if s.Confirm {
		fmt.Fprint(out, "Repeat password: ")
		second, err := read(int(in.Fd()))
		fmt.Fprintln(out)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if string(first) != string(second) {
			return "", errors.New("passwords do not match")
		}
	}
	return string(first), nil
}
