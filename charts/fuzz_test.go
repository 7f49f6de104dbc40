package charts

import (
	"encoding/binary"
	"math"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// fuzzValues reads up to 400 signed 16-bit values from data, scaled by
// scale (to reach very large counts too).
func fuzzValues(data []byte, scale int) []int {
	var vs []int
	for i := 0; i+1 < len(data) && len(vs) < 400; i += 2 {
		vs = append(vs, int(int16(binary.LittleEndian.Uint16(data[i:])))*scale)
	}
	return vs
}

// checkShape fails unless every line of s is at most width cells wide and
// there are at most lines lines.
func checkShape(t *testing.T, what, s string, width, lines int) {
	t.Helper()
	if s == "" {
		return
	}
	ls := strings.Split(s, "\n")
	if len(ls) > lines {
		t.Fatalf("%s: %d lines, at most %d expected:\n%s", what, len(ls), lines, s)
	}
	checkWidth(t, s, max(width, 0))
}

// FuzzColumns: any counts (negative, zero, huge), heights, widths and
// labels (printable text: callers pass dates and sanitised names): Columns
// does not panic, stays within width and height plus its axis and label
// rows, and colour changes no cell.
func FuzzColumns(f *testing.F) {
	week := []byte{3, 0, 0, 0, 12, 0, 7, 0, 0, 0, 1, 0, 40, 0}
	f.Add(week, "3/10", 8, 80, 1)
	f.Add(week, "월", 3, 20, 1000)
	f.Add([]byte{0xff, 0x7f, 0, 0x80}, "", 1, 5, 1<<40)
	f.Add([]byte{}, "x", 0, 0, 1)
	f.Add(make([]byte, 800), "해자", 30, 300, 1)
	f.Fuzz(func(t *testing.T, data []byte, label string, height, width, scale int) {
		height, width = height%64, width%512
		label = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				return -1
			}
			return r
		}, strings.ToValidUTF8(label, "?"))
		vs := fuzzValues(data, max(min(scale, 1<<40), -1<<40))
		labels := map[int]string{0: label, len(vs) / 2: label, len(vs) - 1: "end"}
		s := Columns(vs, labels, height, width, Plain())
		checkShape(t, "Columns", s, width, max(height, 0)+2)
		if colour := Columns(vs, labels, height, width, colour()); ansi.Strip(colour) != s {
			t.Fatalf("colour changes the cells:\n%s\nplain:\n%s", colour, s)
		}
	})
}

// FuzzHeatmap: any days, counts, end dates and widths: Heatmap does not
// panic, stays within width, and draws at most a month row, seven
// weekdays and a legend.
func FuzzHeatmap(f *testing.F) {
	f.Add([]byte{1, 5, 2, 7, 9, 1, 30, 200}, int64(20518), 80, false)
	f.Add([]byte{0, 1}, int64(0), 30, true)
	f.Add([]byte{}, int64(-400000), 7, false)
	f.Add([]byte{255, 255, 254, 1}, int64(2900000), 300, true)
	f.Fuzz(func(t *testing.T, data []byte, endDay int64, width int, korean bool) {
		width = width % 512
		end := DateOf(time.Unix(0, 0).UTC().AddDate(0, 0, int(endDay%3_000_000)))
		days := map[Date]int{}
		for i := 0; i+1 < len(data); i += 2 {
			days[end.AddDays(-int(data[i]))] = int(int8(data[i+1])) * 37
		}
		lb := EnglishLabels()
		if korean {
			lb = KoreanLabels()
		}
		s := Heatmap(days, end, width, lb, Plain())
		checkShape(t, "Heatmap", s, width, 9)
		if w := HeatmapWeeksIn(width, lb); w < 0 || w > HeatmapWeeks || (s == "") != (w == 0) {
			t.Fatalf("HeatmapWeeksIn(%d) = %d, and the heatmap is %q", width, w, s)
		}
	})
}

// FuzzMeter: any fraction (NaN, infinities, out of range) and width:
// Meter is exactly width cells, filled in proportion.
func FuzzMeter(f *testing.F) {
	f.Add(0.5, 20)
	f.Add(math.NaN(), 10)
	f.Add(math.Inf(1), 3)
	f.Add(-2.0, 0)
	f.Fuzz(func(t *testing.T, frac float64, width int) {
		width %= 1024
		s := Meter(frac, width, Plain())
		if width < 1 {
			if s != "" {
				t.Fatalf("Meter(%v, %d) = %q, want nothing", frac, width, s)
			}
			return
		}
		if n := len([]rune(s)); n != width || strings.Trim(s, "█░") != "" {
			t.Fatalf("Meter(%v, %d) = %q: want %d cells of █ then ░", frac, width, s, width)
		}
	})
}
