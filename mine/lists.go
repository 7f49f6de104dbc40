package mine

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/moatquiz/moatquiz/hangul"
	"github.com/moatquiz/moatquiz/termtext"
)

// KnownFile is the name of the learner's known-words list in the data
// folder: one word a line, in dictionary form; lines starting with # are
// comments.
const KnownFile = "known.txt"

// ReadKnown reads a known-words list; a missing file is an empty list.
func ReadKnown(path string) (map[string]bool, error) {
	known := map[string]bool{}
	err := eachLine(path, func(_ int, line string) error {
		if w := cleanLine(line); w != "" {
			known[w] = true
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	return known, err
}

// AddKnown appends the words not in the known-words list at path to it,
// making the file if need be, and returns those it added.
func AddKnown(path string, words []string) ([]string, error) {
	known, err := ReadKnown(path)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	var added []string
	for _, w := range words {
		w = cleanLine(w)
		if w != "" && !known[w] {
			known[w] = true
			added = append(added, w)
			b.WriteString(w + "\n")
		}
	}
	if len(added) == 0 {
		return nil, nil
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	_, err = f.Write(b.Bytes())
	if e := f.Close(); err == nil {
		err = e
	}
	return added, err
}

// ReadGlossary reads a glossary: a TSV file of a Korean word (in
// dictionary form) and its English meanings, separated by ";", one word a
// line; lines starting with # and blank lines are skipped, and further
// columns ignored. A word listed twice gets the meanings of both lines.
func ReadGlossary(path string) (map[string][]string, error) {
	g := map[string][]string{}
	err := eachLine(path, func(n int, line string) error {
		word, rest, ok := strings.Cut(line, "\t")
		meaning, _, _ := strings.Cut(rest, "\t")
		var meanings []string
		for _, m := range strings.Split(meaning, ";") {
			if m = termtext.OneLine(m); m != "" {
				meanings = append(meanings, m)
			}
		}
		if word = cleanLine(word); !ok || word == "" || len(meanings) == 0 {
			return fmt.Errorf("%s:%d: a glossary line is a word, a tab and its meanings (separated by \";\"): %s", path, n, termtext.QuoteShort(line, 40))
		}
		g[word] = append(g[word], meanings...)
		return nil
	})
	return g, err
}

// eachLine calls fn with each line of the file at path that is neither
// blank nor a comment, and its number.
func eachLine(path string, fn func(n int, line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			if err := fn(n, line); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// cleanLine is a word as it is compared: NFC, without what would steer
// the terminal, on one line.
func cleanLine(s string) string { return termtext.OneLine(hangul.NFC(s)) }
