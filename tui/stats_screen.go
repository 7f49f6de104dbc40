package tui

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/stats"
	"github.com/moatquiz/moatquiz/termtext"
)

// statsAction is what the root model does after a key on the stats
// screen.
type statsAction int

const (
	statsStay      statsAction = iota // nothing more: the screen scrolled, or ignored the key
	statsReload                       // the deck changed: run statsScreen.load
	statsBack                         // leave the stats screen
	statsMarked                       // another leech is marked: run statsScreen.showMark
	statsUnsuspend                    // run statsScreen.unsuspend on the marked leech
)

// statsLoadedMsg carries the figures statsScreen.load computed.
type statsLoadedMsg struct {
	req   int // the load it answers
	stats *stats.Stats
	err   error
}

// statsScreen shows the figures of all decks or of one in a viewport.
// The root model owns it; it does no I/O itself: load returns the
// tea.Cmd that computes the figures.
type statsScreen struct {
	decks   []*quiz.Deck // the decks the learner has
	scope   int          // 0: all decks; i: decks[i-1]
	stats   *stats.Stats // nil until loaded
	err     error
	req     int // the load awaited: a later one supersedes it
	loading bool
	view    viewport.Model // the figures, scrolled
	width   int
	pick    leechPick // the leech u unsuspends
}

// unsuspendedMsg says how Backend.Unsuspend went for a leech.
type unsuspendedMsg struct {
	label string
	was   bool
	err   error
}

// newStatsScreen shows the stats of deck ("" for all decks) among decks,
// with the keys km.
func newStatsScreen(decks []*quiz.Deck, deck string, km StatsKeys) statsScreen {
	s := statsScreen{decks: decks, view: viewport.New(), pick: leechPick{marked: -1, unsuspend: km.Unsuspend, next: km.Mark}}
	for i, d := range decks {
		if d.ID == deck {
			s.scope = i + 1
		}
	}
	return s
}

// deck is the id of the deck shown, "" for all decks.
func (s *statsScreen) deck() string {
	if s.scope == 0 {
		return ""
	}
	return s.decks[s.scope-1].ID
}

// load returns the command that asks b for the figures of the deck shown
// at now, as request req; the root model passes its statsLoadedMsg to
// loaded.
func (s *statsScreen) load(req int, b Backend, now time.Time, sch quiz.Scheduling) tea.Cmd {
	s.loading, s.req = true, req
	q := stats.Query{Deck: s.deck(), Now: now, Scheduling: sch}
	return func() tea.Msg {
		st, err := b.Stats(q)
		return statsLoadedMsg{req: req, stats: st, err: err}
	}
}

// loaded shows the figures of msg, unless they answer an older load (the
// learner has moved to another deck since).
func (s *statsScreen) loaded(msg statsLoadedMsg, st *Styles) {
	if msg.req != s.req {
		return
	}
	s.loading = false
	s.stats, s.err = msg.stats, msg.err
	s.pick.marked = s.suspendedFrom(s.pick.marked)
	s.refresh(st)
	if s.pick.note != "" {
		s.view.GotoBottom() // where the leeches and the note are
	}
}

// suspendedFrom is the index of the first suspended leech at or after i,
// from the top after the last; -1 when none is suspended.
func (s *statsScreen) suspendedFrom(i int) int {
	if s.stats == nil {
		return -1
	}
	n := len(s.stats.Leeches)
	for k := range n {
		if j := (max(i, 0) + k) % n; s.stats.Leeches[j].Suspended {
			return j
		}
	}
	return -1
}

// showMark draws the new mark and scrolls it into view.
func (s *statsScreen) showMark(st *Styles) {
	s.refresh(st)
	for i, l := range strings.Split(ansi.Strip(s.view.GetContent()), "\n") {
		if strings.HasPrefix(l, glyphFocus) {
			s.view.EnsureVisible(i, 0, 0)
		}
	}
}

// unsuspend returns the command that asks b to schedule the marked leech
// again; the root model passes its unsuspendedMsg to unsuspended.
func (s *statsScreen) unsuspend(b Backend) tea.Cmd {
	l := s.stats.Leeches[s.pick.marked]
	label := cmp.Or(l.Label, l.Item)
	id, err := quiz.ParseItemID(l.Item)
	return func() tea.Msg {
		if err != nil {
			return unsuspendedMsg{label: label, err: err}
		}
		was, err := b.Unsuspend(id)
		return unsuspendedMsg{label: label, was: was, err: err}
	}
}

// unsuspended says what the unsuspend of msg did, under the leeches.
func (s *statsScreen) unsuspended(msg unsuspendedMsg, st *Styles) {
	switch {
	case msg.err != nil:
		s.pick.note = "Not unsuspended: " + msg.err.Error()
	case msg.was:
		s.pick.note = msg.label + " is scheduled again."
	default:
		s.pick.note = msg.label + " was not suspended."
	}
	s.refresh(st)
}

// resize fits the viewport to a screen of width x height: all but the
// header and the footer, a line each.
func (s *statsScreen) resize(st *Styles, width, height int) {
	s.width = width
	s.view.SetWidth(width)
	s.view.SetHeight(max(bodyRoom(1, 1, height), 1))
	s.refresh(st)
}

// refresh renders the figures into the viewport, at its width.
func (s *statsScreen) refresh(st *Styles) {
	s.view.SetContent(s.body(st, s.width))
}

// onKey scrolls or changes the deck shown, and says what the root model
// must do next.
func (s *statsScreen) onKey(msg tea.KeyPressMsg, km StatsKeys) statsAction {
	switch {
	case key.Matches(msg, km.Back):
		return statsBack
	case key.Matches(msg, km.Prev), key.Matches(msg, km.Next):
		d := 1
		if key.Matches(msg, km.Prev) {
			d = -1
		}
		n := len(s.decks) + 1
		s.scope = ((s.scope+d)%n + n) % n
		s.stats, s.err, s.pick.note, s.pick.marked = nil, nil, "", -1
		s.view.GotoTop()
		return statsReload
	case key.Matches(msg, km.Unsuspend) && s.pick.marked >= 0:
		return statsUnsuspend
	case key.Matches(msg, km.Mark) && s.pick.marked >= 0:
		s.pick.marked = s.suspendedFrom(s.pick.marked + 1)
		return statsMarked
	case key.Matches(msg, km.Up):
		s.view.ScrollUp(1)
	case key.Matches(msg, km.Down):
		s.view.ScrollDown(1)
	case key.Matches(msg, km.PageUp):
		s.view.PageUp()
	case key.Matches(msg, km.PageDown):
		s.view.PageDown()
	}
	return statsStay
}

// body is what the screen scrolls: the figures, or a message.
func (s *statsScreen) body(st *Styles, width int) string {
	switch {
	case s.err != nil:
		return wrap(st.Error.Render("Could not read the statistics: "+termtext.Strip(s.err.Error())), width)
	case s.stats == nil:
		return st.Subtle.Render("counting" + glyphEllipsis)
	}
	return renderStats(s.stats, *st, width, &s.pick)
}

// Render draws the stats screen in width x height cells: the deck shown
// on top, the figures in the viewport, the keys at the bottom.
func (s *statsScreen) Render(st *Styles, km StatsKeys, width, height int) string {
	name := "All decks"
	if s.scope > 0 {
		d := s.decks[s.scope-1]
		name = cmp.Or(termtext.Strip(d.Title), d.ID)
	}
	pos := fmt.Sprintf("%d/%d", s.scope+1, len(s.decks)+1)
	header := spread(st.Title.Render("Stats")+"  "+st.Chosen.Render(truncate(name, max(width-16, 1))),
		st.Subtle.Render(pos), width)
	if !s.view.AtBottom() {
		km.Down = relabel(km.Down, km.Down.Help().Desc+" "+glyphMore)
	}
	km.Unsuspend.SetEnabled(s.pick.marked >= 0)
	km.Mark.SetEnabled(s.suspendedFrom(s.pick.marked+1) != s.pick.marked)
	footer := keysLine(st, km.ShortHelp(), width, 1)
	return frame(header, trimRight(s.view.View()), footer, width, height)
}

// trimRight drops the spaces the viewport pads its lines and its height
// with.
func trimRight(s string) string {
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimRight(strings.Join(ls, "\n"), "\n")
}
