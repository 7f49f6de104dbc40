package tui

import (
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

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
			{Item: "article/v-haeja/en-ko", Label: "해자 (en-ko)", Lapses: 9, Leech: true, Suspended: true},
			{Item: "article/leak/fact", Label: "누가 구글의 내부 메모를 처음 공개했나?", Lapses: 4},
		},
		Leeches: []stats.Lapsed{{Item: "article/v-haeja/en-ko", Label: "해자 (en-ko)", Lapses: 9, Leech: true, Suspended: true}},
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
