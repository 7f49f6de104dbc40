//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
)

// running reports whether a process with this pid exists (one of another
// user's counts).
func running(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// flockDir takes an exclusive flock on the directory dir; ok is false
// while another open file holds it. SQLite never flocks (it uses POSIX
// record locks, on files only), so the two cannot meet. Where the file
// system cannot flock a directory (NFS emulates flock with record locks,
// which a directory cannot take), it returns no lock and ok: the lock
// file alone guards the directory there, as it did before.
func flockDir(dir string) (d *os.File, ok bool, err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, !errors.Is(err, syscall.EWOULDBLOCK), nil
	}
	return f, true, nil
}

// readOnlyErr reports whether err says a file cannot be written: its
// permissions, or a read-only file system.
func readOnlyErr(err error) bool {
	return errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS)
}
