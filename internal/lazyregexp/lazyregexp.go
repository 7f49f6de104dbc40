// Package lazyregexp holds regular expressions that are compiled when
// first used rather than in a package's init: every start of moatquiz runs
// the init of every package linked in, including those of commands the
// start does not run (import, mine), and compiling a pattern with counted
// repeats takes tenths of a millisecond.
package lazyregexp

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr on its first call, panicking
// as regexp.MustCompile does if it does not compile, and returns the same
// *regexp.Regexp on every call. It is safe for concurrent use.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
