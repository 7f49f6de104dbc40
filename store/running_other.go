//go:build !unix

package store

import (
	"errors"
	"os"
)

// running reports whether a process with this pid exists; where that
// cannot be asked cheaply, any pid is taken to be running.
func running(int) bool { return true }

// flockDir takes no lock where directories cannot be locked: the lock
// file alone guards the directory.
func flockDir(string) (*os.File, bool, error) { return nil, true, nil }

// readOnlyErr reports whether err says a file cannot be written.
func readOnlyErr(err error) bool { return errors.Is(err, os.ErrPermission) }
