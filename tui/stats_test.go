package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/stats"
)

// statsRate is a rate for a stats.Ratio.
func statsRate(answers, correct int) stats.Ratio {
	r := stats.Ratio{Answers: answers, Correct: correct}
	if answers > 0 {
		v := float64(correct) / float64(answers)
		r.Rate = &v
	}
	return r
}

// sampleStats are fixed figures: a learner who studied most days of the
// last three months, with Hangul deck titles and labels.
func sampleStats() *stats.Stats {
	seoul := time.FixedZone("KST", 9*3600)
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, seoul)
	s := &stats.Stats{
		Now: now, Timezone: "Asia/Seoul", RolloverHour: 4, Today: "2026-03-10",
		Reviews: stats.Totals{Today: 23, Total: 1234}, TimeMS: stats.Totals{Today: 250_000, Total: 12_345_000},
		Streak: stats.Streak{Current: 5, Longest: 12, LongestEnd: "2026-02-01"},
		Items:  stats.ItemCounts{Total: 396, New: 200, Learning: 6, Review: 180, Relearning: 3, Suspended: 7},
		Decks: []stats.DeckRatio{
			{Deck: "article", Title: "구글 메모: 우리에겐 해자가 없다", Ratio: statsRate(1100, 950)},
			{Deck: "mine", Title: "My words", Ratio: statsRate(134, 90)},
		},
		Tags: []stats.TagRatio{
			{Tag: "memo", Ratio: statsRate(400, 370)}, {Tag: "people", Ratio: statsRate(120, 80)},
			{Tag: "어휘", Ratio: statsRate(600, 500)},
		},
		Lapsed: []stats.Lapsed{
			{Item: "article/v-haeja/en-ko", Label: "해자 (en-ko)", Lapses: 9, Suspended: true},
			{Item: "article/leak/fact", Label: "누가 구글의 내부 메모를 처음 공개했나?", Lapses: 4},
		},
		Leeches: []stats.Lapsed{{Item: "article/v-haeja/en-ko", Label: "해자 (en-ko)", Lapses: 9, Suspended: true}},
	}
	end := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	for i := 120; i >= 0; i-- {
		if i%5 == 3 {
			continue
		}
		s.Days = append(s.Days, stats.Day{Date: end.AddDate(0, 0, -i).Format(time.DateOnly), Reviews: 5 + (i*13)%40})
	}
	for i := range stats.ForecastDays {
		s.Forecast.Days = append(s.Forecast.Days, stats.ForecastDay{
			Date: end.AddDate(0, 0, i).Format(time.DateOnly), Due: (i * 17) % 29})
	}
	s.Forecast.Overdue = 4
	s.Forecast.Days[0].Due = 31
	s.Retention = []stats.Retention{
		{Days: 7, Young: statsRate(40, 34), Mature: statsRate(0, 0), All: statsRate(40, 34)},
		{Days: 30, Young: statsRate(200, 170), Mature: statsRate(20, 19), All: statsRate(220, 189)},
		{Days: 365, Young: statsRate(900, 760), Mature: statsRate(150, 140), All: statsRate(1050, 900)},
	}
	return s
}

// TestRenderStatsGolden compares the stats screen with
// testdata/TestRenderStatsGolden (go test ./tui -update rewrites them).
func TestRenderStatsGolden(t *testing.T) {
	for _, tc := range []struct {
		name  string
		width int
	}{
		{"stats_80", 80},
		{"stats_40", 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := RenderStats(sampleStats(), Styles{}, tc.width)
			if strings.Contains(got, "\x1b") {
				t.Error("plain styles drew escape codes")
			}
			golden.RequireEqual(t, got)
			for i, l := range strings.Split(got, "\n") {
				if w := lipgloss.Width(l); w > tc.width {
					t.Errorf("line %d is %d cells, more than %d: %q", i, w, tc.width, l)
				}
			}
			coloured := RenderStats(sampleStats(), NewStyles(true, false), tc.width)
			if ansi.Strip(coloured) != got {
				t.Errorf("colours change the text:\n%s", ansi.Strip(coloured))
			}
		})
	}
}

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

func TestStatsScreenDecks(t *testing.T) {
	var asked []stats.Query
	fn := func(q stats.Query) (*stats.Stats, error) {
		asked = append(asked, q)
		s := sampleStats()
		s.Deck = q.Deck
		return s, nil
	}
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	sch := quiz.DefaultScheduling()
	km := DefaultStatsKeys()
	s := newStatsScreen(statsDecks(), "mine")
	if s.deck() != "mine" {
		t.Fatalf("opened on %q, want mine", s.deck())
	}
	s.loaded(runStats(t, s.load(fn, now, sch)))
	if s.stats == nil || asked[0].Deck != "mine" || len(asked[0].Decks) != 2 || !asked[0].Now.Equal(now) {
		t.Fatalf("first load: %+v", asked)
	}
	// → wraps to all decks, ← back to mine, then article.
	for _, tc := range []struct {
		key  string
		deck string
	}{{"right", ""}, {"left", "mine"}, {"left", "article"}, {"tab", "mine"}} {
		if a := s.onKey(keyMsg(tc.key), km, NewStyles(true, false), 80, 24); a != statsReload {
			t.Errorf("%s: action %v, want reload", tc.key, a)
		}
		if s.deck() != tc.deck {
			t.Errorf("%s: deck %q, want %q", tc.key, s.deck(), tc.deck)
		}
	}
	// A late answer for a deck no longer shown is dropped.
	stale := runStats(t, s.load(fn, now, sch))
	s.onKey(keyMsg("right"), km, Styles{}, 80, 24)
	s.loaded(stale)
	if !s.loading {
		t.Error("a stale answer was shown")
	}
	if a := s.onKey(keyMsg("q"), km, Styles{}, 80, 24); a != statsBack {
		t.Errorf("q: action %v, want back", a)
	}
	screen := ansi.Strip(s.Render(Styles{}, km, 80, 24))
	if !strings.Contains(screen, "Stats  All decks") {
		t.Errorf("header does not name the scope:\n%s", screen)
	}
	s.onKey(keyMsg("right"), km, Styles{}, 80, 24)
	s.onKey(keyMsg("right"), km, Styles{}, 80, 24)
	if screen := s.Render(Styles{}, km, 80, 24); strings.Contains(screen, "\x1b") || !strings.Contains(screen, "Mine") {
		t.Errorf("the deck title is not sanitised:\n%q", screen)
	}
}

func TestStatsScreenScroll(t *testing.T) {
	km := DefaultStatsKeys()
	st := NewStyles(true, false)
	s := newStatsScreen(statsDecks(), "")
	s.loaded(statsLoadedMsg{stats: sampleStats()})
	total := lines(RenderStats(sampleStats(), st, 80))
	for _, size := range [][2]int{{80, 24}, {80, 12}, {40, 30}, {32, 10}} {
		w, h := size[0], size[1]
		s.offset = 0
		first := ansi.Strip(s.Render(st, km, w, h))
		for range total + 5 {
			s.onKey(keyMsg("down"), km, st, w, h)
		}
		if s.offset != s.maxOffset(st, w, h) {
			t.Errorf("%dx%d: scrolled to %d, want the end %d", w, h, s.offset, s.maxOffset(st, w, h))
		}
		last := ansi.Strip(s.Render(st, km, w, h))
		if !strings.Contains(last, "DECK/CARD/ITEM") || first == last {
			t.Errorf("%dx%d: the end does not show:\n%s", w, h, last)
		}
		for i, l := range strings.Split(last, "\n") {
			if lw := lipgloss.Width(l); lw > w || i >= h {
				t.Errorf("%dx%d: line %d (%d cells) does not fit: %q", w, h, i, lw, l)
			}
		}
		s.onKey(keyMsg("up"), km, st, w, h)
		if s.offset != max(s.maxOffset(st, w, h)-1, 0) {
			t.Errorf("%dx%d: up from the end went to %d", w, h, s.offset)
		}
	}
}

func TestStatsScreenError(t *testing.T) {
	s := newStatsScreen(statsDecks(), "")
	if got := ansi.Strip(s.Render(Styles{}, DefaultStatsKeys(), 80, 24)); !strings.Contains(got, "counting") {
		t.Errorf("before loading:\n%s", got)
	}
	s.loaded(statsLoadedMsg{err: errors.New("nothing saved yet")})
	if got := ansi.Strip(s.Render(Styles{}, DefaultStatsKeys(), 80, 24)); !strings.Contains(got, "nothing saved yet") {
		t.Errorf("error not shown:\n%s", got)
	}
}
