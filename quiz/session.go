package quiz

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// Direction is the direction vocabulary is studied in.
type Direction string

// The directions: Korean → English (recognition), English → Korean
// (production), or both, each its own item.
const (
	DirKoEn Direction = "ko-en"
	DirEnKo Direction = "en-ko"
	DirBoth Direction = "both"
)

// Options are the learner's choices for one session.
type Options struct {
	Kind      QuestionKind // flip (default), choice, typed or mixed
	Direction Direction    // vocab items studied; default both
	Lang      string       // "ko" (default) or "en": the language fact questions are asked in
	Cards     CardFilter   // which cards are studied: all (default), vocab or facts
	Tag       string       // only cards with this tag (any case); "" for every card
	Practice  bool         // cram any items; schedules unchanged, logged as practice
	// Ahead studies ahead when nothing is due: the items due soonest,
	// scheduled normally with the real time (Mode ahead). With items due,
	// the session is a normal review.
	Ahead bool
	Limit int   // most items in the session (0: the daily limits only)
	Seed  int64 // practice order, choice options and mixed kinds are stable for a seed
}

// normalize fills defaults and rejects unknown values.
func (o Options) normalize() (Options, error) {
	if o.Kind == "" {
		o.Kind = QuestionFlip
	}
	if o.Direction == "" {
		o.Direction = DirBoth
	}
	if o.Lang == "" {
		o.Lang = "ko"
	}
	if o.Cards == "" {
		o.Cards = CardsAll
	}
	switch {
	case o.Kind != QuestionFlip && o.Kind != QuestionChoice && o.Kind != QuestionTyped && o.Kind != QuestionMixed:
		return o, fmt.Errorf("question kind %q: use flip, choice, typed or mixed", o.Kind)
	case o.Direction != DirKoEn && o.Direction != DirEnKo && o.Direction != DirBoth:
		return o, fmt.Errorf("direction %q: use ko-en, en-ko or both", o.Direction)
	case o.Lang != "ko" && o.Lang != "en":
		return o, fmt.Errorf("language %q: use ko or en", o.Lang)
	case o.Cards != CardsAll && o.Cards != CardsVocab && o.Cards != CardsFacts:
		return o, fmt.Errorf("cards %q: use all, vocab or facts", o.Cards)
	case o.Limit < 0:
		return o, fmt.Errorf("limit %d: must be 0 (no limit) or more", o.Limit)
	}
	return o, nil
}

// CardFilter is which cards a session studies: all of them, only
// vocabulary, or only the others (facts and cloze sentences).
type CardFilter string

// The card filters.
const (
	CardsAll   CardFilter = "all"
	CardsVocab CardFilter = "vocab"
	CardsFacts CardFilter = "facts"
)

// Studies reports whether a session with these options studies items
// named item: vocabulary items of the chosen direction (both when
// unset) unless only facts are studied, and every other item unless
// only vocabulary is. Tags are Tagged's.
func (o Options) Studies(item string) bool {
	vocab := item == ItemKoEn || item == ItemEnKo
	switch {
	case o.Cards == CardsVocab && !vocab, o.Cards == CardsFacts && vocab:
		return false
	case vocab:
		return o.Direction == DirBoth || o.Direction == "" || string(o.Direction) == item
	}
	return true
}

// Tagged reports whether a session with these options studies a card with
// these tags: every card when Tag is unset, else those tagged Tag, in any
// case (as Anki matches tags).
func (o Options) Tagged(tags []string) bool {
	return o.Tag == "" || slices.ContainsFunc(tags, func(t string) bool { return strings.EqualFold(t, o.Tag) })
}

// takes reports whether the session studies item it.
func (o Options) takes(it Item) bool { return o.Studies(it.ID.Item) && o.Tagged(it.Card.Tags) }

// Phase is where a session is in asking one question.
type Phase int

// The phases: Asking → (Reveal, AnswerTyped, AnswerChoice) → Answered →
// Grade → Saving → Apply → Asking the next question, or Finished.
const (
	Asking   Phase = iota // the question is shown
	Answered              // the answer is shown (revealed or checked); grade it
	Saving                // an Op is running; Apply its result
	Finished              // nothing left to ask
)

// String names the phase, as in "asking".
func (p Phase) String() string {
	switch p {
	case Asking:
		return "asking"
	case Answered:
		return "answered"
	case Saving:
		return "saving"
	case Finished:
		return "finished"
	}
	return fmt.Sprintf("Phase(%d)", int(p))
}

// Errors of the session state machine.
var (
	ErrPhase         = errors.New("quiz: not possible in this phase of the session")
	ErrNothingToUndo = errors.New("quiz: nothing to undo")
	// ErrGaveUp is grading a choice question given up on other than Again.
	ErrGaveUp = errors.New("quiz: the answer was shown without a choice: only Again")
)

// Session is one study session over a deck: a state machine the TUI
// drives. It is not safe for concurrent use; only Op.Run may run in
// another goroutine.
type Session struct {
	deck   *Deck
	p      Progress
	sch    Scheduling
	f      *fsrs.FSRS
	clock  Clock
	opts   Options
	mode   Mode
	ask    *asker
	items  []Item
	states map[ItemID]ItemState // the stored states, kept up to date
	// nextDue, when set, answers NextDue (WithNextDue).
	nextDue func() (time.Time, bool)
	pool    []Card // the cards distractors come from (WithChoicePool)

	// newTomorrow, when set, answers NewTomorrow (WithNewTomorrow).
	newTomorrow func() int

	q        queue
	cur      *entry
	question *Question
	phase    Phase

	shownAt    time.Time // when the current question was shown
	answeredAt time.Time // when it was answered, UTC ms: the review time
	took       time.Duration
	typed      string
	check      *Check   // nil when revealed
	hints      int      // how many hints of the question are shown
	words      glossary // the deck's words and meanings, built at the first typed answer
	// deckWords, when set, looks a word up among the whole deck's
	// (WithDeckWords).
	deckWords func(word string) (meaning string, ok bool)

	// edited are the cards whose text changed during the session
	// (Follow), by id: their items are asked from it.
	edited map[string]*Card

	pending *Op
	resume  Phase    // the phase to return to when pending fails
	history []graded // the saved answers, for undo and the score
}

// graded is a saved answer and what undoing it restores.
type graded struct {
	review Review
	entry  entry
	mark   int    // the queue's journal before the answer was applied
	check  *Check // nil when self-graded
}

// NewSession builds a session over deck: the queue of scheduled study at
// the clock's now (see planDue), or a practice queue, or, when nothing is
// due and opts.Ahead, the items due soonest. The first question is asked
// at once; the session is Finished if there is nothing to ask.
func NewSession(deck *Deck, p Progress, sch Scheduling, clock Clock, opts Options, more ...SessionOption) (*Session, error) {
	if deck == nil || p == nil {
		return nil, errors.New("quiz: a session needs a deck and a progress store")
	}
	opts, err := opts.normalize()
	if err != nil {
		return nil, fmt.Errorf("session: %w", err)
	}
	if err := sch.Validate(); err != nil {
		return nil, fmt.Errorf("session: %w", err)
	}
	states, err := p.States(deck.ID)
	if err != nil {
		return nil, fmt.Errorf("session: read progress of deck %q: %w", deck.ID, err)
	}
	if clock == nil {
		clock = SystemClock
	}
	s := &Session{
		deck: deck, p: p, sch: sch, f: fsrs.NewFSRS(sch.Params), clock: clock, opts: opts,
		states: maps.Clone(states), pool: deck.Cards,
	}
	if s.states == nil {
		s.states = map[ItemID]ItemState{}
	}
	for _, o := range more {
		o(s)
	}
	s.ask = newAsker(deck.Lang, s.pool, opts)
	for _, it := range deck.Items() {
		if opts.takes(it) {
			s.items = append(s.items, it)
		}
	}
	s.plan(clock())
	s.advance()
	return s, nil
}

// SessionOption changes how NewSession builds a session.
type SessionOption func(*Session)

// WithNextDue has Session.NextDue return what next returns: for a session
// over the part of a deck it needs today, whose deck is not the whole one.
func WithNextDue(next func() (time.Time, bool)) SessionOption {
	return func(s *Session) { s.nextDue = next }
}

// WithNewTomorrow has Session.NewTomorrow return what n returns, as
// WithNextDue does for NextDue.
func WithNewTomorrow(n func() int) SessionOption {
	return func(s *Session) { s.newTomorrow = n }
}

// WithChoicePool has choice questions take their distractors from the
// answers of cards instead of the deck's: for a session over part of a
// deck, a sample of its cards.
func WithChoicePool(cards []Card) SessionOption {
	return func(s *Session) { s.pool = cards }
}

// WithDeckWords has a session over part of a deck (WithNextDue) know the
// words of the whole deck, which lookup looks up one at a time (a word in
// the form of DeckWords', saying what it means, as DeckWords would), so
// that 장점 typed for 강점 is told apart as "장점 = advantage" even when
// 장점 is not due today. It is asked only when a typed answer is not
// right, and must not go over the whole deck then: the screen waits.
func WithDeckWords(lookup func(word string) (meaning string, ok bool)) SessionOption {
	return func(s *Session) { s.deckWords = lookup }
}

// plan builds the session's queue and decides its mode.
func (s *Session) plan(now time.Time) {
	s.mode = ModeReview
	switch {
	case s.opts.Practice:
		s.mode, s.q = ModePractice, planPractice(s.items, s.states, s.opts.Seed)
	default:
		s.q = planDue(s.deck.Items(), s.opts.takes, s.states, s.sch, now)
		if s.opts.Ahead && s.q.counts() == (QueueCounts{}) {
			s.mode, s.q = ModeAhead, planAhead(s.deck.Items(), s.opts.takes, s.states, s.sch, now, s.opts.Limit)
		}
	}
	if s.opts.Limit > 0 {
		s.q.limit(s.opts.Limit)
	}
}

// Mode is the session's mode: review, practice or ahead.
func (s *Session) Mode() Mode { return s.mode }

// Phase is where the session is.
func (s *Session) Phase() Phase { return s.phase }

// Question is the current question; nil when the session is finished.
func (s *Session) Question() *Question { return s.question }

// advance asks the next question, or finishes.
func (s *Session) advance() {
	now := s.clock()
	e, ok := s.q.pop(now)
	if !ok {
		s.cur, s.question, s.phase = nil, nil, Finished
		return
	}
	s.show(e, now)
}

// show makes e the current question, shown at now, from its card's
// latest text.
func (s *Session) show(e entry, now time.Time) {
	if c, ok := s.edited[e.item.Card.ID]; ok {
		e.item.Card = c
	}
	s.cur, s.question, s.phase = &e, s.ask.question(e.item), Asking
	s.shownAt, s.typed, s.check, s.hints = now, "", nil, 0
}

// answer records the answer to the current question: Asking → Answered.
// The time it took is logged up to Scheduling.AnswerTimeCap.
func (s *Session) answer(now time.Time, typed string, c *Check) {
	s.took = max(now.Sub(s.shownAt), 0)
	if limit := s.sch.AnswerTimeCap; limit > 0 {
		s.took = min(s.took, limit)
	}
	s.answeredAt = now.UTC().Truncate(time.Millisecond)
	s.typed, s.check, s.phase = typed, c, Answered
}

// Reveal shows the answer (Asking → Answered): how flip and cloze
// questions are answered, and how the learner gives up on a typed or
// choice question. Outside Asking it does nothing.
func (s *Session) Reveal() {
	if s.phase == Asking {
		s.answer(s.clock(), "", nil)
	}
}

// AnswerTyped checks a typed answer against Question.Accepted (Asking →
// Answered) and returns the check, whose Suggested rating the learner may
// override. Outside Asking it does nothing and returns a zero Check.
func (s *Session) AnswerTyped(text string) Check {
	if s.phase != Asking {
		return Check{}
	}
	now := s.clock()
	if s.words.loaded == nil {
		s.words = glossary{loaded: glossaryOf(s.deck.Cards), deck: s.deckWords}
	}
	c := s.words.check(text, s.question.Accepted, now.Sub(s.shownAt))
	if c.Suggested == fsrs.Easy && s.cur.cat != catReview {
		// A quick answer on a new or learning item is not yet a memory:
		// Easy would skip the learning steps (days at once), so suggest
		// Good; the learner can still choose Easy.
		c.Suggested = fsrs.Good
	}
	s.answer(now, c.Typed, &c)
	return c
}

// AnswerChoice answers a choice question with option i, 0-based (Asking →
// Answered): Right suggests Good, Wrong suggests Again. Without such an
// option, with one a hint ruled out, or outside Asking, it does nothing
// and returns a zero Check.
func (s *Session) AnswerChoice(i int) Check {
	q := s.question
	if s.phase != Asking || i < 0 || i >= len(q.Options) || slices.Contains(s.RuledOut(), i) {
		return Check{}
	}
	c := Check{Verdict: Wrong, Suggested: fsrs.Again, Typed: q.Options[i], Expected: q.Answer}
	if i == q.Correct {
		c.Verdict, c.Suggested = Right, fsrs.Good
	}
	s.answer(s.clock(), q.Options[i], &c)
	return c
}

// Intervals returns, for each rating, how long until the current item
// would be due again: "Again 1m · Hard 6m · Good 10m · Easy 3d". They are
// what Grade will schedule from the moment of the answer: the fuzz is
// seeded by the item and its review count (repeat), so they stay the same
// all day. Nil when finished, in practice (nothing is scheduled), or if
// the stored state is invalid.
func (s *Session) Intervals() map[fsrs.Rating]time.Duration {
	if s.cur == nil || s.mode == ModePractice {
		return nil
	}
	at := s.answeredAt
	if s.phase == Asking {
		at = s.clock().UTC().Truncate(time.Millisecond)
	}
	log, err := repeat(s.f, s.cur.item.ID, s.cardAt(at), at)
	if err != nil {
		return nil
	}
	out := make(map[fsrs.Rating]time.Duration, len(log))
	for r, info := range log {
		out[r] = info.Card.Due.Sub(at)
	}
	return out
}

// cardAt is the current item's FSRS card: its stored state, or a new card.
func (s *Session) cardAt(at time.Time) fsrs.Card {
	if st, ok := s.states[s.cur.item.ID]; ok {
		return st.Card
	}
	return fsrs.NewCard(at)
}

// Grade grades the answered question (Answered → Saving) with any of its
// Grades, whatever the check suggested, and returns the Op that saves the review.
// Run it, then hand its result to Apply.
func (s *Session) Grade(r fsrs.Rating) (*Op, error) {
	if s.phase != Answered {
		return nil, ErrPhase
	}
	if r < fsrs.Again || r > fsrs.Easy {
		return nil, fmt.Errorf("quiz: grade %d: must be 1 (Again) to 4 (Easy)", r)
	}
	if !slices.Contains(s.Grades(), r) {
		return nil, ErrGaveUp
	}
	rev, err := s.review(r)
	if err != nil {
		return nil, err
	}
	return s.start(&Op{p: s.p, review: *rev}), nil
}

// start makes op the pending change: the session waits in Saving.
func (s *Session) start(op *Op) *Op {
	s.pending, s.resume, s.phase = op, s.phase, Saving
	return op
}

// review computes the review of the current answer rated r.
func (s *Session) review(r fsrs.Rating) (*Review, error) {
	id, at := s.cur.item.ID, s.answeredAt
	st, had := s.states[id]
	log, err := repeat(s.f, id, s.cardAt(at), at)
	if err != nil {
		return nil, fmt.Errorf("schedule %s: %w", id, err)
	}
	info := log[r]
	rev := &Review{
		Item: id, Rating: r, ReviewedAt: at, Duration: s.took, Typed: s.typed,
		Mode: s.mode, Question: s.question.Kind,
		After: ItemState{Card: info.Card, Suspended: st.Suspended, Introduced: st.Introduced},
	}
	if had {
		rev.Before = &st
	}
	if s.mode == ModePractice {
		// Practice leaves the schedule alone: the log says so.
		rev.After = st
		if !had {
			rev.After = ItemState{Card: fsrs.NewCard(at)}
		}
		return rev, nil
	}
	if rev.After.Introduced.IsZero() && categoryOf(st, had) == catNew && s.mode != ModePractice {
		rev.After.Introduced = at
	}
	markLeech(rev)
	return rev, nil
}

// Undo returns the Op that removes the last saved answer of this session
// (Saving). After Apply, its state and log row are gone, the queue is as
// it was, and the undone question is asked again, unless its item left
// the session meanwhile (Follow): then the next one is. Undo is possible in
// any phase but Saving, repeatedly back to the session's first answer.
func (s *Session) Undo() (*Op, error) {
	if s.phase == Saving {
		return nil, ErrPhase
	}
	if len(s.history) == 0 {
		return nil, ErrNothingToUndo
	}
	return s.start(&Op{p: s.p, review: s.history[len(s.history)-1].review, kind: opUndo}), nil
}

// Unsuspend returns the Op that schedules again an item this session
// suspended as a leech (Score.Leeches), from any phase but Saving. After
// Apply the session is where it was, the item no longer suspended.
func (s *Session) Unsuspend(id ItemID) (*Op, error) {
	if s.phase == Saving {
		return nil, ErrPhase
	}
	if !s.states[id].Suspended {
		return nil, fmt.Errorf("quiz: %s is not suspended", id)
	}
	return s.start(&Op{p: s.p, review: Review{Item: id}, kind: opUnsuspend}), nil
}

// Apply takes the result of the pending op's Run. Without an error, the
// change is made: after a grade the next question is asked (or the
// session finishes); after an undo the undone question is asked again;
// after an unsuspend the session goes on where it was.
// With an error, the session goes back to where it was (a failed grade to
// Answered, the answer kept) so the learner can try again. The result of
// an op that is not pending is ignored.
func (s *Session) Apply(r Result) {
	if r.op == nil || r.op != s.pending {
		return
	}
	s.pending = nil
	switch {
	case r.err != nil:
		s.phase = s.resume
	case r.op.kind == opUndo:
		s.applyUndo()
	case r.op.kind == opUnsuspend:
		st := s.states[r.review.Item]
		st.Suspended = false
		s.states[r.review.Item], s.phase = st, s.resume
	default:
		s.applyGrade(r.review)
	}
}

// applyGrade moves on after a saved review: it updates the state, puts a
// learning item back when its next step is due today (practice: an item
// rated Again comes back at the end), buries the siblings (and sends
// the items of related cards later), and asks the
// next question.
func (s *Session) applyGrade(rev Review) {
	s.history = append(s.history, graded{review: rev, entry: *s.cur, mark: s.q.mark(), check: s.check})
	e := *s.cur
	switch {
	case s.mode == ModePractice:
		if rev.Rating == fsrs.Again {
			s.q.requeue(e)
		}
	default:
		s.states[rev.Item] = rev.After
		s.q.bury(e.item.Card.ID, s.relatedTo(e.item.Card))
		c := rev.After.Card
		if !rev.After.Suspended && (c.State == fsrs.Learning || c.State == fsrs.Relearning) && c.Due.Before(s.sch.DayEnd(s.clock())) {
			s.q.addLearning(entry{item: e.item, due: c.Due, cat: catLearning})
		}
	}
	s.advance()
}

// relatedTo reports which cards are related to card c, nil when the
// session does not bury them.
func (s *Session) relatedTo(c *Card) func(*Card) bool {
	if !s.sch.BurySiblings {
		return nil
	}
	k := newKin(true)
	k.claim(c)
	return k.related
}

// applyUndo restores what the last saved answer changed and asks its
// question again, or, when its item has left the session, the next.
func (s *Session) applyUndo() {
	h := s.history[len(s.history)-1]
	s.history = s.history[:len(s.history)-1]
	if s.mode != ModePractice {
		if h.review.Before == nil {
			delete(s.states, h.review.Item)
		} else {
			s.states[h.review.Item] = *h.review.Before
		}
	}
	s.q.rollback(h.mark)
	if s.q.gone[h.entry.item.ID] { // suspended, buried or reset in the browser: not asked again
		s.advance()
		return
	}
	s.show(h.entry, s.clock())
}

// Remaining counts the items left in the session, the current one
// included, and the answers saved.
func (s *Session) Remaining() QueueCounts {
	c := s.q.counts()
	if s.cur != nil {
		c.add(s.cur.cat, 1)
	}
	c.Done = len(s.history)
	return c
}

// NextDue returns when the deck's next scheduled item is waiting (the
// directions of this session), for the summary: the earliest due among
// what a review session would hold now, or else the earliest learning
// step, or review due date but no earlier than the next study day (what
// is left today is buried or over the daily limit). False when no item
// is scheduled.
func (s *Session) NextDue() (time.Time, bool) {
	if s.nextDue != nil {
		return s.nextDue()
	}
	now := s.clock()
	q := planDue(s.deck.Items(), s.opts.takes, s.states, s.sch, now)
	var next time.Time
	earliest := func(t time.Time) {
		if next.IsZero() || t.Before(next) {
			next = t
		}
	}
	for _, e := range slices.Concat(q.learning, q.reviews, q.later) {
		earliest(e.due)
	}
	if !next.IsZero() {
		return next, true
	}
	end := s.sch.DayEnd(now)
	for _, it := range s.items {
		st, ok := s.states[it.ID]
		switch cat := categoryOf(st, ok); {
		case cat == catNew || st.Suspended:
		case cat == catLearning:
			earliest(st.Card.Due)
		default:
			earliest(maxTime(st.Card.Due, end))
		}
	}
	return next, !next.IsZero()
}

// NewTomorrow returns how many new cards of the items this session
// studies the next study day introduces, with the session's limits, for
// the summary: NextDue leaves out new cards, which wait for a day when a
// related card was studied today or today's new limit is reached.
func (s *Session) NewTomorrow() int {
	if s.newTomorrow != nil {
		return s.newTomorrow()
	}
	tomorrow := s.sch.DayEnd(s.clock())
	return planDue(s.deck.Items(), s.opts.takes, s.states, s.sch, tomorrow).counts().New
}

// maxTime returns the later of two times.
func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// Op is a change to durable progress: saving a review, removing one, or
// unsuspending an item. It is never changed once made, so it may run in
// another goroutine.
type Op struct {
	p      Progress
	review Review // for an unsuspend, only its Item
	kind   opKind
}

// opKind is what an Op does.
type opKind int

const (
	opGrade     opKind = iota // Progress.Record
	opUndo                    // Progress.Unrecord
	opUnsuspend               // Progress.Unsuspend of review.Item
)

// Result is what an Op's Run did, for Session.Apply.
type Result struct {
	op     *Op
	review Review // as saved (with its log row's ID) or removed
	err    error
}

// Run does the I/O: Progress.Record, Progress.Unrecord for an undo, or
// Progress.Unsuspend, on a copy of the op's review. It touches nothing
// but the Progress, so the TUI may run it in a tea.Cmd and hand the
// Result to Session.Apply.
func (o *Op) Run() Result {
	rev := o.review
	var err error
	switch o.kind {
	case opUndo:
		err = o.p.Unrecord(&rev)
	case opUnsuspend:
		_, err = o.p.Unsuspend(rev.Item)
	default:
		rev, err = o.p.Record(rev)
	}
	return Result{op: o, review: rev, err: err}
}

// Undo reports whether the op removes a review rather than saving one.
func (o *Op) Undo() bool { return o.kind == opUndo }

// Review returns a copy of the review the op saves or removes.
func (o *Op) Review() Review { return o.review }

// Err is the Progress's error, unchanged: the Progress already names the
// review (the store's "save review of article/moat/fact: ..."), and a
// second prefix would repeat it in what the learner reads.
func (r Result) Err() error { return r.err }

// Undo reports whether the op that ran removed a review.
func (r Result) Undo() bool { return r.op != nil && r.op.kind == opUndo }

// Unsuspended is the item the op that ran unsuspended; false for other ops.
func (r Result) Unsuspended() (ItemID, bool) {
	if r.op == nil || r.op.kind != opUnsuspend {
		return ItemID{}, false
	}
	return r.review.Item, true
}

// Review is the review the op that ran saved or removed (its ID set once
// saved).
func (r Result) Review() Review { return r.review }
