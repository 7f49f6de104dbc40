package library

import (
	"cmp"
	"slices"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// Progress is where the learner's progress is read and saved: the store.
// Besides a session's needs, it reads a study day in ranges that stop at
// the day's limits.
type Progress interface {
	quiz.Progress
	// Answered returns the deck's states last reviewed from start to
	// before end.
	Answered(deck string, start, end time.Time) ([]store.Row, error)
	// Learning returns the deck's items in (re)learning steps, not
	// suspended, due before end.
	Learning(deck string, end time.Time) ([]store.Row, error)
	// DueReviews calls fn with the deck's reviews, not suspended, due
	// before end, earliest first, until fn returns false.
	DueReviews(deck string, end time.Time, fn func(store.Row) bool) error
	// ReviewsFrom calls fn with the deck's reviews, not suspended, due at
	// start or later, earliest first, until fn returns false.
	ReviewsFrom(deck string, start time.Time, fn func(store.Row) bool) error
	// StatsRows reads the rows the figures of a stats query come from.
	StatsRows(scope store.StatsScope) (*store.StatsRows, error)
	// CardStates returns every state of the deck's cards.
	CardStates(deck string, cards []string) ([]store.Row, error)
	// Frontier and SetFrontier keep how many of the deck's first cards
	// have no item that is new and not suspended; SetFrontier saves at
	// once with now, else with the next review saved.
	Frontier(deck, content string) (int, error)
	SetFrontier(deck, content string, cards int, now bool) error
	// Buried returns the deck's cards buried at now, which sit out the
	// day's sessions.
	Buried(deck string, now time.Time) (map[string]bool, error)
	// Choices and SaveChoice keep the learner's choices per deck, the
	// last deck chosen first.
	Choices() ([]quiz.Choice, error)
	SaveChoice(c quiz.Choice) error
	// NewToday returns how many new items the learner added to the
	// deck's limit for the study day starting at day; AddNewToday adds n.
	NewToday(deck string, day time.Time) (int, error)
	AddNewToday(deck string, day time.Time, n int) error
}

// dayPlan is a deck's study day at a moment, planned as quiz plans a
// review session (learning items due today; reviews in due order up to
// the day's limit, one per card; new items in deck order up to the day's
// limit, one per card, none of a card answered or reviewed today), from
// the states of the day's cards only: it reads the items answered today,
// the learning items due, the reviews due in order until the limit is
// reached, and the cards from the new-item frontier on (with a tag, its
// cards only) until enough new items are found (and, for the home
// screen, one more). States of cards or items the deck no longer has are
// passed over. The limits and burying count every item answered today,
// studied or not, as quiz does; with Scheduling.BurySiblings, a card
// related to one introduced today (answered or taken; deckIndex.kinOf),
// or by its word to one reviewed today, gives no new item, as in quiz.
type dayPlan struct {
	f          *deckFile
	studies    studies
	start, end time.Time

	counts          quiz.DeckCounts
	more            bool            // look whether moreNew: the home screen's plans
	moreNew         bool            // a new item studied waits beyond the day's new limit
	reviewed, added int             // scheduled reviews and new items answered today
	claimed         map[int]bool    // cards answered or taken today, by position
	buried          map[string]bool // the cards buried at the plan's moment, by id
	kin             map[int]bool    // the sibling keys shown by the cards introduced today, the words of those reviewed; nil: not buried
	cards           []int           // the positions of the cards the day needs
	earliest        time.Time       // the earliest due of a learning item or review taken
}

// studies is which items a plan studies: those of a session with opts;
// the zero studies takes every item.
type studies struct{ opts *quiz.Options }

// optionStudies studies the items a session with opts studies.
func optionStudies(opts quiz.Options) studies { return studies{&opts} }

// takes reports whether the item of the card at position pos of index x
// is studied.
func (s studies) takes(x *deckIndex, pos int, item string) bool {
	return s.opts == nil || s.opts.Studies(item) && (s.opts.Tag == "" || s.opts.Tagged(x.tags(pos)))
}

// tag is the tag of the only cards studied, or "" for every card.
func (s studies) tag() string {
	if s.opts == nil {
		return ""
	}
	return s.opts.Tag
}

// member reports whether the deck has the item of row r and the plan
// studies it, and where its card is.
func (p *dayPlan) member(r store.Row) (int, bool) {
	pos, ok := p.f.index.has(r.Card, r.Item)
	return pos, ok && p.takes(pos, r.Item)
}

// takes reports whether the plan studies the item of the card at pos.
func (p *dayPlan) takes(pos int, item string) bool {
	return p.studies.takes(&p.f.index, pos, item)
}

// open reports, as member does, whether the plan may take the item of
// row r: not when its card is buried.
func (p *dayPlan) open(r store.Row) (int, bool) {
	pos, ok := p.member(r)
	return pos, ok && !p.buried[r.Card]
}

// hold notes the keys with flags (kinShows, and kinWord for a review)
// shown by the card at pos, studied today: the new items of the cards
// related to them wait.
func (p *dayPlan) hold(pos, flags int) {
	if p.kin != nil {
		p.f.index.kinOf(pos, flags, func(key int) bool { p.kin[key] = true; return false })
	}
}

// related reports whether a card introduced today gives the card at pos
// away.
func (p *dayPlan) related(pos int) bool {
	return len(p.kin) > 0 && p.f.index.kinOf(pos, kinTests, func(key int) bool { return p.kin[key] })
}

// take adds the card at pos to the cards the day needs.
func (p *dayPlan) take(pos int, due time.Time) {
	p.cards = append(p.cards, pos)
	if !due.IsZero() && (p.earliest.IsZero() || due.Before(p.earliest)) {
		p.earliest = due
	}
}

// planDay plans deck f's study day at now for the items studies accepts,
// with sch's limits (the day's added new items included: daySched). With
// more, for the home screen, it also looks whether a new item waits
// beyond the day's limit (moreNew), and so may read one batch of cards
// more.
func planDay(pr Progress, f *deckFile, sch quiz.Scheduling, now time.Time, studies studies, more bool) (*dayPlan, error) {
	p := &dayPlan{f: f, studies: studies, more: more, start: sch.DayStart(now), end: sch.DayEnd(now), claimed: map[int]bool{}}
	if sch.BurySiblings {
		p.kin = map[int]bool{}
	}
	id := f.index.Deck.ID
	buried, err := pr.Buried(id, now)
	if err != nil {
		return nil, err
	}
	p.buried = buried
	answered, err := pr.Answered(id, p.start, p.end)
	if err != nil {
		return nil, err
	}
	for _, r := range answered {
		if pos, ok := f.index.has(r.Card, r.Item); ok {
			p.claimed[pos] = true
			p.take(pos, time.Time{})
			if r.State.Introduced.Before(p.start) {
				p.hold(pos, kinShows|kinWord)
				p.reviewed++
			} else {
				p.hold(pos, kinShows)
				p.added++
			}
		}
	}
	learning, err := pr.Learning(id, p.end)
	if err != nil {
		return nil, err
	}
	for _, r := range learning {
		if pos, ok := p.open(r); ok {
			p.counts.Learning++
			p.take(pos, r.State.Card.Due)
		}
	}
	if err := p.pickReviews(pr, max(sch.ReviewsPerDay-p.reviewed, 0)); err != nil {
		return nil, err
	}
	return p, p.pickNew(pr, max(sch.NewPerDay-p.added, 0))
}

// dueRow is a review due, with its card's position and its item's place
// in the card.
type dueRow struct {
	store.Row
	pos, item int
}

// pickReviews takes up to n reviews due today, in the order quiz takes
// them.
func (p *dayPlan) pickReviews(pr Progress, n int) error {
	if n == 0 {
		return nil
	}
	read := func(fn func(store.Row) bool) error { return pr.DueReviews(p.f.index.Deck.ID, p.end, fn) }
	if tag := p.studies.tag(); tag != "" && p.f.index.countTagged(tag) <= n {
		read = p.dueAmong(pr, p.f.index.cardsTagged(tag, 0))
	}
	due, err := p.readDue(read, nil, n)
	if err != nil {
		return err
	}
	for _, r := range due {
		if p.counts.Review == n {
			break
		}
		if !p.claimed[r.pos] {
			p.claimed[r.pos] = true
			p.hold(r.pos, kinShows|kinWord)
			p.counts.Review++
			p.take(r.pos, r.State.Card.Due)
		}
	}
	return nil
}

// dueAmong reads, as Progress.DueReviews does, the reviews due today of
// the cards at the positions pos only: for a tag on no more cards than
// the reviews the day takes, their states are fewer than the due reviews
// of the whole deck that would be read to find the tag's.
func (p *dayPlan) dueAmong(pr Progress, pos []int) func(func(store.Row) bool) error {
	return func(fn func(store.Row) bool) error {
		ids := make([]string, len(pos))
		for i, at := range pos {
			ids[i] = p.f.index.id(at)
		}
		rows, err := pr.CardStates(p.f.index.Deck.ID, ids)
		rows = slices.DeleteFunc(rows, func(r store.Row) bool {
			return r.State.Card.State != fsrs.Review || r.State.Suspended || !r.State.Card.Due.Before(p.end)
		})
		slices.SortStableFunc(rows, func(a, b store.Row) int { return a.State.Card.Due.Compare(b.State.Card.Due) })
		for _, r := range rows {
			if !fn(r) {
				break
			}
		}
		return err
	}
}

// pickAhead returns the positions of up to n cards to study ahead, as
// quiz picks them when nothing is due: of the scheduled items due after
// today, soonest first, one per card and none of a card answered today.
// No learning item is due today then, so every learning item is one.
func (p *dayPlan) pickAhead(pr Progress, n int) ([]int, error) {
	if n == 0 {
		return nil, nil
	}
	learning, err := pr.Learning(p.f.index.Deck.ID, time.Unix(1<<40, 0))
	if err != nil {
		return nil, err
	}
	var first []dueRow
	for _, r := range learning {
		if pos, ok := p.member(r); ok && !r.State.Card.Due.Before(p.end) {
			first = append(first, dueRow{r, pos, slices.Index(p.f.index.names(pos), r.Item)})
		}
	}
	due, err := p.readDue(func(fn func(store.Row) bool) error {
		return pr.ReviewsFrom(p.f.index.Deck.ID, p.end, fn)
	}, first, n)
	var cards []int
	for _, r := range due {
		if len(cards) == n {
			break
		}
		if !p.claimed[r.pos] {
			p.claimed[r.pos] = true
			cards = append(cards, r.pos)
		}
	}
	return cards, err
}

// readDue reads the rows read gives in due order, until n cards not
// claimed are among them, and then the rest of those due at the same
// moment, which ties are broken by deck order, as quiz breaks them. It
// returns them with the rows first in quiz's order: by due, then deck
// order.
func (p *dayPlan) readDue(read func(func(store.Row) bool) error, first []dueRow, n int) ([]dueRow, error) {
	due := first
	seen := map[int]bool{}
	var cutoff time.Time
	err := read(func(r store.Row) bool {
		if !cutoff.IsZero() && r.State.Card.Due.After(cutoff) {
			return false
		}
		pos, ok := p.open(r)
		if !ok {
			return true
		}
		due = append(due, dueRow{r, pos, slices.Index(p.f.index.names(pos), r.Item)})
		if !p.claimed[pos] {
			seen[pos] = true
		}
		if len(seen) >= n && cutoff.IsZero() {
			cutoff = r.State.Card.Due
		}
		return true
	})
	slices.SortFunc(due, func(a, b dueRow) int {
		return cmp.Or(a.State.Card.Due.Compare(b.State.Card.Due), cmp.Compare(a.pos, b.pos), cmp.Compare(a.item, b.item))
	})
	return due, err
}

// newBatch is how many cards pickNew reads the states of at first; each
// batch without a new card doubles the next, up to maxBatch.
const newBatch, maxBatch = 64, 4096

// longWalk is how many cards past the frontier are worth a commit of
// their own: a shorter walk waits to be saved with the next review.
const longWalk = 1024

// pickNew takes up to n cards with a new item, in deck order, from the
// deck's frontier on, notes whether one more waits, and moves the
// frontier past the cards found to have no new item left.
func (p *dayPlan) pickNew(pr Progress, n int) error {
	if n == 0 && !p.more {
		return nil
	}
	x, id := &p.f.index, p.f.index.Deck.ID
	front, err := pr.Frontier(id, p.f.content)
	if err != nil {
		return err
	}
	at, count := p.newCandidates(front)
	moved, size := front, newBatch
	for k := 0; k < count && (p.counts.New < n || p.more && !p.moreNew); k += size {
		if p.counts.New == 0 && k > 0 {
			size = min(2*size, maxBatch)
		}
		batch := make([]string, 0, size)
		for j := k; j < min(k+size, count); j++ {
			batch = append(batch, x.id(at(j)))
		}
		rows, err := pr.CardStates(id, batch)
		if err != nil {
			return err
		}
		states := map[quiz.ItemID]quiz.ItemState{}
		for _, r := range rows {
			states[quiz.ItemID{Card: r.Card, Item: r.Item}] = r.State
		}
		for i, card := range batch {
			pos, fresh, wanted := at(k+i), false, false
			for _, name := range x.names(pos) {
				st, ok := states[quiz.ItemID{Card: card, Item: name}]
				if isNew := !ok || (st.Card.State == fsrs.New && !st.Suspended); isNew {
					fresh, wanted = true, wanted || p.takes(pos, name)
				}
			}
			if !fresh && pos == moved {
				moved++
			}
			switch {
			case !wanted || p.claimed[pos] || p.buried[card] || p.moreNew || p.related(pos):
			case p.counts.New == n:
				p.moreNew = p.more
			default:
				p.claimed[pos] = true
				p.hold(pos, kinShows)
				p.counts.New++
				p.take(pos, time.Time{})
			}
		}
	}
	if moved > front {
		pr.SetFrontier(id, p.f.content, moved, moved-front >= longWalk) //nolint:errcheck // it only saves time
	}
	return nil
}

// newCandidates are the cards pickNew looks at, from the frontier front
// on in deck order: the position of the k-th, and how many there are.
// With a tag, only the cards with it, from the index's list of the tag:
// a rare tag reads the states of its few cards, not of every card past
// the frontier. The frontier moves only over cards looked at.
func (p *dayPlan) newCandidates(front int) (at func(k int) int, count int) {
	if tag := p.studies.tag(); tag != "" {
		tagged := p.f.index.cardsTagged(tag, front)
		return func(k int) int { return tagged[k] }, len(tagged)
	}
	return func(k int) int { return front + k }, p.f.index.Cards - front
}
