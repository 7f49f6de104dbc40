package tui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// Custom study, as Anki's learners expect: only vocabulary or only facts,
// only a tag (the Cards and Tag settings), and more new cards today when
// the daily limit is reached.

// moreNewStep is how many new cards the home screen's + key adds to
// today's limit of the picked deck.
const moreNewStep = 10

// cardValues are the values of the Cards setting, in the order of its
// labels.
var cardValues = []quiz.CardFilter{quiz.CardsAll, quiz.CardsVocab, quiz.CardsFacts}

// moreNewMsg is the result of adding new cards to a deck's day.
type moreNewMsg struct {
	title string
	n     int
	err   error
}

// moreNew adds moreNewStep new cards to today's limit of the picked deck,
// in a command.
func (m Model) moreNew() (tea.Model, tea.Cmd) {
	d := m.home.deck()
	if d == nil {
		return m, nil
	}
	backend, id, title := m.cfg.Backend, d.deck.ID, termtext.Strip(d.deck.Title)
	return m, func() tea.Msg {
		return moreNewMsg{title: title, n: moreNewStep, err: backend.MoreNew(id, moreNewStep)}
	}
}

// onMoreNew says what adding new cards did, and refreshes the counts.
func (m Model) onMoreNew(msg moreNewMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.home.status = "could not add new cards: " + msg.err.Error()
		return m, nil
	}
	m.home.status = fmt.Sprintf("%d more new cards today in %s: enter studies them.", msg.n, msg.title)
	return m.reloadDecks()
}

// whyNothing finds why a session of deck with opts has nothing to ask:
// none of the deck's cards is one opts studies, or new ones it studies
// wait beyond today's new-card limit. With a filter it reads the deck's
// every card (a practice session's), so it runs only when nothing is due.
func whyNothing(cfg Config, deck *quiz.Deck, opts quiz.Options) (none, limited bool) {
	_, limited, _ = cfg.Backend.Counts(deck.ID, opts, cfg.Clock())
	if !filtered(opts) {
		return false, limited
	}
	opts.Practice, opts.Ahead, opts.Limit = true, false, 0
	s, err := cfg.Backend.StartSession(deck, opts)
	if err != nil {
		return false, false
	}
	return s.Remaining() == (quiz.QueueCounts{}), limited
}

// filtered reports whether opts study only part of a deck's items.
func filtered(opts quiz.Options) bool {
	return opts.Tag != "" || (opts.Cards != "" && opts.Cards != quiz.CardsAll) ||
		(opts.Direction != "" && opts.Direction != quiz.DirBoth)
}

// noneStudied says that no card of the deck is one the custom study
// takes, and how to choose others.
func noneStudied(opts quiz.Options, flags bool) string {
	what := map[quiz.CardFilter]string{quiz.CardsVocab: "vocabulary", quiz.CardsFacts: "a fact"}[opts.Cards]
	if what == "" {
		what = "a card"
	}
	if opts.Tag != "" {
		what += " tagged " + termtext.Strip(opts.Tag)
	}
	if opts.Direction != "" && opts.Direction != quiz.DirBoth && opts.Cards != quiz.CardsFacts {
		what += " studied " + string(opts.Direction)
	}
	how := "change the Cards or Words setting"
	if flags {
		how = "change --cards, --tag or --direction"
	}
	return "No card of this deck is " + what + ": " + how + "."
}

// limitReached says that the day's new-card limit, not an empty deck, is
// why nothing is due, and how to raise it: for moatquiz study by its flag,
// on the home screen by its key. Its first line, all a small terminal
// shows, names the way.
func limitReached(flags bool) string {
	raise := fmt.Sprintf("+ adds %d more", moreNewStep)
	if flags {
		raise = fmt.Sprintf("--more-new %d studies %d more", moreNewStep, moreNewStep)
	}
	return "New-card limit reached: " + raise + ".\n" +
		"Nothing else is due today; new_per_day in config.toml sets the daily limit."
}

// limitHint is the home screen's note on the picked deck when nothing is
// due in it but new cards wait beyond today's limit; "" otherwise.
func (h *home) limitHint() string {
	d := h.deck()
	if d == nil || d.err != nil || !d.moreNew || d.counts != (quiz.DeckCounts{}) {
		return ""
	}
	return limitReached(false)
}

// cardLabels are the labels of cardValues; the picked deck's tags follow
// them in the Cards setting, as "#tag".
var cardLabels = []string{"all", "vocab", "facts"}

// cardsSetting is the Cards setting for the picked deck: all, vocab or
// facts, then one of its cards' tags. A tag chosen that the deck does not
// have shows (and studies) as all.
func (h *home) cardsSetting() setting {
	s := h.settings[setCards]
	d := h.deck()
	if d == nil {
		return s
	}
	s.values = slices.Clone(cardLabels)
	for _, t := range d.tags {
		s.values = append(s.values, "#"+termtext.Strip(t))
	}
	if i := indexOf(d.tags, h.tag); h.tag != "" && i >= 0 {
		s.chosen = len(cardLabels) + i
	}
	return s
}

// cycleCards moves the Cards setting to its next (d=1) or previous (d=-1)
// value: all, vocab, facts, then the picked deck's tags.
func (h *home) cycleCards(d int) {
	s := h.cardsSetting()
	n := len(s.values)
	i := ((s.chosen+d)%n + n) % n
	h.tag, h.settings[setCards].chosen = "", i
	if i >= len(cardLabels) {
		h.tag, h.settings[setCards].chosen = h.deck().tags[i-len(cardLabels)], 0
	}
}

// chosenTag is the tag to study in the picked deck: "" for every card.
func (h *home) chosenTag() string {
	if h.cardsSetting().chosen >= len(cardLabels) {
		return h.tag
	}
	return ""
}

// tagsShort is a Cards setting too wide for the terminal: all, vocab and
// facts, and how many tags follow; or else only the chosen tag, and
// where it is among them.
func (h *home) tagsShort(st *Styles, vals []string, chosen int) string {
	n := len(vals) - len(cardLabels)
	if chosen < len(cardLabels) {
		return strings.Join(vals[:len(cardLabels)], "  ") + "  " + st.Option.Render(fmt.Sprintf("%d tags", n))
	}
	return vals[chosen] + st.Subtle.Render(fmt.Sprintf(" %d/%d", chosen-len(cardLabels)+1, n))
}
