package library

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes to path what write writes, through a temporary
// file in the same directory, synced and then renamed over path, so that
// path holds the old deck or the new one whole, never part of one. The
// folders it makes for path (private, as the store makes the data folder)
// are removed again when it fails.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	made, err := MakeDirs(dir)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			removeMade(dir, made)
		}
	}()
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*"+TempSuffix)
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // a no-op after the rename
	buf := bufio.NewWriterSize(f, 64<<10)
	if err = write(buf); err == nil {
		err = buf.Flush()
	}
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if e := f.Close(); err == nil {
		err = e
	}
	if err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil { // make the rename durable
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// MakeDirs makes dir and its missing parents, private to the user, and
// returns the topmost folder it made ("" if dir was there).
func MakeDirs(dir string) (made string, err error) {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); !errors.Is(err, fs.ErrNotExist) || filepath.Dir(d) == d {
			break
		}
		made = d
	}
	return made, os.MkdirAll(dir, 0o700)
}

// removeMade removes the empty folders from dir up to made, the folders
// MakeDirs made.
func removeMade(dir, made string) {
	for d := dir; made != ""; d = filepath.Dir(d) {
		if os.Remove(d) != nil || d == made {
			return
		}
	}
}
