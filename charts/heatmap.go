package charts

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
)

// HeatmapWeeks is the most weeks a heatmap shows: half a year.
const HeatmapWeeks = 26

// Shades are the heatmap's cells by level: no reviews, then four levels
// up to the busiest day.
var Shades = [5]string{"·", "░", "▒", "▓", "█"}

// Labels are the words a heatmap is drawn with.
type Labels struct {
	Weekdays [7]string  // indexed by time.Weekday: Sunday first
	Months   [12]string // January first
	Less     string     // before the legend's shades
	More     string     // after them
}

// EnglishLabels are Mon, Jan, ... and "less"/"more".
func EnglishLabels() Labels {
	return Labels{
		Weekdays: [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		Months:   [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		Less:     "less", More: "more",
	}
}

// KoreanLabels are 월, 1월, ... and 적음/많음.
func KoreanLabels() Labels {
	return Labels{
		Weekdays: [7]string{"일", "월", "화", "수", "목", "금", "토"},
		Months:   [12]string{"1월", "2월", "3월", "4월", "5월", "6월", "7월", "8월", "9월", "10월", "11월", "12월"},
		Less:     "적음", More: "많음",
	}
}

// rowDays are the heatmap's rows: Monday to Sunday.
var rowDays = [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday,
	time.Saturday, time.Sunday}

// Level is a day's shade for n reviews when the busiest day had most:
// 0 for none, else 1 to 4 by quarters of most.
func Level(n, most int) int {
	if n <= 0 || most <= 0 {
		return 0
	}
	return min((4*n+most-1)/most, 4)
}

// Heatmap draws reviews per day as a calendar: a column per week, newest
// on the right, ending with end's week; a row per weekday, Monday first,
// labelled on the left; month names over the week in which each month's
// first Monday falls, and end's month over the last week when it began
// in that week; a legend under it. It shows as many weeks as fit in
// width, at most HeatmapWeeks, two cells per week; days after end are
// blank. It returns "" when not even one week fits.
func Heatmap(days map[Date]int, end Date, width int, lb Labels, st Styles) string {
	lw := labelWidth(lb)
	weeks := HeatmapWeeksIn(width, lb)
	if weeks < 1 {
		return ""
	}
	first := end.AddDays(-mondayOffset(end) - 7*(weeks-1)) // the first column's Monday
	most := 0
	for d, n := range days {
		if !first.After(d) && !d.After(end) {
			most = max(most, n)
		}
	}
	grid := lw + 2*weeks // the label, then a space and a cell per week
	lines := []string{strings.Repeat(" ", lw+1) + monthRow(first, end, weeks, width-lw-1, lb, st)}
	for r, wd := range rowDays {
		cells := make([]string, weeks)
		for w := range cells {
			cells[w] = cell(days, first.AddDays(7*w+r), end, most, st)
		}
		lines = append(lines, st.Label.Render(padRight(lb.Weekdays[wd], lw))+" "+strings.Join(cells, " "))
	}
	lines = append(lines, padLeft(legend(lb, st), grid))
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return clip(lines, width)
}

// HeatmapWeeksIn is how many weeks Heatmap shows in width cells with the
// labels lb.
func HeatmapWeeksIn(width int, lb Labels) int {
	return max(min(HeatmapWeeks, (width-labelWidth(lb))/2), 0)
}

// labelWidth is the width of the widest weekday label.
func labelWidth(lb Labels) int {
	lw := 0
	for _, wd := range rowDays {
		lw = max(lw, lipgloss.Width(lb.Weekdays[wd]))
	}
	return lw
}

// mondayOffset is how many days d is after the Monday of its week.
func mondayOffset(d Date) int { return (int(d.Weekday()) + 6) % 7 }

// cell is one day's shade; blank after end.
func cell(days map[Date]int, d, end Date, most int, st Styles) string {
	if d.After(end) {
		return " "
	}
	l := Level(days[d], most)
	return st.Levels[l].Render(Shades[l])
}

// monthRow names the months over the weeks, in width cells: a month's
// name goes over the first week whose Monday is in it; the first week's
// month is named only when its name ends before the next one starts.
// end's month, when it began in the last week, is named there or as far
// right as it fits, in place of a name it would run into.
func monthRow(first, end Date, weeks, width int, lb Labels, st Styles) string {
	var cols []int
	var names []string
	for w := range weeks {
		mon := first.AddDays(7 * w)
		if w > 0 && mon.Month == first.AddDays(7*(w-1)).Month {
			continue
		}
		cols = append(cols, 2*w)
		names = append(names, lb.Months[mon.Month-1])
	}
	if len(cols) > 1 && cols[0]+lipgloss.Width(names[0]) >= cols[1] {
		cols, names = cols[1:], names[1:]
	}
	if end.Month != first.AddDays(7*(weeks-1)).Month {
		name := lb.Months[end.Month-1]
		col := min(2*(weeks-1), width-lipgloss.Width(name))
		for n := len(cols); n > 0 && cols[n-1]+lipgloss.Width(names[n-1]) >= col; n-- {
			cols, names = cols[:n-1], names[:n-1]
		}
		cols, names = append(cols, col), append(names, name)
	}
	return ruler(cols, names, width, st.Label)
}

// legend is "less · ░ ▒ ▓ █ more".
func legend(lb Labels, st Styles) string {
	parts := []string{st.Label.Render(lb.Less)}
	for l, s := range Shades {
		parts = append(parts, st.Levels[l].Render(s))
	}
	return strings.Join(append(parts, st.Label.Render(lb.More)), " ")
}
