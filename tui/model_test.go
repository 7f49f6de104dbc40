package tui

import (
	"errors"
	"image/color"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/stats"
)

func TestHomeKeys(t *testing.T) {
	tests := []struct {
		name   string
		keys   []string
		cursor int
		opts   quiz.Options
		screen screen
		help   bool
		quit   bool
	}{
		{name: "starts on the deck", cursor: 0},
		{name: "down moves to the settings", keys: []string{"down"}, cursor: 1},
		{name: "j moves down", keys: []string{"j"}, cursor: 1},
		{name: "ㅓ is j on a Korean layout", keys: []string{"ㅓ"}, cursor: 1},
		{name: "up wraps to the last setting", keys: []string{"up"}, cursor: 5},
		{name: "ㅏ is k", keys: []string{"ㅏ"}, cursor: 5},
		{name: "c cycles the question kind", keys: []string{"c"}, opts: quiz.Options{Kind: quiz.QuestionChoice}},
		{name: "ㅊ is c", keys: []string{"ㅊ", "ㅊ"}, opts: quiz.Options{Kind: quiz.QuestionTyped}},
		{name: "d cycles the direction", keys: []string{"d"}, opts: quiz.Options{Direction: quiz.DirKoEn}},
		{name: "ㅇ is d", keys: []string{"ㅇ", "ㅇ"}, opts: quiz.Options{Direction: quiz.DirEnKo}},
		{name: "p switches to practice", keys: []string{"p"}, opts: quiz.Options{Practice: true}},
		{name: "ㅔ is p", keys: []string{"ㅔ"}, opts: quiz.Options{Practice: true}},
		{name: "right changes the focused setting", keys: []string{"down", "right"}, cursor: 1, opts: quiz.Options{Kind: quiz.QuestionChoice}},
		{name: "left wraps around", keys: []string{"down", "left"}, cursor: 1, opts: quiz.Options{Kind: quiz.QuestionMixed}},
		{name: "l on the language setting", keys: []string{"down", "down", "down", "l"}, cursor: 3, opts: quiz.Options{Lang: "en"}},
		{name: "right on a deck changes nothing", keys: []string{"right"}},
		{name: "? opens the help", keys: []string{"?"}, help: true},
		{name: "any key closes the help", keys: []string{"?", "x"}},
		{name: "enter starts studying", keys: []string{"enter"}, screen: screenStudy},
		{name: "enter on a setting starts too", keys: []string{"down", "enter"}, cursor: 1, screen: screenStudy},
		{name: "q quits", keys: []string{"q"}, quit: true},
		{name: "ㅂ is q", keys: []string{"ㅂ"}, quit: true},
		{name: "esc does not quit", keys: []string{"esc"}},
		{name: "ctrl+c quits", keys: []string{"ctrl+c"}, quit: true},
		{name: "s opens the stats", keys: []string{"s"}, screen: screenStats},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := newTestModel(t, newMemProgress(), nil, 80, 24)
			quit := false
			for _, k := range tc.keys {
				var q bool
				m, q = drive(t, m, keyMsg(k))
				quit = quit || q
			}
			want := withDefaults(tc.opts)
			if got := m.home.options(); got != want {
				t.Errorf("options = %+v, want %+v", got, want)
			}
			if m.home.cursor != tc.cursor || m.screen != tc.screen || m.help != tc.help || quit != tc.quit {
				t.Errorf("cursor %d screen %d help %v quit %v; want %d %d %v %v",
					m.home.cursor, m.screen, m.help, quit, tc.cursor, tc.screen, tc.help, tc.quit)
			}
			checkFits(t, m)
		})
	}
}

// withDefaults fills the home screen's default options into o.
func withDefaults(o quiz.Options) quiz.Options {
	if o.Kind == "" {
		o.Kind = quiz.QuestionFlip
	}
	if o.Direction == "" {
		o.Direction = quiz.DirBoth
	}
	if o.Lang == "" {
		o.Lang = "ko"
	}
	if o.Cards == "" {
		o.Cards = quiz.CardsAll
	}
	return o
}

// studying is the app started on a session of testDeck with opts.
func studying(t *testing.T, p *memProgress, opts quiz.Options, width, height int) Model {
	t.Helper()
	m := newTestModel(t, p, &Start{Deck: "moat", Options: opts}, width, height)
	if m.screen != screenStudy {
		t.Fatalf("the session did not start: %s", screenText(m))
	}
	return m
}

func TestStudyKeys(t *testing.T) {
	flip := quiz.Options{Kind: quiz.QuestionFlip}
	typed := quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo}
	choice := quiz.Options{Kind: quiz.QuestionChoice, Direction: quiz.DirKoEn}
	tests := []struct {
		name    string
		opts    quiz.Options
		keys    []string
		phase   quiz.Phase
		home    bool // back on the home screen
		saved   int
		input   string
		quit    bool
		showing string // text on the screen
	}{
		{name: "space reveals", opts: flip, keys: []string{"space"}, phase: quiz.Answered, showing: "3 Good"},
		{name: "enter reveals", opts: flip, keys: []string{"enter"}, phase: quiz.Answered},
		{name: "grades do nothing before the answer", opts: flip, keys: []string{"3"}, phase: quiz.Asking},
		{name: "3 grades Good and saves", opts: flip, keys: []string{"space", "3"}, phase: quiz.Asking, saved: 1},
		{name: "enter after revealing grades Good", opts: flip, keys: []string{"space", "enter"}, phase: quiz.Asking, saved: 1},
		{name: "1 grades Again", opts: flip, keys: []string{"space", "1"}, phase: quiz.Asking, saved: 1},
		{name: "u undoes the last grade", opts: flip, keys: []string{"space", "3", "u"}, phase: quiz.Asking, saved: 0, showing: "Undone"},
		{name: "ㅕ is u", opts: flip, keys: []string{"space", "3", "ㅕ"}, phase: quiz.Asking, saved: 0},
		{name: "u with nothing to undo says so", opts: flip, keys: []string{"u"}, phase: quiz.Asking, showing: "Nothing to undo"},
		{name: "q goes home", opts: flip, keys: []string{"q"}, home: true},
		{name: "ㅂ goes home", opts: flip, keys: []string{"ㅂ"}, home: true},
		{name: "esc goes home", opts: flip, keys: []string{"esc"}, home: true},
		{name: "q after an answer keeps it", opts: flip, keys: []string{"space", "4", "q"}, home: true, saved: 1},
		{name: "ctrl+c quits", opts: flip, keys: []string{"ctrl+c"}, quit: true},
		{name: "tab shows a hint", opts: flip, keys: []string{"tab"}, phase: quiz.Asking, showing: "hint: m___"},
		{name: "? shows the help", opts: flip, keys: []string{"?"}, phase: quiz.Asking, showing: "any key closes"},
		{name: "typed: letters go to the input", opts: typed, keys: []string{"q", "u", "?"}, phase: quiz.Asking, input: "qu?"},
		{name: "typed: jamo go to the input, not to shortcuts", opts: typed, keys: []string{"ㅂ", "ㅕ"}, phase: quiz.Asking, input: "ㅂㅕ"},
		{name: "typed: space is text", opts: typed, keys: []string{"해", "space", "자"}, phase: quiz.Asking, input: "해 자"},
		{name: "typed: backspace", opts: typed, keys: []string{"해", "자", "backspace"}, phase: quiz.Asking, input: "해"},
		{name: "typed: enter checks", opts: typed, keys: []string{"해", "자", "enter"}, phase: quiz.Answered, showing: "✓ Right"},
		{name: "typed: one jamo off is almost", opts: typed, keys: []string{"해", "쟈", "enter"}, phase: quiz.Answered, showing: "≈ Almost → Hard"},
		{name: "typed: another word a jamo off is wrong", opts: typed, keys: []string{"해", "지", "enter"}, phase: quiz.Answered, showing: "✗ Wrong — 해지 is another word"},
		{name: "typed: enter takes the suggested grade", opts: typed, keys: []string{"해", "자", "enter", "enter"}, phase: quiz.Asking, saved: 1},
		{name: "typed: ctrl+z undoes the last grade", opts: typed, keys: []string{"해", "자", "enter", "3", "ctrl+z"}, phase: quiz.Asking, saved: 0, showing: "Undone"},
		{name: "typed: esc goes home", opts: typed, keys: []string{"esc"}, home: true},
		{name: "typed: ctrl+c quits", opts: typed, keys: []string{"ctrl+c"}, quit: true},
		{name: "typed: ctrl+k composes gowk into 해자", opts: typed, keys: []string{"ctrl+k", "g", "o", "w", "k"}, phase: quiz.Asking, input: "해자", showing: "2-set 한글 on"},
		{name: "typed: composer backspace removes one jamo", opts: typed, keys: []string{"ctrl+k", "g", "o", "w", "k", "backspace"}, phase: quiz.Asking, input: "해ㅈ"},
		{name: "typed: composed answer is checked", opts: typed, keys: []string{"ctrl+k", "g", "o", "w", "k", "enter"}, phase: quiz.Answered, showing: "✓ Right"},
		{name: "typed: ctrl+k again turns it off", opts: typed, keys: []string{"ctrl+k", "g", "ctrl+k", "g"}, phase: quiz.Asking, input: "ㅎg"},
		{name: "typed: tab shows 초성", opts: typed, keys: []string{"tab"}, phase: quiz.Asking, showing: "초성 ㅎㅈ"},
		{name: "typed: second hint is the first syllable", opts: typed, keys: []string{"tab", "tab"}, phase: quiz.Asking, showing: "starts with 해…"},
		{name: "typed: third hint is the romanization", opts: typed, keys: []string{"tab", "tab", "tab"}, phase: quiz.Asking, showing: "sounds like haeja"},
		{name: "typed: a hint caps the suggestion at Hard", opts: typed, keys: []string{"tab", "해", "자", "enter"}, phase: quiz.Answered, showing: "enter Hard"},
		{name: "typed: and says so (B11)", opts: typed, keys: []string{"tab", "해", "자", "enter"}, phase: quiz.Answered, showing: "✓ Right, with a hint → Hard"},
		{name: "choice: 2 chooses the second option", opts: choice, keys: []string{"2"}, phase: quiz.Answered},
		{name: "choice: then 3 grades", opts: choice, keys: []string{"2", "3"}, phase: quiz.Asking, saved: 1},
		{name: "choice: space shows the answer", opts: choice, keys: []string{"space"}, phase: quiz.Answered},
		{name: "choice: 9 is no option", opts: choice, keys: []string{"9"}, phase: quiz.Asking},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newMemProgress()
			m := studying(t, p, tc.opts, 80, 24)
			quit := false
			for _, k := range tc.keys {
				var q bool
				m, q = drive(t, m, keyMsg(k))
				quit = quit || q
			}
			if quit != tc.quit || (m.screen == screenHome) != tc.home {
				t.Fatalf("quit %v screen %d, want quit %v, home %v", quit, m.screen, tc.quit, tc.home)
			}
			if m.screen == screenStudy && m.session.Phase() != tc.phase {
				t.Errorf("phase %v, want %v", m.session.Phase(), tc.phase)
			}
			if n := p.count(); n != tc.saved {
				t.Errorf("%d reviews saved, want %d", n, tc.saved)
			}
			if m.screen == screenStudy && tc.phase == quiz.Asking && m.study.input.Value() != tc.input {
				t.Errorf("input %q, want %q", m.study.input.Value(), tc.input)
			}
			if s := screenText(m); !strings.Contains(s, tc.showing) {
				t.Errorf("the screen does not show %q:\n%s", tc.showing, s)
			}
			checkFits(t, m)
		})
	}
}

func TestCursorAfterHangul(t *testing.T) {
	m := studying(t, newMemProgress(), quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo}, 80, 24)
	m = typeText(t, m, "해자")
	c := m.View().Cursor
	if c == nil {
		t.Fatal("no cursor while typing an answer")
	}
	row := strings.Split(screenText(m), "\n")[c.Y]
	if !strings.HasPrefix(row, inputPrompt+"해자") {
		t.Fatalf("the cursor is on line %d, %q, not on the answer", c.Y, row)
	}
	if want := len([]rune(inputPrompt)) + 4; c.X != want {
		t.Errorf("cursor column %d, want %d (prompt %d cells + 해자 4 cells)", c.X, want, len([]rune(inputPrompt)))
	}
	m = press(t, m, "left")
	if c := m.View().Cursor; c.X != 4 {
		t.Errorf("after left the cursor is at %d, want 4", c.X)
	}
	m = press(t, m, "enter")
	if m.View().Cursor != nil {
		t.Error("the cursor stays shown after answering")
	}
}

func TestSummary(t *testing.T) {
	for _, quitAfter := range []bool{false, true} {
		d := testDeck()
		d.Cards = d.Cards[:1]
		m := newDeckModel(t, d, newMemProgress(), &Start{Deck: "moat", QuitAfter: quitAfter,
			Options: quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo, Practice: true}}, 80, 24)
		m = typeText(t, m, "해재")
		m = press(t, m, "enter", "1") // practice: Again comes back at the end
		m = typeText(t, m, "해자")
		m = press(t, m, "enter", "3")
		if m.screen != screenSummary {
			t.Fatalf("no summary after the last card:\n%s", screenText(m))
		}
		s := screenText(m)
		for _, want := range []string{"Session done", "answered  2", "correct   1 (50%)", "Again     1", "Good      1", "Missed (1)", "해자 — moat", "ㅐ for ㅏ ×1"} {
			if !strings.Contains(s, want) {
				t.Errorf("the summary lacks %q:\n%s", want, s)
			}
		}
		m, quit := drive(t, m, keyMsg("enter"))
		if quit != quitAfter || (!quitAfter && m.screen != screenHome) {
			t.Errorf("quitAfter %v: enter on the summary quit %v, screen %d", quitAfter, quit, m.screen)
		}
	}
}

func TestStartErrors(t *testing.T) {
	m := newTestModel(t, newMemProgress(), &Start{Deck: "nope"}, 80, 24)
	if m.screen != screenHome || !strings.Contains(screenText(m), `there is no deck "nope"`) {
		t.Errorf("an unknown deck:\n%s", screenText(m))
	}

	sch := quiz.DefaultScheduling()
	sch.NewPerDay = 0
	m = New(Config{Backend: backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{testDeck()}, nil }, newMemProgress(), sch), Scheduling: sch, Clock: func() time.Time { return testNow }, Mono: true})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, m.Init()())
	m = press(t, m, "enter")
	if m.screen != screenHome || !strings.Contains(screenText(m), "New-card limit reached") {
		t.Errorf("nothing due, as new_per_day is 0:\n%s", screenText(m))
	}
	m = press(t, m, "p", "enter")
	if m.screen != screenStudy {
		t.Errorf("practice with nothing due does not start:\n%s", screenText(m))
	}
}

func TestDeckLoadWarnings(t *testing.T) {
	m := New(Config{
		Backend: backend(func() ([]*quiz.Deck, error) {
			return []*quiz.Deck{testDeck()}, errors.New("mine.json:3:4: card \"x\": field \"answer\" is empty")
		}, newMemProgress(), quiz.DefaultScheduling()), Scheduling: quiz.DefaultScheduling(), Clock: func() time.Time { return testNow }, Mono: true,
	})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, m.Init()())
	s := screenText(m)
	if !strings.Contains(s, "구글 메모") || !strings.Contains(s, "mine.json:3:4") {
		t.Errorf("a broken deck should be reported over the good ones:\n%s", s)
	}
}

func TestSaveFailureKeepsTheAnswer(t *testing.T) {
	p := newMemProgress()
	m := studying(t, p, quiz.Options{}, 80, 24)
	p.fail = errors.New("disk full")
	m = press(t, m, "space", "3")
	if m.session.Phase() != quiz.Answered || !strings.Contains(screenText(m), "Not saved") {
		t.Fatalf("a failed save: phase %v\n%s", m.session.Phase(), screenText(m))
	}
	p.fail = nil
	m = press(t, m, "3")
	if p.count() != 1 || m.session.Phase() != quiz.Asking || strings.Contains(screenText(m), "Not saved") {
		t.Errorf("retrying the grade: %d saved, phase %v", p.count(), m.session.Phase())
	}
}

func TestQuitWaitsForTheSave(t *testing.T) {
	p := newMemProgress()
	m := studying(t, p, quiz.Options{}, 80, 24)
	m = press(t, m, "space")
	next, save := m.Update(keyMsg("3")) // the save is under way
	m = next.(Model)
	next, cmd := m.Update(keyMsg("ctrl+c"))
	m = next.(Model)
	if cmd != nil {
		t.Fatal("ctrl+c quit before the answer was saved")
	}
	_, quit := drive(t, m, save())
	if !quit || p.count() != 1 {
		t.Errorf("after the save: quit %v, %d saved", quit, p.count())
	}
}

// sgr matches the only escape sequences a view may hold: styles.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

func TestHostileDeckTextNeverReachesTheTerminal(t *testing.T) {
	bad := "\x1b]0;pwned\x07\x1b[2J\x1b[31mred\u202e\x9b1m\r"
	d := testDeck()
	d.Title += bad
	d.Cards[0].Meanings = []string{"moat" + bad}
	d.Cards[0].Example.Ko += bad
	d.Cards[0].Explain.En += bad
	d.Cards[1].Prompt += bad
	m := New(Config{Backend: backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{d}, nil }, newMemProgress(), quiz.DefaultScheduling()), Scheduling: quiz.DefaultScheduling(),
		Clock: func() time.Time { return testNow }, Start: &Start{Deck: "moat"}})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, m.Init()())
	for _, keys := range [][]string{nil, {"space"}, {"3"}, {"space"}, {"q"}} {
		m = press(t, m, keys...)
		rest := sgr.ReplaceAllString(m.View().Content, "")
		if i := strings.IndexFunc(rest, func(r rune) bool { return r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 || r == 0x202e }); i >= 0 {
			t.Fatalf("after %v the view holds a control character %q:\n%q", keys, rest[i:min(i+8, len(rest))], rest)
		}
	}
}

func TestNoPanicAtAnySize(t *testing.T) {
	sizes := [][2]int{{0, 0}, {1, 1}, {2, 1}, {1, 2}, {5, 3}, {20, 5}, {31, 9}, {32, 10}, {40, 12}, {45, 14}, {80, 24}, {120, 40}, {300, 100}}
	flows := map[string][]string{
		"home":    nil,
		"help":    {"?"},
		"typed":   {"c", "c", "d", "d", "enter", "해", "저"},
		"checked": {"c", "c", "d", "d", "enter", "해", "저", "enter"},
		"choice":  {"c", "enter"},
		"flip":    {"enter", "space"},
	}
	for name, keys := range flows {
		for _, size := range sizes {
			m := newTestModel(t, newMemProgress(), nil, 80, 24)
			m = press(t, m, keys...)
			m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			checkFits(t, m)
			if c := m.View().Cursor; c != nil && (c.X < 0 || c.X >= size[0] || c.Y < 0 || c.Y >= size[1]) {
				t.Errorf("%s at %dx%d: cursor at %d,%d is off the screen", name, size[0], size[1], c.X, c.Y)
			}
		}
	}
}

// TestTooSmall compares the request for a larger terminal with
// testdata/TestTooSmall.golden (go test ./tui -update rewrites it).
func TestTooSmall(t *testing.T) {
	m := newTestModel(t, newMemProgress(), nil, 20, 5)
	golden.RequireEqual(t, screenText(m))
	if m.View().Cursor != nil {
		t.Error("a cursor on the too-small message")
	}
}

func TestStatsScreenFromHome(t *testing.T) {
	var asked []string
	m := New(Config{
		Backend: backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{testDeck()}, nil }, newMemProgress(), quiz.DefaultScheduling()).statsBy(func(q stats.Query) (*stats.Stats, error) {
			asked = append(asked, q.Deck)
			return nil, errors.New("no figures in this test")
		}),
		Scheduling: quiz.DefaultScheduling(), Clock: func() time.Time { return testNow }, Mono: true,
	})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, m.Init()())
	m = press(t, m, "ㄴ") // s on a Korean layout
	if m.screen != screenStats || !strings.Contains(screenText(m), "no figures in this test") {
		t.Fatalf("s does not show the stats:\n%s", screenText(m))
	}
	m = press(t, m, "l") // the next deck: all decks
	if len(asked) != 2 || asked[0] != "moat" || asked[1] != "" {
		t.Errorf("stats asked for decks %q, want [moat, all]", asked)
	}
	m = press(t, m, "q")
	if m.screen != screenHome {
		t.Errorf("q on the stats does not go home")
	}
}

func TestShortcutOnKoreanLayouts(t *testing.T) {
	tests := []struct {
		name string
		key  tea.Key
		want string
	}{
		{"a jamo maps to its 2-set key", tea.Key{Code: 'ㅂ', Text: "ㅂ"}, "q"},
		{"a shifted jamo to the shifted key", tea.Key{Code: 'ㅃ', Text: "ㅃ", Mod: tea.ModShift}, "Q"},
		{"the base layout code wins", tea.Key{Code: 'й', Text: "й", BaseCode: 'q'}, "q"},
		{"a syllable stays", tea.Key{Code: '바', Text: "바"}, "바"},
		{"a compound vowel has no key", tea.Key{Code: 'ㅘ', Text: "ㅘ"}, "ㅘ"},
		{"latin stays", tea.Key{Code: 'u', Text: "u"}, "u"},
		{"ctrl with a base code", tea.Key{Code: 'ㅏ', Mod: tea.ModCtrl, BaseCode: 'k'}, "ctrl+k"},
		{"digits stay", tea.Key{Code: '3', Text: "3"}, "3"},
	}
	for _, tc := range tests {
		if got := shortcut(tea.KeyPressMsg(tc.key)).String(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestLongDeckTitleKeepsItsCounts(t *testing.T) {
	d := testDeck()
	d.Title = "왜 구글은 'AI 해자'가 없다고 했을까: 아주 긴 덱 제목"
	for _, width := range []int{40, 80} {
		m := newDeckModel(t, d, newMemProgress(), nil, width, 12)
		row := strings.Split(screenText(m), "\n")[2]
		if !strings.HasPrefix(row, "▸ 왜 구글은") || !strings.HasSuffix(row, "4     ·     ·") {
			t.Errorf("width %d: the deck row is %q", width, row)
		}
	}
}

func TestColourProfileAndBackground(t *testing.T) {
	m := New(Config{})
	if m.styles.Mono {
		t.Fatal("colour by default")
	}
	m = send(t, m, tea.ColorProfileMsg{Profile: colorprofile.ASCII})
	if !m.styles.Mono {
		t.Error("a terminal without colours gets colour styles")
	}
	m = send(t, m, tea.ColorProfileMsg{Profile: colorprofile.TrueColor})
	m = send(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.styles.Mono || m.dark {
		t.Error("a light background is not noticed")
	}
	if m := New(Config{Mono: true}); !m.styles.Mono {
		t.Error("NO_COLOR (Config.Mono) gets colours")
	}
}

func TestStatsScreenFromSummary(t *testing.T) {
	d := testDeck()
	d.Cards = d.Cards[:1]
	var asked []string
	m := New(Config{
		Backend: backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{d}, nil }, newMemProgress(), quiz.DefaultScheduling()).statsBy(func(q stats.Query) (*stats.Stats, error) {
			asked = append(asked, q.Deck)
			return nil, errors.New("no figures in this test")
		}),
		Scheduling: quiz.DefaultScheduling(), Clock: func() time.Time { return testNow }, Mono: true,
		Start: &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo, Practice: true}},
	})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, m.Init()())
	m = typeText(t, m, "해자")
	m = press(t, m, "enter", "3")
	if m.screen != screenSummary {
		t.Fatalf("not on the summary after the only card:\n%s", screenText(m))
	}
	if !strings.Contains(screenText(m), "s stats") {
		t.Errorf("the summary does not offer the stats:\n%s", screenText(m))
	}
	m = press(t, m, "s")
	if m.screen != screenStats || len(asked) != 1 || asked[0] != "moat" {
		t.Fatalf("s on the summary: screen %v, stats asked for %q; want the stats of the deck just studied", m.screen, asked)
	}
	m = press(t, m, "q")
	if m.screen != screenSummary {
		t.Errorf("leaving the stats opened from the summary goes to screen %v, want the summary", m.screen)
	}
}

// TestAnswerRomanization: a Korean answer shows its romanization, but not
// one with digits, which romanization cannot read ("5월" is not "5wol").
func TestAnswerRomanization(t *testing.T) {
	for _, tc := range []struct {
		answer, want, not string
	}{
		{"세미애널리시스", "semiaeneollisiseu", ""},
		{"5월 4일", "5월 4일", "wol"},
	} {
		d := testDeck()
		d.Cards = []quiz.Card{{ID: "when", Kind: quiz.KindFact, Prompt: "언제인가요?", PromptEn: "When?", Answer: tc.answer, AnswerEn: "May 4"}}
		m := newDeckModel(t, d, newMemProgress(), &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionFlip, Practice: true}}, 80, 24)
		m = press(t, m, "space")
		screen := screenText(m)
		if !strings.Contains(screen, tc.want) || (tc.not != "" && strings.Contains(screen, tc.not)) {
			t.Errorf("answer %q: the answer side should show %q and not %q:\n%s", tc.answer, tc.want, tc.not, screen)
		}
	}
}

// TestTypingEditKeys: the editing keys move and edit the answer, and a
// syllable still being composed with the built-in 2-set keys is typed
// before the edit, never lost.
func TestTypingEditKeys(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want string
	}{
		{"left, delete", []string{"left", "delete"}, "해"},
		{"home, delete", []string{"ctrl+a", "delete"}, "자"},
		{"home, end, backspace", []string{"ctrl+a", "ctrl+e", "backspace"}, "해"},
		{"right at the end keeps all", []string{"right"}, "해자"},
		{"clear", []string{"ctrl+u"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := studying(t, newMemProgress(), quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo}, 80, 24)
			m = press(t, m, "ctrl+k", "g", "o", "w", "k") // 2-set keys: 해자, with 자 still composing
			m = press(t, m, tc.keys...)
			if got := m.study.input.Value(); got != tc.want {
				t.Errorf("after gowk and %v the answer is %q, want %q", tc.keys, got, tc.want)
			}
		})
	}
}

// TestKeysBehindTooSmall: while the terminal is too small, only q and
// ctrl+c act; no key grades, reveals or starts a card nobody sees.
func TestKeysBehindTooSmall(t *testing.T) {
	flip := &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionFlip}}
	typed := &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionTyped}}
	tests := []struct {
		name   string
		start  *Start
		msgs   []tea.Msg
		screen screen
		quit   bool
	}{
		{name: "enter on home starts nothing", msgs: []tea.Msg{keyMsg("enter"), keyMsg("space")}},
		{name: "space and grades save nothing", start: flip, screen: screenStudy,
			msgs: []tea.Msg{keyMsg("space"), keyMsg("3"), keyMsg("space"), keyMsg("1"), keyMsg("enter")}},
		{name: "typing and pasting type nothing", start: typed, screen: screenStudy,
			msgs: []tea.Msg{keyMsg("a"), tea.PasteMsg{Content: "해자"}, keyMsg("enter")}},
		{name: "q quits on home", msgs: []tea.Msg{keyMsg("q")}, quit: true},
		{name: "q quits while typing", start: typed, screen: screenStudy, msgs: []tea.Msg{keyMsg("q")}, quit: true},
		{name: "ctrl+c quits", start: flip, screen: screenStudy, msgs: []tea.Msg{keyMsg("ctrl+c")}, quit: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newMemProgress()
			m := newTestModel(t, p, tc.start, 80, 24)
			m = send(t, m, tea.WindowSizeMsg{Width: 20, Height: 8})
			quit := false
			for _, msg := range tc.msgs {
				var q bool
				m, q = drive(t, m, msg)
				quit = quit || q
			}
			if quit != tc.quit || m.screen != tc.screen || p.count() != 0 {
				t.Errorf("quit %v screen %d saved %d; want quit %v screen %d saved 0", quit, m.screen, p.count(), tc.quit, tc.screen)
			}
			if m.session != nil && (m.session.Phase() != quiz.Asking || m.study.input.Value() != "") {
				t.Errorf("phase %v input %q: a key acted behind the too-small screen", m.session.Phase(), m.study.input.Value())
			}
		})
	}
}

// twoDecks is the home screen over decks alpha and beta, at 80x24.
func twoDecks(t *testing.T) Model {
	t.Helper()
	alpha, beta := testDeck(), testDeck()
	alpha.ID, alpha.Title, beta.ID, beta.Title = "alpha", "Alpha words", "beta", "Beta words"
	m := New(Config{
		Backend:    backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{alpha, beta}, nil }, newMemProgress(), quiz.DefaultScheduling()),
		Scheduling: quiz.DefaultScheduling(),
		Clock:      func() time.Time { return testNow },
		Mono:       true,
	})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	return send(t, m, m.Init()())
}

// TestPickedDeck: the deck studied is the one picked, marked while the
// settings change; tab reaches the settings without passing other decks.
func TestPickedDeck(t *testing.T) {
	tests := []struct {
		name   string
		keys   []string
		deck   string
		kind   quiz.QuestionKind
		marked string // the picked deck's row once the settings are set
	}{
		{name: "tab keeps the first deck", keys: []string{"tab", "right", "right"}, deck: "alpha", kind: quiz.QuestionTyped, marked: "• Alpha words"},
		{name: "tab from the second deck", keys: []string{"down", "tab", "right"}, deck: "beta", kind: quiz.QuestionChoice, marked: "• Beta words"},
		{name: "down past a deck picks it, visibly", keys: []string{"down", "down", "right"}, deck: "beta", kind: quiz.QuestionChoice, marked: "• Beta words"},
		{name: "up from the settings returns to the picked deck", keys: []string{"tab", "right", "up"}, deck: "alpha", kind: quiz.QuestionChoice, marked: "▸ Alpha words"},
		{name: "c on a deck keeps it", keys: []string{"down", "c", "c"}, deck: "beta", kind: quiz.QuestionTyped, marked: "▸ Beta words"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := press(t, twoDecks(t), tc.keys...)
			if s := screenText(m); !strings.Contains(s, tc.marked) {
				t.Errorf("no %q on the home screen:\n%s", tc.marked, s)
			}
			m = press(t, m, "enter")
			if m.screen != screenStudy || m.deck.ID != tc.deck || m.study.q.Kind != tc.kind {
				t.Fatalf("enter studies %v; want %s with %s questions", m.deck, tc.deck, tc.kind)
			}
		})
	}
}

// TestUndoFromSummary: u on the summary takes back the last answer and
// asks its question again; the progress loses that answer.
func TestUndoFromSummary(t *testing.T) {
	for _, k := range []string{"u", "ctrl+z"} {
		d := testDeck()
		d.Cards = d.Cards[:1]
		p := newMemProgress()
		m := newDeckModel(t, d, p, &Start{Deck: "moat", QuitAfter: true,
			Options: quiz.Options{Kind: quiz.QuestionFlip, Direction: quiz.DirKoEn}}, 80, 24)
		m = press(t, m, "space", "4")
		if m.screen != screenSummary || p.count() != 1 {
			t.Fatalf("no summary after the last card (saved %d):\n%s", p.count(), screenText(m))
		}
		m, quit := drive(t, m, keyMsg(k))
		if quit || m.screen != screenStudy || m.session.Phase() != quiz.Asking || p.count() != 0 {
			t.Fatalf("%s on the summary: quit %v screen %d saved %d:\n%s", k, quit, m.screen, p.count(), screenText(m))
		}
		if s := screenText(m); !strings.Contains(s, "해자") || !strings.Contains(s, "Undone.") {
			t.Errorf("%s on the summary does not ask the last card again:\n%s", k, s)
		}
		m = press(t, m, "space", "1", "space", "4") // Again comes back at once
		if m.screen != screenSummary || p.count() != 2 || p.reviews[0].Rating != 1 {
			t.Errorf("grading again: screen %d, reviews %+v", m.screen, p.reviews)
		}
	}
}

// TestF1WhileTyping: F1 opens the help while an answer is typed; ? is
// typed into the answer.
func TestF1WhileTyping(t *testing.T) {
	m := studying(t, newMemProgress(), quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo}, 80, 24)
	m = press(t, m, "해", "?")
	if m.help || m.study.input.Value() != "해?" {
		t.Fatalf("? while typing: help %v, input %q", m.help, m.study.input.Value())
	}
	m = send(t, m, tea.KeyPressMsg{Code: tea.KeyF1})
	if !m.help || !strings.Contains(screenText(m), "Typing an answer") {
		t.Fatalf("f1 while typing does not open the help:\n%s", screenText(m))
	}
	m = press(t, m, "x")
	if m.help || m.study.input.Value() != "해?" {
		t.Errorf("closing the help: help %v, input %q", m.help, m.study.input.Value())
	}
}

// TestChosenSettingsWithoutAttributes: on a terminal that shows no
// attributes (TERM=dumb), the chosen settings are marked with text.
func TestChosenSettingsWithoutAttributes(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		m := newTestModel(t, newMemProgress(), nil, size[0], size[1])
		m = send(t, m, tea.ColorProfileMsg{Profile: colorprofile.NoTTY})
		m = press(t, m, "down", "right", "right", "p")
		s := screenText(m)
		for _, want := range []string{"flip  choice  [typed]  mixed", "[both ways]", "[한국어]", "review  [practice]"} {
			if !strings.Contains(s, want) {
				t.Errorf("%dx%d: no %q on the home screen:\n%s", size[0], size[1], want, s)
			}
		}
		checkFits(t, m)
		m = send(t, m, tea.ColorProfileMsg{Profile: colorprofile.ASCII})
		if strings.Contains(screenText(m), "[typed]") {
			t.Error("markers on a terminal that shows bold and underline")
		}
	}
}

// TestFailedUndoFromSummary: when the undo cannot be saved, the summary
// stays and says so.
func TestFailedUndoFromSummary(t *testing.T) {
	d := testDeck()
	d.Cards = d.Cards[:1]
	p := newMemProgress()
	m := newDeckModel(t, d, p, &Start{Deck: "moat", Options: quiz.Options{Kind: quiz.QuestionFlip, Direction: quiz.DirKoEn}}, 80, 24)
	m = press(t, m, "space", "4")
	p.fail = errors.New("disk full")
	m = press(t, m, "u")
	if s := screenText(m); m.screen != screenSummary || !strings.Contains(s, "Not undone: disk full") || p.count() != 1 {
		t.Errorf("a failed undo: screen %d, saved %d:\n%s", m.screen, p.count(), s)
	}
}

// TestHugeWindow sends an absurd window size: every screen is laid out
// in at most maxHeight lines, so the memory a frame takes stays bounded.
func TestHugeWindow(t *testing.T) {
	flows := [][]string{nil, {"?"}, {"c", "c", "d", "d", "enter", "해"}, {"enter", "space"}, {"s"}}
	for _, keys := range flows {
		m := newTestModel(t, newMemProgress(), nil, 80, 24)
		m = press(t, m, keys...)
		m = send(t, m, tea.WindowSizeMsg{Width: 10000, Height: 10000})
		checkFits(t, m)
		if n := strings.Count(m.View().Content, "\n") + 1; n > maxHeight {
			t.Errorf("after %v at 10000x10000 the view has %d lines, want at most %d", keys, n, maxHeight)
		}
	}
}
