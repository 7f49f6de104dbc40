//go:build !unix

package library

import "os"

// statOf is what identifies the version of a file whose Stat is info:
// size and modification time (no inode here).
func statOf(info os.FileInfo) fileStat {
	return fileStat{Size: info.Size(), ModNanos: info.ModTime().UnixNano()}
}
