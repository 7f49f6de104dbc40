package tui

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/quiz"
)

// decksOver is the home screen over decks alpha and beta and progress p
// (which keeps the remembered choices), at 80x24: one run of the app.
func decksOver(t *testing.T, p *memProgress) Model {
	t.Helper()
	alpha, beta := testDeck(), testDeck()
	alpha.ID, alpha.Title, beta.ID, beta.Title = "alpha", "Alpha words", "beta", "Beta words"
	m := New(Config{
		Backend:    backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{alpha, beta}, nil }, p, quiz.DefaultScheduling()),
		Scheduling: quiz.DefaultScheduling(),
		Clock:      func() time.Time { return testNow },
		Mono:       true,
	})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	return send(t, m, m.Init()())
}

// shown is the deck and settings the home screen shows.
func shown(m Model) quiz.Choice {
	c, _ := m.homeChoice()
	return c
}

// TestChoicesSurviveARestart: the learner picks the second deck, changes
// every setting and quits; the next run starts on that deck with those
// settings, and enter studies it so.
func TestChoicesSurviveARestart(t *testing.T) {
	p := newMemProgress()
	m := press(t, decksOver(t, p), "down", "tab", "right", "right", "down", "right", "down", "right", "down", "right")
	want := quiz.Choice{Deck: "beta", Kind: quiz.QuestionTyped, Direction: quiz.DirKoEn, Lang: "en", Mode: quiz.ModePractice, Cards: quiz.CardsAll}
	if got := shown(m); got != want {
		t.Fatalf("the keys chose %+v, want %+v", got, want)
	}
	if _, quit := drive(t, m, keyMsg("q")); !quit {
		t.Fatal("q did not quit")
	}
	m = decksOver(t, p)
	if got := shown(m); got != want {
		t.Errorf("the next run shows %+v, want %+v", got, want)
	}
	if s := screenText(m); !strings.Contains(s, "▸ Beta words") {
		t.Errorf("the next run does not focus Beta words:\n%s", s)
	}
	m = press(t, m, "enter")
	if m.screen != screenStudy || m.deck.ID != "beta" || m.study.q.Kind != quiz.QuestionTyped || m.session.Mode() != quiz.ModePractice {
		t.Fatalf("enter studies %v in %v; want beta, typed, practice", m.deck, m.session.Mode())
	}
}

// TestEachDeckKeepsItsSettings: picking a deck shows the settings
// remembered for it; a deck with none keeps the settings shown.
func TestEachDeckKeepsItsSettings(t *testing.T) {
	p := newMemProgress()
	p.choices = []quiz.Choice{
		{Deck: "beta", Kind: quiz.QuestionChoice, Direction: quiz.DirEnKo, Lang: "ko", Mode: quiz.ModeAhead, Cards: quiz.CardsVocab},
		{Deck: "alpha", Kind: quiz.QuestionMixed, Direction: quiz.DirBoth, Lang: "en", Mode: quiz.ModeReview, Cards: quiz.CardsFacts},
	}
	m := decksOver(t, p)
	if got := shown(m); got != p.choices[0] {
		t.Fatalf("the app starts on %+v, want the last deck chosen, %+v", got, p.choices[0])
	}
	alpha := p.choices[1]
	m = press(t, m, "up")
	if got := shown(m); got != alpha {
		t.Errorf("up to alpha shows %+v, want %+v", got, alpha)
	}
	if got := p.remembered(); got[0] != alpha {
		t.Errorf("picking alpha did not make it the last deck: %+v", got)
	}

	p = newMemProgress()
	p.choices = []quiz.Choice{{Deck: "alpha", Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo, Lang: "ko", Mode: quiz.ModeReview, Cards: quiz.CardsVocab}}
	m = press(t, decksOver(t, p), "down")
	want := quiz.Choice{Deck: "beta", Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo, Lang: "ko", Mode: quiz.ModeReview, Cards: quiz.CardsVocab}
	if got := shown(m); got != want {
		t.Errorf("a deck with no settings of its own shows %+v, want those shown before, %+v", got, want)
	}
}

// TestCardsFilterSurvivesARestart: the Cards setting, a tag or vocab
// only, chosen on the home screen is remembered for its deck: the next
// run shows it and enter studies only those cards.
func TestCardsFilterSurvivesARestart(t *testing.T) {
	d := testDeck()
	d.Cards[1].Tags = []string{"memo"}
	d.Cards[2].Tags = []string{"llm", "memo"}
	p := newMemProgress()
	start := func() Model {
		m := newDeckModel(t, d, p, nil, 80, 24)
		m.bare = true // the chosen value in brackets
		m.restyle()
		return m
	}
	quit := func(m Model) {
		if _, quit := drive(t, m, keyMsg("q")); !quit {
			t.Fatal("q did not quit")
		}
	}
	quit(press(t, start(), "up", "right", "right", "right", "right")) // Cards: all vocab facts #llm #memo
	m := start()
	if got := m.home.options(); got.Tag != "memo" || got.Cards != quiz.CardsAll {
		t.Errorf("the next run studies %+v, want every card tagged memo", got)
	}
	if s := screenText(m); !strings.Contains(s, "[#memo]") {
		t.Errorf("the next run does not show #memo chosen:\n%s", s)
	}
	m = press(t, m, "enter")
	var asked []string
	for m.session != nil && m.session.Phase() != quiz.Finished {
		asked = append(asked, m.session.Question().Item.ID.Card)
		m = press(t, m, "space", "4")
	}
	if strings.Join(asked, " ") != "leak v-yuchul" {
		t.Errorf("enter asks %v, want the cards tagged memo: leak v-yuchul", asked)
	}

	quit(press(t, start(), "up", "left", "left", "left")) // back to vocab
	m = start()
	if got := m.home.options(); got.Tag != "" || got.Cards != quiz.CardsVocab {
		t.Errorf("the next run studies %+v, want vocabulary only", got)
	}
	if s := screenText(m); !strings.Contains(s, "[vocab]") {
		t.Errorf("the next run does not show vocab chosen:\n%s", s)
	}
}

// TestQuitWaitsForTheSettings: q right after a change does not quit
// before the change is saved.
func TestQuitWaitsForTheSettings(t *testing.T) {
	p := newMemProgress()
	m := decksOver(t, p)
	next, cmd := m.Update(keyMsg("c")) // its save not run yet
	m = next.(Model)
	next, quitCmd := m.Update(keyMsg("q"))
	m = next.(Model)
	if quitCmd != nil {
		if _, quit := quitCmd().(tea.QuitMsg); quit {
			t.Fatal("q quit while the settings were being saved")
		}
	}
	m, quit := drive(t, m, cmd())
	if !quit {
		t.Fatal("the app did not quit once the settings were saved")
	}
	if got := p.remembered(); len(got) != 1 || got[0].Kind != quiz.QuestionChoice {
		t.Errorf("remembered %+v, want alpha with choice questions", got)
	}
	if m.Err() != nil {
		t.Errorf("Err() = %v", m.Err())
	}
}

// TestSettingsNotSaved: a save that fails says so on the home screen and
// does not stop the learner; at quit, the app reports it.
func TestSettingsNotSaved(t *testing.T) {
	p := newMemProgress()
	p.choiceFail = errors.New("disk full")
	m := press(t, decksOver(t, p), "d")
	if s := screenText(m); !strings.Contains(s, "not remembered: disk full") {
		t.Errorf("a failed save is not shown:\n%s", s)
	}
	m = press(t, m, "enter")
	if m.screen != screenStudy || m.session.Question() == nil {
		t.Fatal("enter does not study after a failed save")
	}
	m = press(t, m, "esc")
	next, save := m.Update(keyMsg("c")) // q comes before the save ends
	m = send(t, next.(Model), keyMsg("q"))
	m, quit := drive(t, m, save())
	if !quit || m.Err() == nil || !strings.Contains(m.Err().Error(), "disk full") {
		t.Errorf("quit %v with Err() = %v, want the failed save", quit, m.Err())
	}
}

// TestStudyFlagsNeitherReadNorSaveChoices: moatquiz study starts with its
// flags, not the remembered settings, and leaves them as they were.
func TestStudyFlagsNeitherReadNorSaveChoices(t *testing.T) {
	p := newMemProgress()
	p.choices = []quiz.Choice{{Deck: "moat", Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo, Lang: "en", Mode: quiz.ModePractice}}
	before := p.remembered()
	m := newTestModel(t, p, &Start{Deck: "moat", QuitAfter: true, Options: quiz.Options{Kind: quiz.QuestionFlip}}, 80, 24)
	if m.screen != screenStudy || m.study.q.Kind == quiz.QuestionTyped || m.session.Mode() != quiz.ModeReview {
		t.Fatalf("moatquiz study --kind flip asks %v in %v", m.study.q.Kind, m.session.Mode())
	}
	if _, quit := drive(t, m, keyMsg("esc")); !quit {
		t.Fatal("esc did not leave moatquiz study")
	}
	if got := p.remembered(); !reflect.DeepEqual(got, before) {
		t.Errorf("moatquiz study changed the remembered choices to %+v", got)
	}
}
