package library

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// openStore opens the store of data directory dir for the test.
func openStore(t *testing.T, dir string) *store.DB {
	t.Helper()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// randomDeck is a valid deck of n cards of every kind, in a shuffled id
// order (so that deck order is not id order).
func randomDeck(rng *rand.Rand, id string, n int) *quiz.Deck {
	d := &quiz.Deck{Format: quiz.FormatVersion, ID: id, Title: "덱 " + id, TitleEn: "Deck " + id, Lang: "ko",
		Source: quiz.Source{Publisher: "아시아경제"}}
	for i := range n {
		c := quiz.Card{ID: fmt.Sprintf("c%03d", rng.IntN(1000)*1000+i)}
		c.Tags = [][]string{nil, {"memo"}, {"memo", "llm"}, {"llm"}}[rng.IntN(4)]
		if i%9 == 4 { // a tag of few cards, which the day plan finds by the index's list
			c.Tags = slices.Concat(c.Tags, []string{"Rare"})
		}
		switch rng.IntN(3) {
		case 0:
			c.Kind, c.Prompt, c.PromptEn, c.Answer, c.AnswerEn = quiz.KindFact, "질문", "question", "답", "answer"
			c.SourceSentence = []string{"", "", "구글 메모가 유출됐다.", "훈련과 추론"}[rng.IntN(4)] // related by sentence
		case 1:
			// related to others of its word, and to the clozes of 훈련 and 추론
			c.Kind, c.Word, c.Meanings, c.POS = quiz.KindVocab, []string{"해자", "훈련", "추론", "모델"}[rng.IntN(4)], []string{"moat"}, "noun"
			if rng.IntN(3) == 0 { // shown, it gives away the clozes and facts of the sentence
				c.Example = &quiz.Bilingual{Ko: "훈련과 추론", En: "training and inference"}
			}
		default:
			c.Kind, c.Text, c.Translation = quiz.KindCloze, "{{c1::훈련}}과 {{c2::추론}}", "training and inference"
			if rng.IntN(2) == 0 { // hints: a dictionary form, or a meaning
				c.Text = []string{"{{c1::훈련}}", "{{c1::훈련했다::훈련}}", "{{c1::추론::해자}}", "{{c1::해자::moat}}"}[rng.IntN(4)]
			}
		}
		d.Cards = append(d.Cards, c)
	}
	return d
}

// writeDeck writes d as a deck file of lib, an hour old (so its cache
// entry is written), and loads it once so that the entry is there.
func writeDeck(t *testing.T, lib *Library, d *quiz.Deck) {
	t.Helper()
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(lib.DecksDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(lib.DecksDir(), d.ID+".json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	age(t, path, time.Hour)
	if _, errs := lib.Decks(); len(errs) > 0 {
		t.Fatal(errs)
	}
}

// randomTime is a time around the study day [start, end): often exactly at
// one of its bounds or a millisecond off.
func randomTime(rng *rand.Rand, start, end time.Time) time.Time {
	switch rng.IntN(6) {
	case 0:
		return start
	case 1:
		return end
	case 2:
		return end.Add(-time.Millisecond)
	case 3:
		return start.Add(-time.Millisecond)
	}
	return start.Add(time.Duration(rng.Int64N(int64(3*24*time.Hour))) - 24*time.Hour)
}

// saveRandomStates saves states for random items of d, and for cards and
// items it does not have (orphans); many share a due time (ties). With
// ahead, every item is due after the day: nothing is left to study in it
// but new items.
func saveRandomStates(t *testing.T, db *store.DB, rng *rand.Rand, d *quiz.Deck, start, end, now time.Time, ahead bool) {
	t.Helper()
	items := d.Items()
	ids := make([]quiz.ItemID, 0, len(items)+4)
	for _, it := range items {
		if rng.IntN(3) > 0 {
			ids = append(ids, it.ID)
		}
	}
	ids = append(ids, quiz.ItemID{Deck: d.ID, Card: "gone", Item: quiz.ItemFact},
		quiz.ItemID{Deck: d.ID, Card: d.Cards[0].ID, Item: "c9"})
	ties := []time.Time{start.Add(time.Hour), start.Add(time.Hour + time.Millisecond), randomTime(rng, start, end)}
	for _, id := range ids {
		due := randomTime(rng, start, end)
		if rng.IntN(3) > 0 {
			due = ties[rng.IntN(len(ties))]
		}
		if ahead && due.Before(end) {
			due = end.Add(due.Sub(start.Add(-24 * time.Hour)))
		}
		st := quiz.ItemState{Card: fsrs.Card{State: []fsrs.State{fsrs.New, fsrs.Learning, fsrs.Review, fsrs.Review, fsrs.Relearning}[rng.IntN(5)], Due: due,
			LastReview: randomTime(rng, start, end), Stability: 3, Difficulty: 5, Reps: 1},
			Suspended: rng.IntN(8) == 0, Introduced: randomTime(rng, start, end)}
		if st.Card.LastReview.After(now) { // FSRS schedules nothing reviewed in the future
			st.Card.LastReview = now
		}
		if st.Card.State == fsrs.New && rng.IntN(2) == 0 {
			st.Card.LastReview, st.Introduced = time.Time{}, time.Time{}
		}
		r := quiz.Review{Item: id, Rating: fsrs.Good, ReviewedAt: start, Mode: quiz.ModeReview,
			Question: quiz.QuestionFlip, After: st}
		if _, err := db.Record(r); err != nil {
			t.Fatal(err)
		}
	}
}

// readOnly is a deck's progress as a whole-deck session of the test sees
// it: the stored states, with answers kept nowhere (the day session beside
// it saves them).
type readOnly struct {
	states map[quiz.ItemID]quiz.ItemState
}

func (p readOnly) States(string) (map[quiz.ItemID]quiz.ItemState, error) { return p.states, nil }
func (readOnly) Record(r quiz.Review) (quiz.Review, error)               { return r, nil }
func (readOnly) Unrecord(*quiz.Review) error                             { return nil }
func (readOnly) Unsuspend(quiz.ItemID) (bool, error)                     { return false, nil }

// TestDayMatchesWholeDeck is the specification of the home counts and
// sessions that read only the cards they ask: over random decks and
// states (ties, suspended items, states of removed cards and items, times
// at the day's bounds), at random moments of the day, with new items
// added to the day's limit, the counts are those of the whole deck (and
// whether new items wait beyond the limit), and a session of every kind,
// direction, mode (review, ahead, practice), kind of card and tag asks
// the same questions, with the same options, in the same order as the
// whole deck's, grade after grade, and then names the same next due time.
func TestDayMatchesWholeDeck(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	rng := rand.New(rand.NewPCG(1, 2))
	questions, modes := 0, map[quiz.Mode]int{}
	rounds := 60
	if testing.Short() {
		rounds = 30
	}
	for round := range rounds {
		now := time.Date(2026, 3, 2, 4+rng.IntN(24), rng.IntN(60), 0, 0, time.UTC)
		sch := quiz.DefaultScheduling()
		sch.Params.EnableFuzz = false
		sch.NewPerDay, sch.ReviewsPerDay, sch.RolloverHour = rng.IntN(6), rng.IntN(6), 4
		sch.BurySiblings = rng.IntN(4) != 0
		start, end := sch.DayStart(now), sch.DayEnd(now)
		switch rng.IntN(4) {
		case 0:
			now = start
		case 1:
			now = end.Add(-time.Millisecond)
		}
		d := randomDeck(rng, fmt.Sprintf("deck%d", round), 5+rng.IntN(40))
		writeDeck(t, New(dir), d)
		ahead := rng.IntN(3) == 0
		if ahead {
			sch.NewPerDay = 0
		}
		saveRandomStates(t, db, rng, d, start, end, now, ahead)
		clock := func() time.Time { return now }
		study := New(dir).Study(db, sch, clock)
		base := sch // the next day's limits: today's added new items are today's
		if extra := rng.IntN(4); extra > 0 {
			if err := study.MoreNew(d.ID, extra); err != nil {
				t.Fatal(err)
			}
			sch.NewPerDay += extra // what the whole deck's session is given
		}
		states, err := db.States(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		st := status(t, study, now, d.ID)
		want := quiz.Counts(d, states, sch, now)
		if st.Counts != want {
			t.Fatalf("round %d: counts %+v, want %+v", round, st.Counts, want)
		}
		beyond := sch
		beyond.NewPerDay = 1 << 20
		if more := quiz.Counts(d, states, beyond, now).New > want.New; st.MoreNew != more {
			t.Errorf("round %d: new items wait beyond the limit: %v, want %v", round, st.MoreNew, more)
		}
		if st.Cards != len(d.Cards) || st.Items != len(d.Items()) || st.Deck.Title != d.Title {
			t.Errorf("round %d: header %q, %d cards, %d items", round, st.Deck.Title, st.Cards, st.Items)
		}
		if want := deckTags(d); !slices.Equal(st.Tags, want) {
			t.Errorf("round %d: tags %q, want %q", round, st.Tags, want)
		}
		dirs := []quiz.Direction{quiz.DirBoth, quiz.DirKoEn, quiz.DirEnKo}
		kinds := []quiz.QuestionKind{quiz.QuestionFlip, quiz.QuestionTyped, quiz.QuestionChoice, quiz.QuestionMixed}
		opts := quiz.Options{Direction: dirs[rng.IntN(3)], Kind: kinds[rng.IntN(4)], Seed: 7, Limit: max(rng.IntN(8)-5, 0),
			Practice: rng.IntN(4) == 0, Ahead: ahead || rng.IntN(2) == 0,
			Cards: []quiz.CardFilter{quiz.CardsAll, quiz.CardsVocab, quiz.CardsFacts}[rng.IntN(3)],
			Tag:   []string{"", "", "memo", "LLM", "rare"}[rng.IntN(5)]}
		sameFilteredCounts(t, study, d, readOnly{states}, sch, clock, opts)
		whole, err := quiz.NewSession(d, readOnly{states}, sch, clock, opts)
		if err != nil {
			t.Fatal(err)
		}
		day, err := study.StartSession(st.Deck, opts)
		if err != nil {
			t.Fatal(err)
		}
		if whole.Mode() != day.Mode() {
			t.Fatalf("round %d: mode %v, want %v", round, day.Mode(), whole.Mode())
		}
		modes[whole.Mode()]++
		questions += sameSessions(t, rng, whole, day)
		wantNext, wantOK := whole.NextDue()
		if next, ok := day.NextDue(); ok != wantOK || !next.Equal(wantNext) {
			t.Errorf("round %d: next due %v %v, want %v %v", round, next, ok, wantNext, wantOK)
		}
		wantNew := newTomorrow(t, db, d, base, sch.DayEnd(now), opts)
		if got := day.NewTomorrow(); got != wantNew {
			t.Errorf("round %d: %d new cards tomorrow, want %d", round, got, wantNew)
		}
		if got := whole.NewTomorrow(); base.NewPerDay == sch.NewPerDay && got != wantNew {
			t.Errorf("round %d: the whole deck's session: %d new cards tomorrow, want %d", round, got, wantNew)
		}
	}
	if modes[quiz.ModeAhead] == 0 || modes[quiz.ModePractice] == 0 {
		t.Errorf("sessions by mode %v: want some of each", modes)
	}
	t.Logf("%d questions asked alike; sessions by mode %v", questions, modes)
}

// newTomorrow is how many new cards a whole-deck review session with
// opts's filters holds at tomorrow, the start of the next study day, from
// the states in db.
func newTomorrow(t *testing.T, db *store.DB, d *quiz.Deck, sch quiz.Scheduling, tomorrow time.Time, opts quiz.Options) int {
	t.Helper()
	states, err := db.States(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	opts.Practice, opts.Ahead, opts.Limit = false, false, 0
	s, err := quiz.NewSession(d, readOnly{states}, sch, func() time.Time { return tomorrow }, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s.Remaining().New
}

// sameFilteredCounts: the home counts of deck d studied with opts's
// Cards, Tag and Direction are what a whole-deck review session with them
// holds at its start, and new items wait beyond the limit when a session
// without the limit would hold more.
func sameFilteredCounts(t *testing.T, study *Study, d *quiz.Deck, p quiz.Progress, sch quiz.Scheduling, clock quiz.Clock, opts quiz.Options) {
	t.Helper()
	opts.Practice, opts.Ahead, opts.Limit = false, false, 0
	held := func(sch quiz.Scheduling) quiz.DeckCounts {
		s, err := quiz.NewSession(d, p, sch, clock, opts)
		if err != nil {
			t.Fatal(err)
		}
		r := s.Remaining()
		return quiz.DeckCounts{New: r.New, Learning: r.Learning, Review: r.Review}
	}
	counts, more, err := study.Counts(d.ID, opts, clock())
	if err != nil {
		t.Fatal(err)
	}
	want := held(sch)
	if counts != want {
		t.Errorf("%s cards, tag %q, %s: counts %+v, want %+v", opts.Cards, opts.Tag, opts.Direction, counts, want)
	}
	beyond := sch
	beyond.NewPerDay = 1 << 20
	if wantMore := held(beyond).New > want.New; more != wantMore {
		t.Errorf("%s cards, tag %q, %s: new items wait beyond the limit: %v, want %v", opts.Cards, opts.Tag, opts.Direction, more, wantMore)
	}
}

// deckTags are the tags of d's cards, sorted, each once.
func deckTags(d *quiz.Deck) []string {
	var all []string
	for _, c := range d.Cards {
		all = append(all, c.Tags...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}

// status is the home row of the deck id at now.
func status(t *testing.T, study *Study, now time.Time, id string) quiz.DeckStatus {
	t.Helper()
	list, err := study.Decks(now)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range list {
		if st.Deck.ID == id {
			if st.Err != nil {
				t.Fatal(st.Err)
			}
			return st
		}
	}
	t.Fatalf("no deck %q in %+v", id, list)
	return quiz.DeckStatus{}
}

// sameSessions grades two sessions alike until they finish and fails at
// the first question or count where they differ; it returns how many
// questions were asked.
func sameSessions(t *testing.T, rng *rand.Rand, whole, day *quiz.Session) int {
	t.Helper()
	for n := 0; ; n++ {
		if whole.Remaining() != day.Remaining() {
			t.Fatalf("question %d: remaining %+v, want %+v", n, day.Remaining(), whole.Remaining())
		}
		want, got := whole.Question(), day.Question()
		if want == nil || got == nil {
			if want != got {
				t.Fatalf("question %d: %v, want %v", n, got, want)
			}
			return n
		}
		if got.Item.ID != want.Item.ID || got.Prompt != want.Prompt || got.Kind != want.Kind ||
			!slices.Equal(got.Options, want.Options) || got.Correct != want.Correct {
			t.Fatalf("question %d: %s %s %q %q, want %s %s %q %q", n, got.Item.ID, got.Kind, got.Prompt, got.Options,
				want.Item.ID, want.Kind, want.Prompt, want.Options)
		}
		rating, pick := fsrs.Rating(1+rng.IntN(4)), rng.IntN(max(len(want.Options), 1))
		for _, s := range []*quiz.Session{whole, day} {
			if want.Kind == quiz.QuestionChoice {
				s.AnswerChoice(pick) // revealing gives up: only Again
			} else {
				s.Reveal()
			}
			op, err := s.Grade(rating)
			if err != nil {
				t.Fatal(err)
			}
			s.Apply(op.Run())
		}
	}
}

// countingProgress is the store, counting the states it returns.
type countingProgress struct {
	*store.DB
	rows, whole int
	cards       int // the cards whose states CardStates was asked for
}

func (p *countingProgress) States(deck string) (map[quiz.ItemID]quiz.ItemState, error) {
	p.whole++
	return p.DB.States(deck)
}

func (p *countingProgress) Answered(deck string, start, end time.Time) ([]store.Row, error) {
	rows, err := p.DB.Answered(deck, start, end)
	p.rows += len(rows)
	return rows, err
}

func (p *countingProgress) Learning(deck string, end time.Time) ([]store.Row, error) {
	rows, err := p.DB.Learning(deck, end)
	p.rows += len(rows)
	return rows, err
}

func (p *countingProgress) DueReviews(deck string, end time.Time, fn func(store.Row) bool) error {
	return p.DB.DueReviews(deck, end, func(r store.Row) bool {
		p.rows++
		return fn(r)
	})
}

func (p *countingProgress) CardStates(deck string, cards []string) ([]store.Row, error) {
	rows, err := p.DB.CardStates(deck, cards)
	p.rows += len(rows)
	p.cards += len(cards)
	return rows, err
}

// TestHomeCountsReadTheDay: the home counts read the states of the day,
// not of the deck: with 1,500 of 2,000 vocabulary cards studied and
// hundreds of reviews due, they read at most the reviews the day allows
// (and those tied with the last), the learning and answered items, and
// the states of one batch of cards past the new-item frontier. The first
// count after the deck's cards changed walks to the frontier once.
func TestHomeCountsReadTheDay(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	rng := rand.New(rand.NewPCG(3, 4))
	d := randomDeck(rng, "big", 0)
	for i := range 2000 {
		d.Cards = append(d.Cards, quiz.Card{ID: fmt.Sprintf("w%04d", i), Kind: quiz.KindVocab,
			Word: "해자", Meanings: []string{"moat"}, POS: "noun"})
	}
	lib := New(dir)
	writeDeck(t, lib, d)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	sch := quiz.DefaultScheduling()
	items := d.Items()
	var reviews []quiz.Review
	for i, it := range items[:3000] {
		st := quiz.ItemState{Card: fsrs.Card{State: fsrs.Review, Due: now.Add(time.Duration(i-600) * time.Minute),
			LastReview: now.AddDate(0, 0, -5), Stability: 5, Difficulty: 5, Reps: 2}, Introduced: now.AddDate(0, 0, -9)}
		switch {
		case i < 10: // answered today
			st.Card.LastReview = now.Add(-time.Hour)
		case i < 15: // learning
			st.Card.State = fsrs.Learning
		}
		reviews = append(reviews, quiz.Review{Item: it.ID, Rating: fsrs.Good, ReviewedAt: now,
			Mode: quiz.ModeReview, Question: quiz.QuestionFlip, After: st})
	}
	for i := range reviews {
		if _, err := db.Record(reviews[i]); err != nil {
			t.Fatal(err)
		}
	}
	p := &countingProgress{DB: db}
	study := New(dir).Study(p, sch, func() time.Time { return now })
	if _, err := study.Decks(now); err != nil { // finds the frontier
		t.Fatal(err)
	}
	for day := range 3 {
		at := now.AddDate(0, 0, day)
		p.rows, p.whole = 0, 0
		list, err := study.Decks(at)
		if err != nil || list[1].Err != nil {
			t.Fatal(err, list[1].Err)
		}
		states, err := db.States(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := quiz.Counts(d, states, sch, at); list[1].Counts != want {
			t.Errorf("day %d: counts %+v, want %+v", day, list[1].Counts, want)
		}
		// reviews and their ties (two items a card), answered, learning, a
		// batch past the frontier
		bound := 2*sch.ReviewsPerDay + 2 + 10 + 5 + 2*newBatch
		if p.rows > bound || p.whole > 0 {
			t.Errorf("day %d: the counts read %d states and every state %d times, want at most %d and none",
				day, p.rows, p.whole, bound)
		}
	}
}

// TestRareTagReadsItsCards: the counts and the session of a deck studied
// by a tag that few cards have (in any case) read the states of those
// cards only, not of every card past the new-item frontier nor of every
// review due, and equal the whole deck's.
func TestRareTagReadsItsCards(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	d := &quiz.Deck{Format: quiz.FormatVersion, ID: "big", Title: "큰 덱", TitleEn: "Big", Lang: "ko",
		Source: quiz.Source{Publisher: "아시아경제"}}
	// studied: 100 due, 200 due and suspended, 300 due tomorrow, 400 learning
	tagged := map[int][]string{100: {"rare"}, 200: {"rare"}, 300: {"rare"}, 400: {"rare"},
		1500: {"rare", "memo"}, 1600: {"Rare", "rare"}, 1700: {"rare"}, 1800: {"RARE"}, 1999: {"rare"}}
	for i := range 2000 {
		d.Cards = append(d.Cards, quiz.Card{ID: fmt.Sprintf("w%04d", i), Kind: quiz.KindVocab, Tags: tagged[i],
			Word: fmt.Sprintf("낱말%04d", i), Meanings: []string{"word"}, POS: "noun"})
	}
	writeDeck(t, New(dir), d)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for _, it := range d.Items()[:2000] { // the first 1,000 cards studied, due
		st := quiz.ItemState{Card: fsrs.Card{State: fsrs.Review, Due: now.AddDate(0, 0, -1), LastReview: now.AddDate(0, 0, -5),
			Stability: 9, Difficulty: 5, Reps: 2}, Introduced: now.AddDate(0, 0, -9)}
		switch it.Card.ID {
		case "w0200":
			st.Suspended = true
		case "w0300":
			st.Card.Due = quiz.DefaultScheduling().DayEnd(now)
		case "w0400":
			st.Card.State, st.Card.Due = fsrs.Learning, now.Add(-time.Hour)
		}
		if _, err := db.Record(quiz.Review{Item: it.ID, Rating: fsrs.Good, ReviewedAt: now.AddDate(0, 0, -5),
			Mode: quiz.ModeReview, Question: quiz.QuestionFlip, After: st}); err != nil {
			t.Fatal(err)
		}
	}
	p := &countingProgress{DB: db}
	sch := quiz.DefaultScheduling()
	clock := func() time.Time { return now }
	study := New(dir).Study(p, sch, clock)
	header := status(t, study, now, d.ID).Deck // walks to the frontier
	states, err := db.States(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	opts := quiz.Options{Tag: "rare"}
	p.cards, p.rows = 0, 0
	sameFilteredCounts(t, study, d, readOnly{states}, sch, clock, opts)
	if p.cards > 9+5 || p.rows > 2*9 {
		t.Errorf("the counts of tag rare read %d states, of %d cards; want at most those of its 9 cards, and its 5 cards past the frontier again", p.rows, p.cards)
	}
	p.cards = 0
	s, err := study.StartSession(header, opts)
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Remaining(); r.New != 5 || r.Review != 1 || r.Learning != 2 || p.cards > 3*9 {
		t.Errorf("the session of tag rare holds %+v and read the states of %d cards, want its 5 new cards, 1 review and 2 learning items, and at most its cards thrice", r, p.cards)
	}
}

// TestDecksBilingual: the home screen learns which decks' facts have an
// English side of their own (the built-in deck) and which don't (a deck
// of vocab and cloze), so it offers the facts language only for those.
func TestDecksBilingual(t *testing.T) {
	lib, _ := newMine(t)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	study := lib.Study(openStore(t, t.TempDir()), quiz.DefaultScheduling(), func() time.Time { return now })
	for id, want := range map[string]bool{"article": true, "mine": false} {
		if got := status(t, study, now, id).Bilingual; got != want {
			t.Errorf("deck %s: Bilingual %v, want %v", id, got, want)
		}
	}
}

// TestMoreNewToday: once the day's new items are studied the deck says
// more wait; "10 more new today" brings 10 more, for every filter (the
// limit is the deck's, not the filter's), after a restart the same day
// too, and the next day the limit is the configured one again.
func TestMoreNewToday(t *testing.T) {
	dir := t.TempDir()
	d := &quiz.Deck{Format: quiz.FormatVersion, ID: "facts", Title: "사실", TitleEn: "Facts", Lang: "ko",
		Source: quiz.Source{Publisher: "아시아경제"}}
	for i := range 40 {
		c := quiz.Card{ID: fmt.Sprintf("f%02d", i), Kind: quiz.KindFact, Prompt: "질문", PromptEn: "question", Answer: "답", AnswerEn: "answer"}
		if i%2 == 1 {
			c = quiz.Card{ID: fmt.Sprintf("v%02d", i), Kind: quiz.KindVocab, Word: string(rune('가' + i)), Meanings: []string{"moat"}, POS: "noun"}
		}
		d.Cards = append(d.Cards, c)
	}
	writeDeck(t, New(dir), d)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	sch := quiz.DefaultScheduling()
	sch.NewPerDay = 5
	open := func(at time.Time) (*store.DB, *Study) {
		db, err := store.Open(dir, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return db, New(dir).Study(db, sch, func() time.Time { return at })
	}
	db, study := open(now)
	s, err := study.StartSession(status(t, study, now, "facts").Deck, quiz.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for s.Phase() != quiz.Finished { // the day's 5 new items, Easy: done for today
		s.Reveal()
		op, err := s.Grade(fsrs.Easy)
		if err != nil {
			t.Fatal(err)
		}
		s.Apply(op.Run())
	}
	if st := status(t, study, now, "facts"); st.Counts.New != 0 || !st.MoreNew {
		t.Fatalf("after the day's new items: %+v, more new %v; want none and more waiting", st.Counts, st.MoreNew)
	}
	vocab, err := study.StartSession(status(t, study, now, "facts").Deck, quiz.Options{Cards: quiz.CardsVocab})
	if err != nil || vocab.Phase() != quiz.Finished {
		t.Fatalf("only vocabulary gave %+v, %v: the deck's limit is reached for every filter", vocab.Remaining(), err)
	}
	if err := study.MoreNew("facts", 10); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, study = open(now.Add(time.Hour)) // a restart the same day
	if st := status(t, study, now, "facts"); st.Counts.New != 10 {
		t.Errorf("after 10 more new today and a restart: %d new, want 10", st.Counts.New)
	}
	vocab, err = study.StartSession(status(t, study, now, "facts").Deck, quiz.Options{Cards: quiz.CardsVocab})
	if err != nil {
		t.Fatal(err)
	}
	if got := vocab.Remaining(); got.New != 10 || vocab.Question().Item.ID.Item == quiz.ItemFact {
		t.Errorf("only vocabulary after 10 more: %+v, first %s; want 10 new vocabulary items", got, vocab.Question().Item.ID)
	}
	db.Close()
	tomorrow := now.AddDate(0, 0, 1)
	db, study = open(tomorrow)
	defer db.Close()
	if st := status(t, study, tomorrow, "facts"); st.Counts.New != 5 {
		t.Errorf("the next day: %d new, want the configured 5", st.Counts.New)
	}
	for _, n := range []int{0, -1, MaxMoreNew + 1} {
		if err := study.MoreNew("facts", n); err == nil {
			t.Errorf("%d more new items was accepted", n)
		}
	}
}

// bigDeck is a deck of n cards of every kind, each with answers of its own.
func bigDeck(id string, n int) *quiz.Deck {
	d := randomDeck(rand.New(rand.NewPCG(5, 6)), id, 0)
	for i := range n {
		c := quiz.Card{ID: fmt.Sprintf("k%05d", i)}
		switch i % 3 {
		case 0:
			c.Kind, c.Prompt, c.Answer = quiz.KindFact, fmt.Sprintf("질문 %d", i), fmt.Sprintf("답 %d", i)
			c.PromptEn, c.AnswerEn = fmt.Sprintf("question %d", i), fmt.Sprintf("answer %d", i)
		case 1:
			c.Kind, c.Word, c.Meanings, c.POS = quiz.KindVocab, fmt.Sprintf("해자%d", i), []string{fmt.Sprintf("moat %d", i)}, "noun"
		default:
			c.Kind, c.Text = quiz.KindCloze, fmt.Sprintf("{{c1::훈련%d}}과 {{c2::추론%d}}", i, i)
			c.Translation = "training and inference"
		}
		d.Cards = append(d.Cards, c)
	}
	return d
}

// TestSessionsReadPartOfTheDeck: practice, study-ahead and choice sessions
// of a 3,000-card deck read the states of the cards they ask and a few
// batches more, never every state, and never the deck whole; practice
// without a limit holds the first practiceWindow items of the whole
// deck's practice session, and ahead is the whole deck's ahead session.
func TestSessionsReadPartOfTheDeck(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	d := bigDeck("big", 3000)
	lib := New(dir)
	writeDeck(t, lib, d)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	sch := quiz.DefaultScheduling()
	sch.Params.EnableFuzz, sch.NewPerDay = false, 0
	end := sch.DayEnd(now)
	items := d.Items()
	for i, it := range items[:3000] { // due after today, many at the same moment; some suspended
		st := quiz.ItemState{Card: fsrs.Card{State: fsrs.Review, Due: end.Add(time.Duration(i/4) * time.Minute),
			LastReview: now.AddDate(0, 0, -5), Stability: 5, Difficulty: 5, Reps: 2},
			Introduced: now.AddDate(0, 0, -9), Suspended: i%7 == 0}
		if i%11 == 0 {
			st.Card.State = fsrs.Learning
		}
		if _, err := db.Record(quiz.Review{Item: it.ID, Rating: fsrs.Good, ReviewedAt: now.AddDate(0, 0, -5),
			Mode: quiz.ModeReview, Question: quiz.QuestionFlip, After: st}); err != nil {
			t.Fatal(err)
		}
	}
	states, err := db.States(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	clock := func() time.Time { return now }
	p := &countingProgress{DB: db}
	study := New(dir).Study(p, sch, clock) // writeDeck read the deck whole in lib
	for _, tc := range []struct {
		name      string
		opts      quiz.Options
		wholeOpts quiz.Options // the whole deck's session it equals; zero when sampled
		bound     int          // states read
	}{
		{"practice", quiz.Options{Practice: true, Seed: 3}, quiz.Options{Practice: true, Seed: 3, Limit: practiceWindow}, 2 * (practiceWindow + 3*newBatch)},
		{"practice limit", quiz.Options{Practice: true, Seed: 4, Limit: 30}, quiz.Options{Practice: true, Seed: 4, Limit: 30}, 2 * (30 + 3*newBatch)},
		{"ahead", quiz.Options{Ahead: true, Kind: quiz.QuestionTyped, Seed: 5}, quiz.Options{Ahead: true, Kind: quiz.QuestionTyped, Seed: 5}, 2 * 2 * sch.ReviewsPerDay},
		{"choice practice", quiz.Options{Practice: true, Kind: quiz.QuestionChoice, Seed: 6, Limit: 50}, quiz.Options{}, 2 * (50 + 3*newBatch)},
		{"mixed ahead", quiz.Options{Ahead: true, Kind: quiz.QuestionMixed, Seed: 7}, quiz.Options{}, 2 * 2 * sch.ReviewsPerDay},
	} {
		p.rows, p.whole = 0, 0
		s, err := study.StartSession(d, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		if p.rows > tc.bound || p.whole > 0 {
			t.Errorf("%s: read %d states and every state %d times, want at most %d and none", tc.name, p.rows, p.whole, tc.bound)
		}
		if f, err := study.lib.file(d.ID); err != nil || f.whole != nil {
			t.Errorf("%s: the deck was read whole (%v)", tc.name, err)
		}
		if tc.wholeOpts == (quiz.Options{}) {
			continue
		}
		whole, err := quiz.NewSession(d, readOnly{states}, sch, clock, tc.wholeOpts)
		if err != nil {
			t.Fatal(err)
		}
		if n := sameSessions(t, rand.New(rand.NewPCG(7, 8)), whole, s); n < 30 {
			t.Errorf("%s: %d questions, want 30 or more", tc.name, n)
		}
	}
}

// TestSampledDistractors: the distractors of a choice session over a deck
// too big to pool whole are sampled from its cards: every question has
// four options, no two alike, one of them the answer and no other one it
// takes, each distractor the answer of a card of the same kind (a cloze
// deletion or a vocab word for a cloze), from many cards.
func TestSampledDistractors(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	d := bigDeck("big", 3000)
	writeDeck(t, New(dir), d)
	fact, meaning, word, cloze := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, c := range d.Cards {
		fact[c.Answer], word[c.Word] = true, true
		if len(c.Meanings) > 0 {
			meaning[c.Meanings[0]] = true
		}
		parts, _ := quiz.ParseCloze(c.Text)
		for _, p := range parts {
			cloze[p.Text] = p.Num > 0
		}
	}
	study := New(dir).Study(db, quiz.DefaultScheduling(), time.Now)
	s, err := study.StartSession(d, quiz.Options{Practice: true, Kind: quiz.QuestionChoice, Seed: 9, Limit: 120})
	if err != nil {
		t.Fatal(err)
	}
	from := map[string]bool{}
	for q := s.Question(); q != nil; q = s.Question() {
		if q.Kind != quiz.QuestionChoice || len(q.Options) != 4 || q.Options[q.Correct] != q.Answer {
			t.Fatalf("%s: %s options %q, answer %q", q.Item.ID, q.Kind, q.Options, q.Answer)
		}
		seen := map[string]bool{}
		for i, o := range q.Options {
			key := strings.ToLower(o)
			if seen[key] {
				t.Fatalf("%s: options %q: %q twice", q.Item.ID, q.Options, o)
			}
			seen[key] = true
			if i == q.Correct {
				continue
			}
			same := map[string]map[string]bool{quiz.ItemFact: fact, quiz.ItemKoEn: meaning, quiz.ItemEnKo: word}[q.Item.ID.Item]
			if slices.Contains(q.Accepted, o) || !(same[o] || same == nil && (cloze[o] || word[o])) {
				t.Fatalf("%s: options %q: %q is right or of another kind", q.Item.ID, q.Options, o)
			}
			from[o] = true
		}
		s.AnswerChoice(q.Correct)
		op, err := s.Grade(fsrs.Good)
		if err != nil {
			t.Fatal(err)
		}
		s.Apply(op.Run())
	}
	if len(from) < 100 {
		t.Errorf("%d distinct distractors over 120 questions, want a varied sample", len(from))
	}
}

// TestPracticePastSuspendedItems: a practice session whose first items in
// practice order are nearly all suspended reads on until it has its
// limit, and is the whole deck's session.
func TestPracticePastSuspendedItems(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	d := bigDeck("asleep", 300)
	writeDeck(t, New(dir), d)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for i, it := range d.Items() {
		st := quiz.ItemState{Card: fsrs.Card{State: fsrs.Review, Due: now.AddDate(0, 0, 3), LastReview: now.AddDate(0, 0, -5),
			Stability: 5, Difficulty: 5, Reps: 2}, Introduced: now.AddDate(0, 0, -9), Suspended: i%20 != 0}
		if _, err := db.Record(quiz.Review{Item: it.ID, Rating: fsrs.Good, ReviewedAt: now.AddDate(0, 0, -5),
			Mode: quiz.ModeReview, Question: quiz.QuestionFlip, After: st}); err != nil {
			t.Fatal(err)
		}
	}
	states, err := db.States(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	clock := func() time.Time { return now }
	opts := quiz.Options{Practice: true, Seed: 11, Limit: 12}
	whole, err := quiz.NewSession(d, readOnly{states}, quiz.DefaultScheduling(), clock, opts)
	if err != nil {
		t.Fatal(err)
	}
	day, err := New(dir).Study(db, quiz.DefaultScheduling(), clock).StartSession(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	if n := sameSessions(t, rand.New(rand.NewPCG(1, 1)), whole, day); n < 12 {
		t.Errorf("%d questions, want 12 or more", n)
	}
}

// TestFilteredPracticeMatchesWholeDeck: a practice session of part of a
// deck with a card, tag or direction filter asks what the whole deck's
// asks, in the same order, past many suspended items and items left out.
func TestFilteredPracticeMatchesWholeDeck(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	rng := rand.New(rand.NewPCG(3, 4))
	d := bigDeck("filtered", 2000)
	for i := range d.Cards {
		d.Cards[i].Tags = [][]string{nil, {"memo"}, {"Memo", "llm"}, {"llm"}}[rng.IntN(4)]
	}
	writeDeck(t, New(dir), d)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for _, it := range d.Items() {
		st := quiz.ItemState{Card: fsrs.Card{State: fsrs.Review, Due: now.AddDate(0, 0, 3), LastReview: now.AddDate(0, 0, -5),
			Stability: 5, Difficulty: 5, Reps: 2}, Introduced: now.AddDate(0, 0, -9), Suspended: rng.IntN(5) < 3}
		if _, err := db.Record(quiz.Review{Item: it.ID, Rating: fsrs.Good, ReviewedAt: now.AddDate(0, 0, -5),
			Mode: quiz.ModeReview, Question: quiz.QuestionFlip, After: st}); err != nil {
			t.Fatal(err)
		}
	}
	states, err := db.States(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	clock := func() time.Time { return now }
	study := New(dir).Study(db, quiz.DefaultScheduling(), clock)
	for round := range 12 {
		opts := quiz.Options{Practice: true, Seed: rng.Int64(), Limit: []int{0, 1, 5, 40}[rng.IntN(4)],
			Direction: []quiz.Direction{quiz.DirBoth, quiz.DirKoEn, quiz.DirEnKo}[rng.IntN(3)],
			Cards:     []quiz.CardFilter{quiz.CardsAll, quiz.CardsVocab, quiz.CardsFacts}[rng.IntN(3)],
			Tag:       []string{"", "memo", "LLM", "none"}[rng.IntN(4)]}
		wholeOpts := opts
		if opts.Limit == 0 {
			wholeOpts.Limit = practiceWindow
		}
		whole, err := quiz.NewSession(d, readOnly{states}, quiz.DefaultScheduling(), clock, wholeOpts)
		if err != nil {
			t.Fatal(err)
		}
		part, err := study.StartSession(d, opts)
		if err != nil {
			t.Fatal(err)
		}
		if whole.Remaining() != part.Remaining() {
			t.Fatalf("round %d %+v: remaining %+v, want %+v", round, opts, part.Remaining(), whole.Remaining())
		}
		sameSessions(t, rng, whole, part)
	}
}

// TestCardFilterRemembered: the Cards setting and the tag chosen for a
// deck are remembered with its other settings across a restart of the
// store and the library, and the session they start asks only those
// cards.
func TestCardFilterRemembered(t *testing.T) {
	dir := t.TempDir()
	d := randomDeck(rand.New(rand.NewPCG(3, 4)), "tagged", 60)
	writeDeck(t, New(dir), d)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	open := func() (*store.DB, *Study) {
		db, err := store.Open(dir, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return db, New(dir).Study(db, quiz.DefaultScheduling(), func() time.Time { return now })
	}
	db, study := open()
	want := quiz.ChoiceOf("tagged", quiz.Options{Kind: quiz.QuestionFlip, Direction: quiz.DirKoEn, Lang: "ko",
		Practice: true, Cards: quiz.CardsVocab, Tag: "memo"})
	if err := study.SaveChoice(want); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, study = open()
	defer db.Close()
	got, err := study.Choices()
	if err != nil || len(got) != 1 || got[0] != want {
		t.Fatalf("after a restart, Choices = %+v, %v; want %+v", got, err, want)
	}
	s, err := study.StartSession(status(t, study, now, "tagged").Deck, got[0].Options())
	if err != nil {
		t.Fatal(err)
	}
	if s.Phase() == quiz.Finished {
		t.Fatal("the remembered choice studies nothing")
	}
	for asked := 0; s.Phase() != quiz.Finished && asked < 20; asked++ {
		c := s.Question().Item.Card
		if c.Kind != quiz.KindVocab || !slices.Contains(c.Tags, "memo") {
			t.Fatalf("the remembered vocab #memo asks card %s, a %s tagged %v", c.ID, c.Kind, c.Tags)
		}
		s.Reveal()
		op, err := s.Grade(fsrs.Easy)
		if err != nil {
			t.Fatal(err)
		}
		s.Apply(op.Run())
	}
}
