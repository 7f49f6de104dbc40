package main

import (
	"os"
	"runtime/debug"
)

// importMemory is the soft limit of an import's memory. A 100,000-row
// import holds about 70 MB of cards while it builds and checks them, and
// Go's collector would let the heap grow to twice that; under this limit
// it collects sooner, for about the same CPU (docs/performance.md).
const importMemory = 120 << 20

// limitImportMemory sets importMemory as the soft memory limit, unless
// GOMEMLIMIT chose one.
func limitImportMemory() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(importMemory)
	}
}
