package main

import (
	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/mine"
	"github.com/moatquiz/moatquiz/tui"
)

// appBackend is the app's Backend: the library's study, and mining as
// `moatquiz mine FILE` does it (the package tui never sees the
// dictionary).
type appBackend struct {
	*library.Study
	g *Globals
}

// Mine reads the text at path and finds its words, known or new, for the
// deck named after the file; the words' Write merges and writes them.
func (b appBackend) Mine(path string) (*tui.Mined, error) {
	if path == "-" {
		path = "./-" // a file: the app has no standard input to mine
	}
	text, err := readText(path, nil)
	if err != nil {
		return nil, err
	}
	m, err := (&mineCmd{Args: []string{path}}).prepare(b.g)
	if err != nil {
		return nil, err
	}
	words := mine.Load().Mine(text)
	mine.FreeMemory() // the dictionary's 300 MB: the list and the deck need only the words
	p := m.preview(words, 0)
	out := &tui.Mined{Deck: m.deck.ID, Exists: m.existed, Words: make([]tui.MinedWord, len(p.words))}
	for i, pw := range p.words {
		out.Words[i] = tui.MinedWord{Word: pw.Word, Count: pw.Count, Known: pw.Status == "known",
			InDeck: pw.Status == "in-deck", Meaning: pw.Meaning}
	}
	out.Write = func(chosen []string) (string, error) {
		p.choose(words, chosen)
		if _, err := p.merge(m, false); err != nil {
			return "", err
		}
		return p.summary(m, false), nil
	}
	return out, nil
}
