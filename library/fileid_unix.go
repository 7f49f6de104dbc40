//go:build unix

package library

import (
	"os"
	"syscall"
)

// statOf is what identifies the version of a file whose Stat is info:
// size, modification time, device and inode.
func statOf(info os.FileInfo) fileStat {
	s := fileStat{Size: info.Size(), ModNanos: info.ModTime().UnixNano()}
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		s.Dev, s.Ino = uint64(st.Dev), uint64(st.Ino) //nolint:unconvert // Dev and Ino differ in type across systems
	}
	return s
}
