package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/charts"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// curveDays is how many days ahead the retrievability curve reaches.
const curveDays = 30

// renderInfo is a card's info in room lines of width cells: each item's
// memory now, the retrievability curve of the first item studied, and
// its reviews, the latest that fit.
func renderInfo(info *quiz.CardInfo, st *Styles, sch quiz.Scheduling, now time.Time, width, room int) string {
	var out []string
	var studied *quiz.ItemInfo
	for i, it := range info.Items {
		out = append(out, truncate(itemLine(st, it, now), width))
		if studied == nil && it.State != "new" {
			studied = &info.Items[i]
		}
	}
	if studied != nil && room-len(out) >= 8 {
		out = append(out, st.Subtle.Render(fmt.Sprintf("recall of %s over the next %d days (%%)", studied.ID.Item, curveDays)),
			charts.Columns(curve(studied, sch, now), map[int]string{0: "now", curveDays - 5: fmt.Sprintf("+%dd", curveDays-5)}, 3, width, chartStyles(*st)))
	}
	out = append(out, st.Subtle.Render(plural(len(info.Reviews), "review")))
	left := room - lines(strings.Join(out, "\n"))
	revs := info.Reviews[max(len(info.Reviews)-max(left, 0), 0):]
	for _, r := range revs {
		out = append(out, truncate(reviewLine(st, r), width))
	}
	return strings.Join(out, "\n")
}

// infoTitle names the card whose info shows: front — back · deck/card.
func infoTitle(st *Styles, row quiz.CardRow, width int) string {
	return truncate(st.Text.Render(termtext.StripLine(row.Front)+" — "+termtext.StripLine(row.Back))+
		st.Subtle.Render(glyphSep+termtext.StripLine(row.Deck+"/"+row.Card)), width)
}

// itemLine is an item's state, stability, difficulty, retrievability now
// and next due.
func itemLine(st *Styles, it quiz.ItemInfo, now time.Time) string {
	name := termtext.StripLine(it.ID.Item)
	s := " new"
	if it.State != "new" {
		s = fmt.Sprintf(" %s  S %.1fd  D %.1f  R %.0f%%  due %s", it.State, it.Stability, it.Difficulty, it.Retrievability*100,
			rowDue(quiz.CardRow{Due: it.Due}, now))
	}
	if it.Suspended {
		s += "  suspended"
	}
	return st.Text.Render(name) + st.Subtle.Render(s)
}

// reviewLine is one review: date, item, grade, time taken, interval.
func reviewLine(st *Styles, r quiz.ReviewInfo) string {
	took := ""
	if r.Duration > 0 {
		took = fmt.Sprintf(" %.1fs", r.Duration.Seconds())
	}
	return st.Subtle.Render(r.At.Local().Format("2006-01-02 ")) + st.Text.Render(fmt.Sprintf("%s %s%s → %dd",
		termtext.StripLine(r.Item.Item), ratingName(r.Rating), took, r.Interval))
}

// curve is the item's retrievability, in percent, on each of the next
// curveDays days, by the scheduler's forgetting curve.
func curve(it *quiz.ItemInfo, sch quiz.Scheduling, now time.Time) []int {
	f := fsrs.NewFSRS(sch.Params)
	c := fsrs.Card{State: fsrs.Review, Stability: it.Stability, Difficulty: it.Difficulty, LastReview: it.LastReview}
	values := make([]int, curveDays)
	for d := range values {
		r, _ := f.Retrievability(c, now.AddDate(0, 0, d)) //nolint:errcheck // 0 for a card it cannot judge
		values[d] = int(r*100 + 0.5)
	}
	return values
}
