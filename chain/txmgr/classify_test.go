package txmgr

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/url"
	"os"
	"syscall"
	"testing"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/rpc"
)

// jsonRPCError is an error as ethclient returns it: only code, message and data survive.
type jsonRPCError struct {
	code int
	msg  string
	data any
}

func (e *jsonRPCError) Error() string          { return e.msg }
func (e *jsonRPCError) ErrorCode() int         { return e.code }
func (e *jsonRPCError) ErrorData() interface{} { return e.data }

func remote(msg string) error { return &jsonRPCError{code: -32000, msg: msg} }

// hardhat is an error as Hardhat's node returns it (code -32603, internal error).
func hardhat(msg string) error { return &jsonRPCError{code: -32603, msg: msg} }

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want class
	}{
		// go-ethereum's error values, as an in-process backend returns them.
		{"value already known", txpool.ErrAlreadyKnown, classKnown},
		{"value nonce too low wrapped", fmt.Errorf("add: %w", core.ErrNonceTooLow), classNonceTooLow},
		{"value replacement underpriced", txpool.ErrReplaceUnderpriced, classReplaceUnderpriced},
		{"value underpriced", txpool.ErrUnderpriced, classFeeTooLow},
		{"value insufficient funds", core.ErrInsufficientFunds, classRejected},
		{"value nonce too high", core.ErrNonceTooHigh, classTransient},

		// The same conditions as geth's JSON-RPC messages (text only).
		{"rpc already known", remote("already known"), classKnown},
		{"rpc nonce too low", remote("nonce too low: address 0x71C7656EC7ab88b098defB751B7401B5f6d8976F, tx: 4 state: 5"), classNonceTooLow},
		{"rpc replacement underpriced", remote("replacement transaction underpriced"), classReplaceUnderpriced},
		{"rpc underpriced", remote("transaction underpriced: tip needed 1, tip permitted 0"), classFeeTooLow},
		{"rpc fee cap below base fee", remote("max fee per gas less than block base fee: address 0x71C7656EC7ab88b098defB751B7401B5f6d8976F, maxFeePerGas: 7 baseFee: 8"), classFeeTooLow},
		{"rpc tip below minimum", remote("transaction gas price below minimum: gas tip cap 1, minimum needed 1000000"), classFeeTooLow},
		{"rpc insufficient funds", remote("insufficient funds for gas * price + value: balance 1000, tx cost 21000000, overshot 20999000"), classRejected},
		{"rpc intrinsic gas", remote("intrinsic gas too low: gas 0, minimum needed 21000"), classRejected},
		{"rpc block gas limit", remote("exceeds block gas limit"), classRejected},
		{"rpc tx gas limit", remote("transaction gas limit too high (cap: 16777216, tx: 30000000)"), classRejected},
		{"rpc invalid sender", remote("invalid sender"), classRejected},
		{"rpc nonce too high", remote("nonce too high"), classTransient},
		{"rpc pool full", remote("txpool is full"), classTransient},
		{"rpc indexing", remote("transaction indexing is in progress"), classTransient},
		{"rpc header not found", remote("header not found"), classTransient},

		// Other clients' spellings.
		{"nethermind known", remote("Known transaction: 0xabc"), classKnown},
		{"nethermind old nonce", remote("OldNonce"), classNonceTooLow},
		{"besu nonce", remote("Nonce is too low"), classNonceTooLow},

		// Hardhat's (EDR's) texts, all with code -32603, as its node answers them.
		{"hardhat revert custom error", &jsonRPCError{code: -32603, msg: "Error: VM Exception while processing transaction: reverted with an unrecognized custom error (return data: 0x118cdaa7)",
			data: map[string]any{"message": "Error: VM Exception while processing transaction: reverted with an unrecognized custom error (return data: 0x118cdaa7)", "data": "0x118cdaa7"}}, classReverted},
		{"hardhat revert reason", hardhat("Error: VM Exception while processing transaction: reverted with reason string 'nope'"), classReverted},
		{"hardhat revert panic", hardhat("Error: VM Exception while processing transaction: reverted with panic code 0x11 (Arithmetic operation overflowed outside of an unchecked block)"), classReverted},
		{"hardhat revert no reason", hardhat("Error: Transaction reverted without a reason string"), classReverted},
		{"hardhat unknown selector", hardhat("Error: Transaction reverted: function selector was not recognized and there's no fallback function"), classReverted},
		{"hardhat nonce too low", hardhat("Nonce too low. Expected nonce to be 1 but got 0. Note that transactions can't be queued when automining."), classNonceTooLow},
		{"hardhat nonce too high", hardhat("Nonce too high. Expected nonce to be 1 but got 5. Note that transactions can't be queued when automining."), classTransient},
		{"hardhat known", hardhat("Known transaction: 0x9eae90262baecb1b08c70f507578aba3d8061eb59f7657f99a2a7aad1ecd0a41"), classKnown},
		{"hardhat replacement underpriced", hardhat("Replacement transaction underpriced. A gasPrice/maxFeePerGas of at least 3300000000 is necessary to replace the existing transaction with nonce 1."), classReplaceUnderpriced},
		{"hardhat fee cap below base fee", hardhat("Transaction maxFeePerGas (2) is too low for the next block, which has a baseFeePerGas of 765701563"), classFeeTooLow},
		{"hardhat tip above fee cap", hardhat("maxPriorityFeePerGas (10000000000) is bigger than maxFeePerGas (5000000000)"), classRejected},
		{"hardhat insufficient funds", hardhat("Sender doesn't have enough funds to send tx. The max upfront cost is: 63000000000001 and the sender's balance is: 0."), classRejected},
		{"hardhat intrinsic gas", hardhat("Transaction requires at least 21000 gas but got 20000"), classRejected},
		{"hardhat gas cap", hardhat("Transaction gas limit is 20000000 and exceeds transaction gas cap of 16777216"), classRejected},
		{"hardhat wrong chain", hardhat("Trying to send a raw transaction with an invalid chainId. The expected chainId is 31337"), classRejected},

		// Reverts: code 3 with data, or the message.
		{"revert with data", &jsonRPCError{code: 3, msg: "execution reverted", data: "0x118cdaa7"}, classReverted},
		{"revert message", remote("execution reverted"), classReverted},
		{"revert reason", remote("execution reverted: Ownable: caller is not the owner"), classReverted},

		// Transport faults.
		{"http 503", rpc.HTTPError{StatusCode: 503, Status: "503 Service Unavailable"}, classTransient},
		{"http 502", rpc.HTTPError{StatusCode: 502, Status: "502 Bad Gateway"}, classTransient},
		{"http 429", rpc.HTTPError{StatusCode: 429, Status: "429 Too Many Requests"}, classTransient},
		{"http 400", rpc.HTTPError{StatusCode: 400, Status: "400 Bad Request"}, classOther},
		{"deadline", fmt.Errorf("call: %w", context.DeadlineExceeded), classTransient},
		{"eof", io.EOF, classTransient},
		{"unexpected eof", &url.Error{Op: "Post", URL: "http://127.0.0.1", Err: io.ErrUnexpectedEOF}, classTransient},
		{"reset", &url.Error{Op: "Post", URL: "http://127.0.0.1", Err: &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}}, classTransient},
		{"refused", &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}, classTransient},
		{"net timeout", &url.Error{Op: "Post", URL: "http://127.0.0.1", Err: timeoutError{}}, classTransient},
		{"eof as text", errors.New("Post \"http://127.0.0.1\": EOF"), classTransient},
		{"rate limited", &jsonRPCError{code: -32005, msg: "limit exceeded"}, classTransient},
		{"rate limited text", remote("Too Many Requests"), classTransient},

		// Anything else is not believed either way.
		{"unknown", remote("the node is having a bad day"), classOther},
		{"nil", nil, classOther},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := classify(tc.err); got != tc.want {
				t.Fatalf("classify(%v) = %v, want %v", tc.err, got, tc.want)
			}
		})
	}
}

type timeoutError struct{}

func (timeoutError) Error() string   { return "i/o timeout" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }

func TestBumpFees(t *testing.T) {
	g := func(n int64) *big.Int { return big.NewInt(n) }
	dyn := func(tip, feeCap int64) fees { return fees{tip: g(tip), feeCap: g(feeCap)} }
	legacy := func(price int64) fees { return fees{feeCap: g(price)} }
	for _, tc := range []struct {
		name        string
		old, market fees
		pct         uint64
		cap         *big.Int
		want        fees
		wantErr     error
	}{
		{"raise both", dyn(100, 1000), dyn(10, 500), 15, nil, dyn(115, 1150), nil},
		{"market tip higher", dyn(100, 1000), dyn(300, 900), 15, nil, dyn(300, 1150), nil},
		{"market fee cap higher", dyn(100, 1000), dyn(10, 5000), 15, nil, dyn(115, 5000), nil},
		{"rounds up", dyn(1, 9), dyn(0, 0), 15, nil, dyn(2, 11), nil},
		{"zero tip still rises", dyn(0, 10), dyn(0, 0), 15, nil, dyn(1, 12), nil},
		{"clipped to the cap", dyn(100, 1000), dyn(10, 500), 15, g(1120), dyn(115, 1120), nil},
		{"cap too close", dyn(100, 1000), dyn(10, 500), 15, g(1050), fees{}, ErrFeeCapExceeded},
		{"tip clipped by cap", dyn(100, 1000), dyn(2000, 3000), 15, g(1200), dyn(1200, 1200), nil},
		{"legacy", legacy(100), legacy(50), 15, nil, legacy(115), nil},
		{"legacy market higher", legacy(100), legacy(500), 15, nil, legacy(500), nil},
		{"legacy cap", legacy(100), legacy(50), 15, g(105), fees{}, ErrFeeCapExceeded},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := bumpFees(tc.old, tc.market, tc.pct, tc.cap)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err %v, want %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			if got.String() != tc.want.String() {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			// go-ethereum's replacement rule (legacypool list.Add): strictly higher, and at
			// least old*(100+10)/100 on both.
			check := func(name string, o, n *big.Int) {
				if n.Cmp(o) <= 0 || n.Cmp(new(big.Int).Div(new(big.Int).Mul(o, g(110)), g(100))) < 0 {
					t.Errorf("%s %v -> %v breaks the replacement rule", name, o, n)
				}
			}
			check("fee cap", tc.old.feeCap, got.feeCap)
			if !tc.old.legacy() {
				check("tip", tc.old.tip, got.tip)
			}
		})
	}
}

func TestCapFees(t *testing.T) {
	g := func(n int64) *big.Int { return big.NewInt(n) }
	if f, err := capFees(fees{tip: g(10), feeCap: g(210)}, g(100), g(150)); err != nil || f.feeCap.Cmp(g(150)) != 0 || f.tip.Cmp(g(10)) != 0 {
		t.Fatalf("clamp: %v %v", f, err)
	}
	if _, err := capFees(fees{tip: g(10), feeCap: g(210)}, g(100), g(109)); !errors.Is(err, ErrFeeCapExceeded) {
		t.Fatalf("base fee + tip above cap: %v", err)
	}
	if f, err := capFees(fees{tip: g(10), feeCap: g(210)}, g(100), nil); err != nil || f.feeCap.Cmp(g(210)) != 0 {
		t.Fatalf("no cap: %v %v", f, err)
	}
	if _, err := capFees(fees{feeCap: g(200)}, nil, g(150)); !errors.Is(err, ErrFeeCapExceeded) {
		t.Fatalf("legacy above cap: %v", err)
	}
}

func TestConfigCheck(t *testing.T) {
	c := Config{}
	if err := c.Check(); err == nil {
		t.Fatal("empty config accepted")
	}
	c = Config{Client: (*lowTipClient)(nil), ChainID: big.NewInt(1337), From: [20]byte{1},
		Signer: keySigner(nil, big.NewInt(1337)), JournalPath: "j.db"}
	if err := c.Check(); err != nil {
		t.Fatal(err)
	}
	if c.Confirmations != 1 || c.FeeBumpPercent != DefaultFeeBumpPercent || c.GasMargin != 20 || c.Metrics == nil || c.Clock == nil || c.Logger == nil {
		t.Fatalf("defaults not filled: %+v", c)
	}
	c.FeeBumpPercent = 9
	if err := c.Check(); err == nil {
		t.Fatal("a 9% bump accepted")
	}
}
