package tui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// KeyMap is every key the app understands, grouped by where it works.
// Keys follow Anki where Anki has one: space or enter reveals, 1-4 grade.
// Every label on the screen comes from these bindings.
type KeyMap struct {
	Global  GlobalKeys
	Home    HomeKeys
	Study   StudyKeys
	Typing  TypingKeys
	Summary SummaryKeys
	Stats   StatsKeys
	Mine    MineKeys
	Browse  BrowseKeys

	noHome bool // moatquiz study: no home screen, nor the mine screen reached from it
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
	Settings  key.Binding // from a deck to the settings, keeping the deck
	Start     key.Binding
	Kind      key.Binding // cycle the question kind
	Direction key.Binding // cycle the vocabulary direction
	Practice  key.Binding // switch between review and practice
	Stats     key.Binding // disabled when the app has no stats
	MoreNew   key.Binding // more new cards today in the picked deck
	Mine      key.Binding // make a deck of a Korean text's words
	Browse    key.Binding // the card browser
	Quit      key.Binding
}

// StudyKeys work on the study screen outside a text input.
type StudyKeys struct {
	Reveal  key.Binding
	Ratings [4]key.Binding // 1-4: Again, Hard, Good, Easy once answered
	Accept  key.Binding    // grade with the suggested rating after a check
	Choices [4]key.Binding // 1-4: the options of a choice question
	Choose  key.Binding    // the four Choices, for the help
	GiveUp  key.Binding    // show the answer of a choice question
	Grade   key.Binding    // the four Ratings, for the help
	Hint    key.Binding
	Undo    key.Binding
	Back    key.Binding
	Browse  key.Binding // the card browser, on the card shown
}

// TypingKeys work while a typed answer is being written.
type TypingKeys struct {
	Submit    key.Binding
	Hint      key.Binding
	Compose   key.Binding // the built-in 2-set (Dubeolsik) Hangul composer
	Back      key.Binding
	Undo      key.Binding // the last grade, as u does outside the input
	Help      key.Binding // f1: ? is typed into the answer
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
	Done      key.Binding
	Undo      key.Binding // back to the session's last answer
	Unsuspend key.Binding // schedule again a leech the session suspended
	Up        key.Binding // scroll a summary longer than the screen
	Down      key.Binding
	Stats     key.Binding // disabled when the app has no stats
}

// StatsKeys work on the stats screen.
type StatsKeys struct {
	Up        key.Binding
	Down      key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Prev      key.Binding // the previous deck (all decks come first)
	Next      key.Binding // the next deck
	Back      key.Binding
	Unsuspend key.Binding // schedule again the leech marked in the list
	Mark      key.Binding // mark the next suspended leech
}

// MineKeys work on the mine screen: the path prompt, then the words.
type MineKeys struct {
	Read   key.Binding // read the file typed
	Up     key.Binding
	Down   key.Binding
	Toggle key.Binding // check or uncheck the word under the cursor
	All    key.Binding // check all, or uncheck all when all are checked
	Write  key.Binding // write the deck of the checked words
	Cancel key.Binding
}

// BrowseKeys work in the card browser.
type BrowseKeys struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Select   key.Binding // ↑↓ while the search line has the keys
	Search   key.Binding // the search line takes the keys
	ToList   key.Binding // the list takes the keys
	Sort     key.Binding // cycle the order
	Info     key.Binding // the selected card's history
	Suspend  key.Binding // suspend or unsuspend
	Bury     key.Binding
	Reset    key.Binding    // to new, after Yes
	Flags    [4]key.Binding // flag 1-4
	NoFlag   key.Binding
	Flag     key.Binding // the flag keys, for the help
	Edit     key.Binding // the card's JSON in $VISUAL/$EDITOR
	Add      key.Binding // a new card in the selected card's deck
	Delete   key.Binding
	Yes      key.Binding
	Undo     key.Binding
	Back     key.Binding
}

// bind is a binding of keys shown as help and desc.
func bind(keys []string, help, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// DefaultKeyMap is the app's key map.
func DefaultKeyMap() KeyMap {
	b := bind
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
			Settings:  b([]string{"tab"}, "tab", "settings"),
			Start:     b([]string{"enter", "space"}, "enter", "study"),
			Kind:      b([]string{"c"}, "c", "question kind"),
			Direction: b([]string{"d"}, "d", "direction"),
			Practice:  b([]string{"p"}, "p", "review/practice"),
			Stats:     b([]string{"s"}, "s", "stats"),
			MoreNew:   b([]string{"+", "="}, "+", fmt.Sprintf("%d more new today", moreNewStep)),
			Mine:      b([]string{"m"}, "m", "mine a text"),
			Browse:    b([]string{"b"}, "b", "browse cards"),
			Quit:      b([]string{"q"}, "q", "quit"),
		},
		Study: StudyKeys{
			Reveal: b([]string{"space", "enter"}, "space", "show answer"),
			Ratings: [4]key.Binding{
				b([]string{"1"}, "1", "Again"), b([]string{"2"}, "2", "Hard"),
				b([]string{"3"}, "3", "Good"), b([]string{"4"}, "4", "Easy"),
			},
			Accept: b([]string{"space", "enter"}, "enter", "suggested grade"),
			Choices: [4]key.Binding{
				b([]string{"1"}, "1", "option 1"), b([]string{"2"}, "2", "option 2"),
				b([]string{"3"}, "3", "option 3"), b([]string{"4"}, "4", "option 4"),
			},
			Choose: b([]string{"1", "2", "3", "4"}, "1-4", "choose"),
			GiveUp: b([]string{"space"}, "space", "show answer"),
			Grade:  b([]string{"1", "2", "3", "4"}, "1-4", "again, hard, good, easy"),
			Hint:   b([]string{"tab"}, "tab", "hint"),
			Undo:   b([]string{"u", "ctrl+z"}, "u", "undo"),
			Back:   b([]string{"q", "esc"}, "q/esc", "home"),
			Browse: b([]string{"b"}, "b", "this card in the browser"),
		},
		Typing: TypingKeys{
			Submit:    b([]string{"enter"}, "enter", "check"),
			Hint:      b([]string{"tab"}, "tab", "hint"),
			Compose:   b([]string{"ctrl+k"}, "ctrl+k", "2-set Hangul keys"),
			Back:      b([]string{"esc"}, "esc", "home"),
			Undo:      b([]string{"ctrl+z"}, "ctrl+z", "undo"),
			Help:      b([]string{"f1"}, "f1", "help"),
			Backspace: b([]string{"backspace", "ctrl+h"}, "backspace", "delete"),
			Delete:    b([]string{"delete", "ctrl+d"}, "del", "delete forward"),
			Left:      b([]string{"left", "ctrl+b"}, "←", "left"),
			Right:     b([]string{"right", "ctrl+f"}, "→", "right"),
			Home:      b([]string{"home", "ctrl+a"}, "home", "start"),
			End:       b([]string{"end", "ctrl+e"}, "end", "end"),
			Clear:     b([]string{"ctrl+u"}, "ctrl+u", "clear"),
		},
		Summary: SummaryKeys{
			Done:      b([]string{"enter", "q", "esc"}, "enter", "home"),
			Undo:      b([]string{"u", "ctrl+z"}, "u", "undo"),
			Unsuspend: b([]string{"l"}, "l", "unsuspend"),
			Up:        b([]string{"up", "k"}, "↑/k", "scroll up"),
			Down:      b([]string{"down", "j"}, "↓/j", "scroll down"),
			Stats:     b([]string{"s"}, "s", "stats"),
		},
		Stats: DefaultStatsKeys(),
		Mine: MineKeys{
			Read:   b([]string{"enter"}, "enter", "read the file"),
			Up:     b([]string{"up", "k"}, "↑/k", "up"),
			Down:   b([]string{"down", "j"}, "↓/j", "down"),
			Toggle: b([]string{"space", "x"}, "space", "check"),
			All:    b([]string{"a"}, "a", "all"),
			Write:  b([]string{"enter"}, "enter", "write the deck"),
			Cancel: b([]string{"esc"}, "esc", "cancel"),
		},
		Browse: DefaultBrowseKeys(),
	}
}

// DefaultBrowseKeys are the card browser's keys.
func DefaultBrowseKeys() BrowseKeys {
	b := bind
	return BrowseKeys{
		Up:       b([]string{"up", "k"}, "↑/k", "up"),
		Down:     b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:   b([]string{"pgup"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown"}, "pgdn", "page down"),
		Select:   b([]string{"up", "down"}, "↑↓", "select"),
		Search:   b([]string{"/"}, "/", "search"),
		ToList:   b([]string{"enter", "tab"}, "enter", "to the list"),
		Sort:     b([]string{"o"}, "o", "sort"),
		Info:     b([]string{"enter", "i"}, "enter", "card info"),
		Suspend:  b([]string{"s"}, "s", "suspend/unsuspend"),
		Bury:     b([]string{"-"}, "-", "bury till tomorrow"),
		Reset:    b([]string{"r"}, "r", "reset to new"),
		Flags: [4]key.Binding{
			b([]string{"1"}, "1", "red flag"), b([]string{"2"}, "2", "orange flag"),
			b([]string{"3"}, "3", "green flag"), b([]string{"4"}, "4", "blue flag"),
		},
		NoFlag: b([]string{"0"}, "0", "no flag"),
		Flag:   b([]string{"0", "1", "2", "3", "4"}, "0-4", "flag"),
		Edit:   b([]string{"e"}, "e", "edit"),
		Add:    b([]string{"a"}, "a", "add a card"),
		Delete: b([]string{"x", "delete"}, "x", "delete"),
		Yes:    b([]string{"y"}, "y", "yes"),
		Undo:   b([]string{"u", "ctrl+z"}, "u", "undo"),
		Back:   b([]string{"esc", "q"}, "esc", "back"),
	}
}

// DefaultStatsKeys are the stats screen's keys.
func DefaultStatsKeys() StatsKeys {
	b := bind
	return StatsKeys{
		Up:        b([]string{"up", "k"}, "↑/k", "scroll up"),
		Down:      b([]string{"down", "j"}, "↓/j", "scroll down"),
		PageUp:    b([]string{"pgup", "b"}, "pgup", "page up"),
		PageDown:  b([]string{"pgdown", "space", "f"}, "pgdn", "page down"),
		Prev:      b([]string{"left", "h", "shift+tab"}, "←/h", "previous deck"),
		Next:      b([]string{"right", "l", "tab"}, "→/l", "next deck"),
		Back:      b([]string{"q", "esc", "s", "enter"}, "q/esc", "back"),
		Unsuspend: b([]string{"u"}, "u", "unsuspend"),
		Mark:      b([]string{"n"}, "n", "next leech"),
	}
}

// relabel is b with another description: footers that say what a key does
// right now ("enter Hard", "enter quit").
func relabel(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// withoutHome is the key map of moatquiz study, where there is no home
// screen: the keys that would go home leave the app, and say so.
func (k KeyMap) withoutHome() KeyMap {
	k.Study.Back = relabel(k.Study.Back, "quit")
	k.Typing.Back = relabel(k.Typing.Back, "quit")
	k.Summary.Done = relabel(k.Summary.Done, "quit")
	k.noHome = true
	return k
}

// ShortHelp is the home screen's footer: "↑↓ choose", "←→ change".
func (k HomeKeys) ShortHelp() []key.Binding {
	choose, change := k.Up, k.Prev
	choose.SetHelp("↑↓", "choose")
	change.SetHelp("←→", "change")
	browse, mine := k.Browse, k.Mine
	browse.SetHelp("b", "browse")
	mine.SetHelp("m", "mine")
	return []key.Binding{k.Start, choose, change, k.Stats, browse, mine, k.Quit}
}

// FullHelp is the home screen's keys in the help, by topic: moving and
// starting, the settings, then the other screens (in the footer too).
func (k HomeKeys) FullHelp() [][]key.Binding {
	choose, change := k.Up, k.Prev
	choose.SetHelp("↑↓/jk", "choose")
	change.SetHelp("←→/hl", "change")
	return [][]key.Binding{
		{choose, change, k.Start, k.Settings},
		{k.Kind, k.Direction, k.Practice, k.MoreNew},
		{k.Stats, k.Browse, k.Mine, k.Quit},
	}
}

// ShortHelp is the footer of a flip or cloze question.
func (k StudyKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Reveal, k.Hint, k.Undo, k.Back}
}

// FullHelp is the study screen's keys in the help: answering, then the rest.
func (k StudyKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Reveal, k.Choose, k.Grade, k.Accept}, {k.Hint, k.Undo, k.Browse, k.Back}}
}

// ShortHelp is the footer while a typed answer is written.
func (k TypingKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Submit, k.Compose, k.Hint, k.Undo, k.Back, k.Help}
}

// FullHelp is the typing keys in the help: answering, then editing and leaving.
func (k TypingKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Submit, k.Hint, k.Compose, k.Help}, {k.Backspace, k.Clear, k.Undo, k.Back}}
}

// ShortHelp is the summary's footer, most needed first: what does not
// fit is left out.
func (k SummaryKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Done, k.Unsuspend, k.Down, k.Undo, k.Stats}
}

// FullHelp is the summary's keys in the help: acting, then moving.
func (k SummaryKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Done, k.Undo, k.Unsuspend}, {k.Up, k.Down, k.Stats}}
}

// Every group of keys is a bubbles help.KeyMap.
var _ = []help.KeyMap{GlobalKeys{}, HomeKeys{}, StudyKeys{}, TypingKeys{}, SummaryKeys{}, StatsKeys{}, MineKeys{}, BrowseKeys{}}

// ShortHelp is the card list's footer: back comes early, so that the way
// out (to a live session too) fits on a narrow line.
func (k BrowseKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Info, k.Back, k.Search, k.Sort, k.Edit, k.Suspend, k.Bury, k.Reset, k.Flag, k.Add, k.Delete, k.Undo}
}

// FullHelp is the card browser's keys in the help: finding cards, editing
// them, scheduling them, then undo and back.
func (k BrowseKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Search, k.ToList, k.Up, k.Down, k.Sort},
		{k.Info, k.Edit, k.Add, k.Delete},
		{k.Suspend, k.Bury, k.Reset, k.Flag},
		{k.Undo, k.Back},
	}
}

// ShortHelp is the stats screen's footer.
func (k StatsKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Next, k.Back, k.Unsuspend, k.Mark}
}

// FullHelp is the stats keys in the help: scrolling, decks, leeches.
func (k StatsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Down, k.Up, k.PageDown}, {k.Next, k.Prev, k.Back}, {k.Unsuspend, k.Mark}}
}

// ShortHelp is the keys that work anywhere.
func (k GlobalKeys) ShortHelp() []key.Binding { return []key.Binding{k.Help, k.Quit} }

// FullHelp is the column of the keys that work anywhere.
func (k GlobalKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// HelpGroup is one titled group of the help overlay.
type HelpGroup struct {
	Title string
	Keys  help.KeyMap
}

// FullHelp is the help overlay: one titled group per screen the run can
// show (moatquiz study has no home, so neither its keys nor mine's).
func (k KeyMap) FullHelp() []HelpGroup {
	groups := []HelpGroup{
		{"Home", k.Home}, {"Study", k.Study}, {"Summary", k.Summary}, {"Typing an answer", k.Typing},
		{"Stats", k.Stats}, {"Cards", k.Browse}, {"Mine a text", k.Mine}, {anywhere, k.Global},
	}
	if k.noHome {
		groups = slices.DeleteFunc(groups, func(g HelpGroup) bool { return g.Title == "Home" || g.Title == "Mine a text" })
	}
	return groups
}

// anywhere is the title of the help group of the global keys.
const anywhere = "Anywhere"

// ShortHelp is the mine screen's keys.
func (k MineKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Toggle, k.All, k.Write, k.Cancel}
}

// FullHelp is the mine keys in the help: the path, then the words.
func (k MineKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Read, k.Cancel}, {k.Up, k.Down, k.Toggle, k.All, k.Write}}
}
