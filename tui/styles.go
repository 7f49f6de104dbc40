package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// The glyphs the screens draw with.
const (
	glyphFocus    = "▸ "     // the focused row
	glyphPicked   = "• "     // the deck to study, while a setting is focused
	glyphBarDone  = "█"      // the done part of a progress bar
	glyphBarLeft  = "░"      // the rest of it
	glyphRight    = "✓"      // a right answer or option
	glyphWrong    = "✗"      // a wrong one
	glyphAlmost   = "≈"      // an almost right answer
	glyphRuledOut = "–"      // an option a hint ruled out
	glyphTo       = "→"      // from a verdict to the grade it suggests
	glyphEllipsis = "…"      // text cut short
	glyphSep      = " · "    // between items on a line
	glyphZero     = "·"      // a count of zero
	glyphDash     = " — "    // before a note or a meaning
	glyphMore     = "↓ more" // the stats go on below
	inputPrompt   = "› "     // what the answer line starts with
)

// Styles are the app's semantic styles, built once for a terminal (dark or
// light background, colour or monochrome) and passed to every screen.
//
// In monochrome (NO_COLOR, or a terminal without colours) every style that
// carries meaning uses an attribute instead: bold, underline, reverse or
// faint, so the app stays readable without colour.
type Styles struct {
	Title    lipgloss.Style // the app name and screen titles
	Subtle   lipgloss.Style // secondary text: counts labels, footers, sources
	Text     lipgloss.Style // plain body text
	Prompt   lipgloss.Style // the question
	Answer   lipgloss.Style // the revealed answer
	Selected lipgloss.Style // the focused row or option
	Option   lipgloss.Style // an option that is not chosen
	Chosen   lipgloss.Style // the chosen value of a setting
	Key      lipgloss.Style // a key name in the footer and help
	Right    lipgloss.Style // a right answer, the Good/Easy grades
	Almost   lipgloss.Style // an almost right answer, the Hard grade
	Wrong    lipgloss.Style // a wrong answer, the Again grade
	Mark     lipgloss.Style // a wrong jamo in an answer diff
	Missing  lipgloss.Style // a jamo that should have been typed
	Due      lipgloss.Style // the due count
	Learning lipgloss.Style // the learning count
	New      lipgloss.Style // the new count
	Bar      lipgloss.Style // the done part of the progress bar
	BarEmpty lipgloss.Style // the rest of the progress bar
	Input    lipgloss.Style // the typed answer
	Hint     lipgloss.Style // hints
	Context  lipgloss.Style // the source sentence and examples
	Error    lipgloss.Style // errors (saving failed, ...)
	Box      lipgloss.Style // the frame around the help overlay

	// Mono is true when the styles use no colour at all.
	Mono bool
	// Bare is true when the terminal shows no attributes either
	// (TERM=dumb): what is chosen is marked with text, [like this].
	Bare bool
}

// NewStyles builds the styles for a terminal with a dark or light
// background; mono builds them without any colour.
func NewStyles(dark, mono bool) Styles {
	if mono {
		return monoStyles()
	}
	c := lipgloss.LightDark(dark)
	accent := c(lipgloss.Color("#5A3FC0"), lipgloss.Color("#A48BFF"))
	subtle := c(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A"))
	text := c(lipgloss.Color("#1E1E1E"), lipgloss.Color("#E4E4E4"))
	green := c(lipgloss.Color("#1A7F37"), lipgloss.Color("#56D364"))
	yellow := c(lipgloss.Color("#9A6700"), lipgloss.Color("#E3B341"))
	red := c(lipgloss.Color("#CF222E"), lipgloss.Color("#FF7B72"))
	blue := c(lipgloss.Color("#0969DA"), lipgloss.Color("#79C0FF"))
	selBg := c(lipgloss.Color("#E8E2FF"), lipgloss.Color("#3B2F6B"))
	ctx := c(lipgloss.Color("#4A4A6A"), lipgloss.Color("#B8B8D0"))

	fg := func(col color.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(col) }
	return Styles{
		Title:    fg(accent).Bold(true),
		Subtle:   fg(subtle),
		Text:     fg(text),
		Prompt:   fg(text).Bold(true),
		Answer:   fg(accent).Bold(true),
		Selected: fg(text).Background(selBg).Bold(true),
		Option:   fg(subtle),
		Chosen:   fg(accent).Bold(true).Underline(true),
		Key:      fg(accent).Bold(true),
		Right:    fg(green).Bold(true),
		Almost:   fg(yellow).Bold(true),
		Wrong:    fg(red).Bold(true),
		Mark:     fg(red).Bold(true).Underline(true),
		Missing:  fg(yellow).Underline(true),
		Due:      fg(green),
		Learning: fg(red),
		New:      fg(blue),
		Bar:      fg(accent),
		BarEmpty: fg(subtle),
		Input:    fg(text).Bold(true),
		Hint:     fg(yellow),
		Context:  fg(ctx).Italic(true),
		Error:    fg(red).Bold(true),
		Box:      lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
	}
}

// keyHelp is the bubbles help model in these styles: a key, then what it
// does, the items apart by glyphSep; in the full help, two spaces after
// the keys.
func (st *Styles) keyHelp() help.Model {
	return help.Model{
		ShortSeparator: glyphSep, FullSeparator: "   ", Ellipsis: glyphEllipsis,
		Styles: help.Styles{
			Ellipsis: st.Subtle, ShortKey: st.Key, ShortDesc: st.Subtle, ShortSeparator: st.Subtle,
			FullKey: st.Key.PaddingRight(1), FullDesc: st.Text, FullSeparator: st.Subtle,
		},
	}
}

// monoStyles are the styles without colour: attributes carry the meaning.
func monoStyles() Styles {
	plain := lipgloss.NewStyle()
	return Styles{
		Title:    plain.Bold(true),
		Subtle:   plain.Faint(true),
		Text:     plain,
		Prompt:   plain.Bold(true),
		Answer:   plain.Bold(true),
		Selected: plain.Reverse(true),
		Option:   plain,
		Chosen:   plain.Bold(true).Underline(true),
		Key:      plain.Bold(true),
		Right:    plain.Bold(true),
		Almost:   plain.Bold(true),
		Wrong:    plain.Bold(true),
		Mark:     plain.Reverse(true),
		Missing:  plain.Underline(true),
		Due:      plain,
		Learning: plain,
		New:      plain,
		Bar:      plain,
		BarEmpty: plain.Faint(true),
		Input:    plain.Bold(true),
		Hint:     plain.Underline(true),
		Context:  plain.Italic(true),
		Error:    plain.Bold(true).Reverse(true),
		Box:      plain.Border(lipgloss.NormalBorder()).Padding(0, 1),
		Mono:     true,
	}
}
