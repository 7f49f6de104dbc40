//go:build unix

package main

import (
	"os"
	"syscall"
)

// identify is the fileID of the file at path, whose Stat is info.
func identify(path string, info os.FileInfo) (fileID, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{Path: path, Size: info.Size(), ModNanos: info.ModTime().UnixNano(),
		Dev: uint64(st.Dev), Ino: uint64(st.Ino)}, true //nolint:unconvert // Dev and Ino differ in type across systems
}
