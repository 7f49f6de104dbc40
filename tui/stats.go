package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/moatquiz/moatquiz/charts"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/stats"
	"github.com/moatquiz/moatquiz/termtext"
)

// RenderStats draws every figure of s as text of at most width cells:
// totals and streak, the heatmap of answers, the due forecast, the true
// retention, the items by state, accuracy per deck and tag, the most
// lapsed items and the leeches. Zero Styles draw plain text without
// escape codes; the pictures read without colour either way.
func RenderStats(s *stats.Stats, st Styles, width int) string {
	return renderStats(s, st, width, nil)
}

// renderStats is RenderStats with the stats screen's mark in the leech
// list (nil: the command line's stats, which say how to unsuspend).
func renderStats(s *stats.Stats, st Styles, width int, pick *leechPick) string {
	if s == nil || width < 1 {
		return ""
	}
	cs := chartStyles(st)
	return stack(
		statsTotals(s, st, width),
		statsHeatmap(s, st, cs, width),
		statsForecast(s, st, cs, width),
		statsRetention(s, st, cs, width),
		statsItems(s, st, width),
		statsAccuracy(s, st, cs, width),
		statsLapsed(s, st, width, pick),
	)
}

// chartStyles are the pictures' styles in the app's colours.
func chartStyles(st Styles) charts.Styles {
	return charts.Styles{
		Label:  st.Subtle,
		Levels: [5]lipgloss.Style{st.Subtle, st.Due, st.Due, st.Due, st.Right},
		Bar:    st.Bar,
		Empty:  st.BarEmpty,
	}
}

// statsLabel is the width of the labels in front of the figures.
const statsLabel = 9

// figure is a labelled value, wrapped to width under the label's end.
func figure(st Styles, label, value string, width int) string {
	indent := strings.Repeat(" ", statsLabel)
	if width <= statsLabel+8 {
		return wrap(st.Subtle.Render(label)+" "+st.Text.Render(value), width)
	}
	lines := strings.Split(wrap(st.Text.Render(value), width-statsLabel), "\n")
	for i := range lines {
		lines[i] = indent + lines[i]
	}
	lines[0] = st.Subtle.Render(fmt.Sprintf("%-*s", statsLabel, label)) + strings.TrimPrefix(lines[0], indent)
	return strings.Join(lines, "\n")
}

// statsTotals are today's answers, the streak and the totals.
func statsTotals(s *stats.Stats, st Styles, width int) string {
	if s.Reviews.Total == 0 {
		return wrap(st.Text.Render("No answers yet: study a deck, then come back to see your progress."), width)
	}
	streak := plural(s.Streak.Current, "day")
	if s.Streak.Longest > s.Streak.Current {
		streak += fmt.Sprintf(" · longest %d", s.Streak.Longest)
	}
	return strings.Join([]string{
		figure(st, "Today", plural64(s.Reviews.Today, "answer")+" in "+fmtDuration(ms(s.TimeMS.Today)), width),
		figure(st, "Streak", streak, width),
		figure(st, "In all", plural64(s.Reviews.Total, "answer")+" in "+fmtDuration(ms(s.TimeMS.Total))+
			" on "+plural(len(s.Days), "day"), width),
	}, "\n")
}

// ms is a duration of n milliseconds.
func ms(n int64) time.Duration { return time.Duration(n) * time.Millisecond }

// statsHeatmap is the calendar of answers per day.
func statsHeatmap(s *stats.Stats, st Styles, cs charts.Styles, width int) string {
	today, err := charts.ParseDate(s.Today)
	if err != nil || s.Reviews.Total == 0 {
		return ""
	}
	days := make(map[charts.Date]int, len(s.Days))
	for _, d := range s.Days {
		if date, err := charts.ParseDate(d.Date); err == nil {
			days[date] = d.Reviews
		}
	}
	pic := charts.Heatmap(days, today, width, charts.EnglishLabels(), cs)
	if pic == "" {
		return ""
	}
	weeks := charts.HeatmapWeeksIn(width, charts.EnglishLabels())
	return wrap(st.Title.Render(fmt.Sprintf("Answers, last %d weeks", weeks)), width) + "\n" + pic
}

// statsForecast is the column chart of items falling due.
func statsForecast(s *stats.Stats, st Styles, cs charts.Styles, width int) string {
	values := make([]int, len(s.Forecast.Days))
	total := 0
	for i, d := range s.Forecast.Days {
		values[i] = d.Due
		total += d.Due
	}
	title := fmt.Sprintf("Due in the next %d days: %d", len(values), total)
	if s.Forecast.Overdue > 0 {
		title += fmt.Sprintf(" (%d overdue, counted today)", s.Forecast.Overdue)
	}
	if total == 0 {
		return wrap(st.Title.Render(title), width)
	}
	labels := map[int]string{0: "today", 7: "+7d", 14: "+14d", 21: "+21d", 28: "+28d"}
	return wrap(st.Title.Render(title), width) + "\n" + charts.Columns(values, labels, 5, width, cs)
}

// statsRetention is a line per period: the true retention of young,
// mature and all review cards, with meters and answer counts when they
// fit.
func statsRetention(s *stats.Stats, st Styles, cs charts.Styles, width int) string {
	title := st.Title.Render("True retention") + st.Subtle.Render(" · review cards not forgotten")
	answered := false
	for _, r := range s.Retention {
		answered = answered || r.All.Answers > 0
	}
	if !answered {
		return wrap(title+"\n"+st.Subtle.Render("No answers on cards in review in the last year."), width)
	}
	const cols, gap = 3, 2
	cellW := (width - statsLabel - gap*(cols-1)) / cols
	countW := 0
	for _, r := range s.Retention {
		for _, x := range []stats.Ratio{r.Young, r.Mature, r.All} {
			countW = max(countW, len(count(int64(x.Answers))))
		}
	}
	if cellW < pctW+1+countW {
		countW = 0
	}
	meterW := min(cellW-pctW-1-countW-min(countW, 1), 12)
	rows := []string{
		wrap(title, width),
		st.Subtle.Render(strings.Repeat(" ", statsLabel) + retentionRow([]string{"young", "mature", "all"}, cellW, gap)),
	}
	for _, r := range s.Retention {
		cells := make([]string, cols)
		for i, x := range []stats.Ratio{r.Young, r.Mature, r.All} {
			cells[i] = ratioCell(x, meterW, countW, st, cs)
		}
		label := st.Subtle.Render(fmt.Sprintf("%-*s", statsLabel, periodName(r.Days)))
		rows = append(rows, truncate(label+retentionRow(cells, cellW, gap), width))
	}
	return strings.Join(rows, "\n")
}

// pctW is the width of a rate: "100%".
const pctW = 4

// retentionRow pads the cells to cellW and joins them.
func retentionRow(cells []string, cellW, gap int) string {
	for i, c := range cells[:len(cells)-1] {
		cells[i] = c + strings.Repeat(" ", max(cellW-lipgloss.Width(c), 0)+gap)
	}
	return strings.Join(cells, "")
}

// ratioCell is a meter (when meterW is 3 or more), the rate and the
// number of answers padded to countW (none when countW is 0).
func ratioCell(r stats.Ratio, meterW, countW int, st Styles, cs charts.Styles) string {
	pct, frac := "   —", 0.0
	if r.Rate != nil {
		frac = *r.Rate
		pct = fmt.Sprintf("%3.0f%%", 100*frac)
	}
	cell := st.Text.Render(pct)
	if countW > 0 {
		cell += " " + st.Subtle.Render(fmt.Sprintf("%*s", countW, count(int64(r.Answers))))
	}
	if meterW >= 3 {
		cell = charts.Meter(frac, meterW, cs) + " " + cell
	}
	return cell
}

// periodName names a retention period.
func periodName(days int) string {
	if days == 365 {
		return "year"
	}
	return strconv.Itoa(days) + " days"
}

// statsItems are the items by state.
func statsItems(s *stats.Stats, st Styles, width int) string {
	it := s.Items
	parts := []string{
		fmt.Sprintf("%s new", count(int64(it.New))),
		fmt.Sprintf("%s learning", count(int64(it.Learning))),
		fmt.Sprintf("%s review", count(int64(it.Review))),
		fmt.Sprintf("%s relearning", count(int64(it.Relearning))),
		fmt.Sprintf("%s suspended", count(int64(it.Suspended))),
	}
	return wrap(st.Title.Render("Items")+" "+st.Text.Render(count(int64(it.Total)))+st.Subtle.Render(": ")+
		st.Text.Render(strings.Join(parts, " · ")), width)
}

// statsAccuracy is the share of answers not Again per deck and per tag
// (the tags with most answers first).
func statsAccuracy(s *stats.Stats, st Styles, cs charts.Styles, width int) string {
	const most = 8
	var rows []accuracyRow
	for _, d := range s.Decks {
		rows = append(rows, accuracyRow{cmp.Or(d.Title, d.Deck), d.Ratio})
	}
	out := accuracyTable("Accuracy by deck", rows, st, cs, width)
	tags := slices.Clone(s.Tags)
	slices.SortStableFunc(tags, func(a, b stats.TagRatio) int { return b.Answers - a.Answers })
	rows = nil
	for i, t := range tags {
		if i == most {
			break
		}
		rows = append(rows, accuracyRow{"#" + t.Tag, t.Ratio})
	}
	title := "Accuracy by tag"
	if len(tags) > most {
		title += fmt.Sprintf(" · the %d with most answers of %d", most, len(tags))
	}
	return stack(out, accuracyTable(title, rows, st, cs, width))
}

// accuracyRow is a named ratio.
type accuracyRow struct {
	name  string
	ratio stats.Ratio
}

// accuracyTable is a titled list of names with a meter, the rate and the
// number of answers, as much of it as fits; "" when the list is empty.
func accuracyTable(title string, rows []accuracyRow, st Styles, cs charts.Styles, width int) string {
	if len(rows) == 0 {
		return ""
	}
	nameW, countW := 0, 0
	for _, r := range rows {
		nameW = max(nameW, lipgloss.Width(r.name))
		countW = max(countW, len(count(int64(r.ratio.Answers))))
	}
	nameW = min(nameW, max(width/3, 8))
	fixed := 2 + nameW + 2 + pctW // indent, name, gap, rate
	suffix := " answers"
	if fixed+1+countW+len(suffix) > width {
		suffix = ""
	}
	if fixed+1+countW > width {
		countW = 0
	}
	meterW := min(width-fixed-1-countW-min(countW, 1)-len(suffix), 20)
	out := []string{wrap(st.Title.Render(title), width)}
	for _, r := range rows {
		name := truncate(r.name, nameW)
		name += strings.Repeat(" ", nameW-lipgloss.Width(name))
		line := "  " + st.Text.Render(name) + "  " + ratioCell(r.ratio, meterW, countW, st, cs)
		out = append(out, truncate(line+st.Subtle.Render(suffix), width))
	}
	return strings.Join(out, "\n")
}

// leechPick is the stats screen's mark in the leech list and the keys
// that act on it.
type leechPick struct {
	marked          int    // the index in Leeches of the marked leech; -1: none
	note            string // what the last unsuspend did, or why it failed
	unsuspend, next key.Binding
}

// statsLapsed lists the most lapsed items and the leeches, with how to
// unsuspend one: on the stats screen, the leech marked in pick.
func statsLapsed(s *stats.Stats, st Styles, width int, pick *leechPick) string {
	if len(s.Lapsed) == 0 {
		return ""
	}
	rows := []string{wrap(st.Title.Render("Most lapsed"), width)}
	for _, l := range s.Lapsed {
		var marks []string
		if l.Leech {
			marks = append(marks, "leech")
		}
		if l.Suspended {
			marks = append(marks, "suspended")
		}
		mark := ""
		if len(marks) > 0 {
			mark = " (" + strings.Join(marks, ", ") + ")"
		}
		head := fmt.Sprintf("  %3d× ", l.Lapses)
		label := truncate(cmp.Or(l.Label, termtext.Strip(l.Item)), width-lipgloss.Width(head+mark))
		rows = append(rows, truncate(head+st.Text.Render(label)+st.Wrong.Render(mark), width))
	}
	if len(s.Leeches) == 0 {
		return strings.Join(rows, "\n")
	}
	leeches := []string{wrap(st.Title.Render(fmt.Sprintf("Leeches (%d)", len(s.Leeches)))+
		st.Subtle.Render(fmt.Sprintf(" · items with %d lapses or more", quiz.LeechThreshold)), width)}
	for i, l := range s.Leeches {
		lead, mark := "  ", ""
		if pick != nil && i == pick.marked {
			lead = glyphFocus
		}
		if pick != nil && l.Suspended {
			mark = st.Wrong.Render(" (suspended)")
		}
		leeches = append(leeches, truncate(lead+st.Text.Render(termtext.Strip(l.Item))+mark, width))
	}
	hint := "Unsuspend one with: moatquiz stats --unsuspend DECK/CARD/ITEM"
	if pick != nil {
		hint = pick.hint(s.Leeches)
		if pick.note != "" {
			leeches = append(leeches, wrap(st.Text.Render(termtext.Strip(pick.note)), width))
		}
	}
	leeches = append(leeches, wrap(st.Subtle.Render(hint), width))
	return stack(strings.Join(rows, "\n"), strings.Join(leeches, "\n"))
}

// hint says which keys unsuspend the leeches: "u schedules the marked
// leech again, n marks the next".
func (p *leechPick) hint(leeches []stats.Lapsed) string {
	if p.marked < 0 {
		return "None is suspended."
	}
	hint := p.unsuspend.Help().Key + " schedules the marked leech again"
	if slices.ContainsFunc(leeches[p.marked+1:], suspended) || slices.ContainsFunc(leeches[:p.marked], suspended) {
		hint += ", " + p.next.Help().Key + " marks the next"
	}
	return hint
}

// suspended reports whether l is suspended.
func suspended(l stats.Lapsed) bool { return l.Suspended }

// plural is "1 day", "2 days".
func plural(n int, noun string) string { return plural64(int64(n), noun) }

// plural64 is plural for int64 counts, with thousands separators.
func plural64(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return count(n) + " " + noun + "s"
}

// count writes n with thousands separators: 12,345.
func count(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}
