package charts

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// eighths are the block elements a column is drawn with, by how many
// eighths of a cell are filled.
var eighths = [9]string{" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

// Columns draws values as a column chart height rows high: one column per
// value, left to right, each one cell wide with a cell of space after it
// (or without the space when that does not fit width); the axis on the
// left shows the largest value at the top and 0 at the bottom; labels go
// under the columns whose index they are keyed by. Values that do not fit
// width are left out from the right. Any value above 0 shows at least a
// sliver.
func Columns(values []int, labels map[int]string, height, width int, st Styles) string {
	most := 0
	for _, v := range values {
		most = max(most, v)
	}
	top := strconv.Itoa(most)
	aw := len(top) + 2 // the number, a space and the axis line
	cw := 2
	if aw+cw*len(values)-1 > width {
		cw = 1
	}
	n := min(len(values), (width-aw+cw-1)/cw)
	if height < 1 || n < 1 {
		return ""
	}
	var lines []string
	for r := range height {
		axis := strings.Repeat(" ", len(top)) + " │"
		if r == 0 {
			axis = top + " ┤"
		}
		lines = append(lines, st.Label.Render(axis)+columnRow(values[:n], most, height-1-r, height, cw, st))
	}
	zero := padLeft("0", len(top)) + " └" + strings.Repeat("─", n*cw-cw+1)
	lines = append(lines, st.Label.Render(zero))
	if row := labelRow(labels, n, cw, width-aw); row != "" {
		lines = append(lines, strings.Repeat(" ", aw)+st.Label.Render(row))
	}
	return clip(lines, width)
}

// columnRow is row r (0 at the bottom) of the columns.
func columnRow(values []int, most, r, height, cw int, st Styles) string {
	var b strings.Builder
	for i, v := range values {
		e := 0
		if v > 0 {
			e = max(int(math.Round(float64(v)*float64(height*8)/float64(most))), 1)
		}
		fill := min(max(e-8*r, 0), 8)
		if fill > 0 {
			b.WriteString(st.Bar.Render(eighths[fill]))
		} else {
			b.WriteString(" ")
		}
		if cw == 2 && i < len(values)-1 {
			b.WriteString(" ")
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// labelRow places the labels of the first n columns.
func labelRow(labels map[int]string, n, cw, width int) string {
	var cols []int
	var names []string
	for i := range n {
		if l, ok := labels[i]; ok {
			cols = append(cols, i*cw)
			names = append(names, l)
		}
	}
	return ruler(cols, names, width, Plain().Label)
}

// Meter draws frac, from 0 to 1, as a bar of width cells: filled cells █
// then empty ones ░. Values out of range are clamped; NaN is 0.
func Meter(frac float64, width int, st Styles) string {
	if width < 1 {
		return ""
	}
	if math.IsNaN(frac) {
		frac = 0
	}
	full := int(math.Round(min(max(frac, 0), 1) * float64(width)))
	var b strings.Builder
	if full > 0 {
		b.WriteString(st.Bar.Render(strings.Repeat("█", full)))
	}
	if full < width {
		b.WriteString(st.Empty.Render(strings.Repeat("░", width-full)))
	}
	return b.String()
}

// clip cuts every line to width cells and joins them.
func clip(lines []string, width int) string {
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	return strings.Join(lines, "\n")
}
