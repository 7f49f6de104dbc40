// Package decks holds moatquiz's built-in decks, compiled into the binary.
package decks

import "embed"

// FS holds the built-in deck files (*.json) at its root.
//
//go:embed *.json
var FS embed.FS
