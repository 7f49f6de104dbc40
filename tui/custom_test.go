package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/quiz"
)

// limitModel is the app over testDeck whose new-card limit is n a day,
// with nothing studied yet, sized width x height.
func limitModel(t *testing.T, n int, start *Start, width, height int) Model {
	t.Helper()
	sch := quiz.DefaultScheduling()
	sch.NewPerDay = n
	m := New(Config{Backend: backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{testDeck()}, nil }, newMemProgress(), sch),
		Scheduling: sch, Clock: func() time.Time { return testNow }, Start: start, Mono: true})
	m = send(t, m, tea.WindowSizeMsg{Width: width, Height: height})
	return send(t, m, m.Init()())
}

// TestHomeSaysTheLimitIsReached: when the new-card limit, not an empty
// deck, is why nothing is due, the home screen says so and how to raise
// it, at every size; + adds 10 new cards to today's limit, and then
// they are counted and studied.
func TestHomeSaysTheLimitIsReached(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		m := limitModel(t, 0, nil, size[0], size[1])
		checkFits(t, m)
		if s := screenText(m); !strings.Contains(s, "New-card limit reached: + adds 10 more.") ||
			(size[0] == 80 && !strings.Contains(s, "new_per_day in config.toml")) {
			t.Errorf("%dx%d: the limit is not named:\n%s", size[0], size[1], s)
		}
		m = press(t, m, "+")
		if got := m.home.deck().counts.New; got != 4 {
			t.Errorf("%dx%d: + gives %d new, want the deck's 4 cards", size[0], size[1], got)
		}
		if s := screenText(m); strings.Contains(s, "limit reached") || !strings.Contains(s, "10 more new cards today") {
			t.Errorf("%dx%d: after +:\n%s", size[0], size[1], s)
		}
		checkFits(t, m)
		if m = press(t, m, "enter"); m.screen != screenStudy || m.session.Remaining().New != 4 {
			t.Errorf("%dx%d: enter after + does not study the new cards:\n%s", size[0], size[1], screenText(m))
		}
	}
	// A deck with nothing new left says nothing of the limit.
	m := limitModel(t, 20, nil, 80, 24)
	if s := screenText(m); strings.Contains(s, "limit") {
		t.Errorf("a deck within its limit speaks of it:\n%s", s)
	}
}

// TestStudyMoreNew: moatquiz study names --more-new when the limit holds
// the new cards back, and --more-new starts on them.
func TestStudyMoreNew(t *testing.T) {
	m := limitModel(t, 0, &Start{Deck: "moat", QuitAfter: true}, 80, 24)
	if s := screenText(m); m.screen != screenSummary || !strings.Contains(s, "--more-new 10") {
		t.Errorf("nothing due for the limit:\n%s", s)
	}
	// A filter no card passes is named as such, not as the limit.
	m = limitModel(t, 0, &Start{Deck: "moat", Options: quiz.Options{Cards: quiz.CardsVocab, Tag: "memo"}, QuitAfter: true}, 80, 24)
	if s := screenText(m); !strings.Contains(s, "No card of this deck is vocabulary tagged memo: change --cards") {
		t.Errorf("vocabulary tagged memo, which no card is:\n%s", s)
	}
	m = limitModel(t, 0, &Start{Deck: "moat", Options: quiz.Options{Cards: quiz.CardsVocab}, QuitAfter: true}, 80, 24)
	if s := screenText(m); !strings.Contains(s, "--more-new 10") {
		t.Errorf("vocabulary held back by the limit:\n%s", s)
	}
	m = limitModel(t, 0, &Start{Deck: "moat", MoreNew: 2, QuitAfter: true}, 80, 24)
	if m.screen != screenStudy || m.session.Remaining().New != 2 {
		t.Errorf("--more-new 2 does not study 2 new cards:\n%s", screenText(m))
	}
}

// TestCardsSetting: the Cards setting picks all, vocab, facts, then the
// picked deck's tags, and the session studies only those cards.
func TestCardsSetting(t *testing.T) {
	d := testDeck()
	d.Cards[1].Tags = []string{"memo"}
	d.Cards[2].Tags = []string{"llm", "memo"}
	for _, tc := range []struct {
		rights int
		opts   quiz.Options
		shown  string
		cards  []string // the cards the session asks of
	}{
		{1, quiz.Options{Cards: quiz.CardsVocab}, "[vocab]", []string{"v-haeja", "v-yuchul"}},
		{2, quiz.Options{Cards: quiz.CardsFacts}, "[facts]", []string{"leak", "c-moat"}},
		{3, quiz.Options{Tag: "llm"}, "[#llm]", []string{"v-yuchul"}},
		{4, quiz.Options{Tag: "memo"}, "[#memo]", []string{"leak", "v-yuchul"}},
		{5, quiz.Options{}, "[all]", nil},
	} {
		m := newDeckModel(t, d, newMemProgress(), nil, 80, 24)
		m.bare = true // the chosen value in brackets
		m.restyle()
		m = press(t, m, "up") // the last setting: Cards
		for range tc.rights {
			m = press(t, m, "right")
		}
		if got, want := m.home.options(), withDefaults(tc.opts); got != want {
			t.Errorf("%d rights: options %+v, want %+v", tc.rights, got, want)
		}
		if s := screenText(m); !strings.Contains(s, tc.shown) {
			t.Errorf("%d rights: %s not shown:\n%s", tc.rights, tc.shown, s)
		}
		if tc.cards == nil {
			continue
		}
		m = press(t, m, "enter")
		var asked []string
		for m.session != nil && m.session.Phase() != quiz.Finished {
			asked = append(asked, m.session.Question().Item.ID.Card)
			m = press(t, m, "space", "4")
		}
		if strings.Join(asked, " ") != strings.Join(tc.cards, " ") {
			t.Errorf("%d rights: asked %v, want %v", tc.rights, asked, tc.cards)
		}
	}
}

// TestManyTagsFit: a deck with more tags than the Cards setting's line
// holds shows how many there are, then the one chosen and where it is.
func TestManyTagsFit(t *testing.T) {
	d := testDeck()
	for i := range 12 {
		d.Cards[i%4].Tags = append(d.Cards[i%4].Tags, fmt.Sprintf("topic-%02d", i))
	}
	m := newDeckModel(t, d, newMemProgress(), nil, 40, 12)
	m = press(t, m, "up")
	if s := screenText(m); !strings.Contains(s, "Cards     all  vocab  facts  12 tags") {
		t.Errorf("12 tags at 40 columns:\n%s", s)
	}
	m = press(t, m, "left")
	checkFits(t, m)
	if s := screenText(m); !strings.Contains(s, "#topic-11 12/12") || m.home.options().Tag != "topic-11" {
		t.Errorf("the last tag chosen at 40 columns:\n%s", s)
	}
}

// TestHomeCountsWhatEnterStudies: the picked deck's new count on the
// home screen is what enter then studies with the Cards setting chosen
// (all, vocab, facts, a tag), and a deck whose remembered choice is
// vocabulary is counted so from the start.
func TestHomeCountsWhatEnterStudies(t *testing.T) {
	d := testDeck()
	d.Cards[1].Tags = []string{"memo"}
	d.Cards[2].Tags = []string{"llm", "memo"}
	for rights, want := range []int{4, 2, 2, 1, 2} { // all, vocab, facts, #llm, #memo
		m := press(t, newDeckModel(t, d, newMemProgress(), nil, 80, 24), "up") // the Cards setting
		for range rights {
			m = press(t, m, "right")
		}
		line := regexp.MustCompile(`(?m)^. ` + regexp.QuoteMeta(d.Title) + ` +` + fmt.Sprint(want) + ` `)
		if got := m.home.deck().counts.New; got != want || !line.MatchString(screenText(m)) {
			t.Errorf("Cards %+v: home counts %d new, want %d:\n%s", m.home.options(), got, want, screenText(m))
		}
		if m = press(t, m, "enter"); m.session == nil || m.session.Remaining().New != want {
			t.Errorf("Cards %+v: the session is not the %d new cards counted", m.home.options(), want)
		}
	}
	p := newMemProgress()
	if err := p.saveChoice(quiz.ChoiceOf(d.ID, quiz.Options{Cards: quiz.CardsVocab})); err != nil {
		t.Fatal(err)
	}
	if m := newDeckModel(t, d, p, nil, 80, 24); m.home.deck().counts.New != 2 {
		t.Errorf("with vocab remembered the home counts %d new, want 2", m.home.deck().counts.New)
	}
}
