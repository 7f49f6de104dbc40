package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/hangul"
	"github.com/moatquiz/moatquiz/interop"
	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/mine"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// mineCmd is `moatquiz mine FILE`: the new words of a Korean text become a
// deck of vocab and cloze cards; docs/mine.md tells how.
type mineCmd struct {
	Args      []string `arg:"" optional:"" name:"FILE" help:"A Korean text, plain or Markdown (- for standard input); with --mark-known, the words to mark."`
	Deck      string   `placeholder:"ID" help:"The deck's id (default: from the file name). Mining into it again adds only the words it lacks, and keeps its cards and their progress."`
	Title     string   `placeholder:"TITLE" help:"The deck's title (default: the deck's title already, else the file name)."`
	Max       int      `placeholder:"N" help:"Add at most the N most frequent new words (default: all)."`
	DryRun    bool     `name:"dry-run" help:"List the words found, known or new, with and without meanings, and write nothing."`
	JSON      bool     `name:"json" help:"Print the list as JSON, for scripts."`
	Glossary  []string `type:"existingfile" sep:"none" placeholder:"FILE" help:"A TSV file of Korean words and their English meanings (word, tab, meanings separated by ;), for the vocab cards. Repeat for more."`
	MarkKnown bool     `name:"mark-known" help:"Add the words given (in dictionary form) to known.txt in the data folder, so that mining skips them, and mine nothing."`
}

// maxText is the largest text mined: far more than a book chapter.
const maxText = 8 << 20

// Validate checks the arguments' number.
func (c *mineCmd) Validate() error {
	switch {
	case c.MarkKnown && len(c.Args) == 0:
		return errors.New("--mark-known needs the words to mark, such as: moatquiz mine --mark-known 사과 먹다")
	case !c.MarkKnown && len(c.Args) != 1:
		return errors.New("give one file to mine (or - for standard input), such as: moatquiz mine article.txt")
	case c.Max < 0:
		return errors.New("--max needs a number of words from 1 (or 0 for all)")
	}
	return nil
}

// Run mines the file, or marks words known.
func (c *mineCmd) Run(g *Globals) error { return c.run(g, os.Stdin, os.Stdout, os.Stderr) }

func (c *mineCmd) run(g *Globals, stdin io.Reader, stdout, stderr io.Writer) error {
	if c.MarkKnown {
		return markKnown(g.dataDir(), c.Args, stdout)
	}
	text, err := readText(c.Args[0], stdin)
	if err != nil {
		return fmt.Errorf("mine: %w", err)
	}
	m, err := c.prepare(g)
	if err != nil {
		return fmt.Errorf("mine: %w", err)
	}
	words := loadAnalyzer(stderr).Mine(text)
	p := m.preview(words, c.Max)
	write, err := p.merge(m, c.DryRun)
	if err != nil {
		return err
	}
	if c.JSON {
		return p.writeJSON(stdout, m, write)
	}
	if c.DryRun {
		p.writeList(stdout)
	}
	fmt.Fprintln(stdout, p.summary(m, c.DryRun))
	return nil
}

// merge adds the new words' cards to the deck, and unless dryRun writes
// it when that changed it; it reports whether it wrote.
func (p *preview) merge(m *mining, dryRun bool) (bool, error) {
	added, filled := mine.Merge(m.deck, p.newWords, m.meaning)
	p.filled = filled
	if dryRun || added+filled == 0 {
		return false, nil
	}
	return true, writeMinedDeck(m.path, m.deck)
}

// writeMinedDeck validates the deck as the loader will read it and writes it
// atomically.
func writeMinedDeck(path string, d *quiz.Deck) error {
	if err := deckfile.Encode(io.Discard, path, d); err != nil {
		return fmt.Errorf("mine: the deck does not validate (please report this): %w", err)
	}
	if err := library.WriteFileAtomic(path, func(w io.Writer) error { return deckfile.Write(w, d) }); err != nil {
		return fmt.Errorf("mine: %w", err)
	}
	return nil
}

// readText reads the text to mine from path ("-": stdin): UTF-8, at most
// maxText bytes.
func readText(path string, stdin io.Reader) (string, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, maxText+1))
		path = "standard input"
	} else {
		data, err = readLimited(path)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("there is no file %s: check the path", termtext.QuoteIfUnsafe(path))
	case err != nil:
		return "", err
	case len(data) > maxText:
		return "", fmt.Errorf("%s is over %d MiB: mine a part of it", termtext.QuoteIfUnsafe(path), maxText>>20)
	case !utf8.Valid(data):
		return "", fmt.Errorf("%s is not UTF-8 text: save it as UTF-8 and mine it again", termtext.QuoteIfUnsafe(path))
	}
	return string(data), nil
}

// readLimited reads a file's first maxText+1 bytes.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxText+1))
}

// mining is what a mine run reads besides the text: the deck it writes
// (the one there already, or a new one), the words the learner knows and
// the meanings known.
type mining struct {
	path     string
	deck     *quiz.Deck
	existed  bool
	known    map[string]bool     // dictionary forms: other decks' words and known.txt
	meanings map[string][]string // from the glossaries, then from the decks
}

// meaning returns a word's known meanings, nil if none.
func (m *mining) meaning(word string) []string { return m.meanings[word] }

// prepare reads the learner's decks, known.txt and the glossaries, and the
// deck to write.
func (c *mineCmd) prepare(g *Globals) (*mining, error) {
	id := c.Deck
	if id == "" {
		id = "mined"
		if c.Args[0] != "-" {
			// Romanized: a Korean file name (뉴스.txt) gives nyuseu, not
			// the catch-all "imported" every such file would share.
			id = interop.DeckIDFromName(hangul.Romanize(filepath.Base(c.Args[0])))
		}
	}
	if err := interop.CheckDeckID(id); err != nil {
		return nil, err
	}
	lib := g.library()
	m := &mining{path: filepath.Join(lib.DecksDir(), id+".json"), meanings: map[string][]string{}}
	var err error
	if m.known, err = mine.ReadKnown(filepath.Join(g.dataDir(), mine.KnownFile)); err != nil {
		return nil, err
	}
	for _, path := range c.Glossary {
		gl, err := mine.ReadGlossary(path)
		if err != nil {
			return nil, err
		}
		for w, ms := range gl {
			m.meanings[w] = append(m.meanings[w], ms...)
		}
	}
	if err := m.readDecks(lib.Files(), id); err != nil {
		return nil, err
	}
	if m.deck == nil {
		m.deck = newMinedDeck(id, c.Args[0])
	}
	if c.Title != "" {
		m.deck.Title, m.deck.TitleEn = termtext.OneLine(c.Title), termtext.OneLine(c.Title)
	}
	return m, nil
}

// readDecks takes the known words and meanings from the learner's decks,
// and the deck id if it is there already. A file at the deck's path that
// does not load, or another deck with its id, is an error.
func (m *mining) readDecks(files []library.DeckFile, id string) error {
	if err := checkClash(files, id, m.path); err != nil {
		return err
	}
	for _, f := range files {
		if f.Err != nil && sameFile(f.Path, m.path) {
			return fmt.Errorf("the deck file %s does not load: fix it (moatquiz check shows how) or mine into another --deck:\n%w", termtext.QuoteIfUnsafe(m.path), f.Err)
		}
		if f.Deck == nil {
			continue
		}
		if f.Deck.ID == id {
			m.deck, m.existed = f.Deck, true
		}
		for i := range f.Deck.Cards {
			c := &f.Deck.Cards[i]
			if c.Kind != quiz.KindVocab {
				continue
			}
			if f.Deck.ID != id {
				m.known[c.Word] = true
			}
			if !c.AwaitsMeaning() && m.meanings[c.Word] == nil {
				m.meanings[c.Word] = c.Meanings
			}
		}
	}
	return nil
}

// newMinedDeck is the deck mining file starts when there is none yet.
func newMinedDeck(id, file string) *quiz.Deck {
	title, source := "Mined words", "standard input"
	if file != "-" {
		base := termtext.OneLine(filepath.Base(file))
		title, source = strings.TrimSuffix(base, filepath.Ext(base)), base
	}
	return &quiz.Deck{
		Format: quiz.FormatVersion, ID: id, Title: title, TitleEn: title, Lang: "ko",
		Source: quiz.Source{Publisher: "moatquiz mine", Title: source},
	}
}

// markKnown adds words to known.txt in the data folder.
func markKnown(dataDir string, words []string, stdout io.Writer) error {
	if _, err := library.MakeDirs(dataDir); err != nil {
		return fmt.Errorf("mine: %w", err)
	}
	path := filepath.Join(dataDir, mine.KnownFile)
	added, err := mine.AddKnown(path, words)
	if err != nil {
		return fmt.Errorf("mine: %w", err)
	}
	fmt.Fprintf(stdout, "%s added to %s (%d already there)\n", count(len(added), "word"), termtext.QuoteIfUnsafe(path), len(words)-len(added))
	return nil
}

// loadAnalyzer loads the Korean dictionary, showing on stderr that it is
// loading (it takes a second or two) when stderr is a terminal.
func loadAnalyzer(stderr io.Writer) *mine.Analyzer {
	f := terminal(stderr)
	if f == nil {
		return mine.Load()
	}
	defer showElapsed(f, "loading the Korean dictionary (mecab-ko-dic)…")()
	return mine.Load()
}

// preview is what mining found: every word with its status, and the new
// ones to add.
type preview struct {
	words     []previewWord
	newWords  []mine.Word
	counts    map[string]int // by status
	noMeaning int
	filled    int // placeholders replaced by a meaning now known
}

// previewWord is one word of the preview, as --json writes it.
type previewWord struct {
	Word     string `json:"word"`
	POS      string `json:"pos"`
	Count    int    `json:"count"`
	Status   string `json:"status"` // new, known, in-deck, or over-max
	Meaning  string `json:"meaning,omitempty"`
	Sentence string `json:"sentence,omitempty"`
}

// preview sorts the words found into new (up to max, 0 for all), known
// (in another deck or known.txt), and in the deck already.
func (m *mining) preview(words []mine.Word, max int) *preview {
	p := &preview{counts: map[string]int{}}
	have := mine.CardSet(m.deck)
	for _, w := range words {
		pw := previewWord{Word: w.Word, POS: w.POS, Count: w.Count, Sentence: w.Sentence, Status: "new"}
		if ms := m.meaning(w.Word); len(ms) > 0 {
			pw.Meaning = strings.Join(ms, "; ")
		}
		switch {
		case mine.Has(have, w.Word):
			pw.Status = "in-deck"
		case m.known[w.Word]:
			pw.Status = "known"
		case max > 0 && len(p.newWords) >= max:
			pw.Status = "over-max"
		default:
			p.add(w, pw)
		}
		p.counts[pw.Status]++
		p.words = append(p.words, pw)
	}
	return p
}

// add takes a word to add to the deck.
func (p *preview) add(w mine.Word, pw previewWord) {
	p.newWords = append(p.newWords, w)
	if pw.Meaning == "" {
		p.noMeaning++
	}
}

// choose makes the words chosen (in the app, by dictionary form) the ones
// to add, of the words found, those the preview was made of: new words
// not chosen become "unchecked", known words chosen "new". Words in the
// deck already stay there.
func (p *preview) choose(words []mine.Word, chosen []string) {
	take := map[string]bool{}
	for _, w := range chosen {
		take[w] = true
	}
	p.newWords, p.noMeaning, p.counts = nil, 0, map[string]int{}
	for i, w := range words {
		pw := &p.words[i]
		switch {
		case pw.Status == "in-deck":
		case take[w.Word]:
			pw.Status = "new"
			p.add(w, *pw)
		case pw.Status == "new":
			pw.Status = "unchecked"
		}
		p.counts[pw.Status]++
	}
}

// writeList prints the words one a line: count, status, word, part of
// speech, meaning.
func (p *preview) writeList(w io.Writer) {
	width := 0
	for _, pw := range p.words {
		width = max(width, ansi.StringWidth(pw.Word))
	}
	for _, pw := range p.words {
		meaning := termtext.OneLine(pw.Meaning)
		if meaning == "" && pw.Status == "new" {
			meaning = quiz.NoMeaning
		}
		fmt.Fprintf(w, "%5d  %-8s %s%s  %-10s %s\n", pw.Count, pw.Status, pw.Word,
			strings.Repeat(" ", width-ansi.StringWidth(pw.Word)), pw.POS, meaning)
	}
}

// summary says what mining did or would do.
func (p *preview) summary(m *mining, dryRun bool) string {
	n := len(p.newWords)
	verb := map[bool]string{false: "added", true: "would add"}[dryRun]
	where := fmt.Sprintf("the new deck %q (%s)", m.deck.ID, termtext.QuoteIfUnsafe(m.path))
	if m.existed {
		where = fmt.Sprintf("the deck %q (%s)", m.deck.ID, termtext.QuoteIfUnsafe(m.path))
	}
	s := fmt.Sprintf("%s of %s found: %s %s to %s", count(n, "new word"), count(len(p.words), "word"),
		verb, count(n, "word"), where)
	if n == 0 {
		s = fmt.Sprintf("no new words among the %s found", count(len(p.words), "word"))
	}
	s += fmt.Sprintf("; skipped %d known, %d in the deck already", p.counts["known"], p.counts["in-deck"])
	if k := p.counts["over-max"]; k > 0 {
		s += fmt.Sprintf(", %d over --max", k)
	}
	if k := p.counts["unchecked"]; k > 0 {
		s += fmt.Sprintf(", %d unchecked", k)
	}
	if p.filled > 0 {
		s += fmt.Sprintf("; %s now known", count(p.filled, "meaning"))
	}
	if p.noMeaning > 0 {
		s += fmt.Sprintf(".\n%s without a meaning: their vocab cards wait, unstudied, until you replace %q in the deck file with one, or mine again with --glossary", count(p.noMeaning, "new word"), quiz.NoMeaning)
	}
	if dryRun {
		s += " (dry run: nothing written)"
	}
	return s
}

// writeJSON prints the preview as JSON.
func (p *preview) writeJSON(w io.Writer, m *mining, written bool) error {
	out := struct {
		Deck      string        `json:"deck"`
		Path      string        `json:"path"`
		Written   bool          `json:"written"`
		New       int           `json:"new"`
		Known     int           `json:"known"`
		InDeck    int           `json:"in_deck"`
		OverMax   int           `json:"over_max"`
		NoMeaning int           `json:"without_meaning"`
		Words     []previewWord `json:"words"`
	}{m.deck.ID, m.path, written, len(p.newWords), p.counts["known"], p.counts["in-deck"], p.counts["over-max"], p.noMeaning, p.words}
	if out.Words == nil {
		out.Words = []previewWord{}
	}
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	return e.Encode(out)
}
