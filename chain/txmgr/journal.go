package txmgr

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	bolt "go.etcd.io/bbolt"
)

// The journal is a bbolt file. Every commit is fsynced before Update returns, so a record
// written before a broadcast survives any crash after it.
//
//	meta:     "version", "chain", "from"
//	requests: request ID -> record (JSON)
//	nonces:   nonce (8 bytes, big-endian) -> request ID, for live and remembered requests
//	done:     completion sequence (8 bytes, big-endian) -> request ID, oldest first, for pruning
var (
	bucketMeta     = []byte("meta")
	bucketRequests = []byte("requests")
	bucketNonces   = []byte("nonces")
	bucketDone     = []byte("done")

	journalVersion = []byte("1")
)

// record is what the journal keeps about one request.
type record struct {
	ID    string          `json:"id"`
	To    *common.Address `json:"to,omitempty"`
	Data  hexutil.Bytes   `json:"data,omitempty"`
	Value *hexutil.Big    `json:"value,omitempty"`
	Nonce uint64          `json:"nonce"`
	// Attempts are the signed raw transactions, oldest first. Any of them may be the one
	// mined; all but those of a superseded nonce share Nonce.
	Attempts []hexutil.Bytes `json:"attempts"`
	Created  time.Time       `json:"created"`

	Done    bool           `json:"done,omitempty"`
	Receipt *types.Receipt `json:"receipt,omitempty"` // set when Done
	// Revert is the revert data found by replaying a status-0 transaction; RevertMsg is what
	// the replay said when it gave no data.
	Revert    hexutil.Bytes `json:"revert,omitempty"`
	RevertMsg string        `json:"revertMsg,omitempty"`
}

func (r *record) value() *big.Int {
	if r.Value == nil {
		return new(big.Int)
	}
	return r.Value.ToInt()
}

// matches reports whether req asks for the same transaction as r.
func (r *record) matches(req *Request) bool {
	if (r.To == nil) != (req.To == nil) || (r.To != nil && *r.To != *req.To) {
		return false
	}
	v := req.Value
	if v == nil {
		v = new(big.Int)
	}
	return bytes.Equal(r.Data, req.Data) && r.value().Cmp(v) == 0
}

func (r *record) transactions() ([]*types.Transaction, error) {
	txs := make([]*types.Transaction, len(r.Attempts))
	for i, raw := range r.Attempts {
		tx := new(types.Transaction)
		if err := tx.UnmarshalBinary(raw); err != nil {
			return nil, fmt.Errorf("journal: request %q attempt %d: %w", r.ID, i, err)
		}
		txs[i] = tx
	}
	return txs, nil
}

type journal struct {
	db   *bolt.DB
	path string
}

// ErrJournalMismatch: the journal belongs to another chain or wallet.
var ErrJournalMismatch = errors.New("txmgr: journal belongs to another chain or wallet")

func openJournal(path string, chainID *big.Int, from common.Address) (*journal, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, busyError(path)
	}
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		for _, b := range [][]byte{bucketRequests, bucketNonces, bucketDone} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		want := map[string][]byte{"version": journalVersion, "chain": chainID.Bytes(), "from": from.Bytes()}
		for k, v := range want {
			have := meta.Get([]byte(k))
			if have == nil {
				if err := meta.Put([]byte(k), v); err != nil {
					return err
				}
				continue
			}
			if !bytes.Equal(have, v) {
				return fmt.Errorf("%w: %s is %x, want %x", ErrJournalMismatch, k, have, v)
			}
		}
		return nil
	})
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	writeHolder(path)
	return &journal{db: db, path: path}, nil
}

func (j *journal) close() error {
	removeHolder(j.path)
	return j.db.Close()
}

func nonceKey(n uint64) []byte { return binary.BigEndian.AppendUint64(nil, n) }

func (j *journal) get(id string) (*record, error) {
	var rec *record
	err := j.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketRequests).Get([]byte(id))
		if v == nil {
			return nil
		}
		rec = new(record)
		return json.Unmarshal(v, rec)
	})
	return rec, err
}

// put writes rec and indexes its nonce; prevNonce, if not nil, is a nonce rec no longer uses.
func (j *journal) put(rec *record, prevNonce *uint64) error {
	v, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	return j.db.Update(func(tx *bolt.Tx) error {
		nonces := tx.Bucket(bucketNonces)
		if prevNonce != nil && *prevNonce != rec.Nonce {
			if err := deleteNonce(nonces, *prevNonce, rec.ID); err != nil {
				return err
			}
		}
		if err := nonces.Put(nonceKey(rec.Nonce), []byte(rec.ID)); err != nil {
			return err
		}
		return tx.Bucket(bucketRequests).Put([]byte(rec.ID), v)
	})
}

func deleteNonce(nonces *bolt.Bucket, n uint64, id string) error {
	if string(nonces.Get(nonceKey(n))) == id {
		return nonces.Delete(nonceKey(n))
	}
	return nil
}

// remove forgets a request that was never broadcast.
func (j *journal) remove(rec *record) error {
	return j.db.Update(func(tx *bolt.Tx) error {
		if err := deleteNonce(tx.Bucket(bucketNonces), rec.Nonce, rec.ID); err != nil {
			return err
		}
		return tx.Bucket(bucketRequests).Delete([]byte(rec.ID))
	})
}

// finish marks rec done and prunes the oldest finished records beyond history.
func (j *journal) finish(rec *record, history int) error {
	rec.Done = true
	v, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	return j.db.Update(func(tx *bolt.Tx) error {
		requests, nonces, done := tx.Bucket(bucketRequests), tx.Bucket(bucketNonces), tx.Bucket(bucketDone)
		if err := requests.Put([]byte(rec.ID), v); err != nil {
			return err
		}
		seq, err := done.NextSequence()
		if err != nil {
			return err
		}
		if err := done.Put(nonceKey(seq), []byte(rec.ID)); err != nil {
			return err
		}
		if seq <= uint64(history) {
			return nil
		}
		limit := seq - uint64(history)
		c := done.Cursor()
		for k, id := c.First(); k != nil && binary.BigEndian.Uint64(k) <= limit; k, id = c.Next() {
			if raw := requests.Get(id); raw != nil {
				var old record
				if err := json.Unmarshal(raw, &old); err == nil && old.Done {
					if err := deleteNonce(nonces, old.Nonce, old.ID); err != nil {
						return err
					}
					if err := requests.Delete(id); err != nil {
						return err
					}
				}
			}
			if err := c.Delete(); err != nil {
				return err
			}
		}
		return nil
	})
}

// live returns every request not yet done, in nonce order.
func (j *journal) live() ([]*record, error) {
	var recs []*record
	err := j.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRequests).ForEach(func(_, v []byte) error {
			rec := new(record)
			if err := json.Unmarshal(v, rec); err != nil {
				return err
			}
			if !rec.Done {
				recs = append(recs, rec)
			}
			return nil
		})
	})
	slices.SortFunc(recs, func(a, b *record) int { return cmp.Compare(a.Nonce, b.Nonce) })
	return recs, err
}

// maxNonce returns the highest nonce the journal knows of.
func (j *journal) maxNonce() (n uint64, ok bool, err error) {
	err = j.db.View(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bucketNonces).Cursor().Last()
		if k != nil {
			n, ok = binary.BigEndian.Uint64(k), true
		}
		return nil
	})
	return n, ok, err
}

// count returns how many requests the journal holds (for tests).
func (j *journal) count() (n int, err error) {
	err = j.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketRequests).Stats().KeyN
		return nil
	})
	return n, err
}
