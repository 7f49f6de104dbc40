package tui

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/stats"
)

// lapsedSeven is a review due now that has lapsed 7 times: one more
// Again makes it a leech.
func lapsedSeven() quiz.ItemState {
	return quiz.ItemState{
		Card: fsrs.Card{Due: testNow.Add(-time.Hour), Stability: 3, Difficulty: 8, State: fsrs.Review,
			ScheduledDays: 3, LastReview: testNow.Add(-72 * time.Hour), Reps: 20, Lapses: 7},
		Introduced: testNow.Add(-30 * 24 * time.Hour),
	}
}

// TestLeechOnTheSummary (B4): the 8th lapse of the only card due ends the
// session on a summary that names the leech, does not say nothing was
// ever scheduled, and offers l; l schedules it again, in the progress
// too.
func TestLeechOnTheSummary(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		d := testDeck()
		d.Cards = d.Cards[:1]
		p := newMemProgress()
		haeja := quiz.ItemID{Deck: "moat", Card: "v-haeja", Item: quiz.ItemKoEn}
		p.states[haeja] = lapsedSeven()
		m := newDeckModel(t, d, p, &Start{Deck: "moat", QuitAfter: true,
			Options: quiz.Options{Kind: quiz.QuestionFlip, Direction: quiz.DirKoEn}}, size[0], size[1])
		m = press(t, m, "space", "1")
		// At 40x12 the summary scrolls: its end is seen after ↓.
		s := screenText(m) + screenText(press(t, m, "down", "down", "down", "down", "down"))
		if m.screen != screenSummary || !p.states[haeja].Suspended {
			t.Fatalf("%v: after the 8th lapse: screen %d, suspended %v:\n%s", size, m.screen, p.states[haeja].Suspended, s)
		}
		for _, want := range []string{"Leeches (1)", "해자 — moat", "l unsuspend", "suspended as leeches"} {
			if !strings.Contains(s, want) {
				t.Errorf("%v: the summary lacks %q:\n%s", size, want, s)
			}
		}
		if strings.Contains(s, "Nothing is scheduled in this deck yet") {
			t.Errorf("%v: the summary says nothing was scheduled after 8 lapses:\n%s", size, s)
		}
		checkFits(t, m)
		m = press(t, m, "l")
		s = screenText(m) + screenText(press(t, m, "down", "down", "down", "down", "down"))
		if p.states[haeja].Suspended || p.states[haeja].Card.Lapses != 8 {
			t.Errorf("%v: after l: stored %+v, want lapses 8, not suspended", size, p.states[haeja])
		}
		for _, want := range []string{"해자 — moat is scheduled again.", "Next cards due in 10m"} {
			if !strings.Contains(s, want) {
				t.Errorf("%v: after l the summary lacks %q:\n%s", size, want, s)
			}
		}
		if strings.Contains(s, "Leeches (1)") || strings.Contains(s, "l unsuspend") {
			t.Errorf("%v: after l the summary still offers to unsuspend:\n%s", size, s)
		}
	}
}

// TestLeechAnnouncedWhileStudying (B4): when a leech is suspended and the
// session goes on, the study screen says so with the next question.
func TestLeechAnnouncedWhileStudying(t *testing.T) {
	d := testDeck()
	d.Cards = d.Cards[:3]
	p := newMemProgress()
	p.states[quiz.ItemID{Deck: "moat", Card: "v-haeja", Item: quiz.ItemKoEn}] = lapsedSeven()
	m := newDeckModel(t, d, p, &Start{Deck: "moat",
		Options: quiz.Options{Kind: quiz.QuestionFlip, Direction: quiz.DirKoEn}}, 80, 24)
	if q := m.session.Question(); q == nil || q.Item.ID.Card != "v-haeja" {
		t.Fatalf("the first question is %+v, want the review of 해자", q)
	}
	m = press(t, m, "space", "1")
	s := screenText(m)
	if m.screen != screenStudy || !strings.Contains(s, "해자 — moat is a leech (8 lapses): suspended. l on the summary unsuspends it.") {
		t.Errorf("no word of the leech on the next question:\n%s", s)
	}
}

// leechStats are figures whose leeches are p's items with 8 lapses or
// more, as the library computes them from the store.
func leechStats(p *memProgress) func(stats.Query) (*stats.Stats, error) {
	return func(stats.Query) (*stats.Stats, error) {
		states, err := p.States("moat")
		if err != nil {
			return nil, err
		}
		s := &stats.Stats{}
		for _, id := range slices.SortedFunc(maps.Keys(states), func(a, b quiz.ItemID) int { return strings.Compare(a.String(), b.String()) }) {
			if st := states[id]; st.Card.Lapses >= quiz.LeechThreshold {
				l := stats.Lapsed{Item: id.String(), Label: id.Card, Lapses: int(st.Card.Lapses), Leech: true, Suspended: st.Suspended}
				s.Lapsed, s.Leeches = append(s.Lapsed, l), append(s.Leeches, l)
			}
		}
		return s, nil
	}
}

// TestUnsuspendFromStats: a leech suspended in an earlier session is
// unsuspended on the stats screen: n marks the next suspended leech, u
// schedules the marked one again, in the progress too.
func TestUnsuspendFromStats(t *testing.T) {
	p := newMemProgress()
	koEn := quiz.ItemID{Deck: "moat", Card: "v-haeja", Item: quiz.ItemKoEn}
	enKo := quiz.ItemID{Deck: "moat", Card: "v-haeja", Item: quiz.ItemEnKo}
	for _, id := range []quiz.ItemID{koEn, enKo} {
		st := lapsedSeven()
		st.Card.Lapses, st.Suspended = 9, true
		p.states[id] = st
	}
	m := New(Config{
		Backend:    backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{testDeck()}, nil }, p, quiz.DefaultScheduling()).statsBy(leechStats(p)),
		Scheduling: quiz.DefaultScheduling(), Clock: func() time.Time { return testNow }, Mono: true,
	})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, m.Init()())
	m = press(t, m, "s")
	s := screenText(m)
	for _, want := range []string{glyphFocus + enKo.String() + " (suspended)", "u unsuspend", "n next leech", "n marks the next"} {
		if !strings.Contains(s, want) {
			t.Errorf("the stats screen lacks %q:\n%s", want, s)
		}
	}
	m = press(t, m, "n", "u")
	if s = screenText(m); p.states[koEn].Suspended || !p.states[enKo].Suspended || !strings.Contains(s, "v-haeja is scheduled again.") {
		t.Fatalf("n then u: suspended %v (ko-en) %v (en-ko), want only en-ko:\n%s", p.states[koEn].Suspended, p.states[enKo].Suspended, s)
	}
	if !strings.Contains(s, glyphFocus+enKo.String()+" (suspended)") || strings.Contains(s, "n next leech") {
		t.Errorf("after u: the mark is not on the leech left, or n is still offered:\n%s", s)
	}
	m = press(t, m, "u")
	if s = screenText(m); p.states[enKo].Suspended || !strings.Contains(s, "None is suspended.") || strings.Contains(s, "u unsuspend") {
		t.Errorf("after the last u: en-ko suspended %v:\n%s", p.states[enKo].Suspended, s)
	}
}
