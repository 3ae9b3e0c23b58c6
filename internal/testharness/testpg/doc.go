// Package testpg is the PostgreSQL half of the test harness: a database of a test's own
// (Database), created in the server BRINE_INDEX_TEST_POSTGRES_DSN names and dropped when the
// test ends, so that tests and packages running in parallel never share tables.
//
// `make test` starts the project's own cluster (the Makefile's postgres target) and sets the
// variable; a bare `go test` without it skips the PostgreSQL tests, and fails them in CI
// (testharness.SkipOrFail), as it does when the server does not answer.
package testpg
