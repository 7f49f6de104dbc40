package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile starts a CPU profile into the file MOATQUIZ_CPUPROFILE
// names, if set (scripts/bench -cpuprofile uses it; read the file with
// `go tool pprof`), and returns what stops it. It is for measuring:
// a profile that cannot be started is reported and skipped.
func startProfile() (stop func()) {
	path := os.Getenv("MOATQUIZ_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "moatquiz: MOATQUIZ_CPUPROFILE: %v\n", err)
		if f != nil {
			f.Close()
		}
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
