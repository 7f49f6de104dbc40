package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/hangul"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// summary is the end of a session: its score, what was missed, the jamo
// the learner confused, and when the next cards are due.
type summary struct {
	title      string
	mode       quiz.Mode
	score      quiz.Score
	next       time.Time
	hasNext    bool
	newNext    int  // new cards the next study day introduces
	nextKnown  bool // next, hasNext and newNext have been found (in a command)
	now        time.Time
	confusions []confusion
	note       string // why nothing was asked
	err        string // why the last answer could not be undone, or a leech unsuspended
	done       string // what the last key did ("… is scheduled again.")
	offset     int    // the first line of the body shown: the summary scrolls
}

// confusion is a pair of jamo the learner typed one for the other.
type confusion struct {
	typed, expected rune
	n               int
}

func newSummary(s *quiz.Session, deck *quiz.Deck, now time.Time) summary {
	sm := summary{mode: s.Mode(), score: s.Score(), now: now}
	if deck != nil {
		sm.title = deck.Title
	}
	sm.confusions = confusions(sm.score.Mistakes)
	return sm
}

// maxSlips is how many jamo a typed answer may have wrong for its
// substitutions to count as confusions rather than a different word.
const maxSlips = 2

// confusions counts the jamo substituted in the typed mistakes that were
// near misses, most frequent first: the pairs (ㅐ/ㅔ, ㅓ/ㅏ, ...) a
// learner mixes up.
func confusions(mistakes []quiz.Mistake) []confusion {
	counts := map[[2]rune]int{}
	for _, m := range mistakes {
		var subs [][2]rune
		slips := 0
		for _, e := range hangul.Diff(m.Typed, m.Expected) {
			if e.Op == hangul.Equal {
				continue
			}
			slips++
			if e.Op == hangul.Substitute && hangul.IsJamo(e.Typed) && hangul.IsJamo(e.Expected) {
				subs = append(subs, [2]rune{e.Typed, e.Expected})
			}
		}
		if slips <= maxSlips {
			for _, p := range subs {
				counts[p]++
			}
		}
	}
	out := make([]confusion, 0, len(counts))
	for p, n := range counts {
		out = append(out, confusion{p[0], p[1], n})
	}
	slices.SortFunc(out, func(a, b confusion) int {
		return cmp.Or(b.n-a.n, cmp.Compare(a.typed, b.typed), cmp.Compare(a.expected, b.expected))
	})
	return out
}

// Render draws the summary in width x height cells, its body scrolled
// to offset. With quitAfter, done leaves the app.
func (sm *summary) Render(st *Styles, km *KeyMap, quitAfter bool, width, height int) string {
	header, body, room := sm.page(st, km, quitAfter, width, height)
	top := min(sm.offset, max(len(body)-room, 0))
	shown := body[top:max(min(top+room, len(body)), top)]
	footer := sm.footer(st, km, quitAfter, width, height, len(body) > room, top+room < len(body))
	return frame(header, strings.Join(shown, "\n"), footer, width, height)
}

// page lays the summary out: its header, the lines of its body, and how
// many of them fit on the screen.
func (sm *summary) page(st *Styles, km *KeyMap, quitAfter bool, width, height int) (string, []string, int) {
	header := spread(st.Title.Render(truncate("Session done"+glyphSep+termtext.Strip(sm.title), width)), st.Subtle.Render(string(sm.mode)), width)
	room := bodyRoom(lines(header), lines(sm.footer(st, km, quitAfter, width, height, true, true)), height)
	return header, strings.Split(sm.body(st, km, width, height), "\n"), max(room, 0)
}

// scroll moves the body by d lines, within it.
func (sm *summary) scroll(d int, st *Styles, km *KeyMap, quitAfter bool, width, height int) {
	_, body, room := sm.page(st, km, quitAfter, width, height)
	sm.offset = max(min(sm.offset+d, len(body)-room), 0)
}

// body is what the summary says: the score, the leeches, what was missed
// and confused, when the next cards are due; or why nothing was asked.
func (sm *summary) body(st *Styles, km *KeyMap, width, height int) string {
	if sm.score.Answered == 0 {
		note := sm.note
		if note == "" {
			note = "No cards were answered."
		}
		return wrap(st.Text.Render(termtext.Strip(note)), width)
	}
	var errLine, doneLine string
	if sm.err != "" {
		errLine = wrap(st.Error.Render(termtext.Strip(sm.err)), width)
	}
	if sm.done != "" {
		doneLine = wrap(st.Text.Render(termtext.Strip(sm.done)), width)
	}
	return stack(errLine, doneLine, sm.numbers(st, width, height), sm.leeches(st, km.Summary.Unsuspend, width),
		sm.missed(st, width), sm.confused(st, width), wrap(sm.nextLine(st), width))
}

// footer is the summary's keys: scroll among them when the body
// overflows, marked when there is more below.
func (sm *summary) footer(st *Styles, km *KeyMap, quitAfter bool, width, height int, overflow, more bool) string {
	sk := km.Summary
	sk.Unsuspend.SetEnabled(len(sm.score.Leeches) > 0)
	sk.Down.SetHelp("↑↓", "scroll")
	if more {
		sk.Down = relabel(sk.Down, "more")
	}
	sk.Down.SetEnabled(overflow)
	keys := append(sk.ShortHelp(), km.Global.Quit)
	if quitAfter { // done already says quit: ctrl+c would repeat it
		keys = sk.ShortHelp()
	}
	return keysLine(st, keys, width, footerLines(height))
}

// footerLines is how many lines the summary's keys may take: one in
// compact terminals, where the body needs every line.
func footerLines(height int) int {
	if compact(height) {
		return 1
	}
	return 2
}

// numbers are the score and the counts per grade: in two columns of a
// line each, or in three short lines in small terminals.
func (sm *summary) numbers(st *Styles, width, height int) string {
	sc := sm.score
	kinds := st.Subtle.Render(fmt.Sprintf("new %d · learning %d · review %d", sc.New, sc.Learning, sc.Review))
	const colWidth = 24
	if width < 2*colWidth || compact(height) {
		grades := make([]string, 0, 4)
		for r := fsrs.Again; r <= fsrs.Easy; r++ {
			grades = append(grades, fmt.Sprintf("%s %d", ratingName(r), sc.Ratings[r]))
		}
		return wrap(strings.Join([]string{
			st.Text.Render(fmt.Sprintf("%d answered · %d correct (%.0f%%)", sc.Answered, sc.Correct, sc.Accuracy*100)),
			st.Text.Render(fmt.Sprintf("streak %d · time %s", sc.Streak, fmtDuration(sc.Time))),
			st.Text.Render(strings.Join(grades, glyphSep)),
		}, "\n"), width)
	}
	left := []string{
		row(st, "answered", fmt.Sprint(sc.Answered)),
		row(st, "correct", fmt.Sprintf("%d (%.0f%%)", sc.Correct, sc.Accuracy*100)),
		row(st, "streak", fmt.Sprint(sc.Streak)),
		row(st, "time", fmtDuration(sc.Time)),
	}
	rows := make([]string, len(left))
	for i := range left {
		r := fsrs.Rating(i + 1)
		right := row(st, ratingName(r), fmt.Sprint(sc.Ratings[r]))
		rows[i] = left[i] + strings.Repeat(" ", max(colWidth-lipgloss.Width(left[i]), 1)) + right
	}
	return strings.Join(append(rows, kinds), "\n")
}

// row is a label and a value.
func row(st *Styles, label, value string) string {
	return st.Subtle.Render(fmt.Sprintf("%-9s", label)) + " " + st.Text.Render(value)
}

// setNext notes when the deck's next scheduled cards are due (ok: some
// are) and how many new cards the next study day introduces.
func (sm *summary) setNext(next time.Time, ok bool, newNext int) {
	sm.next, sm.hasNext, sm.newNext, sm.nextKnown = next, ok, newNext, true
}

// nextLine says when the deck's next cards are due: new cards held back
// today (by a related card or the new limit) come first, as tomorrow's.
func (sm *summary) nextLine(st *Styles) string {
	d := sm.next.Sub(sm.now)
	due := dueIn(d) + " (" + sm.next.In(sm.now.Location()).Format("Jan 2 15:04") + ")."
	switch {
	case sm.mode == quiz.ModePractice:
		return st.Subtle.Render("Practice leaves the schedule as it was.")
	case !sm.nextKnown:
		return ""
	case sm.hasNext && d <= time.Minute:
		return st.Text.Render("More cards are due now.")
	case sm.newNext > 0 && sm.hasNext:
		return st.Text.Render(fmt.Sprintf("New cards tomorrow: %d%sreviews due %s", sm.newNext, glyphSep, due))
	case sm.newNext > 0:
		return st.Text.Render(fmt.Sprintf("New cards tomorrow: %d.", sm.newNext))
	case !sm.hasNext:
		// Every item answered outside practice is scheduled unless a leech
		// suspended it.
		return st.Subtle.Render("Nothing else is scheduled: the cards studied are suspended as leeches.")
	}
	return st.Text.Render("Next cards due " + due)
}

// missed lists the items rated Again, each wrapped whole: its answer is
// what the learner needs.
func (sm *summary) missed(st *Styles, width int) string {
	if len(sm.score.Missed) == 0 {
		return ""
	}
	return itemList(st, st.Title.Render(fmt.Sprintf("Missed (%d)", len(sm.score.Missed))), sm.score.Missed, width)
}

// leeches lists the items the session suspended as leeches, and the key
// that schedules them again.
func (sm *summary) leeches(st *Styles, unsuspend key.Binding, width int) string {
	n := len(sm.score.Leeches)
	if n == 0 {
		return ""
	}
	title := wrap(st.Wrong.Render(fmt.Sprintf("Leeches (%d)", n))+st.Subtle.Render(fmt.Sprintf(
		" · suspended after %d lapses; %s: %s", quiz.LeechThreshold, unsuspend.Help().Key, unsuspend.Help().Desc)), width)
	return itemList(st, title, sm.score.Leeches, width)
}

// itemList is a title over the items' labels, each wrapped under an
// indent.
func itemList(st *Styles, title string, items []quiz.Item, width int) string {
	rows := []string{title}
	for _, it := range items {
		rows = append(rows, "  "+indentWrap(itemLabel(st, it), 4, width))
	}
	return strings.Join(rows, "\n")
}

// itemLabel names an item in a list: the word and its meaning, a fact's
// question, or a cloze answer.
func itemLabel(st *Styles, it quiz.Item) string {
	c := it.Card
	if c == nil {
		return it.ID.String()
	}
	switch c.Kind {
	case quiz.KindVocab:
		meaning := ""
		if len(c.Meanings) > 0 {
			meaning = st.Subtle.Render(glyphDash + termtext.Strip(c.Meanings[0]))
		}
		return st.Text.Render(termtext.Strip(c.Word)) + meaning
	case quiz.KindFact:
		return st.Text.Render(termtext.Strip(c.Prompt)) + st.Subtle.Render(glyphDash+termtext.Strip(c.Answer))
	}
	return st.Text.Render(termtext.Strip(clozeText(c.Text)))
}

// clozeText is a cloze sentence with its deletions filled in.
func clozeText(text string) string {
	parts, err := quiz.ParseCloze(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	return b.String()
}

// confused lists the jamo pairs the learner mixed up.
func (sm *summary) confused(st *Styles, width int) string {
	if len(sm.confusions) == 0 {
		return ""
	}
	var pairs []string
	for i, c := range sm.confusions {
		if i == 5 {
			break
		}
		pairs = append(pairs, fmt.Sprintf("%c for %c ×%d", c.typed, c.expected, c.n))
	}
	return wrap(st.Title.Render("Confused")+" "+st.Almost.Render(strings.Join(pairs, glyphSep)), width)
}

// fmtDuration is a session length: 45s, 6m 12s, 1h 5m.
func fmtDuration(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%dm %ds", int(d/time.Minute), int(d%time.Minute/time.Second))
	}
	return fmt.Sprintf("%dh %dm", int(d/time.Hour), int(d%time.Hour/time.Minute))
}
