package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/moatquiz/moatquiz/internal/lazyregexp"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// deckRow is one deck on the home screen with its counts for today.
type deckRow struct {
	deck   *quiz.Deck // maybe only its header (Config.Home)
	counts quiz.DeckCounts
	cards  int
	items  int
	err    error // its progress could not be read
	// bilingual: its facts have an English side of their own, so the
	// facts language setting applies.
	bilingual bool
	// custom study: the tags of its cards, and whether new cards wait
	// beyond today's new-card limit
	tags    []string
	moreNew bool
	// counted is the part of the settings the counts were counted with
	// (countedAs): nothing for the whole deck.
	counted quiz.Options
}

// setting is one choice on the home screen: a label and its values.
type setting struct {
	label  string
	values []string // what is shown
	chosen int
}

// The settings, in the order they are shown.
const (
	setKind = iota
	setDirection
	setLang
	setMode
	setCards // custom study: all, vocab, facts or a tag (custom.go)
	numSettings
)

// The values of the mode setting: review (0), practice (cram, schedules
// unchanged), or review that studies ahead when nothing is due.
const (
	modePractice = 1
	modeAhead    = 2
)

// Values of the settings, in the order of their labels.
var (
	kindValues      = []quiz.QuestionKind{quiz.QuestionFlip, quiz.QuestionChoice, quiz.QuestionTyped, quiz.QuestionMixed}
	directionValues = []quiz.Direction{quiz.DirBoth, quiz.DirKoEn, quiz.DirEnKo}
	langValues      = []string{"ko", "en"}
)

// home is the home screen: the decks and what to study in them.
type home struct {
	decks    []deckRow
	cursor   int // a deck (0..len(decks)-1), then the settings
	picked   int // the deck to study: the deck last under the cursor
	settings [numSettings]setting
	status   string // a message for the learner, e.g. "nothing is due"
	loaded   bool
	reading  string // while loading: how far a new deck's reading has got
	tag      string // the Cards setting's tag, "" for none (cardsSetting)
}

func newHome() home {
	return home{settings: [numSettings]setting{
		setKind:      {label: "Question", values: []string{"flip", "choice", "typed", "mixed"}},
		setDirection: {label: "Words", values: []string{"both ways", "ko→en", "en→ko"}},
		setLang:      {label: "Facts in", values: []string{"한국어", "English"}},
		setMode:      {label: "Mode", values: []string{"review", "practice", "ahead"}},
		setCards:     {label: "Cards", values: cardLabels},
	}}
}

// rows is how many rows the cursor moves over.
func (h *home) rows() int { return len(h.decks) + numSettings }

// move moves the cursor by d rows, wrapping around, and picks the deck
// it lands on. Up from the first setting goes back to the picked deck.
func (h *home) move(d int) {
	n := h.rows()
	switch {
	case n == 0:
	case d < 0 && h.cursor == len(h.decks) && len(h.decks) > 0:
		h.cursor = h.picked
	default:
		h.cursor = ((h.cursor+d)%n + n) % n
		if !h.shown(h.cursor - len(h.decks)) {
			h.cursor = ((h.cursor+d)%n + n) % n
		}
		if h.cursor < len(h.decks) {
			h.picked = h.cursor
		}
	}
}

// shown reports whether setting i (a deck, when negative) is on the
// screen: the facts language only for a deck whose facts have English
// sides of their own.
func (h *home) shown(i int) bool {
	d := h.deck()
	return i != setLang || d == nil || d.bilingual
}

// toSettings moves the cursor from a deck to the first setting, passing
// no other deck; it reports whether it did.
func (h *home) toSettings() bool {
	if h.cursor >= len(h.decks) {
		return false
	}
	h.cursor = len(h.decks)
	return true
}

// change moves the focused setting (none when a deck is focused) by d.
func (h *home) change(d int) {
	if i := h.cursor - len(h.decks); i >= 0 && i < numSettings {
		h.cycle(i, d)
	}
}

// cycle moves setting i to its next (d=1) or previous (d=-1) value.
func (h *home) cycle(i, d int) {
	if i == setCards {
		h.cycleCards(d)
		return
	}
	s := &h.settings[i]
	n := len(s.values)
	s.chosen = ((s.chosen+d)%n + n) % n
}

// deck is the deck to study: the picked one.
func (h *home) deck() *deckRow {
	if len(h.decks) == 0 {
		return nil
	}
	return &h.decks[min(h.picked, len(h.decks)-1)]
}

// selectDeck picks the deck with the given id, if there is one (and
// focuses it, unless a setting is focused).
func (h *home) selectDeck(id string) bool {
	for i, d := range h.decks {
		if d.deck.ID == id {
			if h.cursor < len(h.decks) {
				h.cursor = i
			}
			h.picked = i
			return true
		}
	}
	return false
}

// setDecks shows a new list of decks, keeping the picked deck and the
// focused setting (the first list focuses its first deck).
func (h *home) setDecks(rows []deckRow) {
	id, setting := "", -1
	if d := h.deck(); d != nil {
		id, setting = d.deck.ID, h.cursor-len(h.decks)
	}
	h.decks = rows
	h.picked = min(h.picked, max(len(rows)-1, 0))
	h.cursor = h.picked
	h.selectDeck(id)
	if setting >= 0 {
		h.cursor = len(rows) + setting
	}
	if !h.shown(h.cursor - len(h.decks)) {
		h.cursor++ // the setting after the hidden one
	}
}

// options are the session options the settings give.
func (h *home) options() quiz.Options {
	return quiz.Options{
		Kind:      kindValues[h.settings[setKind].chosen],
		Direction: directionValues[h.settings[setDirection].chosen],
		Lang:      h.lang(),
		Practice:  h.settings[setMode].chosen == modePractice,
		Ahead:     h.settings[setMode].chosen == modeAhead,
		Cards:     cardValues[h.settings[setCards].chosen],
		Tag:       h.chosenTag(),
	}
}

// lang is the language of facts the settings give: the deck's own when
// the setting does not apply.
func (h *home) lang() string {
	if !h.shown(setLang) {
		return langValues[0]
	}
	return langValues[h.settings[setLang].chosen]
}

// setOptions shows opts in the settings.
func (h *home) setOptions(opts quiz.Options) {
	pick := func(i, v int) {
		if v >= 0 {
			h.settings[i].chosen = v
		}
	}
	pick(setKind, indexOf(kindValues, opts.Kind))
	pick(setDirection, indexOf(directionValues, opts.Direction))
	pick(setLang, indexOf(langValues, opts.Lang))
	pick(setCards, indexOf(cardValues, opts.Cards))
	h.tag = opts.Tag
	switch {
	case opts.Practice:
		h.settings[setMode].chosen = modePractice
	case opts.Ahead:
		h.settings[setMode].chosen = modeAhead
	default:
		h.settings[setMode].chosen = 0 // review
	}
}

func indexOf[T comparable](list []T, v T) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

// Render draws the home screen in width x height cells. The decks and
// the settings always show (a long deck list scrolls with the cursor);
// the status and the focused deck's source follow when there is room.
func (h *home) Render(st *Styles, km *KeyMap, width, height int) string {
	help := km.Global.Help.Help()
	header := spread(st.Title.Render("moatquiz"), st.Subtle.Render(help.Key+" "+help.Desc), width)
	if !h.loaded {
		loading := "loading decks" + glyphEllipsis
		if h.reading != "" {
			loading = h.reading
		}
		return fit(header+"\n\n"+st.Subtle.Render(truncate(loading, width)), width, height)
	}
	footer := h.footer(st, km, width, height)
	room := height - bodyTop(header, height) - lines(footer)
	settings := h.renderSettings(st, width)
	decks := h.renderDecks(st, width, room-lines(settings)-1)
	body := stack(decks, settings)
	status := h.status
	if status == "" {
		status = h.limitHint()
	}
	if status != "" {
		bodies := statusBodies(st, decks, status, settings, width)
		if i := slices.IndexFunc(bodies, func(b string) bool { return lines(b) <= room }); i >= 0 {
			body = bodies[i]
		}
	}
	if d := h.deck(); d != nil {
		info := wrap(st.Subtle.Render(deckInfo(d)), width)
		if b := stack(body, info); lines(b) <= room {
			body = b
		}
	}
	return frame(header, body, footer, width, height)
}

// statusBodies are the decks, the status and the settings, from the
// fullest to the smallest: the status whole; with its paths shortened to
// their last two names; its first line so in two lines against the
// settings; in one line cut to the width. So a problem, and the file and
// position it is at, are never hidden.
func statusBodies(st *Styles, decks, status, settings string, width int) []string {
	status = termtext.Strip(status)
	short := shortenPaths(status)
	first := strings.Split(wrap(firstLine(short), width), "\n")
	two := st.Hint.Render(first[0])
	if len(first) > 1 {
		two += "\n" + st.Hint.Render(truncate(strings.Join(first[1:], " "), width))
	}
	return []string{
		stack(decks, wrap(st.Hint.Render(status), width), settings),
		stack(decks, wrap(st.Hint.Render(short), width), settings),
		stack(decks, two) + "\n" + settings,
		stack(decks, st.Hint.Render(truncate(firstLine(short), width)), settings),
	}
}

// pathPattern is a file path of three or more names, from the root or
// the home folder (/, ~/ or C:\): its folders but the last are what
// shortenPaths leaves out.
var pathPattern = lazyregexp.New(`(?:~|[A-Za-z]:)?(?:[/\\][^\s/\\:"]+){3,}`)

// shortenPaths writes the long paths in s as "…/" and their last two
// names ("…/decks/mine.json"), so the file shows in a narrow line.
func shortenPaths(s string) string {
	return pathPattern().ReplaceAllStringFunc(s, func(p string) string {
		names := strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '\\' })
		return glyphEllipsis + "/" + strings.Join(names[len(names)-2:], "/")
	})
}

// renderDecks is the deck list with counts, in at most maxLines lines.
func (h *home) renderDecks(st *Styles, width, maxLines int) string {
	if len(h.decks) == 0 {
		return st.Subtle.Render("No decks found.")
	}
	const countsWidth = 18 // "  new learn  due" columns of 6
	nameWidth := max(width-3-countsWidth, 8)
	counts := width >= 3+8+countsWidth
	head := st.Subtle.Render("Decks")
	if counts {
		head = spread(head, st.Subtle.Render(fmt.Sprintf("%6s%6s%6s", "new", "learn", "due")), width)
	}
	rows := []string{head}
	first, last := window(len(h.decks), min(h.picked, len(h.decks)-1), max(maxLines-1, 1))
	for i := first; i < last; i++ {
		rows = append(rows, h.deckLine(st, i, h.decks[i], nameWidth, counts, width))
	}
	return strings.Join(rows, "\n")
}

// window is the range [first, last) of n rows to show in room rows so
// that row cur is among them.
func window(n, cur, room int) (int, int) {
	if n <= room {
		return 0, n
	}
	first := min(max(cur-room/2, 0), n-room)
	return first, first + room
}

// deckLine is one deck's row: a marker (focused, or picked while a
// setting is focused), the title and the counts.
func (h *home) deckLine(st *Styles, i int, d deckRow, nameWidth int, counts bool, width int) string {
	marker, name := "  ", truncate(termtext.Strip(d.deck.Title), nameWidth)
	switch i {
	case h.cursor:
		marker, name = glyphFocus, st.Selected.Render(name)
	case h.picked:
		marker, name = glyphPicked, st.Chosen.Render(name)
	}
	line := marker + name
	if !counts {
		return truncate(line, width)
	}
	var right string
	if d.err != nil {
		right = st.Error.Render("   unreadable")
	} else {
		right = countCell(st.New, d.counts.New) + countCell(st.Learning, d.counts.Learning) + countCell(st.Due, d.counts.Review)
	}
	return spread(line, right, width)
}

// countCell is a count right-aligned in 6 cells, faint when it is zero.
func countCell(s lipgloss.Style, n int) string {
	cell := fmt.Sprintf("%6d", n)
	if n == 0 {
		return strings.Repeat(" ", 5) + glyphZero
	}
	return s.Render(cell)
}

// deckInfo is the line under the deck list about the focused deck.
func deckInfo(d *deckRow) string {
	parts := []string{termtext.Strip(d.deck.TitleEn)}
	src := d.deck.Source
	for _, s := range []string{src.Publisher, src.Date, src.Author, src.Column} {
		if s != "" {
			parts = append(parts, termtext.Strip(s))
		}
	}
	parts = append(parts, fmt.Sprintf("%d cards, %d items", d.cards, d.items))
	if d.err != nil {
		parts = append(parts, "progress unreadable: "+termtext.Strip(d.err.Error()))
	}
	return strings.Join(parts, glyphSep)
}

// renderSettings is the settings, one a line: the label, then the values
// with the chosen one marked.
func (h *home) renderSettings(st *Styles, width int) string {
	var rows []string
	settings := h.settings
	settings[setCards] = h.cardsSetting()
	for i, s := range settings {
		if !h.shown(i) {
			continue
		}
		label := fmt.Sprintf("%-9s ", s.label)
		if h.cursor == len(h.decks)+i {
			label = glyphFocus + st.Selected.Render(label)
		} else {
			label = "  " + st.Subtle.Render(label)
		}
		vals := make([]string, len(s.values))
		for j, v := range s.values {
			switch {
			case j == s.chosen && st.Bare:
				vals[j] = "[" + v + "]"
			case j == s.chosen:
				vals[j] = st.Chosen.Render(v)
			default:
				vals[j] = st.Option.Render(v)
			}
		}
		line := label + strings.Join(vals, "  ")
		if i == setCards && lipgloss.Width(line) > width { // many tags: the chosen one, and how many
			line = label + h.tagsShort(st, vals, s.chosen)
		}
		rows = append(rows, truncate(line, width))
	}
	return strings.Join(rows, "\n")
}

// footer is the keys line of the home screen (two in large terminals).
func (h *home) footer(st *Styles, km *KeyMap, width, height int) string {
	maxLines := 2
	if compact(height) {
		maxLines = 1
	}
	return keysLine(st, km.Home.ShortHelp(), width, maxLines)
}

// firstLine is s up to its first line break.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
