// Package deckfile is the deck file format: it reads deck files (JSON)
// into quiz decks, validating them strictly with errors that point at the
// line and column to fix, writes decks back in the format, and keeps
// decks in a compact binary form for caches. Package quiz holds the decks
// themselves and everything done with them; it never imports deckfile.
package deckfile
