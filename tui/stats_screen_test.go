package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/stats"
)

// statsDecks are two decks for the stats screen.
func statsDecks() []*quiz.Deck {
	return []*quiz.Deck{{ID: "article", Title: "구글 메모"}, {ID: "mine", Title: "\x1b[2JMine"}}
}

// runStats runs the command of load and returns its message.
func runStats(t *testing.T, cmd tea.Cmd) statsLoadedMsg {
	t.Helper()
	msg, ok := cmd().(statsLoadedMsg)
	if !ok {
		t.Fatalf("load's command sent %T", msg)
	}
	return msg
}

// plain are styles without escape codes.
var plain = &Styles{}

func TestStatsScreenDecks(t *testing.T) {
	var asked []stats.Query
	b := fakeBackend{}.statsBy(func(q stats.Query) (*stats.Stats, error) {
		asked = append(asked, q)
		s := sampleStats()
		s.Deck = q.Deck
		return s, nil
	})
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	sch := quiz.DefaultScheduling()
	km := DefaultStatsKeys()
	s := newStatsScreen(statsDecks(), "mine", DefaultStatsKeys())
	s.resize(plain, 80, 24)
	if s.deck() != "mine" {
		t.Fatalf("opened on %q, want mine", s.deck())
	}
	s.loaded(runStats(t, s.load(1, b, now, sch)), plain)
	if s.stats == nil || asked[0].Deck != "mine" || !asked[0].Now.Equal(now) {
		t.Fatalf("first load: %+v", asked)
	}
	// → wraps to all decks, ← back to mine, then article.
	for _, tc := range []struct {
		key  string
		deck string
	}{{"right", ""}, {"left", "mine"}, {"left", "article"}, {"tab", "mine"}} {
		if a := s.onKey(keyMsg(tc.key), km); a != statsReload {
			t.Errorf("%s: action %v, want reload", tc.key, a)
		}
		if s.deck() != tc.deck {
			t.Errorf("%s: deck %q, want %q", tc.key, s.deck(), tc.deck)
		}
	}
	// A late answer to a load since superseded is dropped, even for the
	// deck shown again (mine → all → mine).
	stale := runStats(t, s.load(2, b, now, sch))
	s.onKey(keyMsg("right"), km)
	s.load(3, b, now, sch)
	s.onKey(keyMsg("left"), km)
	s.load(4, b, now, sch)
	s.loaded(stale, plain)
	if !s.loading || s.stats != nil {
		t.Error("a stale answer was shown")
	}
	if a := s.onKey(keyMsg("q"), km); a != statsBack {
		t.Errorf("q: action %v, want back", a)
	}
	s.onKey(keyMsg("right"), km)
	screen := ansi.Strip(s.Render(plain, km, 80, 24))
	if !strings.Contains(screen, "Stats  All decks") {
		t.Errorf("header does not name the scope:\n%s", screen)
	}
	s.onKey(keyMsg("right"), km)
	s.onKey(keyMsg("right"), km)
	if screen := s.Render(plain, km, 80, 24); strings.Contains(screen, "\x1b") || !strings.Contains(screen, "Mine") {
		t.Errorf("the deck title is not sanitised:\n%q", screen)
	}
}

func TestStatsScreenScroll(t *testing.T) {
	km := DefaultStatsKeys()
	st := NewStyles(true, false)
	total := lines(RenderStats(sampleStats(), st, 80))
	for _, size := range [][2]int{{80, 24}, {80, 12}, {40, 30}, {32, 10}} {
		w, h := size[0], size[1]
		s := newStatsScreen(statsDecks(), "", DefaultStatsKeys())
		s.resize(&st, w, h)
		s.req = 1
		s.loaded(statsLoadedMsg{req: 1, stats: sampleStats()}, &st)
		first := ansi.Strip(s.Render(&st, km, w, h))
		if !strings.Contains(first, glyphMore) {
			t.Errorf("%dx%d: the first page does not say there is more:\n%s", w, h, first)
		}
		for range total + 5 {
			s.onKey(keyMsg("down"), km)
		}
		last := ansi.Strip(s.Render(&st, km, w, h))
		if !strings.Contains(last, "u schedules the marked") || first == last || strings.Contains(last, glyphMore) {
			t.Errorf("%dx%d: the end does not show:\n%s", w, h, last)
		}
		if got := len(strings.Split(last, "\n")); got != h {
			t.Errorf("%dx%d: %d lines, want the whole screen", w, h, got)
		}
		for i, l := range strings.Split(last, "\n") {
			if lw := lipgloss.Width(l); lw > w || i >= h {
				t.Errorf("%dx%d: line %d (%d cells) does not fit: %q", w, h, i, lw, l)
			}
		}
		end := s.view.YOffset()
		s.onKey(keyMsg("up"), km)
		if s.view.YOffset() != end-1 {
			t.Errorf("%dx%d: up from the end (%d) went to %d", w, h, end, s.view.YOffset())
		}
		s.onKey(keyMsg("space"), km)
		if !s.view.AtBottom() {
			t.Errorf("%dx%d: space (page down) one line before the end does not reach it", w, h)
		}
	}
}

// TestStatsScreenResize: the figures are laid out again for each new
// terminal size.
func TestStatsScreenResize(t *testing.T) {
	m := homeWithStats(t, newMemProgress())
	m = press(t, m, "s")
	m.stats.loaded(statsLoadedMsg{req: m.stats.req, stats: sampleStats()}, m.styles)
	for _, size := range [][2]int{{40, 12}, {100, 30}, {20, 5}, {32, 10}} {
		m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkFits(t, m)
		if m.small() {
			continue
		}
		if !strings.Contains(screenText(m), "Today") {
			t.Errorf("%dx%d: the figures are gone:\n%s", size[0], size[1], screenText(m))
		}
	}
}

func TestStatsScreenError(t *testing.T) {
	s := newStatsScreen(statsDecks(), "", DefaultStatsKeys())
	s.resize(plain, 80, 24)
	if got := ansi.Strip(s.Render(plain, DefaultStatsKeys(), 80, 24)); !strings.Contains(got, "counting") {
		t.Errorf("before loading:\n%s", got)
	}
	s.loaded(statsLoadedMsg{err: errors.New("nothing saved yet")}, plain)
	if got := ansi.Strip(s.Render(plain, DefaultStatsKeys(), 80, 24)); !strings.Contains(got, "nothing saved yet") {
		t.Errorf("error not shown:\n%s", got)
	}
}
