package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the app understands, grouped by where it works.
// Keys follow Anki where Anki has one: space or enter reveals, 1-4 grade.
type KeyMap struct {
	Global  GlobalKeys
	Home    HomeKeys
	Study   StudyKeys
	Typing  TypingKeys
	Summary SummaryKeys
	Stats   StatsKeys
}

// GlobalKeys work on every screen.
type GlobalKeys struct {
	Quit key.Binding // leave the app at once
	Help key.Binding // show or hide the help
}

// HomeKeys choose what to study.
type HomeKeys struct {
	Up        key.Binding
	Down      key.Binding
	Prev      key.Binding // the previous value of the focused setting
	Next      key.Binding // the next value of the focused setting
	Start     key.Binding
	Kind      key.Binding // cycle the question kind
	Direction key.Binding // cycle the vocabulary direction
	Practice  key.Binding // switch between review and practice
	Stats     key.Binding
	Quit      key.Binding
}

// StudyKeys work on the study screen outside a text input.
type StudyKeys struct {
	Reveal  key.Binding
	Again   key.Binding
	Hard    key.Binding
	Good    key.Binding
	Easy    key.Binding
	Accept  key.Binding // grade with the suggested rating after a check
	Choose  key.Binding // answer a multiple choice question with 1-4
	GiveUp  key.Binding // show the answer of a choice question
	Grade   key.Binding // 1-4, for the help: Again..Easy match each key
	Hint    key.Binding
	Undo    key.Binding
	Back    key.Binding
	Compose key.Binding
}

// TypingKeys work while a typed answer is being written.
type TypingKeys struct {
	Submit    key.Binding
	Hint      key.Binding
	Compose   key.Binding // the built-in 2-set (Dubeolsik) Hangul composer
	Back      key.Binding
	Undo      key.Binding // the last grade, as u does outside the input
	Backspace key.Binding
	Delete    key.Binding
	Left      key.Binding
	Right     key.Binding
	Home      key.Binding
	End       key.Binding
	Clear     key.Binding
}

// SummaryKeys work on the summary at the end of a session.
type SummaryKeys struct {
	Done  key.Binding
	Stats key.Binding
}

// DefaultKeyMap is the app's key map.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Global: GlobalKeys{
			Quit: b([]string{"ctrl+c"}, "ctrl+c", "quit the app"),
			Help: b([]string{"?", "f1"}, "?", "help"),
		},
		Home: HomeKeys{
			Up:        b([]string{"up", "k"}, "↑/k", "up"),
			Down:      b([]string{"down", "j"}, "↓/j", "down"),
			Prev:      b([]string{"left", "h"}, "←/h", "previous choice"),
			Next:      b([]string{"right", "l", "tab"}, "→/l", "next choice"),
			Start:     b([]string{"enter", "space"}, "enter", "study"),
			Kind:      b([]string{"c"}, "c", "question kind"),
			Direction: b([]string{"d"}, "d", "direction"),
			Practice:  b([]string{"p"}, "p", "review/practice"),
			Stats:     b([]string{"s"}, "s", "stats"),
			Quit:      b([]string{"q", "esc"}, "q", "quit"),
		},
		Study: StudyKeys{
			Reveal:  b([]string{"space", "enter"}, "space", "show answer"),
			Again:   b([]string{"1"}, "1", "again"),
			Hard:    b([]string{"2"}, "2", "hard"),
			Good:    b([]string{"3"}, "3", "good"),
			Easy:    b([]string{"4"}, "4", "easy"),
			Accept:  b([]string{"space", "enter"}, "enter", "suggested grade"),
			Choose:  b([]string{"1", "2", "3", "4"}, "1-4", "choose"),
			GiveUp:  b([]string{"space"}, "space", "show answer"),
			Grade:   b([]string{"1", "2", "3", "4"}, "1-4", "again, hard, good, easy"),
			Hint:    b([]string{"tab"}, "tab", "hint"),
			Undo:    b([]string{"u", "ctrl+z"}, "u", "undo"),
			Back:    b([]string{"q", "esc"}, "q/esc", "home"),
			Compose: b([]string{"ctrl+k"}, "ctrl+k", "2-set Hangul"),
		},
		Typing: TypingKeys{
			Submit:    b([]string{"enter"}, "enter", "check"),
			Hint:      b([]string{"tab"}, "tab", "hint"),
			Compose:   b([]string{"ctrl+k"}, "ctrl+k", "2-set Hangul keys"),
			Back:      b([]string{"esc"}, "esc", "home"),
			Undo:      b([]string{"ctrl+z"}, "ctrl+z", "undo"),
			Backspace: b([]string{"backspace", "ctrl+h"}, "backspace", "delete"),
			Delete:    b([]string{"delete", "ctrl+d"}, "del", "delete forward"),
			Left:      b([]string{"left", "ctrl+b"}, "←", "left"),
			Right:     b([]string{"right", "ctrl+f"}, "→", "right"),
			Home:      b([]string{"home", "ctrl+a"}, "home", "start"),
			End:       b([]string{"end", "ctrl+e"}, "end", "end"),
			Clear:     b([]string{"ctrl+u"}, "ctrl+u", "clear"),
		},
		Summary: SummaryKeys{
			Done:  b([]string{"enter", "q", "esc"}, "enter", "done"),
			Stats: b([]string{"s"}, "s", "stats"),
		},
		Stats: DefaultStatsKeys(),
	}
}

// FullHelp is the help overlay: one titled column per group.
func (k KeyMap) FullHelp() []HelpGroup {
	return []HelpGroup{
		{"Home", []key.Binding{k.Home.Up, k.Home.Down, k.Home.Prev, k.Home.Next, k.Home.Start,
			k.Home.Kind, k.Home.Direction, k.Home.Practice, k.Home.Stats, k.Home.Quit}},
		{"Study", []key.Binding{k.Study.Reveal, k.Study.Choose, k.Study.Grade, k.Study.Accept,
			k.Study.Hint, k.Study.Undo, k.Study.Back}},
		{"Typing an answer", []key.Binding{k.Typing.Submit, k.Typing.Hint, k.Typing.Compose,
			k.Typing.Backspace, k.Typing.Clear, k.Typing.Undo, k.Typing.Back}},
		{"Stats", []key.Binding{k.Stats.Down, k.Stats.Up, k.Stats.PageDown, k.Stats.Next, k.Stats.Prev, k.Stats.Back}},
		{anywhere, []key.Binding{k.Global.Help, k.Global.Quit}},
	}
}

// anywhere is the title of the help group of the global keys.
const anywhere = "Anywhere"

// HelpGroup is one titled group of keys in the help overlay.
type HelpGroup struct {
	Title string
	Keys  []key.Binding
}
