// Package tui is moatquiz's terminal app: one Bubble Tea model with a
// screen for choosing what to study (home), a study screen and a summary,
// and a help overlay. Screens are plain values that render; only the root
// Model has an Update, and all I/O (loading decks and progress, saving
// answers) runs in tea.Cmds.
package tui

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/moatquiz/moatquiz/quiz"
)

// Config is what the app needs from the outside world.
type Config struct {
	// Decks loads the decks to offer (built-in and the learner's). It is
	// called in a tea.Cmd. An error with decks is shown as a warning over
	// the decks that did load.
	Decks func() ([]*quiz.Deck, error)
	// Progress is where states are read and answers saved.
	Progress   quiz.Progress
	Scheduling quiz.Scheduling
	Clock      quiz.Clock
	// Start, when set, starts a session straight away (moatquiz study).
	Start *Start
	// Stats, when set, computes the figures the home screen's stats key
	// shows. It is called in a tea.Cmd.
	Stats StatsFunc
	// Mono draws without colour (NO_COLOR).
	Mono bool
	// Home and Session, when set, list the decks with their counts (a
	// deck there may be only its header) and start sessions, instead of
	// Decks and Progress: library.Study does, reading only today's part
	// of each deck.
	Home    func(now time.Time) ([]quiz.DeckStatus, error)
	Session func(deck *quiz.Deck, opts quiz.Options) (*quiz.Session, error)
}

// Start is a session to start at once.
type Start struct {
	Deck    string
	Options quiz.Options
	// QuitAfter leaves the app when the session's summary is closed,
	// instead of going home.
	QuitAfter bool
}

// screen is which screen the app shows.
type screen int

const (
	screenHome screen = iota
	screenStudy
	screenSummary
	screenStats
)

// Model is the app's root model.
type Model struct {
	cfg    Config
	keys   KeyMap
	styles Styles
	dark   bool
	mono   bool

	width, height int
	screen        screen
	help          bool // the help overlay is shown over the screen

	home    home
	study   study
	summary summary
	stats   statsScreen
	// statsFrom is the screen the stats screen goes back to.
	statsFrom screen

	session  *quiz.Session
	deck     *quiz.Deck
	started  bool // cfg.Start has been started
	quitting bool // quit once the pending save is done
	err      error
}

// New returns the app's model.
func New(cfg Config) Model {
	if cfg.Clock == nil {
		cfg.Clock = quiz.SystemClock
	}
	m := Model{cfg: cfg, keys: DefaultKeyMap(), dark: true, mono: cfg.Mono, home: newHome()}
	m.styles = NewStyles(m.dark, m.mono)
	if cfg.Start != nil {
		m.home.setOptions(cfg.Start.Options)
	}
	return m
}

// Messages from the app's commands.
type (
	// decksMsg carries the decks and their counts for the home screen.
	decksMsg struct {
		rows []deckRow
		err  error
	}
	// sessionMsg carries a new session, or why it could not start.
	sessionMsg struct {
		deck    *quiz.Deck
		session *quiz.Session
		err     error
	}
	// savedMsg is the result of running a session Op.
	savedMsg struct {
		op  *quiz.Op
		err error
	}
)

// Init loads the decks and asks the terminal for its background colour.
func (m Model) Init() tea.Cmd {
	return tea.Batch(m.loadDecks(), tea.RequestBackgroundColor)
}

// loadDecks reads the decks and, for each, its progress and counts.
func (m Model) loadDecks() tea.Cmd {
	cfg := m.cfg
	if cfg.Home != nil {
		return func() tea.Msg {
			list, err := cfg.Home(cfg.Clock())
			rows := make([]deckRow, len(list))
			for i, st := range list {
				rows[i] = deckRow{deck: st.Deck, counts: st.Counts, cards: st.Cards, items: st.Items, err: st.Err}
			}
			return decksMsg{rows: rows, err: err}
		}
	}
	return func() tea.Msg {
		if cfg.Decks == nil {
			return decksMsg{err: errors.New("no decks configured")}
		}
		decks, err := cfg.Decks()
		if err != nil && len(decks) == 0 {
			return decksMsg{err: fmt.Errorf("load decks: %w", err)}
		}
		now := cfg.Clock()
		rows := make([]deckRow, 0, len(decks))
		for _, d := range decks {
			items := d.Items()
			row := deckRow{deck: d, cards: len(d.Cards), items: len(items)}
			row.counts, row.err = counts(cfg, d, items, now)
			rows = append(rows, row)
		}
		if err != nil {
			err = fmt.Errorf("some decks were left out: %w", err)
		}
		return decksMsg{rows: rows, err: err}
	}
}

// dueProgress is a Progress that can read only the states the home
// screen's counts need (the store can).
type dueProgress interface {
	DueStates(deck string, start, end time.Time) (map[quiz.ItemID]quiz.ItemState, int, error)
}

// counts returns deck's counts for the home screen: from the states due
// today when the progress can read just those and they decide the counts,
// else from every state. The deck of a session about to start reads every
// state: the session reads them next, from the store's cache.
func counts(cfg Config, d *quiz.Deck, items []quiz.Item, now time.Time) (quiz.DeckCounts, error) {
	if p, ok := cfg.Progress.(dueProgress); ok && (cfg.Start == nil || cfg.Start.Deck != d.ID) {
		due, stored, err := p.DueStates(d.ID, cfg.Scheduling.DayStart(now), cfg.Scheduling.DayEnd(now))
		if err != nil {
			return quiz.DeckCounts{}, err
		}
		if c, ok := quiz.CountsDue(items, due, stored, cfg.Scheduling, now); ok {
			return c, nil
		}
	}
	states, err := cfg.Progress.States(d.ID)
	if err != nil {
		return quiz.DeckCounts{}, err
	}
	return quiz.CountsItems(items, states, cfg.Scheduling, now), nil
}

// startSession builds a session of deck with opts (it reads progress).
func (m Model) startSession(deck *quiz.Deck, opts quiz.Options) tea.Cmd {
	cfg := m.cfg
	if opts.Seed == 0 {
		opts.Seed = cfg.Clock().UnixNano()
	}
	start := func() (*quiz.Session, error) {
		return quiz.NewSession(deck, cfg.Progress, cfg.Scheduling, cfg.Clock, opts)
	}
	if cfg.Session != nil {
		start = func() (*quiz.Session, error) { return cfg.Session(deck, opts) }
	}
	return func() tea.Msg {
		s, err := start()
		return sessionMsg{deck: deck, session: s, err: err}
	}
}

// run runs a session op: the one place answers reach the store.
func run(op *quiz.Op) tea.Cmd {
	return func() tea.Msg { return savedMsg{op: op, err: op.Run()} }
}

// Update handles a message: keys, sizes, and the results of commands.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, nil
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.styles = NewStyles(m.dark, m.mono)
		return m, nil
	case tea.ColorProfileMsg:
		m.mono = m.cfg.Mono || msg.Profile == colorprofile.ASCII || msg.Profile == colorprofile.NoTTY
		m.styles = NewStyles(m.dark, m.mono)
		return m, nil
	case decksMsg:
		return m.onDecks(msg)
	case sessionMsg:
		return m.onSession(msg)
	case savedMsg:
		return m.onSaved(msg)
	case statsLoadedMsg:
		m.stats.loaded(msg)
		return m, nil
	case tea.PasteMsg:
		if m.screen == screenStudy && !m.help && m.typing() {
			m.study.insert(msg.Content)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.onKey(msg)
	}
	return m, nil
}

// onDecks shows the loaded decks, and starts cfg.Start's session once.
func (m Model) onDecks(msg decksMsg) (tea.Model, tea.Cmd) {
	m.home.loaded = true
	if msg.err != nil {
		m.home.status = msg.err.Error()
		if len(msg.rows) == 0 {
			return m, nil
		}
	}
	focused := ""
	if d := m.home.deck(); d != nil {
		focused = d.deck.ID
	}
	m.home.decks = msg.rows
	m.home.cursor = min(m.home.cursor, max(m.home.rows()-1, 0))
	m.home.selectDeck(focused)
	if st := m.cfg.Start; st != nil && !m.started {
		m.started = true
		if !m.home.selectDeck(st.Deck) {
			m.home.status = fmt.Sprintf("there is no deck %q", st.Deck)
			return m, nil
		}
		return m, m.startSession(m.home.deck().deck, st.Options)
	}
	return m, nil
}

// onSession shows a new session, or says why there is nothing to study.
func (m Model) onSession(msg sessionMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.home.status = "could not start: " + msg.err.Error()
		return m, nil
	}
	if msg.session.Phase() == quiz.Finished {
		quitAfter := m.cfg.Start != nil && m.cfg.Start.QuitAfter
		m.home.status = nothingDue(msg.session, m.cfg.Clock(), quitAfter)
		if quitAfter {
			m.screen = screenSummary
			m.session, m.deck = msg.session, msg.deck
			m.summary = newSummary(msg.session, msg.deck, m.cfg.Clock())
			m.summary.note = m.home.status
		}
		return m, nil
	}
	m.home.status = ""
	m.session, m.deck = msg.session, msg.deck
	m.study = newStudy()
	m.study.ask(msg.session.Question())
	m.screen = screenStudy
	return m, nil
}

// nothingDue says what to do when a session has nothing to ask: on the
// home screen, which mode to switch to; for moatquiz study, which flag.
func nothingDue(s *quiz.Session, now time.Time, flags bool) string {
	msg := "Nothing to study in this deck right now."
	if next, ok := s.NextDue(); ok {
		msg = "Nothing is due now; the next cards are due " + dueIn(next.Sub(now)) + "."
	}
	if flags {
		return msg + " --ahead studies the cards due soonest, --practice any cards."
	}
	return msg + " Switch Mode to ahead to study the cards due soonest, or to practice."
}

// onSaved applies a finished save or undo to the session.
func (m Model) onSaved(msg savedMsg) (tea.Model, tea.Cmd) {
	if m.session == nil {
		return m, nil
	}
	m.session.Apply(msg.op, msg.err)
	if msg.err != nil {
		m.study.err = "Not saved: " + msg.err.Error() + ". Grade again to retry."
		if m.quitting {
			m.err = msg.err
			return m, tea.Quit
		}
		return m, nil
	}
	m.study.err = ""
	if m.quitting {
		return m, tea.Quit
	}
	if msg.op.Undo() {
		m.study.ask(m.session.Question())
		m.study.notice = "Undone."
		return m, nil
	}
	if m.session.Phase() == quiz.Finished {
		m.summary = newSummary(m.session, m.deck, m.cfg.Clock())
		m.screen = screenSummary
		return m, nil
	}
	m.study.ask(m.session.Question())
	return m, nil
}

// showStats opens the stats screen on the deck just studied, or else the
// deck focused at home; leaving it comes back to the current screen.
func (m Model) showStats() (tea.Model, tea.Cmd) {
	decks := make([]*quiz.Deck, len(m.home.decks))
	for i, d := range m.home.decks {
		decks[i] = d.deck
	}
	focused := ""
	if d := m.home.deck(); d != nil {
		focused = d.deck.ID
	}
	if m.deck != nil {
		focused = m.deck.ID
	}
	m.stats = newStatsScreen(decks, focused)
	m.statsFrom, m.screen = m.screen, screenStats
	return m, m.stats.load(m.cfg.Stats, m.cfg.Clock(), m.cfg.Scheduling)
}

// onStatsKey scrolls the stats, changes their deck, or goes home.
func (m Model) onStatsKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	w, h := m.size()
	switch m.stats.onKey(msg, m.keys.Stats, m.styles, w, h) {
	case statsReload:
		return m, m.stats.load(m.cfg.Stats, m.cfg.Clock(), m.cfg.Scheduling)
	case statsBack:
		m.screen = m.statsFrom
	}
	return m, nil
}

// Err is the error the app stopped with, if any (a save that failed while
// quitting).
func (m Model) Err() error { return m.err }

// quit leaves the app, after the pending save if there is one.
func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.session != nil && m.session.Phase() == quiz.Saving {
		m.quitting = true
		return m, nil
	}
	return m, tea.Quit
}

// goHome returns to the home screen and refreshes the counts.
func (m Model) goHome() (tea.Model, tea.Cmd) {
	if m.cfg.Start != nil && m.cfg.Start.QuitAfter {
		return m.quit()
	}
	m.screen = screenHome
	m.session, m.deck = nil, nil
	return m, m.loadDecks()
}
