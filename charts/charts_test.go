package charts

import (
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// colour are styles with colours, to check that they change no cell.
func colour() Styles {
	c := func(s string) lipgloss.Style { return lipgloss.NewStyle().Foreground(lipgloss.Color(s)) }
	return Styles{Label: c("8"), Levels: [5]lipgloss.Style{c("8"), c("22"), c("28"), c("34"), c("40")},
		Bar: c("4"), Empty: c("8")}
}

// checkWidth fails the test when a line of s is wider than width.
func checkWidth(t *testing.T, s string, width int) {
	t.Helper()
	for i, l := range strings.Split(s, "\n") {
		if w := lipgloss.Width(l); w > width {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i, w, width, l)
		}
	}
}

// sampleDays are reviews on some days up to 2026-03-10: every third day,
// growing counts, a gap in January.
func sampleDays() map[Date]int {
	days := map[Date]int{}
	end := Date{2026, time.March, 10}
	for i := range 200 {
		d := end.AddDays(-i)
		if i%3 == 1 || (d.Month == time.January && d.Year == 2026) {
			continue
		}
		days[d] = 1 + (i*7)%23
	}
	days[end.AddDays(1)] = 500 // after end: not shown, does not set the scale
	return days
}

// TestHeatmapGolden compares heatmaps with testdata/TestHeatmapGolden
// (go test ./charts -update rewrites the golden files).
func TestHeatmapGolden(t *testing.T) {
	end := Date{2026, time.March, 10}
	for _, tc := range []struct {
		name  string
		width int
		lb    Labels
	}{
		{"heatmap", 80, EnglishLabels()},
		{"heatmap_ko", 80, KoreanLabels()},
		{"heatmap_narrow", 30, EnglishLabels()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain := Heatmap(sampleDays(), end, tc.width, tc.lb, Plain())
			golden.RequireEqual(t, plain+"\n")
			checkWidth(t, plain, tc.width)
			coloured := Heatmap(sampleDays(), end, tc.width, tc.lb, colour())
			if ansi.Strip(coloured) != plain {
				t.Errorf("colour changes the cells:\n%s", ansi.Strip(coloured))
			}
			if !strings.Contains(coloured, "\x1b[") {
				t.Error("no colour in the coloured heatmap")
			}
		})
	}
}

// TestHeatmapCells checks where days land: the newest week on the right,
// Monday on the first row, days after end blank.
func TestHeatmapCells(t *testing.T) {
	end := Date{2026, time.March, 11} // a Wednesday
	days := map[Date]int{
		end:             4, // the busiest: █
		end.AddDays(-2): 1, // Monday: ░
		end.AddDays(-7): 2, // last week's Wednesday: ▒
	}
	lines := strings.Split(Heatmap(days, end, 80, EnglishLabels(), Plain()), "\n")
	if len(lines) != 9 {
		t.Fatalf("%d lines, want months, 7 days and the legend", len(lines))
	}
	// cellAt is the cell of week w (0: the oldest of 26) on weekday row r
	// (0: Monday); a line's trailing blanks are trimmed.
	cellAt := func(r, w int) string {
		line := []rune(lines[1+r])
		if i := len("Mon ") + 2*w; i < len(line) {
			return string(line[i])
		}
		return " "
	}
	for _, tc := range []struct {
		row, week int
		want      string
	}{
		{0, 25, "░"}, // Monday
		{1, 25, "·"}, // Tuesday
		{2, 25, "█"}, // Wednesday: end
		{2, 24, "▒"}, // a week before
		{3, 25, " "}, // Thursday: after end
		{3, 24, "·"},
		{6, 25, " "}, // Sunday
		{0, 0, "·"},
	} {
		if got := cellAt(tc.row, tc.week); got != tc.want {
			t.Errorf("row %d week %d: %q, want %q\n%s", tc.row, tc.week, got, tc.want, strings.Join(lines, "\n"))
		}
	}
	if !strings.HasPrefix(lines[1], "Mon ") || !strings.HasPrefix(lines[7], "Sun ") {
		t.Errorf("rows are not Monday to Sunday:\n%s", strings.Join(lines, "\n"))
	}
	if !strings.HasSuffix(lines[8], "less · ░ ▒ ▓ █ more") {
		t.Errorf("legend: %q", lines[8])
	}
}

func TestHeatmapTooNarrow(t *testing.T) {
	if got := Heatmap(sampleDays(), Date{2026, 3, 10}, 4, EnglishLabels(), Plain()); got != "" {
		t.Errorf("width 4: %q, want nothing", got)
	}
	got := Heatmap(sampleDays(), Date{2026, 3, 10}, 6, EnglishLabels(), Plain())
	checkWidth(t, got, 6)
}

func TestLevel(t *testing.T) {
	for _, tc := range []struct{ n, most, want int }{
		{0, 10, 0}, {-1, 10, 0}, {1, 0, 0}, {1, 10, 1}, {2, 10, 1}, {3, 10, 2},
		{5, 10, 2}, {6, 10, 3}, {8, 10, 4}, {10, 10, 4}, {11, 10, 4}, {1, 1, 4},
	} {
		if got := Level(tc.n, tc.most); got != tc.want {
			t.Errorf("Level(%d, %d) = %d, want %d", tc.n, tc.most, got, tc.want)
		}
	}
}

// forecast is a month of due counts.
func forecast() []int {
	v := make([]int, 30)
	for i := range v {
		v[i] = (i * 37) % 11
	}
	v[0] = 42
	return v
}

// TestColumnsGolden compares forecasts with testdata/TestColumnsGolden
// (go test ./charts -update rewrites the golden files).
func TestColumnsGolden(t *testing.T) {
	labels := map[int]string{0: "today", 7: "+7d", 14: "+14d", 21: "+21d", 28: "+28d"}
	for _, tc := range []struct {
		name  string
		width int
	}{
		{"forecast", 80},
		{"forecast_narrow", 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain := Columns(forecast(), labels, 6, tc.width, Plain())
			golden.RequireEqual(t, plain+"\n")
			checkWidth(t, plain, tc.width)
			if ansi.Strip(Columns(forecast(), labels, 6, tc.width, colour())) != plain {
				t.Error("colour changes the cells")
			}
		})
	}
}

func TestColumnsHeights(t *testing.T) {
	got := Columns([]int{0, 1, 12, 16}, nil, 2, 80, Plain())
	want := "16 ┤    ▄ █\n" +
		"   │  ▁ █ █\n" +
		" 0 └───────"
	if got != want {
		t.Errorf("Columns:\n%s\nwant:\n%s", got, want)
	}
	if got := Columns([]int{0, 0}, nil, 2, 80, Plain()); got != "0 ┤\n  │\n0 └───" {
		t.Errorf("all zero:\n%s", got)
	}
	if got := Columns(forecast(), nil, 0, 80, Plain()); got != "" {
		t.Errorf("height 0: %q", got)
	}
}

func TestMeter(t *testing.T) {
	for _, tc := range []struct {
		frac  float64
		width int
		want  string
	}{
		{0, 4, "░░░░"}, {0.5, 4, "██░░"}, {1, 4, "████"}, {2, 4, "████"}, {-1, 2, "░░"},
		{0.9, 10, "█████████░"}, {0.3, 0, ""},
	} {
		if got := Meter(tc.frac, tc.width, Plain()); got != tc.want {
			t.Errorf("Meter(%v, %d) = %q, want %q", tc.frac, tc.width, got, tc.want)
		}
	}
}

func TestDate(t *testing.T) {
	d, err := ParseDate("2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.AddDays(1).String(); got != "2026-01-01" {
		t.Errorf("AddDays(1) = %s", got)
	}
	if got := d.AddDays(-365).String(); got != "2024-12-31" {
		t.Errorf("AddDays(-365) = %s", got)
	}
	if d.Weekday() != time.Wednesday || !d.AddDays(1).After(d) || d.After(d) {
		t.Errorf("Weekday or After wrong for %s", d)
	}
	if _, err := ParseDate("2025-13-01"); err == nil {
		t.Error("ParseDate accepted month 13")
	}
}

// TestHeatmapLabelsMonthJustBegun checks that a heatmap ending in the first
// days of a month names that month over the last column, or as far right
// as it fits, without running into the month before.
func TestHeatmapLabelsMonthJustBegun(t *testing.T) {
	end := Date{2026, time.December, 3} // a Thursday: the last column's Monday is 30 November
	for _, width := range []int{80, 58, 55, 30, 9} {
		lines := strings.Split(Heatmap(sampleDays(), end, width, EnglishLabels(), Plain()), "\n")
		months := lines[0]
		if !strings.HasSuffix(months, "Dec") {
			t.Errorf("width %d: month row %q does not end with Dec\n%s", width, months, strings.Join(lines, "\n"))
		}
		if width > 9 && !strings.Contains(months, "Nov ") {
			t.Errorf("width %d: month row %q lost November", width, months)
		}
		checkWidth(t, strings.Join(lines, "\n"), width)
	}
}
