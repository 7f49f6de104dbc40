package tui

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/moatquiz/moatquiz/quiz"
)

// step is one Update without running the command it returns: the test
// decides when (and whether) the command's result arrives.
func step(t *testing.T, m Model, msg tea.Msg) (Model, tea.Cmd) {
	t.Helper()
	next, cmd := m.Update(msg)
	return next.(Model), cmd
}

// arrive runs cmd, as the runtime would in its own goroutine, and feeds
// its result (and what follows from it) to the model.
func arrive(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	if cmd == nil {
		return m
	}
	return send(t, m, cmd())
}

// homeWithStats is the app on the home screen of testDeck, with a stats
// screen that has no figures.
func homeWithStats(t *testing.T, p *memProgress) Model {
	t.Helper()
	m := New(Config{
		Backend: backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{testDeck()}, nil }, p, quiz.DefaultScheduling()), Scheduling: quiz.DefaultScheduling(), Clock: func() time.Time { return testNow }, Mono: true,
	})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	return send(t, m, m.Init()())
}

// TestLateSessionStartIsDropped: enter, then s before the session has
// started: the learner is on the stats screen and stays there.
func TestLateSessionStartIsDropped(t *testing.T) {
	m := homeWithStats(t, newMemProgress())
	m, start := step(t, m, keyMsg("enter"))
	m = press(t, m, "s")
	if m.screen != screenStats {
		t.Fatalf("s while a session starts: screen %d, want the stats", m.screen)
	}
	m = arrive(t, m, start)
	if m.screen != screenStats || m.session != nil {
		t.Errorf("a late session start took over the stats screen:\n%s", screenText(m))
	}
	m = press(t, m, "q")
	if m.screen != screenHome || m.session != nil {
		t.Errorf("back from the stats: screen %d, session %v; want home without a session", m.screen, m.session != nil)
	}
}

// TestEnterTwiceStartsOneSession: a second enter while the session starts
// does nothing, and the first answer is kept.
func TestEnterTwiceStartsOneSession(t *testing.T) {
	p := newMemProgress()
	m := homeWithStats(t, p)
	m, first := step(t, m, keyMsg("enter"))
	m, second := step(t, m, keyMsg("enter"))
	m = arrive(t, m, first)
	if m.screen != screenStudy {
		t.Fatalf("the session did not start:\n%s", screenText(m))
	}
	m = press(t, m, "space")
	m, save := step(t, m, keyMsg("3"))
	m = arrive(t, m, second)
	m = arrive(t, m, save)
	if got := m.session.Remaining().Done; got != 1 || p.count() != 1 {
		t.Errorf("after a double enter and a grade: %d answers in the session, %d saved; want 1 and 1", got, p.count())
	}
}

// TestKeysTypedWhileSavingAreKept: what is typed for the next question
// while the last answer is saved goes into its answer, in order.
func TestKeysTypedWhileSavingAreKept(t *testing.T) {
	p := newMemProgress()
	m := studying(t, p, quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo}, 80, 24)
	m = typeText(t, m, "해자")
	m = press(t, m, "enter")
	m, save := step(t, m, keyMsg("3"))
	for _, k := range []string{"x", "y", "z"} {
		var cmd tea.Cmd
		if m, cmd = step(t, m, keyMsg(k)); cmd != nil {
			t.Fatalf("%s while saving ran a command", k)
		}
	}
	m = arrive(t, m, save)
	if got := m.study.input.Value(); got != "xyz" || p.count() != 1 {
		t.Errorf("typed xyz while saving: the next answer is %q, %d saved", got, p.count())
	}
}

// TestKeysTypedWhileSavingAfterAFailureAreDropped: when the save fails,
// the answer stays and what was typed for a next question is dropped.
func TestKeysTypedWhileSavingAfterAFailureAreDropped(t *testing.T) {
	p := newMemProgress()
	m := studying(t, p, quiz.Options{}, 80, 24)
	m = press(t, m, "space")
	p.fail = errors.New("disk full")
	m, save := step(t, m, keyMsg("3"))
	m, _ = step(t, m, keyMsg("1"))
	m = arrive(t, m, save)
	p.fail = nil
	if m.session.Phase() != quiz.Answered || p.count() != 0 {
		t.Errorf("a key typed during a failed save: phase %v, %d saved; want answered, 0", m.session.Phase(), p.count())
	}
}

// TestEnterTypedWhileTheLastAnswerIsSaved: the session ends with that
// answer, and the enter typed meanwhile closes its summary.
func TestEnterTypedWhileTheLastAnswerIsSaved(t *testing.T) {
	d := testDeck()
	d.Cards = d.Cards[:1]
	p := newMemProgress()
	m := newDeckModel(t, d, p, &Start{Deck: "moat", Options: quiz.Options{Direction: quiz.DirEnKo}}, 80, 24)
	m = press(t, m, "space")
	m, save := step(t, m, keyMsg("4")) // Easy: the item does not come back today
	m, _ = step(t, m, keyMsg("enter"))
	m = arrive(t, m, save)
	if m.screen != screenHome || p.count() != 1 {
		t.Errorf("enter typed while the last answer was saved: screen %d, %d saved; want home, 1", m.screen, p.count())
	}
}

// TestOlderDeckCountsAreDropped: counts read before an answer arrive
// after those read since; the home screen keeps the newer ones.
func TestOlderDeckCountsAreDropped(t *testing.T) {
	p := newMemProgress()
	m := studying(t, p, quiz.Options{}, 80, 24)
	m, first := step(t, m, keyMsg("esc"))
	older := first()
	m = press(t, m, "enter", "space", "3")
	m, second := step(t, m, keyMsg("esc"))
	m = send(t, m, second())
	m = send(t, m, older)
	if got := m.home.decks[0].counts.New; got != 3 {
		t.Errorf("home counts %d new items, want 3: an older count replaced a newer one", got)
	}
}

// TestLeaveKeysSayWhereTheyGo: the keys that leave a session say "home"
// when there is a home screen to go back to, and "quit" in moatquiz study,
// where they quit the app: in the footer and in the help, on flip and
// typed questions.
func TestLeaveKeysSayWhereTheyGo(t *testing.T) {
	home, quit := regexp.MustCompile(`(esc|enter)\s+home\b`), regexp.MustCompile(`esc\s+quit\b`)
	for _, quitAfter := range []bool{false, true} {
		says, never := home, quit
		if quitAfter {
			says, never = quit, home
		}
		for _, tc := range []struct {
			opts quiz.Options
			help string
		}{{quiz.Options{}, "?"}, {quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo}, "f1"}} {
			m := newTestModel(t, newMemProgress(), &Start{Deck: "moat", Options: tc.opts, QuitAfter: quitAfter}, 80, 24)
			for _, where := range []struct{ name, text string }{
				{"footer", screenText(m)}, {"help", screenText(press(t, m, tc.help))},
			} {
				if !says.MatchString(where.text) || never.MatchString(where.text) {
					t.Errorf("quit after %v, %s questions: the %s does not say %q:\n%s", quitAfter, tc.opts.Kind, where.name, says, where.text)
				}
			}
		}
	}
}

// TestFooterUndoOnlyWithAnAnswer: every study footer offers undo only
// once an answer is saved, as u with nothing to undo does nothing.
func TestFooterUndoOnlyWithAnAnswer(t *testing.T) {
	tests := []struct {
		opts   quiz.Options
		reveal string // the key that answers the first question
	}{
		{quiz.Options{Kind: quiz.QuestionFlip}, "space"},
		{quiz.Options{Kind: quiz.QuestionChoice, Direction: quiz.DirKoEn}, "space"},
		{quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo}, "enter"},
	}
	undo := func(s string) bool { return strings.Contains(s, "u undo") || strings.Contains(s, "ctrl+z undo") }
	for _, tc := range tests {
		m := studying(t, newMemProgress(), tc.opts, 80, 24)
		if s := screenText(m); undo(s) {
			t.Errorf("%s, first question: the footer offers undo with nothing to undo:\n%s", tc.opts.Kind, s)
		}
		if m = press(t, m, tc.reveal); undo(screenText(m)) {
			t.Errorf("%s, first answer shown: the footer offers undo with nothing saved:\n%s", tc.opts.Kind, screenText(m))
		}
		if m = press(t, m, "1"); !undo(screenText(m)) {
			t.Errorf("%s, after a grade: the footer does not offer undo:\n%s", tc.opts.Kind, screenText(m))
		}
	}
}
