package library

import (
	"bytes"
	"cmp"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/search"
	"github.com/moatquiz/moatquiz/store"
)

// CardStore is what the browser reads of the learner's progress: the
// store.
type CardStore interface {
	// States returns every stored item state of the deck.
	States(deck string) (map[quiz.ItemID]quiz.ItemState, error)
	// Buried returns the deck's cards buried at now.
	Buried(deck string, now time.Time) (map[string]bool, error)
	// Flags returns the flags (1 to 4) of the deck's flagged cards.
	Flags(deck string) (map[string]int, error)
}

// CardRow is one card of a listing (quiz.CardRow: the app's screens
// read it too).
type CardRow = quiz.CardRow

// Sort is an order of a listing.
type Sort = quiz.CardSort

// The orders a listing can take; ties keep deck order.
const (
	SortDeck       = quiz.SortDeck
	SortDue        = quiz.SortDue
	SortAdded      = quiz.SortAdded
	SortLapses     = quiz.SortLapses
	SortDifficulty = quiz.SortDifficulty
)

// Sorts are the orders a learner can choose, in the order a screen
// cycles through them.
var Sorts = quiz.CardSorts

// Browser is every card of the library with its state and words prepared
// for search: open it once (it reads every deck and state), then Search
// it at each keystroke.
type Browser struct {
	rows   []CardRow
	cards  []search.Card
	source []*quiz.Card
	at     map[store.CardID]int // where each card is in rows

	mu   sync.Mutex
	last *Results // the last search, which a query typed on searches within
}

// OpenBrowser reads every deck that loads and its states as of now
// (sch's study day); decks that do not load are left out, as in Decks.
// The search text of a learner's deck is read from the deck cache when it
// was prepared before.
func (l *Library) OpenBrowser(st CardStore, sch quiz.Scheduling, now time.Time) (*Browser, error) {
	found, n := l.found(), 0
	for _, f := range found {
		if f.err == nil {
			n += f.file.index.Cards
		}
	}
	// Made to size: at 100,000 cards growing them took a fifth of the time.
	b := &Browser{at: make(map[store.CardID]int, n), rows: make([]CardRow, 0, n),
		cards: make([]search.Card, 0, n), source: make([]*quiz.Card, 0, n)}
	start, end := sch.DayStart(now), sch.DayEnd(now)
	for _, f := range found {
		if f.err != nil {
			continue
		}
		d, err := f.file.deck()
		if err != nil {
			continue
		}
		if err := b.add(st, d, start, end, now); err != nil {
			return nil, err
		}
		var texts []search.Text
		if f.builtin { // a few hundred cards, without a cache entry of their own
			texts = prepareTexts(d.Cards)
		} else {
			texts = l.cache.texts(f.file, d)
		}
		for i := range texts {
			b.cards[len(b.cards)-len(texts)+i].Text = &texts[i]
		}
	}
	return b, nil
}

// add adds the cards of deck d with their states, without their text.
func (b *Browser) add(st CardStore, d *quiz.Deck, start, end, now time.Time) error {
	states, err := st.States(d.ID)
	if err != nil {
		return err
	}
	buried, err := st.Buried(d.ID, now)
	if err != nil {
		return err
	}
	flags, err := st.Flags(d.ID)
	if err != nil {
		return err
	}
	for i := range d.Cards {
		row, sc := browseCard(d.ID, &d.Cards[i], states, start, end)
		marks(&row, &sc, i, buried, flags)
		b.at[store.CardID{Deck: d.ID, Card: row.Card}] = len(b.rows)
		b.rows = append(b.rows, row)
		b.cards = append(b.cards, sc)
		b.source = append(b.source, &d.Cards[i])
	}
	return nil
}

// RefreshStore is what Refresh reads: the store.
type RefreshStore interface {
	CardStore
	CardStates(deck string, cards []string) ([]store.Row, error)
}

// Refresh reads again the states, burial and flags of the rows' cards,
// after an action changed them: its work follows the rows (and the
// deck's buried and flagged cards, a few), not the library.
func (b *Browser) Refresh(st RefreshStore, rows []CardRow, sch quiz.Scheduling, now time.Time) error {
	byDeck := map[string][]string{}
	for _, r := range rows {
		byDeck[r.Deck] = append(byDeck[r.Deck], r.Card)
	}
	b.mu.Lock()
	b.last = nil // states change: the next search looks at every card
	b.mu.Unlock()
	for deck, cards := range byDeck {
		found, err := st.CardStates(deck, cards)
		if err != nil {
			return err
		}
		states := map[quiz.ItemID]quiz.ItemState{}
		for _, r := range found {
			states[quiz.ItemID{Deck: deck, Card: r.Card, Item: r.Item}] = r.State
		}
		buried, err := st.Buried(deck, now)
		if err != nil {
			return err
		}
		flags, err := st.Flags(deck)
		if err != nil {
			return err
		}
		for _, card := range cards {
			if i, ok := b.at[store.CardID{Deck: deck, Card: card}]; ok {
				b.set(i, states, buried, flags, sch, now)
			}
		}
	}
	return nil
}

// set sums up the card at i again from its states, keeping its text.
func (b *Browser) set(i int, states map[quiz.ItemID]quiz.ItemState, buried map[string]bool, flags map[string]int, sch quiz.Scheduling, now time.Time) {
	old := b.rows[i]
	row, sc := browseCard(old.Deck, b.source[i], states, sch.DayStart(now), sch.DayEnd(now))
	marks(&row, &sc, old.Position, buried, flags)
	sc.Text = b.cards[i].Text
	b.rows[i], b.cards[i] = row, sc
}

// marks sets a card's place in its deck, burial and flag.
func marks(row *CardRow, sc *search.Card, pos int, buried map[string]bool, flags map[string]int) {
	row.Position, row.Buried, row.Flag = pos, buried[row.Card], flags[row.Card]
	sc.Buried, sc.Flag = row.Buried, row.Flag
}

// Len is how many cards the browser holds.
func (b *Browser) Len() int { return len(b.rows) }

// Search returns the cards q matches (nil: all), best matches first when
// by is SortDeck, else in by's order. The cards are matched on every
// core, only those of the last search when q narrows its query (a query
// typed on); the result holds positions, and rows are built as they are
// read.
func (b *Browser) Search(q *search.Query, by Sort) *Results {
	b.mu.Lock()
	last := b.last
	b.mu.Unlock()
	n, card := len(b.cards), func(i int) int32 { return int32(i) }
	if last != nil && q.Narrows(last.q) {
		n, card = len(last.in), func(i int) int32 { return last.in[i] }
	}
	ranks := make([]byte, n) // 0xff: no match
	parallel(n, func(i int) {
		ranks[i] = 0xff
		if r, ok := q.Match(&b.cards[card(i)]); ok {
			ranks[i] = byte(r)
		}
	})
	res := b.results(q, ranks, card, by)
	b.mu.Lock()
	b.last = res
	b.mu.Unlock()
	return res
}

// results are the cards q matched, sorted by by: ranks[i] is the rank of
// the card at card(i), or 0xff.
func (b *Browser) results(q *search.Query, ranks []byte, card func(int) int32, by Sort) *Results {
	found := len(ranks) - bytes.Count(ranks, []byte{0xff})
	res := &Results{b: b, q: q, hits: make([]hit, 0, found), in: make([]int32, 0, found)}
	for i, r := range ranks {
		if r != 0xff {
			c := card(i)
			res.in = append(res.in, c)
			res.hits = append(res.hits, hit{i: c, rank: int32(r), key: b.key(int(c), by)})
		}
	}
	slices.SortFunc(res.hits, func(x, y hit) int {
		return cmp.Or(cmp.Compare(x.key, y.key), cmp.Compare(x.rank, y.rank), cmp.Compare(x.i, y.i))
	})
	return res
}

// hit is a card a search found: its position in the browser, its rank,
// and its sort key.
type hit struct {
	i, rank int32
	key     int64
}

// key is the sort key of the card at i for by: smaller first, ties by
// rank, then by deck order.
func (b *Browser) key(i int, by Sort) int64 {
	r := &b.rows[i]
	timeKey := func(t time.Time) int64 {
		if t.IsZero() {
			return math.MaxInt64
		}
		return t.UnixMilli()
	}
	switch by {
	case SortDue:
		return timeKey(r.Due)
	case SortAdded:
		return timeKey(r.Added)
	case SortLapses:
		return -int64(r.Lapses)
	case SortDifficulty:
		return -int64(r.Difficulty * 1e6)
	}
	return 0
}

// Results are the cards a search found, in order.
type Results struct {
	b    *Browser
	q    *search.Query
	hits []hit
	in   []int32 // the hits' positions in deck order: a search within them reads memory in order
}

// Len is how many cards were found.
func (r *Results) Len() int { return len(r.hits) }

// Row returns the i-th card found, 0 ≤ i < Len.
func (r *Results) Row(i int) CardRow {
	row := r.b.rows[r.hits[i].i]
	row.Rank = int(r.hits[i].rank)
	return row
}

// Rows returns every card found: for a listing printed whole.
func (r *Results) Rows() []CardRow {
	out := make([]CardRow, r.Len())
	for i := range out {
		out[i] = r.Row(i)
	}
	return out
}

// sides are a card's front and back as a listing shows them.
func sides(c *quiz.Card) (front, back string) {
	switch c.Kind {
	case quiz.KindVocab:
		return c.Word, strings.Join(c.Meanings, "; ")
	case quiz.KindCloze:
		return c.Text, c.Translation
	}
	return c.Prompt, c.Answer
}

// cardWords are the words of a card its search text holds.
func cardWords(c *quiz.Card) []string {
	front, back := sides(c)
	words := []string{front, back, c.PromptEn, c.AnswerEn, c.Romanization}
	if c.Example != nil {
		words = append(words, c.Example.Ko, c.Example.En)
	}
	return words
}

// parallel calls fn with 0 to n-1, split among the cores.
func parallel(n int, fn func(i int)) {
	parts := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := p * n / parts; i < (p+1)*n/parts; i++ {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// browseCard sums up card c's items' states for a listing and a search,
// for the study day from start to end.
func browseCard(deck string, c *quiz.Card, states map[quiz.ItemID]quiz.ItemState, start, end time.Time) (CardRow, search.Card) {
	row := CardRow{Deck: deck, Card: c.ID, Kind: c.Kind}
	row.Front, row.Back = sides(c)
	sc := search.Card{Deck: deck, ID: c.ID, Kind: c.Kind, Tags: c.Tags}
	least, most := fsrs.Relearning+1, fsrs.New
	for _, name := range c.ItemNames() {
		id := quiz.ItemID{Deck: deck, Card: c.ID, Item: name}
		row.Items = append(row.Items, id)
		s, ok := states[id]
		if !ok {
			least = fsrs.New
			continue
		}
		addItem(&row, &sc, s, start, end)
		least, most = min(least, summary(s.Card.State)), max(most, summary(s.Card.State))
	}
	sc.State, row.State = searchState(least)
	_, row.Furthest = searchState(most)
	return row, sc
}

// summary folds relearning into learning: a card's state is the least
// advanced of new, learning and review.
func summary(s fsrs.State) fsrs.State {
	if s == fsrs.Relearning {
		return fsrs.Learning
	}
	return s
}

// searchState names a summed-up state.
func searchState(s fsrs.State) (search.State, string) {
	switch s {
	case fsrs.Learning:
		return search.Learning, "learning"
	case fsrs.Review:
		return search.Review, "review"
	}
	return search.New, "new"
}

// addItem folds an item's stored state into its card's row.
func addItem(row *CardRow, sc *search.Card, s quiz.ItemState, start, end time.Time) {
	c := s.Card
	if s.Suspended {
		row.Suspended, sc.Suspended = true, true
		sc.Leech = sc.Leech || c.Lapses >= quiz.LeechThreshold
	}
	row.Lapses = max(row.Lapses, int(c.Lapses))
	sc.Lapses, sc.Reps = float64(row.Lapses), max(sc.Reps, float64(c.Reps))
	if c.State == fsrs.New {
		return
	}
	if !s.Introduced.IsZero() && (row.Added.IsZero() || s.Introduced.Before(row.Added)) {
		row.Added = s.Introduced
	}
	row.Difficulty = max(row.Difficulty, c.Difficulty)
	sc.Difficulty = row.Difficulty
	if row.Due.IsZero() || c.Due.Before(row.Due) {
		row.Due = c.Due
		sc.DueDays = math.Floor(c.Due.Sub(start).Hours() / 24)
		sc.Ivl, sc.Stability = float64(c.ScheduledDays), c.Stability
	}
	sc.Due = sc.Due || (!s.Suspended && c.Due.Before(end))
}
