// Package results turns a job's outputs into a Brine result and back: a deterministic tar
// archive of the declared outputs, named by a CID over its bytes, kept in a content-addressed
// store on the node and unpacked safely by clients and by nodes that feed one job's result
// into another.
//
// A result is untrusted twice: the job that wrote the outputs may be hostile (symlinks to
// the host's files, devices, FIFOs, millions of files), and so may the provider that serves
// the archive to a client. Package therefore never packs what a symbolic link points to and
// never opens anything outside the output directory; Unpack checks a whole archive before it creates anything and
// never writes outside its destination; the store checks the bytes against their CID every
// time it reads them.
//
// # What bytes a result is
//
// A result is a POSIX tar archive (pax format, as written by Go's archive/tar) built by
// Package from the declared outputs, every one a clean relative path under the output
// directory:
//
//   - The entries are every declared output and, for an output that is a directory,
//     everything under it. Parent directories of a declared output ("a" and "a/b" for the
//     output "a/b/c.txt") are not entries.
//   - Entries appear in ascending byte order of their path (without the trailing slash), so a
//     directory comes before everything inside it.
//   - Only regular files (typeflag '0') and directories (typeflag '5') are written. A
//     directory's name ends in "/" and its size is 0. A symbolic link, device, FIFO or socket
//     anywhere in an output is refused, not followed and not skipped.
//   - Mode is 0755 for directories and for files whose owner-execute bit is set, 0644 for
//     every other file. mtime is 0 (1970-01-01T00:00:00Z); uid and gid are 0; uname, gname,
//     linkname and device numbers are empty or zero; there are no access or change times, no
//     extended attributes and no global headers.
//   - Every header block carries the ustar magic. A pax extended header (typeflag 'x', named
//     by archive/tar after the entry, with mode, owner and time 0) precedes an entry only when
//     its path does not fit the 100-byte name field or is not ASCII, and holds only the "path"
//     record; long paths are never split into the ustar prefix field. Paths are valid UTF-8
//     without backslashes, at most MaxPathLength bytes and MaxDepth elements.
//   - File contents follow their header, padded with zeros to 512 bytes; the archive ends
//     with two zero blocks and nothing after them. An empty list of outputs gives those 1024
//     zero bytes.
//
// The same output tree therefore gives the same bytes whatever order the filesystem lists it
// in and whatever the files' timestamps, owners, umask or group/other permission bits, so
// honest replicas and verifiers that ran the same job commit the same CID. A golden test pins
// the format: a change to any byte is a protocol change.
//
// # CID and the on-chain commitment
//
// A result's CID is a CIDv1 with codec raw (0x55) and the multihash sha2-256 (0x12, 32 bytes)
// of the whole archive: the archive is a single raw block (CIDOf, "bafkrei…" in its string
// form). The commitment a provider sends to JobMarket.commitResult, and that replicas and
// verifiers reveal, is the CID's binary form, c.Bytes() (36 bytes; Commitment); the contract
// stores keccak256 of those bytes and carries them whole in its events. A client reads the
// committed bytes from the event, parses them with ParseCommitment and checks the archive it
// downloaded with Verify before it writes anything to disk.
//
// # Failure records
//
// A job that fails by its own program has a failure record as its result (FailureRecord,
// PackageFailure, ReadFailure; failure.go): the archive of the one file
// jobspec.FailureRecordPath holding the record's canonical JSON, committed, paid and
// challenged like any result. ReadFailure tells a client which kind of result it downloaded.
//
// # Limits
//
// Limits caps the number of entries (files and directories, counting the directories Unpack
// creates for parents) and the total bytes of file content. Package stops walking as soon as
// an output tree goes over either, before it reads any file; Unpack refuses an archive whose
// headers go over either before it writes anything.
//
// # Store
//
// Store keeps results in one directory (Dir(dataDir), "<datadir>/results"), one file per
// result named by its CID string, written atomically (temporary file, fsync, rename, fsync of
// the directory) and verified against the CID on every read: a corrupt file is an error
// (ErrMismatch), removed so that a later Put can restore it, never returned as data. The sum
// of the stored results' sizes is bounded; Put refuses with ErrStoreFull when a result would
// not fit. Incoming writes a result into the store as it arrives (a fetch), its bytes counted
// against the bound as they come and stored only by Commit once they are the CID's; OpenFile
// gives a stored result's file, checked first, for UnpackFrom, EntriesFrom and
// ReadFailureFrom, which read a result from a file instead of memory.
package results
