package demo

import "encoding/binary"

// greetModule is the demo's WASM job: a WASI preview-1 command that reads
// /brine/inputs/name.txt and writes "hello, <name>\n" to /brine/outputs/greeting.txt (the
// Docker job does the same with busybox). It is assembled here, a few hundred bytes, rather
// than compiled from Go (GOOS=wasip1 would need the Go toolchain and a cold build of the
// runtime at demo time, and weigh megabytes).
//
// The wasm executor mounts the inputs and then the outputs (node/executor/wasm), which WASI
// numbers as the preopened directories 3 and 4. Any WASI call that fails traps
// (unreachable), which the executor reports as a crash.
//
// Memory (one page):
//
//	0    "name.txt"
//	16   "greeting.txt"
//	32   opened fd
//	36   bytes read
//	40   iovec for fd_read  {71, maxName}
//	48   iovec for fd_write {64, 8 + bytes read}
//	56   bytes written
//	64   "hello, " then the name (from 71), then "\n"
func greetModule() []byte {
	const (
		i32, i64         = 0x7f, 0x7e
		opUnreachable    = 0x00
		opIf             = 0x04
		opEnd            = 0x0b
		opCall           = 0x10
		opI32Load        = 0x28
		opI32Store       = 0x36
		opI32Store8      = 0x3a
		opI32Const       = 0x41
		opI64Const       = 0x42
		opI32Add         = 0x6a
		blockEmpty       = 0x40
		fnPathOpen       = 0
		fnFdRead         = 1
		fnFdWrite        = 2
		oflagsCreatTrunc = 1 | 8 // O_CREAT | O_TRUNC
		maxName          = 4000
		rightFdRead      = 1 << 1
		rightFdWrite     = 1 << 6
	)
	var code []byte
	emit := func(b ...byte) { code = append(code, b...) }
	i32c := func(v int32) { emit(opI32Const); emit(sleb(int64(v))...) }
	load := func(addr int32) { i32c(addr); emit(opI32Load, 2, 0) }
	trapIfErr := func() { emit(opIf, blockEmpty, opUnreachable, opEnd) }
	// wazero opens read-only or write-only from the rights (it implements no other use of
	// them), and the inputs are a read-only mount.
	pathOpen := func(dirFd, path, pathLen, oflags int32, rights int64) {
		i32c(dirFd)
		i32c(0) // dirflags: do not follow symlinks
		i32c(path)
		i32c(pathLen)
		i32c(oflags)
		emit(opI64Const)
		emit(sleb(rights)...) // rights base
		emit(opI64Const, 0)   // rights inheriting
		i32c(0)               // fdflags
		i32c(32)              // where the new fd goes
		emit(opCall, fnPathOpen)
		trapIfErr()
	}
	// fd = path_open(inputs, "name.txt"); fd_read(fd, {71, maxName}) -> n
	pathOpen(3, 0, 8, 0, rightFdRead)
	load(32)
	i32c(40)
	i32c(1)
	i32c(36)
	emit(opCall, fnFdRead)
	trapIfErr()
	// mem[71+n] = '\n'; write length = 8 + n
	load(36)
	i32c(71)
	emit(opI32Add)
	i32c('\n')
	emit(opI32Store8, 0, 0)
	i32c(52)
	load(36)
	i32c(8)
	emit(opI32Add)
	emit(opI32Store, 2, 0)
	// fd = path_open(outputs, "greeting.txt", O_CREAT|O_TRUNC); fd_write(fd, {64, 8+n})
	pathOpen(4, 16, 12, oflagsCreatTrunc, rightFdWrite)
	load(32)
	i32c(48)
	i32c(1)
	i32c(56)
	emit(opCall, fnFdWrite)
	trapIfErr()
	emit(opEnd)

	types := vec(
		fnType([]byte{i32, i32, i32, i32, i32, i64, i64, i32, i32}, []byte{i32}), // path_open
		fnType([]byte{i32, i32, i32, i32}, []byte{i32}),                          // fd_read, fd_write
		fnType(nil, nil), // _start
	)
	imports := vec(
		wasiImport("path_open", 0),
		wasiImport("fd_read", 1),
		wasiImport("fd_write", 1),
	)
	functions := vec([]byte{2})
	memory := vec([]byte{0x00, 0x01}) // min 1 page, no max
	exports := vec(
		append(name("_start"), 0x00, 3), // function 3 (after the 3 imports)
		append(name("memory"), 0x02, 0),
	)
	body := append([]byte{0x00}, code...) // no locals
	codeSec := vec(append(uleb(uint64(len(body))), body...))
	iovRead := make([]byte, 8)
	binary.LittleEndian.PutUint32(iovRead[0:], 71)
	binary.LittleEndian.PutUint32(iovRead[4:], maxName)
	iovWrite := make([]byte, 4)
	binary.LittleEndian.PutUint32(iovWrite, 64)
	data := vec(
		dataSegment(0, []byte("name.txt")),
		dataSegment(16, []byte("greeting.txt")),
		dataSegment(40, iovRead),
		dataSegment(48, iovWrite),
		dataSegment(64, []byte("hello, ")),
	)

	m := []byte{0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00}
	for _, s := range []struct {
		id      byte
		payload []byte
	}{{1, types}, {2, imports}, {3, functions}, {5, memory}, {7, exports}, {10, codeSec}, {11, data}} {
		m = append(m, s.id)
		m = append(m, uleb(uint64(len(s.payload)))...)
		m = append(m, s.payload...)
	}
	return m
}

func fnType(params, results []byte) []byte {
	b := []byte{0x60}
	b = append(b, uleb(uint64(len(params)))...)
	b = append(b, params...)
	b = append(b, uleb(uint64(len(results)))...)
	return append(b, results...)
}

func wasiImport(field string, typeIdx byte) []byte {
	b := append(name("wasi_snapshot_preview1"), name(field)...)
	return append(b, 0x00, typeIdx)
}

func dataSegment(offset int32, bytes []byte) []byte {
	b := []byte{0x00, 0x41} // active, memory 0, offset: i32.const
	b = append(b, sleb(int64(offset))...)
	b = append(b, 0x0b)
	b = append(b, uleb(uint64(len(bytes)))...)
	return append(b, bytes...)
}

func name(s string) []byte { return append(uleb(uint64(len(s))), s...) }

// vec is a WASM vector: its length, then the items.
func vec(items ...[]byte) []byte {
	b := uleb(uint64(len(items)))
	for _, it := range items {
		b = append(b, it...)
	}
	return b
}

func uleb(v uint64) []byte {
	var b []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

func sleb(v int64) []byte {
	var b []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
