package interop

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
)

// note is one CSV row or Anki note, read and cleaned but not yet a card.
type note struct {
	line     int    // CSV: the row's first line
	guid     string // the source's own id for the note ("" for none)
	kind     quiz.Kind
	reversed bool // an Anki note type that also asks back to front

	front, back     string
	frontEn, backEn string
	extra           []field // the other non-empty fields, in order
	tags            []string
	pos, roman      string
}

// maxExplain is the most characters of a card's explanation: the deck
// format's limit for any text.
const maxExplain = 4000

// field is a named field of a note.
type field struct{ name, value string }

// deckInfo is what the source says about the deck as a whole.
type deckInfo struct {
	format string   // Result.Format
	title  string   // the source's deck name, if any
	tags   []string // tags for every card
	read   int      // rows or notes read
	media  int      // media files in the package
	anki   bool     // an Anki package: map its cards' templates to items (ordItems)
}

// builder turns notes into a deck's cards.
type builder struct {
	file    string
	res     *Result
	lim     Limits
	vocab   direction
	ids     map[string]origin // card id → the note it came from
	content map[string]origin // a guid-less note's front and back → the note
	cards   []quiz.Card
	items   map[string]map[int64]string // an Anki package's: card id → template ord → item (ordItems)
}

// direction is which side of a Korean-English word list is the Korean word.
type direction int

const (
	notVocab direction = iota
	koreanFront
	koreanBack
)

// build makes the deck from notes (emptying each once it is a card) and
// validates it as deckfile.Load would read it. Notes that cannot be cards, or
// that the loader rejects, are skipped and listed in the result.
func build(file string, notes []note, info deckInfo, opt Options) (*Result, error) {
	lim := opt.Limits.withDefaults()
	b := &builder{
		file:    file,
		res:     &Result{Format: info.format, Read: info.read, Media: info.media},
		lim:     lim,
		vocab:   vocabDirection(notes),
		ids:     map[string]origin{},
		content: map[string]origin{},
	}
	if info.anki {
		b.items = map[string]map[int64]string{}
	}
	b.cards = make([]quiz.Card, 0, len(notes))
	for i := range notes {
		n := &notes[i]
		n.tags = append(n.tags, info.tags...)
		if err := b.add(n); err != nil {
			return nil, err
		}
		*n = note{} // what its card does not hold can go before the deck is checked
	}
	b.content = nil // done with: free it before the deck is written
	d, err := b.deck(info, opt)
	if err != nil {
		return nil, err
	}
	if err := b.validate(d); err != nil {
		return nil, err
	}
	b.res.items = b.items
	return b.res, nil
}

// vocabDirection tells a Korean-English word list: when four in five of
// the notes that could be either fact or vocab cards have a Korean word on
// one side and English on the other.
func vocabDirection(notes []note) direction {
	var n, front, back int
	for _, nt := range notes {
		if nt.kind != "" || nt.front == "" || nt.back == "" {
			continue
		}
		n++
		if isKoreanEnglish(nt.front, nt.back) {
			front++
		} else if isKoreanEnglish(nt.back, nt.front) {
			back++
		}
	}
	switch {
	case n == 0:
		return notVocab
	case 5*front >= 4*n:
		return koreanFront
	case 5*back >= 4*n:
		return koreanBack
	}
	return notVocab
}

// add makes n a card, or records why it is skipped.
func (b *builder) add(n *note) error {
	if len(b.cards) >= b.lim.MaxCards {
		return fmt.Errorf("import %s: more than %d cards: split the file", b.file, b.lim.MaxCards)
	}
	c, why, warning := card(n, b.vocab)
	if why != "" {
		b.skip(n, why)
		return nil
	}
	id, why := b.id(n)
	if why != "" {
		b.skip(n, why)
		return nil
	}
	if warning != "" {
		b.warn(n, warning)
	}
	c.ID = id
	tags := n.tags
	if n.reversed && c.Kind == quiz.KindFact { // vocab cards are studied both ways anyway
		tags = append(tags[:len(tags):len(tags)], "reversed")
	}
	c.Tags = cleanTags(tags)
	if len(n.extra) > 0 {
		text := joinFields(n.extra)
		if r := []rune(text); len(r) > maxExplain {
			text = string(r[:maxExplain-1]) + "…"
			b.warn(n, fmt.Sprintf("the other fields are over %d characters: shortened", maxExplain))
		}
		c.Explain = &quiz.Bilingual{Ko: text, En: text}
	}
	b.ids[id] = n.origin()
	if b.items != nil {
		b.items[id] = ordItems(n, &c, b.vocab)
	}
	b.cards = append(b.cards, c)
	return nil
}

// card makes the card of a note in a deck whose word lists go in
// direction vocab, without its id, tags and explanation. why says what is
// wrong when the note cannot be a card; warning, what was changed to make
// it one.
func card(n *note, vocab direction) (c quiz.Card, why, warning string) {
	if n.front == "" {
		return c, "the front is empty", ""
	}
	switch {
	case n.kind == quiz.KindCloze || n.kind == "" && isCloze(n.front):
		return clozeCard(n)
	case n.kind == quiz.KindVocab || n.kind == "" && vocab != notVocab:
		c, why = vocabCard(n, vocab == koreanBack && n.kind == "", n.kind == quiz.KindVocab)
		return c, why, ""
	}
	c, warning = factCard(n)
	return c, "", warning
}

// renumberCloze rewrites a cloze text whose deletion numbers have gaps
// (Anki allows {{c2::...}} without a c1; the deck format does not) to
// number them from c1 in order; ok is false when there is no gap.
func renumberCloze(parts []quiz.ClozePart) (text string, ok bool) {
	nums := quiz.ClozeNumbers(parts)
	slices.Sort(nums)
	to := map[int]int{}
	for i, num := range nums {
		to[num] = i + 1
		ok = ok || num != i+1
	}
	if !ok {
		return "", false
	}
	var sb strings.Builder
	for _, p := range parts {
		switch {
		case p.Num == 0:
			sb.WriteString(p.Text)
		case p.Hint != "":
			fmt.Fprintf(&sb, "{{c%d::%s::%s}}", to[p.Num], p.Text, p.Hint)
		default:
			fmt.Fprintf(&sb, "{{c%d::%s}}", to[p.Num], p.Text)
		}
	}
	return sb.String(), true
}

// isCloze reports whether text is a cloze text with at least one deletion.
func isCloze(text string) bool {
	parts, err := quiz.ParseCloze(text)
	return err == nil && len(quiz.ClozeNumbers(parts)) > 0
}

// clozeCard makes a cloze card: the text from the front, the translation
// from the back (Anki's "Back Extra") or, when there is none, the text
// with its deletions filled in. Deletions numbered with gaps are
// renumbered, with a warning.
func clozeCard(n *note) (c quiz.Card, why, warning string) {
	parts, err := quiz.ParseCloze(n.front)
	if err != nil {
		return c, "the cloze text is not valid: " + err.Error(), ""
	}
	if len(quiz.ClozeNumbers(parts)) == 0 {
		return c, "the cloze text has no deletions like {{c1::...}}", ""
	}
	if strings.Contains(n.front, "image-occlusion:") {
		return c, "image occlusion notes have no text to study", ""
	}
	text := oneLine(n.front)
	if renumbered, ok := renumberCloze(parts); ok {
		text = oneLine(renumbered)
		warning = "the cloze deletions are renumbered from c1 without gaps: " + text
	}
	translation := oneLine(n.back)
	if translation == "" {
		var sb strings.Builder
		for _, p := range parts {
			sb.WriteString(p.Text)
		}
		translation = oneLine(sb.String())
	}
	return quiz.Card{Kind: quiz.KindCloze, Text: text, Translation: translation}, "", warning
}

// vocabCard makes a vocab card of a Korean word (the front, or the back
// when koreanOnBack) and its English meanings. A note marked vocab (as
// ExportCSV marks them) has its meanings split at semicolons only.
func vocabCard(n *note, koreanOnBack, marked bool) (quiz.Card, string) {
	word, gloss := n.front, n.back
	if koreanOnBack {
		word, gloss = gloss, word
	}
	word = oneLine(word)
	if !mostlyHangul(word) {
		return quiz.Card{}, fmt.Sprintf("%q is not a Korean word, in a Korean-English list", word)
	}
	meanings := splitMeanings(gloss)
	if marked {
		meanings = splitList(gloss, ";")
	}
	if len(meanings) == 0 {
		return quiz.Card{}, fmt.Sprintf("the word %q has no meaning", word)
	}
	return quiz.Card{
		Kind:         quiz.KindVocab,
		Word:         word,
		Meanings:     meanings,
		POS:          partOfSpeech(n.pos, word, meanings),
		Romanization: oneLine(n.roman),
	}, ""
}

// emptyAnswer stands for a note's empty back, which a card cannot have.
const emptyAnswer = "(empty)"

// factCard makes a fact card. The deck format asks for each text in
// Korean and in English; an import has one text per side (or two when the
// file has front_en/back_en columns), so a missing English text repeats
// the other. An empty back becomes "(empty)", with a warning. (add tags
// the cards of reversed note types "reversed".)
func factCard(n *note) (c quiz.Card, warning string) {
	c = quiz.Card{Kind: quiz.KindFact, Prompt: oneLine(n.front), Answer: oneLine(n.back)}
	if c.Answer == "" {
		c.Answer = emptyAnswer
		warning = "the back is empty: the answer is " + emptyAnswer
	}
	c.PromptEn, c.AnswerEn = oneLine(n.frontEn), oneLine(n.backEn)
	if c.PromptEn == "" {
		c.PromptEn = c.Prompt
	}
	if c.AnswerEn == "" {
		c.AnswerEn = c.Answer
	}
	return c, warning
}

// id gives n's card its id: the source's guid made an id, or a hash of
// the front, or of front and back for a front seen before. A note with
// the guid, or the front and back, of an earlier one is a duplicate, and
// why says so.
func (b *builder) id(n *note) (id, why string) {
	if n.guid != "" {
		id = idFromGUID(n.guid)
		if first, ok := b.ids[id]; ok {
			return "", "the same guid as " + b.where(first) + ": skipped as a duplicate"
		}
		return id, ""
	}
	content := n.front + "\x1f" + n.back
	if first, ok := b.content[content]; ok {
		return "", "the same front and back as " + b.where(first) + ": skipped as a duplicate"
	}
	b.content[content] = n.origin()
	id = "h-" + hash(n.front)
	if _, ok := b.ids[id]; ok {
		id = "h-" + hash(content)
	}
	if first, ok := b.ids[id]; ok { // only a hash collision gets here
		return "", "its id " + id + " is taken by " + b.where(first) + ": give the rows ids in a guid column"
	}
	return id, ""
}

// hash is a short stable hash of s for card ids.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:6])
}

// idFromGUID maps a source's note id (an Anki guid such as "cU1%zNUzk1")
// to a card id, deterministically: an id that is already valid is kept
// (so a moatquiz CSV export round-trips), others become "g-" and the hex
// of their bytes, or of their SHA-256 when that is too long.
func idFromGUID(guid string) string {
	if deckfile.ValidID(guid) {
		return guid
	}
	if h := hex.EncodeToString([]byte(guid)); len(h) <= 62 {
		return "g-" + h
	}
	sum := sha256.Sum256([]byte(guid))
	return "g-" + hex.EncodeToString(sum[:16])
}

// cleanTags makes tags fit a deck: one line, no spaces, no repeats.
func cleanTags(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		for _, t := range strings.Fields(oneLine(t)) {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// joinFields shows named fields as "name: value" lines.
func joinFields(fields []field) string {
	lines := make([]string, len(fields))
	for i, f := range fields {
		lines[i] = f.name + ": " + f.value
		if f.name == "" {
			lines[i] = f.value
		}
	}
	return strings.Join(lines, "\n")
}

// origin is where a note comes from: a CSV row's line, or an Anki note's
// guid.
type origin struct {
	line int
	guid string
}

func (n *note) origin() origin { return origin{n.line, n.guid} }

// where names a note for messages: its line or its guid.
func (b *builder) where(n origin) string {
	if n.line > 0 {
		return fmt.Sprintf("line %d", n.line)
	}
	return fmt.Sprintf("note %q", n.guid)
}

func (b *builder) problem(n origin, msg string) Problem {
	p := Problem{File: b.file, Line: n.line, Msg: msg}
	if n.line == 0 {
		p.Note = n.guid
	}
	return p
}

func (b *builder) skip(n *note, why string) { b.skipped(n.origin(), why) }
func (b *builder) warn(n *note, why string) {
	b.res.Warnings = append(b.res.Warnings, b.problem(n.origin(), why))
}
func (b *builder) skipped(o origin, why string) {
	b.res.Skipped = append(b.res.Skipped, b.problem(o, why))
}

// deck assembles the deck around the cards.
func (b *builder) deck(info deckInfo, opt Options) (*quiz.Deck, error) {
	if len(b.cards) == 0 {
		return nil, &NoCardsError{File: b.file, Read: info.read, Skipped: b.res.Skipped}
	}
	id := opt.DeckID
	if id == "" {
		id = DeckIDFromName(b.file)
	}
	base := oneLine(filepath.Base(b.file))
	title := oneLine(opt.Title)
	if title == "" {
		title = oneLine(info.title)
	}
	if title == "" {
		title = strings.TrimSuffix(base, filepath.Ext(base))
	}
	var texts []string
	for _, c := range b.cards {
		texts = append(texts, c.Prompt, c.Answer, c.Word, c.Text)
	}
	return &quiz.Deck{
		Format:  quiz.FormatVersion,
		ID:      id,
		Title:   title,
		TitleEn: title,
		Lang:    langOf(texts),
		Source:  quiz.Source{Publisher: base, Title: oneLine(info.title)},
		Cards:   b.cards,
	}, nil
}

// validate checks the deck as the loader every deck goes through would
// read its file (deckfile.Encode), in memory, holding no more than a card's
// bytes. Cards it rejects are skipped (with its messages) and the rest
// checked again; errors about the deck itself fail the import.
func (b *builder) validate(d *quiz.Deck) error {
	for range 2 {
		err := deckfile.Encode(io.Discard, d.ID+".json", d)
		if err == nil {
			b.res.Deck = d
			return nil
		}
		if errors.Is(err, deckfile.ErrTooBig) {
			return fmt.Errorf("import %s: %s cards make a deck file over %d MiB, the most a deck file may have: split the file into smaller ones",
				b.file, strconv.Itoa(len(d.Cards)), deckfile.MaxFileSize>>20)
		}
		var list deckfile.ErrorList
		if !errors.As(err, &list) || !b.dropRejected(d, list) {
			return fmt.Errorf("import %s: the deck made is not valid: %w", b.file, err)
		}
	}
	return fmt.Errorf("import %s: the deck made is still not valid after skipping the cards the loader rejected", b.file)
}

// dropRejected removes the cards named by the loader's errors, recording
// why, and reports whether every error named a card.
func (b *builder) dropRejected(d *quiz.Deck, list deckfile.ErrorList) bool {
	why := map[string][]string{}
	for _, e := range list {
		if _, ok := b.ids[e.Card]; e.Card == "" || !ok {
			return false
		}
		why[e.Card] = append(why[e.Card], e.Msg)
	}
	kept := d.Cards[:0]
	for _, c := range d.Cards {
		if msgs, bad := why[c.ID]; bad {
			b.skipped(b.ids[c.ID], strings.Join(msgs, "; "))
			continue
		}
		kept = append(kept, c)
	}
	d.Cards = kept
	return len(kept) > 0
}
