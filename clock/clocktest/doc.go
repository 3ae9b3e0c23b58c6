// Package clocktest is a clock.Clock for tests that moves only when the test moves it, and
// tells the test every time the code under test starts waiting on it, so a test can step a
// loop (a watcher's polls, a canary's schedule) one wait at a time without sleeping.
package clocktest
