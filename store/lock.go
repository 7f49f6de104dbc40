package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// dirLock is a writer's hold on its data directory: an flock on the
// directory itself, which cannot be deleted from under its holder while
// the database is in it, and one on moatquiz.lock, which holds the
// holder's pid for another writer's message (and is the lock older
// moatquiz versions take).
type dirLock struct {
	dir  *os.File // nil where directories cannot be locked
	file *flock.Flock
}

// lockTries is how many times lockDir tries a lock held by a process
// that does not run (any more, or yet: see lockDir), 10 ms apart.
const lockTries = 20

// lockDir takes the writer's lock on dir and writes our pid into the lock
// file, or reports who holds it. A lock held with no running process's
// pid in the file is tried again for a moment: its holder is exiting
// (the lock goes with it), or has only just taken it and not written its
// pid yet (the file is empty, or holds the pid of the holder before it),
// or the lock file was deleted while its holder runs.
func lockDir(dir string) (*dirLock, error) {
	path := filepath.Join(dir, LockName)
	l := &dirLock{file: flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR))}
	for try := 0; ; try++ {
		ok, err := l.try(dir)
		if err != nil {
			return nil, fmt.Errorf("lock %s (is the data directory writable?): %w", path, err)
		}
		if ok {
			break
		}
		if pid := readPID(path); pid > 0 && running(pid) {
			return nil, &LockedError{PID: pid, Dir: dir}
		}
		if try == lockTries {
			return nil, &LockedError{Dir: dir}
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Truncate and rewrite in place: the lock is on this very file.
	if err := os.WriteFile(path, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600); err != nil {
		l.unlock() //nolint:errcheck // reporting the first error
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return l, nil
}

// try takes both locks, the directory's first, or neither.
func (l *dirLock) try(dir string) (bool, error) {
	d, ok, err := flockDir(dir)
	if err != nil || !ok {
		return false, err
	}
	if ok, err = l.file.TryLock(); err != nil || !ok {
		closeDir(d)
		return false, err
	}
	l.dir = d
	return true, nil
}

// unlock releases both locks.
func (l *dirLock) unlock() error {
	err := l.file.Unlock()
	closeDir(l.dir)
	l.dir = nil
	if err != nil {
		return fmt.Errorf("unlock %s: %w", l.file.Path(), err)
	}
	return nil
}

// closeDir closes a locked directory, which releases its lock.
func closeDir(d *os.File) {
	if d != nil {
		d.Close()
	}
}

// readPID is the pid in a lock file, 0 when it cannot be read (the
// holder may not have written it yet, or the file is gone).
func readPID(path string) int {
	b, err := os.ReadFile(path)
	if err != nil || len(b) > 32 {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid < 0 {
		return 0
	}
	return pid
}
