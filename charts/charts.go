// Package charts draws small pictures for a terminal: a calendar heatmap,
// a column chart and a meter. They are pure functions of their data and
// return strings of at most the width they are given, measured in
// terminal cells (Hangul labels take two).
//
// Every picture stays readable without colour: the shading characters
// ·░▒▓█ and the block elements ▁▂▃▄▅▆▇█ carry the values, and styles only
// add colour on top.
package charts

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
)

// Styles colour the pictures. The zero Styles (or Plain) draws no escape
// codes at all.
type Styles struct {
	Label  lipgloss.Style    // axis labels, weekday and month names, the legend's words
	Levels [5]lipgloss.Style // heatmap cells by level, from 0 (nothing) to 4 (the most)
	Bar    lipgloss.Style    // the columns, and the filled part of a meter
	Empty  lipgloss.Style    // the empty part of a meter
}

// Plain returns styles that add nothing: plain text.
func Plain() Styles {
	p := lipgloss.NewStyle()
	return Styles{Label: p, Levels: [5]lipgloss.Style{p, p, p, p, p}, Bar: p, Empty: p}
}

// Date is a calendar day, without a time of day or a zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf is the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads a date written YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, err
	}
	return DateOf(t), nil
}

// String writes d as YYYY-MM-DD.
func (d Date) String() string { return d.time().Format(time.DateOnly) }

// AddDays is the date n days after d (before it for negative n).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 0, 0, 0, 0, time.UTC))
}

// Weekday is d's day of the week.
func (d Date) Weekday() time.Weekday { return d.time().Weekday() }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.time().After(e.time()) }

// time is d's midnight in UTC.
func (d Date) time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// padRight pads s with spaces to w cells.
func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(w-lipgloss.Width(s), 0))
}

// padLeft pads s with spaces on the left to w cells.
func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(w-lipgloss.Width(s), 0)) + s
}

// ruler places labels on one line of width cells: each label starts at
// its column when the one before it has ended, with a space between;
// labels that would overlap the one before, or run past width, are left
// out. cols must be in increasing order.
func ruler(cols []int, labels []string, width int, st lipgloss.Style) string {
	var b strings.Builder
	x := 0
	for i, col := range cols {
		w := lipgloss.Width(labels[i])
		if col < x || col+w > width || w == 0 {
			continue
		}
		b.WriteString(strings.Repeat(" ", col-x))
		b.WriteString(st.Render(labels[i]))
		x = col + w + 1
		if x <= width {
			b.WriteString(" ")
		}
	}
	return strings.TrimRight(b.String(), " ")
}
