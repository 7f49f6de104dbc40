// Package tui is moatquiz's terminal app: one Bubble Tea model with a
// screen for choosing what to study (home), a study screen and a summary,
// and a help overlay. Screens are plain values that render; only the root
// Model has an Update, and all I/O (loading decks and progress, saving
// answers) runs in tea.Cmds.
package tui

import (
	"fmt"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/stats"
)

// Config is what the app needs from the outside world.
type Config struct {
	// Backend lists the decks and starts sessions: library.Study in the
	// app. Its methods are called in tea.Cmds.
	Backend    Backend
	Scheduling quiz.Scheduling
	Clock      quiz.Clock
	// Start, when set, starts a session straight away (moatquiz study).
	Start *Start
	// Mono draws without colour (NO_COLOR).
	Mono bool
	// Readings, when set, reports the first reading of large deck files
	// as the Backend loads them.
	Readings <-chan Reading
}

// Backend is what the app asks of the learner's decks and progress.
type Backend interface {
	// Decks returns the decks to offer with their counts for the day of
	// now (a deck there may be only its header: no cards). An error with
	// decks is shown as a warning over the decks that did load.
	Decks(now time.Time) ([]quiz.DeckStatus, error)
	// Counts returns a deck's counts for the day of now as a review
	// session with opts would study it (only the items its Cards, Tag and
	// Direction take), and whether such new items wait beyond the day's
	// new limit.
	Counts(deck string, opts quiz.Options, now time.Time) (quiz.DeckCounts, bool, error)
	// StartSession starts a session of a deck Decks returned: the
	// session reads the deck's cards and progress and saves answers.
	StartSession(deck *quiz.Deck, opts quiz.Options) (*quiz.Session, error)
	// Stats computes the figures of a query for the stats screen.
	Stats(q stats.Query) (*stats.Stats, error)
	// Choices returns the learner's remembered choices, one per deck,
	// the last deck chosen first: the home screen starts on it.
	Choices() ([]quiz.Choice, error)
	// SaveChoice remembers the settings chosen for a deck, and the deck
	// as the last one chosen.
	SaveChoice(c quiz.Choice) error
	// MoreNew raises the deck's new-item limit by n for today only.
	MoreNew(deck string, n int) error
	// Unsuspend schedules a suspended item (a leech) again, from the
	// stats screen; it reports whether the item was suspended.
	Unsuspend(id quiz.ItemID) (bool, error)
	// Mine reads the Korean text file at path and finds its words, for
	// the mine screen; every call loads the dictionary (seconds) and lets
	// it go before it returns.
	Mine(path string) (*Mined, error)
	CardBrowser
}

// CardBrowser is what the card browser asks of the learner's cards: it
// opens them once, then searches them at each keystroke; the actions
// refresh the cards they change and return how to undo them.
type CardBrowser interface {
	// OpenCards reads every card with its state at now; it may take
	// seconds with many cards. It returns how many it read.
	OpenCards(now time.Time) (int, error)
	// SearchCards returns the cards query finds (docs/browse.md), in by's
	// order; a query that does not parse is an error with a Position()
	// int method, its column.
	SearchCards(query string, by quiz.CardSort) (quiz.CardList, error)
	// CardInfo returns a card's memory at now and its reviews.
	CardInfo(row quiz.CardRow, now time.Time) (*quiz.CardInfo, error)
	SuspendCards(rows []quiz.CardRow, on bool, now time.Time) (undo func() error, err error)
	BuryCards(rows []quiz.CardRow, now time.Time) (undo func() error, err error)
	FlagCards(rows []quiz.CardRow, flag int, now time.Time) (undo func() error, err error)
	ResetCards(rows []quiz.CardRow, now time.Time) (undo func() error, err error)
	// EditCard starts editing a card in the learner's editor, and NewCard
	// adding one; a card of a built-in deck is an error with a
	// BuiltinDeck() string method unless copyBuiltin copies the deck to
	// the learner's decks first.
	EditCard(deck, card string, copyBuiltin bool) (quiz.CardEdit, error)
	NewCard(deck string, copyBuiltin bool) (quiz.CardEdit, error)
	// DeleteCard removes a card from its deck's file.
	DeleteCard(deck, card string) error
	// CardsNow reads the deck's cards with these ids as they are now
	// (text, states, burial at now), for the session the browser was
	// opened from to follow.
	CardsNow(deck string, ids []string, now time.Time) ([]quiz.CardNow, error)
}

// Start is a session to start at once.
type Start struct {
	Deck    string
	Options quiz.Options
	// MoreNew, when above 0, first raises the deck's new-item limit by
	// that many for today (custom study's "N more new cards today").
	MoreNew int
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
	screenMine
	screenBrowse
)

// Model is the app's root model.
type Model struct {
	cfg    Config
	keys   *KeyMap // shared by the copies of the model, never changed
	styles *Styles // shared by the copies of the model: replaced, never changed
	dark   bool
	mono   bool
	bare   bool // the terminal shows no attributes (TERM=dumb)

	width, height int
	screen        screen
	help          bool // the help overlay is shown over the screen

	home    home
	study   study
	summary summary
	stats   statsScreen
	// statsFrom is the screen the stats screen goes back to.
	statsFrom screen
	mine      mineScreen
	// pickAfterLoad is the deck the next deck load picks: the deck just
	// mined.
	pickAfterLoad string
	// recountAfterLoad: the store changed before the first counts came,
	// which may have been read before the change.
	recountAfterLoad bool
	browse           browse

	session  *quiz.Session
	deck     *quiz.Deck
	started  bool // cfg.Start has been started
	quitting bool // quit once the pending save is done
	err      error

	// Each slow command carries a request number; a result whose number is
	// no longer awaited is dropped (the learner moved on).
	requests int // the last request number given
	decksReq int // the deck load awaited
	startReq int // the session start awaited, 0 when none
	// followReq is the reading of the cards the browser changed that the
	// session awaits, 0 when none.
	followReq int
	// unfollowed are the cards the sync at start changed that the session
	// follows once the answer being saved is saved.
	unfollowed []string
	// typedAhead are the keys (and pastes) that arrived while an answer was
	// being saved (or keys had to wait: saving): they are handled, in
	// order, once it is saved.
	typedAhead []tea.Msg

	// The learner's remembered choices (see choice.go).
	remember bool                   // the home screen recalls and saves them: no cfg.Start
	choices  map[string]quiz.Choice // by deck, as last saved
	chosen   quiz.Choice            // the choice saved last, or being saved
	choosing bool                   // a save runs
}

// New returns the app's model.
func New(cfg Config) Model {
	if cfg.Clock == nil {
		cfg.Clock = quiz.SystemClock
	}
	keys := DefaultKeyMap()
	m := Model{cfg: cfg, keys: &keys, dark: true, mono: cfg.Mono, home: newHome(),
		remember: cfg.Start == nil, choices: map[string]quiz.Choice{}}
	m.restyle()
	if cfg.Start != nil {
		m.home.setOptions(cfg.Start.Options)
	}
	return m
}

// Messages from the app's commands.
type (
	// decksMsg carries the decks and their counts for the home screen,
	// and on the first load the remembered choices.
	decksMsg struct {
		req  int
		rows []deckRow
		err  error
		recall
	}
	// sessionMsg carries a new session, or why it could not start; for a
	// session with nothing to ask, when the next cards are due.
	sessionMsg struct {
		req     int
		deck    *quiz.Deck
		session *quiz.Session
		next    time.Time
		hasNext bool
		newNext int             // new cards the next study day introduces
		ahead   quiz.AheadEmpty // why studying ahead found nothing
		limited bool            // new items wait beyond today's new-item limit
		none    string          // says that no card of the deck is one the options study
		err     error
	}
	// savedMsg is the result of running a session Op.
	savedMsg struct{ res quiz.Result }
	// followMsg carries the cards the browser changed as they are now,
	// for the session to follow.
	followMsg struct {
		req   int
		cards []quiz.CardNow
		err   error
	}
	// nextDueMsg says when the next cards of a finished session's deck are
	// due, and how many new cards the next study day brings, for its
	// summary.
	nextDueMsg struct {
		session *quiz.Session
		next    time.Time
		ok      bool
		newNext int
	}
)

// StoreChangedMsg tells the app that something else changed the store
// (the sync at start): the home counts are read again, and a session
// running follows the cards of its deck that changed.
type StoreChangedMsg struct {
	Cards map[string][]string // the cards whose state changed, by deck
}

// Init loads the decks (and the remembered choices), asks the terminal
// for its background colour, and readies the renderer's width table.
func (m Model) Init() tea.Cmd {
	return tea.Batch(loadDecks(m.cfg, m.decksReq, m.remember, m.countFilters()), tea.RequestBackgroundColor, awaitReading(m.cfg.Readings),
		warmWidths)
}

// warmWidths builds the table of character widths that Bubble Tea's
// renderer builds when it first draws a character from U+0300 up (Hangul,
// arrows: go-runewidth's, through ansi.WcWidth; 1-1.5 ms), while the
// first frame waits for the renderer's first tick, rather than in that
// frame.
func warmWidths() tea.Msg {
	ansi.WcWidth.StringWidth("한")
	return nil
}

// restyle builds the styles for the terminal's background and colours.
func (m *Model) restyle() {
	st := NewStyles(m.dark, m.mono)
	st.Bare = m.bare
	m.styles = &st
	m.resize()
}

// resize fits the stats screen, the one screen that keeps rendered text,
// to the terminal and the styles, when it is shown.
func (m *Model) resize() {
	if m.screen == screenStats && !m.small() {
		w, h := m.size()
		m.stats.resize(m.styles, w, h)
	}
}

// request is a new request number.
func (m *Model) request() int {
	m.requests++
	return m.requests
}

// loadDecks lists the decks with their counts for today, and with
// choices the remembered choices; its result carries request number req.
// A deck with options in filters (countFilters), or else a recalled
// choice, that study part of it is counted as they study it.
func loadDecks(cfg Config, req int, choices bool, filters map[string]quiz.Options) tea.Cmd {
	return func() tea.Msg {
		var r recall
		if filters == nil {
			filters = map[string]quiz.Options{}
		}
		if choices {
			r.loaded = true
			r.choices, r.err = cfg.Backend.Choices()
			for _, c := range r.choices {
				if _, ok := filters[c.Deck]; !ok {
					filters[c.Deck] = c.Options()
				}
			}
		}
		now := cfg.Clock()
		list, err := cfg.Backend.Decks(now)
		rows := make([]deckRow, len(list))
		for i, st := range list {
			rows[i] = deckRow{deck: st.Deck, counts: st.Counts, cards: st.Cards, items: st.Items, err: st.Err,
				bilingual: st.Bilingual, tags: st.Tags, moreNew: st.MoreNew}
			opts := filters[st.Deck.ID]
			if !slices.Contains(st.Tags, opts.Tag) {
				opts.Tag = "" // as the home screen shows and studies it
			}
			if rows[i].counted = countedAs(opts); rows[i].counted != (quiz.Options{}) && st.Err == nil {
				rows[i].counts, rows[i].moreNew, rows[i].err = cfg.Backend.Counts(st.Deck.ID, opts, now)
			}
		}
		return decksMsg{req: req, rows: rows, err: err, recall: r}
	}
}

// reloadDecks loads the decks and their counts again, dropping a load
// under way.
func (m Model) reloadDecks() (Model, tea.Cmd) {
	m.decksReq = m.request()
	return m, loadDecks(m.cfg, m.decksReq, false, m.countFilters())
}

// countedAs is what of opts the home counts depend on: the Cards, Tag
// and Direction of a session that studies part of a deck, else nothing.
func countedAs(opts quiz.Options) quiz.Options {
	if !filtered(opts) {
		return quiz.Options{}
	}
	return quiz.Options{Cards: opts.Cards, Tag: opts.Tag, Direction: opts.Direction}
}

// recount reloads the counts when the picked deck's were counted for
// other settings than those shown: the learner changed its Cards, tag or
// Words, or picked a deck counted whole that shows the settings kept.
// The row is marked as counted so at once: other keys meanwhile do not
// start the load again.
func (m Model) recount() (Model, tea.Cmd) {
	d, shown := m.home.deck(), countedAs(m.home.options())
	if m.screen != screenHome || d == nil || d.counted == shown {
		return m, nil
	}
	d.counted = shown
	return m.reloadDecks()
}

// countFilters are the options each deck's counts take on the home
// screen, by deck: its remembered choice, or the settings shown for the
// picked deck, or for moatquiz study the options given; loadDecks adds
// the choices it recalls.
func (m Model) countFilters() map[string]quiz.Options {
	out := make(map[string]quiz.Options, len(m.choices)+1)
	for id, c := range m.choices {
		out[id] = c.Options()
	}
	if st := m.cfg.Start; st != nil {
		out[st.Deck] = st.Options
	}
	if id := m.picked(); id != "" {
		out[id] = m.home.options()
	}
	return out
}

// startSession builds a session of deck with opts (it reads progress)
// in a command, after adding more new items to today's limit, and awaits
// it: until it arrives, enter does nothing more.
func (m Model) startSession(deck *quiz.Deck, opts quiz.Options, more int) (Model, tea.Cmd) {
	cfg, req := m.cfg, m.request()
	m.startReq = req
	m.home.status = "Starting" + glyphEllipsis
	if opts.Seed == 0 {
		opts.Seed = cfg.Clock().UnixNano()
	}
	return m, func() tea.Msg {
		if more > 0 {
			if err := cfg.Backend.MoreNew(deck.ID, more); err != nil {
				return sessionMsg{req: req, deck: deck, err: err}
			}
		}
		s, err := cfg.Backend.StartSession(deck, opts)
		msg := sessionMsg{req: req, deck: deck, session: s, err: err}
		if err == nil && s.Phase() == quiz.Finished {
			// The session is this command's until the message arrives.
			msg.next, msg.hasNext = s.NextDue()
			msg.newNext = s.NewTomorrow()
			msg.ahead = s.WhyNothingAhead()
			var none bool
			if none, msg.limited = whyNothing(cfg, deck, opts); none {
				msg.none = noneStudied(opts, cfg.Start != nil && cfg.Start.QuitAfter)
			}
		}
		return msg
	}
}

// run runs a session op: the one place answers reach the store.
func run(op *quiz.Op) tea.Cmd {
	return func() tea.Msg { return savedMsg{op.Run()} }
}

// nextDue finds, in a command, when the next cards of a finished
// session's deck are due and the new cards of the next study day (work
// over the whole deck). Only reads: the model no longer changes a
// finished session.
func nextDue(s *quiz.Session) tea.Cmd {
	return func() tea.Msg {
		next, ok := s.NextDue()
		return nextDueMsg{session: s, next: next, ok: ok, newNext: s.NewTomorrow()}
	}
}

// Update handles a message: keys, sizes, and the results of commands.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.restyle()
		return m, nil
	case tea.ColorProfileMsg:
		m.mono = m.cfg.Mono || msg.Profile == colorprofile.ASCII || msg.Profile == colorprofile.NoTTY
		m.bare = msg.Profile == colorprofile.NoTTY
		m.restyle()
		return m, nil
	case decksMsg:
		return m.onDecks(msg)
	case StoreChangedMsg:
		return m.onStoreChanged(msg)
	case readingMsg:
		return m.onReading(msg)
	case sessionMsg:
		return m.onSession(msg)
	case savedMsg:
		return m.onSaved(msg.res)
	case followMsg:
		return m.onFollow(msg)
	case choiceSavedMsg:
		return m.onChoiceSaved(msg)
	case moreNewMsg:
		return m.onMoreNew(msg)
	case nextDueMsg:
		if msg.session == m.session {
			m.summary.setNext(msg.next, msg.ok, msg.newNext)
		}
		return m, nil
	case minedMsg:
		return m.onMined(msg)
	case mineWrittenMsg:
		return m.onMineWritten(msg)
	case cardsOpenedMsg:
		return m.onCardsOpened(msg)
	case cardsFoundMsg:
		return m.onCardsFound(msg)
	case cardInfoMsg:
		return m.onCardInfo(msg)
	case cardsChangedMsg, editSavedMsg, cardDeletedMsg:
		return m.onChanged(msg)
	case editStartedMsg:
		return m.onEditStarted(msg)
	case editorDoneMsg:
		return m.onEditorDone(msg)
	case statsLoadedMsg:
		m.stats.loaded(msg, m.styles)
		return m, nil
	case unsuspendedMsg:
		m.stats.unsuspended(msg, m.styles)
		return m, m.stats.load(m.request(), m.cfg.Backend, m.cfg.Clock(), m.cfg.Scheduling)
	case tea.PasteMsg:
		switch {
		case m.small(): // nobody sees the field
		case m.saving():
			m.typedAhead = append(m.typedAhead, msg)
		case m.screen == screenStudy && !m.help && m.typing():
			m.study.insert(msg.Content)
		case m.screen == screenMine && m.mine.phase == minePrompt:
			m.mine.input.Insert(msg.Content)
		case m.screen == screenBrowse && m.browse.typing && !m.help:
			m.browse.query.Insert(msg.Content)
			return m.search()
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.onKey(msg)
	}
	return m, nil
}

// saving reports whether keys must wait: the study screen waits for an
// answer to be saved or for the cards the browser changed, or the
// browser for its last action before going back.
func (m Model) saving() bool {
	switch m.screen {
	case screenStudy:
		return m.followReq != 0 || m.session != nil && m.session.Phase() == quiz.Saving
	case screenBrowse:
		return m.browse.leaving
	}
	return false
}

// typeAhead handles the keys that arrived while an answer was saved, in
// order, until one starts another save (the rest wait for that one).
func (m Model) typeAhead() (Model, tea.Cmd) {
	var cmds []tea.Cmd
	for len(m.typedAhead) > 0 && !m.saving() {
		msg := m.typedAhead[0]
		m.typedAhead = m.typedAhead[1:]
		next, cmd := m.Update(msg)
		m, cmds = next.(Model), append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// onDecks shows the loaded decks, and starts cfg.Start's session once.
// An older load than the one awaited is dropped.
func (m Model) onDecks(msg decksMsg) (tea.Model, tea.Cmd) {
	if msg.req != m.decksReq {
		return m, nil
	}
	m.home.loaded, m.home.reading = true, ""
	if msg.err != nil {
		m.home.status = msg.err.Error()
		if len(msg.rows) == 0 {
			return m, nil
		}
	}
	m.home.setDecks(msg.rows)
	if msg.recall.loaded {
		m = m.recallChoices(msg.recall)
	}
	if m.pickAfterLoad != "" && m.home.selectDeck(m.pickAfterLoad) {
		m.showChoice(m.pickAfterLoad)
	}
	m.pickAfterLoad = ""
	if m.recountAfterLoad && (m.cfg.Start == nil || m.started) { // a start reads the store anew
		m.recountAfterLoad = false
		return m.reloadDecks()
	}
	if st := m.cfg.Start; st != nil && !m.started {
		m.started = true
		if !m.home.selectDeck(st.Deck) {
			m.home.status = fmt.Sprintf("there is no deck %q", st.Deck)
			return m, nil
		}
		return m.startSession(m.home.deck().deck, st.Options, st.MoreNew)
	}
	return m, nil
}

// onSession shows a new session, or says why there is nothing to study.
// A session the learner no longer waits for (they left home, or it is
// not the start awaited) is dropped.
func (m Model) onSession(msg sessionMsg) (tea.Model, tea.Cmd) {
	if msg.req != m.startReq || m.screen != screenHome {
		return m, nil
	}
	m.startReq = 0
	if msg.err != nil {
		m.home.status = "could not start: " + msg.err.Error()
		return m, nil
	}
	if msg.session.Phase() == quiz.Finished {
		quitAfter := m.cfg.Start != nil && m.cfg.Start.QuitAfter
		m.home.status = nothingDue(msg, m.cfg.Scheduling, m.cfg.Clock(), quitAfter)
		if msg.none != "" {
			m.home.status = msg.none
		}
		if quitAfter {
			m.screen = screenSummary
			m.session, m.deck = msg.session, msg.deck
			m.summary = newSummary(msg.session, msg.deck, m.cfg.Clock())
			m.summary.setNext(msg.next, msg.hasNext, msg.newNext)
			m.summary.note = m.home.status
		}
		return m, nil
	}
	m.home.status = ""
	m.session, m.deck = msg.session, msg.deck
	m.study = newStudy()
	m.study.ask(msg.session.Question())
	m.screen, m.typedAhead, m.unfollowed = screenStudy, nil, nil
	return m, nil
}

// nothingDue says why the session of msg has nothing to ask and what to
// do: on the home screen, which mode to switch to; for moatquiz study,
// which flag. It never suggests the mode that is on, nor ahead when
// ahead would find nothing either. When the day's new-item limit holds
// new items back it says so first.
func nothingDue(msg sessionMsg, sch quiz.Scheduling, now time.Time, flags bool) string {
	if msg.limited && msg.session.Mode() == quiz.ModeReview {
		return limitReached(flags)
	}
	practice := " Switch Mode to practice to study any cards."
	if flags {
		practice = " --practice studies any cards."
	}
	switch {
	case msg.session.Mode() == quiz.ModePractice:
		return "Nothing to practice: this deck has no card that is not suspended."
	case msg.session.Mode() == quiz.ModeAhead:
		return "Nothing to study ahead: " + whyNothingAhead(msg.ahead, sch) + practice
	case !msg.hasNext && sch.NewPerDay == 0:
		return "Nothing to study: no card of this deck is scheduled, and new cards per day is 0 (raise new_per_day in config.toml)." + practice
	case !msg.hasNext: // ahead takes only scheduled cards
		return "Nothing to study in this deck right now." + practice
	}
	due := "Nothing is due now; the next cards are due " + dueIn(msg.next.Sub(now)) + "."
	if msg.newNext > 0 { // held back today for a related card: the summary names them too
		due = fmt.Sprintf("Nothing is due now; new cards tomorrow: %d, reviews due %s.", msg.newNext, dueIn(msg.next.Sub(now)))
	}
	if flags {
		return due + " --ahead studies the cards due soonest (not those studied today), --practice any cards."
	}
	return due + " Switch Mode to ahead to study the cards due soonest (not those studied today), or to practice."
}

// whyNothingAhead is why studying ahead found nothing, as a clause.
func whyNothingAhead(why quiz.AheadEmpty, sch quiz.Scheduling) string {
	switch why {
	case quiz.AheadStudiedToday:
		return "every card due soonest was studied today; come back tomorrow."
	case quiz.AheadSuspended:
		return "the cards studied are suspended as leeches (moatquiz stats lists them)."
	case quiz.AheadReviewLimit:
		return "today's review limit is reached (reviews_per_day in config.toml)."
	case quiz.AheadNoneStudied:
		if sch.NewPerDay == 0 {
			return "no card of this deck has been studied yet, and new cards per day is 0 (raise new_per_day in config.toml)."
		}
		return "no card of this deck has been studied yet."
	}
	return "no card is scheduled."
}

// onSaved applies a finished save or undo to the session, then handles
// the keys typed meanwhile. After a failed save they are dropped: the
// learner reads the error and grades again.
func (m Model) onSaved(res quiz.Result) (tea.Model, tea.Cmd) {
	if m.session == nil {
		return m, nil
	}
	m.session.Apply(res)
	if id, ok := res.Unsuspended(); ok {
		return m.onUnsuspended(id, res.Err())
	}
	if err := res.Err(); err != nil {
		m.study.err = "Not saved: " + err.Error() + ". Grade again to retry."
		m.typedAhead = nil
		if m.session.Phase() == quiz.Finished { // an undo from the summary failed
			m.screen, m.summary.err = screenSummary, "Not undone: "+err.Error()
		}
		if m.quitting {
			m.err = err
			return m, tea.Quit
		}
		return m, nil
	}
	m.study.err = ""
	if m.quitting {
		return m.quit()
	}
	switch {
	case res.Undo() && m.session.Phase() == quiz.Finished: // its card left, and nothing else is left to ask
		return m.toSummary()
	case res.Undo():
		m.study.ask(m.session.Question())
		m.study.notice = "Undone."
	case m.session.Phase() == quiz.Finished:
		return m.toSummary()
	default:
		m.study.ask(m.session.Question())
		if res.Review().Leech() {
			m.study.notice = leechNotice(m.session.Score(), m.keys.Summary.Unsuspend)
		}
	}
	return m.followLater()
}

// toSummary shows the finished session's summary and finds when its
// deck is next due, then handles the keys typed meanwhile.
func (m Model) toSummary() (tea.Model, tea.Cmd) {
	m.summary = newSummary(m.session, m.deck, m.cfg.Clock())
	m.screen = screenSummary
	find := nextDue(m.session)
	next, cmd := m.typeAhead()
	return next, tea.Batch(find, cmd)
}

// leechNotice announces on the study screen the leech the last answer
// made (the last of the score's leeches).
func leechNotice(sc quiz.Score, unsuspend key.Binding) string {
	it := sc.Leeches[len(sc.Leeches)-1]
	return fmt.Sprintf("%s is a leech (%d lapses): suspended. %s on the summary unsuspends it.",
		itemLabel(&Styles{}, it), quiz.LeechThreshold, unsuspend.Help().Key)
}

// onUnsuspended shows on the summary that a leech is scheduled again, and
// when the deck's next cards are due now; or why it could not be done.
func (m Model) onUnsuspended(id quiz.ItemID, err error) (tea.Model, tea.Cmd) {
	if m.quitting {
		m.err = err
		return m, tea.Quit
	}
	if err != nil {
		m.summary.err = "Not unsuspended: " + err.Error()
		return m, nil
	}
	label := id.String()
	for _, it := range m.summary.score.Leeches {
		if it.ID == id {
			label = itemLabel(&Styles{}, it)
		}
	}
	m.summary = newSummary(m.session, m.deck, m.cfg.Clock())
	m.summary.done = label + " is scheduled again."
	return m, nextDue(m.session)
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
	m.stats = newStatsScreen(decks, focused, m.keys.Stats)
	if m.screen == screenHome && m.startReq != 0 {
		m.startReq, m.home.status = 0, "" // the session starting is not awaited any more
	}
	m.statsFrom, m.screen = m.screen, screenStats
	m.resize()
	return m, m.stats.load(m.request(), m.cfg.Backend, m.cfg.Clock(), m.cfg.Scheduling)
}

// onStatsKey scrolls the stats, changes their deck, unsuspends a leech,
// or goes home.
func (m Model) onStatsKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch m.stats.onKey(msg, m.keys.Stats) {
	case statsReload:
		return m, m.stats.load(m.request(), m.cfg.Backend, m.cfg.Clock(), m.cfg.Scheduling)
	case statsBack:
		m.screen = m.statsFrom
		if m.screen == screenStudy { // the sync may have changed cards meanwhile
			return m.followLater()
		}
	case statsMarked:
		m.stats.showMark(m.styles)
	case statsUnsuspend:
		return m, m.stats.unsuspend(m.cfg.Backend)
	}
	return m, nil
}

// Err is the error the app stopped with, if any (a save that failed while
// quitting).
func (m Model) Err() error { return m.err }

// quit leaves the app, after the pending saves if there are some: an
// answer, or the settings just chosen.
func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.session != nil && m.session.Phase() == quiz.Saving {
		m.quitting = true
		return m, nil
	}
	if m.choicePending() {
		m.quitting = true
		return m.saveChoice()
	}
	return m, tea.Quit
}

// goHome returns to the home screen and refreshes the counts.
func (m Model) goHome() (tea.Model, tea.Cmd) {
	if m.cfg.Start != nil && m.cfg.Start.QuitAfter {
		return m.quit()
	}
	m.screen = screenHome
	m.session, m.deck, m.typedAhead = nil, nil, nil
	return m.reloadDecks()
}
