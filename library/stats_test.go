package library

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/stats"
)

// TestStudyStats: the stats screen's figures count what was saved in the
// store, over the learner's decks (the home rows hold only headers), and
// the items of the whole deck.
func TestStudyStats(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	lib := New(dir)
	deck, err := lib.Deck("article")
	if err != nil {
		t.Fatal(err)
	}
	item := deck.Items()[0]
	st := quiz.ItemState{Card: fsrs.Card{State: fsrs.Learning, Due: now.Add(10 * time.Minute), LastReview: now}, Introduced: now}
	if _, err := db.Record(quiz.Review{Item: item.ID, Rating: fsrs.Good, ReviewedAt: now, Duration: 4 * time.Second,
		Mode: quiz.ModeReview, Question: quiz.QuestionFlip, After: st}); err != nil {
		t.Fatal(err)
	}
	sch := quiz.DefaultScheduling()
	s, err := lib.Study(db, sch, func() time.Time { return now }).Stats(stats.Query{Now: now, Scheduling: sch})
	if err != nil {
		t.Fatal(err)
	}
	if s.Reviews.Today != 1 || s.TimeMS.Today != 4000 {
		t.Errorf("today %d answers in %d ms, want 1 in 4000", s.Reviews.Today, s.TimeMS.Today)
	}
	if n := len(deck.Items()); s.Items.Total != n || s.Items.Learning != 1 || s.Items.New != n-1 {
		t.Errorf("items %+v, want the deck's %d with one learning", s.Items, n)
	}
}

// TestSummaryAndStatsCountCorrectAlike: an answer checked Almost and
// graded Hard is correct in the session's score and in the statistics
// (one definition: not Again), as the learner reads both.
func TestSummaryAndStatsCountCorrectAlike(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	lib := New(dir)
	writeDeck(t, lib, &quiz.Deck{Format: quiz.FormatVersion, ID: "c", Title: "c", TitleEn: "c", Lang: "ko",
		Source: quiz.Source{Publisher: "아시아경제"},
		Cards:  []quiz.Card{{ID: "v", Kind: quiz.KindVocab, Word: "강점", Meanings: []string{"strength"}, POS: "noun"}}})
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	sch := quiz.DefaultScheduling()
	study := lib.Study(db, sch, func() time.Time { return now })
	deck, err := lib.Deck("c")
	if err != nil {
		t.Fatal(err)
	}
	s, err := study.StartSession(deck, quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo})
	if err != nil {
		t.Fatal(err)
	}
	if c := s.AnswerTyped("강졈"); c.Verdict != quiz.Almost {
		t.Fatalf("강졈 for 강점 checked %v, want Almost", c.Verdict)
	}
	op, err := s.Grade(fsrs.Hard)
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(op.Run())
	sc := s.Score()
	st, err := study.Stats(stats.Query{Deck: "c", Now: now, Scheduling: sch})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Decks) != 1 {
		t.Fatalf("stats of %d decks, want 1", len(st.Decks))
	}
	if r := st.Decks[0].Ratio; sc.Answered != r.Answers || sc.Correct != r.Correct || sc.Correct != 1 {
		t.Errorf("summary: %d answered, %d correct; stats: %d answers, %d correct; want 1 and 1 in both",
			sc.Answered, sc.Correct, r.Answers, r.Correct)
	}
}

// TestStatsDecodeNoWholeDeck: the figures are read from the decks'
// indexes; only the cards of the items listed by name (most lapsed and
// leeches) are decoded, one by one, and the figures equal those computed
// over the decks held whole, on random decks and progress.
func TestStatsDecodeNoWholeDeck(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 0))
	for round := range 4 {
		dir := t.TempDir()
		db := openStore(t, dir)
		lib := New(dir)
		d := &quiz.Deck{Format: quiz.FormatVersion, ID: "r", Title: "무작위", TitleEn: "Random", Lang: "ko",
			Source: quiz.Source{Publisher: "아시아경제"}}
		for i := range 60 + rng.IntN(60) {
			id := fmt.Sprintf("c%03d", i)
			tags := []string{[]string{"a", "b", "c"}[rng.IntN(3)]}
			switch rng.IntN(3) {
			case 0:
				d.Cards = append(d.Cards, quiz.Card{ID: id, Kind: quiz.KindVocab, Tags: tags, Word: "낱말" + id,
					Meanings: []string{"word " + id}, POS: "noun"})
			case 1:
				d.Cards = append(d.Cards, quiz.Card{ID: id, Kind: quiz.KindFact, Tags: tags, Prompt: "물음 " + id + "?",
					PromptEn: "Question " + id + "?", Answer: "답 " + id, AnswerEn: "answer " + id})
			default:
				d.Cards = append(d.Cards, quiz.Card{ID: id, Kind: quiz.KindCloze, Tags: tags,
					Text: "{{c1::구글}}의 {{c2::메모}} " + id, Translation: "Google's memo " + id})
			}
		}
		writeDeck(t, lib, d)
		now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
		items := d.Items()
		for _, it := range items[:len(items)/2] {
			at := now.Add(-time.Duration(rng.IntN(40*24)) * time.Hour)
			st := quiz.ItemState{Card: fsrs.Card{State: fsrs.State(1 + rng.IntN(3)), Due: at.Add(time.Duration(rng.IntN(60*24)) * time.Hour),
				LastReview: at, Lapses: uint64(rng.IntN(12)), ScheduledDays: uint64(rng.IntN(40))},
				Introduced: at, Suspended: rng.IntN(8) == 0}
			if _, err := db.Record(quiz.Review{Item: it.ID, Rating: fsrs.Rating(1 + rng.IntN(4)), ReviewedAt: at,
				Duration: time.Second, Mode: quiz.ModeReview, Question: quiz.QuestionFlip, After: st}); err != nil {
				t.Fatal(err)
			}
		}
		sch := quiz.DefaultScheduling()
		whole, errs := New(dir).Decks()
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for _, deck := range []string{"", "r"} {
			want, err := Stats(db, stats.Query{Deck: deck, Decks: wholeDecks(whole), Now: now, Scheduling: sch})
			if err != nil {
				t.Fatal(err)
			}
			decoded, wholes := countDecodes(t)
			got, err := New(dir).Study(db, sch, func() time.Time { return now }).Stats(stats.Query{Deck: deck, Now: now, Scheduling: sch})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, deck %q: figures from the index\n%+v\nwant\n%+v", round, deck, got, want)
			}
			if *wholes != 0 || *decoded > len(want.Lapsed)+len(want.Leeches) {
				t.Errorf("round %d: decoded %d whole decks and %d cards, want none and at most %d (the items listed)",
					round, *wholes, *decoded, len(want.Lapsed)+len(want.Leeches))
			}
		}
	}
}

// wholeDecks are the decks held whole, as the figures read them.
func wholeDecks(decks []*quiz.Deck) []stats.Deck {
	out := make([]stats.Deck, len(decks))
	for i, d := range decks {
		out[i] = stats.WholeDeck(d)
	}
	return out
}

// countDecodes counts, until the test ends, the cards decoded one by one
// and the whole decks decoded from cache entries.
func countDecodes(t *testing.T) (cards, wholes *int) {
	cards, wholes = new(int), new(int)
	oldBinary, oldCard := decodeBinary, decodeCard
	t.Cleanup(func() { decodeBinary, decodeCard = oldBinary, oldCard })
	decodeBinary = func(body string) (*quiz.Deck, error) {
		*wholes++
		return oldBinary(body)
	}
	decodeCard = func(body string) (quiz.Card, error) {
		*cards++
		return oldCard(body)
	}
	return cards, wholes
}
