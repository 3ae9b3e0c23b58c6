package wasm

import (
	"sync/atomic"

	"github.com/tetratelabs/wazero/experimental"
)

// limitedAllocator backs a job's linear memory and enforces its memory limit. Growing past
// the limit fails the guest's memory.grow (it sees -1, as with a module's own maximum) and is
// recorded, so a guest that then dies is reported as out of memory rather than as a crash.
// wazero's own page limit cannot tell the executor that it refused a grow.
type limitedAllocator struct {
	limit   uint64
	refused atomic.Bool
	// tooLargeAtStart is called when the module's initial memory is over the limit. wazero
	// cannot fail that allocation, so it is made and the job stopped before it runs.
	tooLargeAtStart func()
}

func (a *limitedAllocator) Allocate(capacity, max uint64) experimental.LinearMemory {
	return &limitedMemory{alloc: a, initialCap: min(capacity, a.limit)}
}

type limitedMemory struct {
	alloc      *limitedAllocator
	initialCap uint64
	buf        []byte
}

// Reallocate grows the memory to size bytes, doubling the backing array (up to the limit) so
// a guest growing page by page does not copy its memory each time. The backing array is
// virtual memory until the guest touches it.
func (m *limitedMemory) Reallocate(size uint64) []byte {
	if size > m.alloc.limit {
		m.alloc.refused.Store(true)
		if m.buf == nil {
			m.alloc.tooLargeAtStart()
			m.buf = make([]byte, size)
			return m.buf
		}
		return nil
	}
	if size <= uint64(cap(m.buf)) {
		m.buf = m.buf[:size]
		return m.buf
	}
	newCap := max(size, min(2*uint64(cap(m.buf)), m.alloc.limit), m.initialCap)
	buf := make([]byte, size, newCap)
	copy(buf, m.buf)
	m.buf = buf
	return buf
}

func (m *limitedMemory) Free() { m.buf = nil }
