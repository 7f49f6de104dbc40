package tui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/hangul"
	"github.com/moatquiz/moatquiz/quiz"
)

// onKey routes a key press: ctrl+c anywhere; while the terminal is too
// small only q too (nothing else may act on a screen nobody sees); then
// the keys typed while an answer is saved wait for it, then the help
// overlay, then the screen's keys.
func (m Model) onKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.Global.Quit) {
		return m.quit()
	}
	if m.small() {
		if key.Matches(shortcut(msg), m.keys.Home.Quit) {
			return m.quit()
		}
		return m, nil
	}
	if m.saving() {
		m.typedAhead = append(m.typedAhead, msg)
		return m, nil
	}
	if m.help {
		m.help = false
		return m, nil
	}
	if m.screen == screenStudy && m.typing() {
		return m.onTypingKey(msg)
	}
	if m.screen == screenMine && m.mine.phase != mineList {
		return m.onMineKey(msg) // a path is typed: ? and q are text
	}
	if m.screen == screenBrowse && m.browse.typing && !key.Matches(msg, m.keys.Typing.Help) {
		return m.onBrowseKey(msg)
	}
	msg = shortcut(msg)
	if key.Matches(msg, m.keys.Global.Help) {
		m.help = true
		return m, nil
	}
	switch m.screen {
	case screenHome:
		return m.onHomeKeyRemembered(msg)
	case screenStudy:
		return m.onStudyKey(msg)
	case screenSummary:
		return m.onSummaryKey(msg)
	case screenStats:
		return m.onStatsKey(msg)
	case screenMine:
		return m.onMineKey(msg)
	case screenBrowse:
		return m.onBrowseKey(msg)
	}
	return m, nil
}

// onSummaryKey handles the summary's keys.
func (m Model) onSummaryKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	km := m.keys.Summary
	switch {
	case key.Matches(msg, km.Done):
		return m.goHome()
	case key.Matches(msg, km.Undo):
		return m.undo()
	case key.Matches(msg, km.Unsuspend):
		return m.unsuspend()
	case key.Matches(msg, km.Up), key.Matches(msg, km.Down):
		d := 1
		if key.Matches(msg, km.Up) {
			d = -1
		}
		w, h := m.size()
		fk := m.footerKeys()
		m.summary.scroll(d, m.styles, &fk, m.cfg.Start != nil && m.cfg.Start.QuitAfter, w, h)
	case key.Matches(msg, km.Stats):
		return m.showStats()
	}
	return m, nil
}

// shortcut makes a key typed with a Korean layout on act as its QWERTY
// key, for shortcuts (never for text): the key's base layout code when the
// terminal reports it (kitty keyboard protocol), else the 2-set
// (Dubeolsik) key of a compatibility jamo (ㅂ is q, ㅕ is u, ...).
func shortcut(msg tea.KeyPressMsg) tea.KeyPressMsg {
	k := msg.Key()
	if k.Mod&^tea.ModShift != 0 {
		return msg
	}
	r := []rune(k.Text)
	switch {
	case k.BaseCode != 0 && k.BaseCode < 0x80 && len(r) == 1 && r[0] >= 0x80:
		k.Code = k.BaseCode
		if k.Mod&tea.ModShift != 0 && k.ShiftedCode != 0 {
			k.Code = k.ShiftedCode
		}
		k.Text, k.BaseCode = string(k.Code), 0
	case len(r) == 1:
		if q, ok := hangul.JamoToQwerty(r[0]); ok {
			k.Code, k.Text, k.BaseCode = q, string(q), 0
		}
	}
	return tea.KeyPressMsg(k)
}

// onHomeKey handles the home screen's keys.
func (m Model) onHomeKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	h, km := &m.home, m.keys.Home
	switch {
	case key.Matches(msg, km.Quit):
		return m.quit()
	case key.Matches(msg, km.Up):
		h.move(-1)
	case key.Matches(msg, km.Down):
		h.move(1)
	case key.Matches(msg, km.Settings) && h.toSettings():
	case key.Matches(msg, km.Prev):
		h.change(-1)
	case key.Matches(msg, km.Next):
		h.change(1)
	case key.Matches(msg, km.Kind):
		h.cycle(setKind, 1)
	case key.Matches(msg, km.Direction):
		h.cycle(setDirection, 1)
	case key.Matches(msg, km.Practice):
		h.cycle(setMode, 1)
	case key.Matches(msg, km.Stats):
		return m.showStats()
	case key.Matches(msg, km.Browse):
		return m.openBrowse()
	case key.Matches(msg, km.MoreNew):
		return m.moreNew()
	case key.Matches(msg, km.Mine):
		return m.openMine()
	case key.Matches(msg, km.Start):
		if d := h.deck(); d != nil && m.startReq == 0 {
			opts := h.options()
			if m.cfg.Start != nil {
				opts.Limit = m.cfg.Start.Options.Limit
			}
			return m.startSession(d.deck, opts, 0)
		}
	}
	return m, nil
}

// typing reports whether the study screen's text input has the keys.
func (m Model) typing() bool {
	return m.session != nil && m.session.Phase() == quiz.Asking && m.study.q != nil && m.study.q.Kind == quiz.QuestionTyped
}

// onTypingKey handles keys while a typed answer is written: text goes to
// the input (through the 2-set composer when it is on), never to
// shortcuts.
func (m Model) onTypingKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	s, km := &m.study, m.keys.Typing
	switch {
	case key.Matches(msg, km.Submit):
		s.commit()
		s.check = m.session.AnswerTyped(s.input.Value())
		s.answered(m.session)
	case key.Matches(msg, km.Back):
		return m.goHome()
	case key.Matches(msg, km.Undo):
		return m.undo()
	case key.Matches(msg, km.Hint):
		m.session.Hint()
	case key.Matches(msg, km.Compose) && s.korean():
		s.toggleComposer()
	case key.Matches(msg, km.Help):
		m.help = true
	case key.Matches(msg, km.Backspace):
		s.backspace()
	default:
		if edit := inputEdit(msg, km); edit != nil {
			s.commit() // the syllable being composed is typed first
			edit(&s.input)
		} else if k := msg.Key(); k.Text != "" && k.Mod&^tea.ModShift == 0 {
			s.insert(k.Text)
		}
	}
	return m, nil
}

// inputEdit is what an editing key (delete, cursor moves, clear) does to
// the input, or nil for any other key.
func inputEdit(msg tea.KeyPressMsg, km TypingKeys) func(*Input) {
	for _, e := range []struct {
		b  key.Binding
		do func(*Input)
	}{
		{km.Delete, (*Input).Delete}, {km.Left, (*Input).Left}, {km.Right, (*Input).Right},
		{km.Home, (*Input).Home}, {km.End, (*Input).End}, {km.Clear, (*Input).Reset},
	} {
		if key.Matches(msg, e.b) {
			return e.do
		}
	}
	return nil
}

// onStudyKey handles the study screen's keys outside the text input.
func (m Model) onStudyKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	km, sess := m.keys.Study, m.session
	if sess == nil {
		return m, nil
	}
	switch {
	case key.Matches(msg, km.Back):
		return m.goHome()
	case key.Matches(msg, km.Undo):
		return m.undo()
	case key.Matches(msg, km.Browse) && sess.Phase() != quiz.Saving:
		return m.openBrowse()
	}
	switch sess.Phase() {
	case quiz.Asking:
		return m.onAsking(msg)
	case quiz.Answered:
		if i := matching(msg, km.Ratings); i >= 0 {
			return m.grade(fsrs.Rating(i + 1))
		}
		if key.Matches(msg, km.Accept) {
			return m.grade(sess.Suggested())
		}
	}
	return m, nil
}

// onAsking handles the keys of a flip, cloze or choice question.
func (m Model) onAsking(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	s, km := &m.study, m.keys.Study
	switch {
	case key.Matches(msg, km.Hint):
		m.session.Hint()
	case s.q.Kind == quiz.QuestionChoice && matching(msg, km.Choices) >= 0:
		// No such option, or one a hint ruled out: nothing changes.
		i := matching(msg, km.Choices)
		if c := m.session.AnswerChoice(i); c.Expected != "" {
			s.check, s.chosen = c, i
			s.answered(m.session)
		}
	case key.Matches(msg, km.Reveal):
		m.session.Reveal()
		s.answered(m.session)
	}
	return m, nil
}

// matching is the index of the binding msg matches, or -1.
func matching(msg tea.KeyPressMsg, bs [4]key.Binding) int {
	for i, b := range bs {
		if key.Matches(msg, b) {
			return i
		}
	}
	return -1
}

// grade grades the answered question and saves the review in a command.
// A grade the question does not allow (after giving up on a choice
// question, 2-4) says what to press instead.
func (m Model) grade(r fsrs.Rating) (tea.Model, tea.Cmd) {
	if !slices.Contains(m.session.Grades(), r) {
		m.study.notice = fmt.Sprintf("You gave up, so this counts as %s: press enter.", ratingName(m.session.Suggested()))
		return m, nil
	}
	op, err := m.session.Grade(r)
	if err != nil {
		m.study.err = err.Error()
		return m, nil
	}
	m.study.notice = ""
	return m, run(op)
}

// unsuspend schedules again, in a command, the first leech the summary
// lists.
func (m Model) unsuspend() (tea.Model, tea.Cmd) {
	leeches := m.summary.score.Leeches
	if len(leeches) == 0 || m.session.Phase() == quiz.Saving {
		return m, nil
	}
	op, err := m.session.Unsuspend(leeches[0].ID)
	if err != nil {
		m.summary.err = "Not unsuspended: " + err.Error()
		return m, nil
	}
	return m, run(op)
}

// undo removes the session's last saved answer in a command; from the
// summary it goes back to the study screen, where the answer is asked
// again.
func (m Model) undo() (tea.Model, tea.Cmd) {
	op, err := m.session.Undo()
	if err != nil {
		m.study.notice = "Nothing to undo."
		return m, nil
	}
	m.screen = screenStudy
	return m, run(op)
}
