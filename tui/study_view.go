package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/hangul"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// studyView is a rendered study screen and where its cursor goes.
type studyView struct {
	content string
	cursor  bool // the real cursor is shown (a typed answer is being written)
	x, y    int
}

// renderStudy draws the study screen in width x height cells, and places
// the cursor in the answer line, in one pass.
func (m Model) renderStudy(width, height int) studyView {
	st, s, sess := m.styles, &m.study, m.session
	if s.q == nil || sess == nil {
		return studyView{}
	}
	header := m.studyHeader(width, height)
	footer := m.studyFooter(width, height)
	var blocks []string
	blocks = append(blocks, s.questionBlock(st, width))
	inputAt, col := -1, 0
	if sess.Phase() == quiz.Asking {
		if s.q.Kind == quiz.QuestionTyped {
			inputAt = lines(stack(blocks...)) + 1
			var line string
			line, col = s.inputLine(st, width)
			blocks = append(blocks, line)
		}
		if s.q.Kind == quiz.QuestionChoice {
			// The hints rule options out: the options show which.
			blocks = append(blocks, s.optionsBlock(st, width, sess.RuledOut(), false))
		} else {
			blocks = append(blocks, hintBlock(st, sess.Hints(), width))
		}
	} else {
		// The answer first: the question gives way to it at small sizes.
		answer := s.answerBlocks(st, m.home.options().Lang, width)
		room := bodyRoom(lines(header), lines(footer), height)
		blocks[0] = s.shortQuestion(st, width, room-lines(answer[0])-1)
		blocks = append(blocks, answer...)
	}
	blocks = append(blocks, s.messages(st, width))
	v := studyView{content: frame(header, stack(blocks...), footer, width, height)}
	if top := bodyTop(header, height); inputAt >= 0 && top+inputAt < height-lines(footer) {
		v.cursor, v.x, v.y = true, col, top+inputAt
	}
	return v
}

// studyHeader is the deck, the session's mode, the progress bar and the
// counts left (not in compact terminals).
func (m Model) studyHeader(width, height int) string {
	st, sess := m.styles, m.session
	title := ""
	if m.deck != nil {
		title = termtext.Strip(m.deck.Title)
	}
	right := string(sess.Mode())
	if m.typing() && m.study.korean() {
		right = composerStatus(st, m.study.compose) + "  " + right
	}
	top := spread(st.Title.Render(truncate(title, max(width-lipgloss.Width(right)-1, 1))), right, width)
	c := sess.Remaining()
	total := c.Done + c.New + c.Learning + c.Review
	frac := fmt.Sprintf(" %d/%d", c.Done, total)
	bar := progressBar(st, c.Done, total, width-len(frac)) + st.Subtle.Render(frac)
	if compact(height) {
		return top + "\n" + bar
	}
	counts := st.New.Render(fmt.Sprintf("new %d", c.New)) + st.Subtle.Render(glyphSep) +
		st.Learning.Render(fmt.Sprintf("learning %d", c.Learning)) + st.Subtle.Render(glyphSep) +
		st.Due.Render(fmt.Sprintf("review %d", c.Review))
	return top + "\n" + bar + "\n" + truncate(counts, width)
}

// composerStatus says whether the built-in 2-set composer is on.
func composerStatus(st *Styles, on bool) string {
	if on {
		return st.Chosen.Render("2-set 한글 on")
	}
	return st.Subtle.Render("2-set off")
}

// progressBar draws done of total in width cells.
func progressBar(st *Styles, done, total, width int) string {
	if width < 1 {
		return ""
	}
	n := 0
	if total > 0 {
		n = min(done*width/total, width)
	}
	return st.Bar.Render(strings.Repeat(glyphBarDone, n)) + st.BarEmpty.Render(strings.Repeat(glyphBarLeft, width-n))
}

// questionBlock is the question's label and prompt.
func (s *study) questionBlock(st *Styles, width int) string {
	q := s.q
	label := questionLabel(q)
	prompt := wrap(st.Prompt.Render(termtext.Strip(q.Prompt)), width)
	return st.Subtle.Render(truncate(label, width)) + "\n" + prompt
}

// shortQuestion is the question block in at most n lines: the label
// goes first, then the prompt's last lines (the cut marked with …).
func (s *study) shortQuestion(st *Styles, width, n int) string {
	q := s.questionBlock(st, width)
	switch {
	case lines(q) <= n:
		return q
	case n < 1:
		return ""
	}
	prompt := strings.Split(q, "\n")[1:]
	if len(prompt) > n {
		prompt = prompt[:n]
		prompt[n-1] = ansi.Truncate(prompt[n-1], width-1, "") + glyphEllipsis
	}
	return strings.Join(prompt, "\n")
}

// questionLabel says what kind of question it is.
func questionLabel(q *quiz.Question) string {
	pos := ""
	if q.POS != "" {
		pos = glyphSep + termtext.Strip(q.POS)
	}
	switch {
	case q.Direction == quiz.DirKoEn:
		return "Korean → English" + pos
	case q.Direction == quiz.DirEnKo:
		return "English → Korean" + pos
	case q.Item.Card != nil && q.Item.Card.Kind == quiz.KindCloze:
		return "Fill the gap"
	case q.KoreanAnswer():
		return "질문 · Question"
	}
	return "Question"
}

// inputLine is the answer line and the cursor's column in it.
func (s *study) inputLine(st *Styles, width int) (string, int) {
	line, col := s.input.Render(width-lipgloss.Width(inputPrompt), st.Input, st.Chosen)
	return st.Key.Render(inputPrompt) + line, lipgloss.Width(inputPrompt) + col
}

// optionsBlock is the numbered options of a choice question, those ruled
// out by hints faint and marked – instead of a number; once answered, the
// right one is marked ✓ and a wrong choice ✗.
func (s *study) optionsBlock(st *Styles, width int, ruledOut []int, answered bool) string {
	rows := make([]string, len(s.q.Options))
	for i, o := range s.q.Options {
		num, text := st.Key.Render(fmt.Sprintf("%d ", i+1)), st.Text.Render(termtext.Strip(o))
		if slices.Contains(ruledOut, i) {
			num, text = st.Subtle.Render(glyphRuledOut+" "), st.Subtle.Render(termtext.Strip(o))
		}
		if answered {
			switch {
			case i == s.q.Correct:
				num, text = st.Right.Render(glyphRight+" "), st.Right.Render(termtext.Strip(o))
			case i == s.chosen:
				num, text = st.Wrong.Render(glyphWrong+" "), st.Wrong.Render(termtext.Strip(o))
			default:
				num, text = "  ", st.Subtle.Render(termtext.Strip(o))
			}
		}
		rows[i] = num + indentWrap(text, 2, width)
	}
	return strings.Join(rows, "\n")
}

// indentWrap wraps s to width-indent cells and indents the lines after the
// first by indent spaces.
func indentWrap(s string, indent, width int) string {
	w := wrap(s, max(width-indent, 1))
	return strings.ReplaceAll(w, "\n", "\n"+strings.Repeat(" ", indent))
}

// hintBlock is the hints shown so far.
func hintBlock(st *Styles, hints []string, width int) string {
	out := make([]string, len(hints))
	for i, h := range hints {
		out[i] = wrap(st.Hint.Render("hint: "+termtext.Strip(h)), width)
	}
	return strings.Join(out, "\n")
}

// messages are the notice and error lines.
func (s *study) messages(st *Styles, width int) string {
	var out []string
	if s.err != "" {
		out = append(out, wrap(st.Error.Render(termtext.Strip(s.err)), width))
	}
	if s.notice != "" {
		out = append(out, wrap(st.Subtle.Render(s.notice), width))
	}
	return strings.Join(out, "\n")
}

// studyFooter is the grades with their intervals once answered, and the
// keys that work now (one line of them in compact terminals).
func (m Model) studyFooter(width, height int) string {
	st, km := m.styles, m.footerKeys()
	keyLines := 2
	if compact(height) {
		keyLines = 1
	}
	switch m.session.Phase() {
	case quiz.Answered, quiz.Saving:
		grades := m.gradesLine(width)
		if compact(height) {
			return grades
		}
		accept := relabel(km.Study.Accept, ratingName(m.session.Suggested()))
		return grades + "\n" + keysLine(st, []key.Binding{accept, km.Study.Undo, km.Study.Back, km.Global.Help}, width, 1)
	}
	return keysLine(st, m.askingKeys(km), width, keyLines)
}

// footerKeys is the key map as the footers name it: undo only when there
// is an answer to undo; for moatquiz study, leaving the session quits the
// app.
func (m Model) footerKeys() KeyMap {
	km := m.keyMap()
	undo := m.session != nil && m.session.Remaining().Done > 0
	km.Study.Undo.SetEnabled(undo)
	km.Typing.Undo.SetEnabled(undo)
	km.Summary.Undo.SetEnabled(undo)
	return km
}

// keyMap is the app's keys as this run names them: without a home screen
// (moatquiz study), the keys that leave a session say they quit.
func (m Model) keyMap() KeyMap {
	if m.cfg.Start != nil && m.cfg.Start.QuitAfter {
		return m.keys.withoutHome()
	}
	return *m.keys
}

// askingKeys are the keys of km for the footer while a question is
// asked.
func (m Model) askingKeys(km KeyMap) []key.Binding {
	switch {
	case m.typing():
		typing := km.Typing
		typing.Compose.SetEnabled(m.study.korean())
		typing.Hint.SetEnabled(m.session.HintsLeft() > 0)
		return typing.ShortHelp()
	}
	km.Study.Hint.SetEnabled(m.session.HintsLeft() > 0)
	if m.study.q.Kind == quiz.QuestionChoice {
		return []key.Binding{km.Study.Choose, km.Study.GiveUp, km.Study.Hint, km.Study.Undo, km.Study.Back, km.Global.Help}
	}
	return append(km.Study.ShortHelp(), km.Global.Help)
}

// gradesLine is "1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 3d", the
// suggested grade marked; without the intervals in practice.
func (m Model) gradesLine(width int) string {
	st := m.styles
	iv := m.session.Intervals()
	sugg := m.session.Suggested()
	items := make([]string, 0, len(m.keys.Study.Ratings))
	for i, b := range m.keys.Study.Ratings {
		r := fsrs.Rating(i + 1)
		if !slices.Contains(m.session.Grades(), r) {
			continue
		}
		text := b.Help().Key + " " + b.Help().Desc
		if d, ok := iv[r]; ok {
			text += " " + fmtInterval(d)
		}
		style := st.Text
		if r == sugg {
			style = st.Selected
		}
		items = append(items, style.Render(text))
	}
	return pack(items, st.Subtle.Render(glyphSep), width, 2)
}

// ratingName is a rating's name as Anki shows it.
func ratingName(r fsrs.Rating) string {
	switch r {
	case fsrs.Again:
		return "Again"
	case fsrs.Hard:
		return "Hard"
	case fsrs.Good:
		return "Good"
	case fsrs.Easy:
		return "Easy"
	}
	return "?"
}

// fmtInterval is an interval as Anki shows it: 1m, 10m, 3h, 3d, 1.5mo, 2.1y.
func fmtInterval(d time.Duration) string {
	const day = 24 * time.Hour
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%dm", max(int(d.Round(time.Minute)/time.Minute), 1))
	case d < day:
		return fmt.Sprintf("%dh", int(d.Round(time.Hour)/time.Hour))
	case d < 30*day:
		return fmt.Sprintf("%dd", int(d.Round(day)/day))
	case d < 365*day:
		return trimZero(fmt.Sprintf("%.1fmo", d.Hours()/24/30))
	}
	return trimZero(fmt.Sprintf("%.1fy", d.Hours()/24/365))
}

// trimZero drops a ".0" before the unit: "2.0mo" → "2mo".
func trimZero(s string) string { return strings.Replace(s, ".0", "", 1) }

// dueIn says when something is due, from now: "in 10 minutes", "in 3 days".
func dueIn(d time.Duration) string {
	if d <= time.Minute {
		return "now"
	}
	return "in " + fmtInterval(d)
}

// answerBlocks are the answer side: the verdict, the answer with its
// romanization, what was typed with the wrong jamo marked, the card's
// explanation, and its sentences.
func (s *study) answerBlocks(st *Styles, lang string, width int) []string {
	q := s.q
	var blocks []string
	if s.checked {
		blocks = append(blocks, s.verdictBlock(st, width)+"\n"+s.answerLine(st, width)+s.typedLines(st, width))
		if q.Kind == quiz.QuestionChoice {
			blocks = append(blocks, s.optionsBlock(st, width, nil, true))
		}
	} else {
		blocks = append(blocks, s.answerLine(st, width))
	}
	if ex := explain(q, lang); ex != "" {
		blocks = append(blocks, wrap(st.Text.Render(termtext.Strip(ex)), width))
	}
	blocks = append(blocks, sentences(st, q, width))
	return blocks
}

// verdictBlock is right / almost / wrong, with the check's note; an
// almost right answer names the grade it suggests, "≈ Almost → Hard", as
// that is why enter grades Hard.
func (s *study) verdictBlock(st *Styles, width int) string {
	c := s.check
	var head string
	switch c.Verdict {
	case quiz.Right:
		head = st.Right.Render(glyphRight + " Right")
	case quiz.Almost:
		head = st.Almost.Render(glyphAlmost + " Almost " + glyphTo + " " + ratingName(c.Suggested))
	default:
		head = st.Wrong.Render(glyphWrong + " Wrong")
	}
	if s.hinted != "" {
		// Why the suggested grade is lower than the verdict's.
		head += st.Subtle.Render(", with a hint → ") + st.Selected.Render(s.hinted)
	}
	if c.Note != "" {
		head += st.Subtle.Render(glyphDash + termtext.Strip(c.Note))
	}
	return wrap(head, width)
}

// typedLines are, under the answer of a wrong or almost answer, what was
// typed or chosen, with the wrong jamo's syllables marked and what each
// error is; "" for a right answer.
func (s *study) typedLines(st *Styles, width int) string {
	c := s.check
	switch {
	case c.Verdict == quiz.Right:
		return ""
	case s.q.Kind == quiz.QuestionChoice:
		return "" // the options show what was chosen
	case strings.TrimSpace(c.Typed) == "":
		return "\n" + st.Subtle.Render("typed    (nothing)")
	}
	if c.Verdict == quiz.Wrong {
		// A different word: marking its jamo would only be noise.
		return "\n" + st.Subtle.Render(typedLabel) + indentWrap(st.Text.Render(termtext.Strip(c.Typed)), labelWidth, width)
	}
	typed := markAt(st, termtext.Strip(c.Typed), editsAt(c.Diff, true), st.Mark)
	out := "\n" + st.Subtle.Render(typedLabel) + indentWrap(typed, labelWidth, width)
	if notes := editNotes(c.Diff); notes != "" && c.Note == "" {
		out += "\n" + wrap(st.Subtle.Render("         ")+st.Almost.Render(notes), width)
	}
	return out
}

// answerLine is the answer (the syllables of a near miss marked) with its
// romanization when it is Korean without digits (which romanization
// cannot read), the accepted answer a near miss was closest to when that
// is another, and for a Korean prompt word, the word's reading.
func (s *study) answerLine(st *Styles, width int) string {
	q, c := s.q, s.check
	near := s.checked && c.Verdict == quiz.Almost && q.Kind == quiz.QuestionTyped
	ans := st.Answer.Render(termtext.Strip(q.Answer))
	if near && c.Expected == q.Answer {
		ans = markAt(st, termtext.Strip(q.Answer), editsAt(c.Diff, false), st.Missing)
	}
	if hangul.HasHangul(q.Answer) && !strings.ContainsAny(q.Answer, "0123456789") {
		// Not with digits: "5월" romanizes as "5wol", read "owol".
		ans += "  " + st.Subtle.Render(termtext.Strip(q.Reading(q.Answer)))
	}
	// Wrapped beside the label, so the romanization stays with the answer.
	rows := []string{st.Subtle.Render("answer   ") + indentWrap(ans, labelWidth, width)}
	if near && c.Expected != q.Answer && c.Expected != "" {
		closest := markAt(st, termtext.Strip(c.Expected), editsAt(c.Diff, false), st.Missing)
		rows = append(rows, wrap(st.Subtle.Render("or       ")+closest, width))
	}
	if q.Direction == quiz.DirKoEn && hangul.HasHangul(q.Prompt) {
		rows = append(rows, wrap(st.Subtle.Render("reading  "+termtext.Strip(q.Reading(q.Prompt))), width))
	}
	if q.Item.Card != nil && q.Item.Card.Kind == quiz.KindVocab && len(q.Item.Card.Meanings) > 1 && q.Direction == quiz.DirKoEn {
		rows = append(rows, wrap(st.Subtle.Render("also     "+termtext.Strip(strings.Join(q.Item.Card.Meanings[1:], "; "))), width))
	}
	return strings.Join(rows, "\n")
}

// The labels of the answer side's lines, and the column their text
// starts at.
const (
	typedLabel = "typed    "
	labelWidth = len(typedLabel)
)

// explain is the card's explanation in the language asked: facts in the
// session's language, vocabulary and cloze in English (the learner's),
// each falling back to the other.
func explain(q *quiz.Question, lang string) string {
	if q.Explain == nil {
		return ""
	}
	first, second := q.Explain.En, q.Explain.Ko
	if q.Item.Card != nil && q.Item.Card.Kind == quiz.KindFact && lang != "en" {
		first, second = second, first
	}
	if first != "" {
		return first
	}
	return second
}

// sentences are the full cloze sentence, the vocab example and the
// article's sentence, with their translations.
func sentences(st *Styles, q *quiz.Question, width int) string {
	var rows []string
	add := func(label, text string) {
		if text != "" {
			rows = append(rows, indentWrap(st.Subtle.Render(label)+st.Context.Render(termtext.Strip(text)), lipgloss.Width(label), width))
		}
	}
	add("", q.Filled)
	add("", q.Translation)
	if q.Example != nil {
		add("e.g. ", q.Example.Ko)
		add("     ", q.Example.En)
	}
	if q.Context != "" && q.Context != q.Filled && (q.Example == nil || q.Context != q.Example.Ko) {
		add("article: ", q.Context)
	}
	return strings.Join(rows, "\n")
}

// editsAt returns the rune indexes of the characters to mark in the typed
// (typed=true) or expected text.
func editsAt(edits []hangul.Edit, typed bool) map[int]bool {
	at := map[int]bool{}
	for _, e := range edits {
		if e.Op == hangul.Equal {
			continue
		}
		if typed && e.TypedAt >= 0 {
			at[e.TypedAt] = true
		}
		if !typed && e.ExpectedAt >= 0 {
			at[e.ExpectedAt] = true
		}
	}
	return at
}

// markAt renders s with the characters at the given rune indexes (of its
// NFC form) in mark, the others as answer text.
func markAt(st *Styles, s string, at map[int]bool, mark lipgloss.Style) string {
	var b strings.Builder
	for i, r := range []rune(hangul.NFC(s)) {
		if at[i] {
			b.WriteString(mark.Render(string(r)))
		} else {
			b.WriteString(st.Answer.Render(string(r)))
		}
	}
	return b.String()
}

// editNotes describes the first errors: "ㅓ should be ㅏ, missing ㄴ".
func editNotes(edits []hangul.Edit) string {
	var notes []string
	for _, e := range edits {
		if e.Op != hangul.Equal && len(notes) < 3 {
			notes = append(notes, e.String())
		}
	}
	return strings.Join(notes, ", ")
}
