// Command floor is the smallest Bubble Tea v2 program: it shows one line
// and counts the keys pressed; q quits. scripts/bench times it next to
// moatquiz, as the floor no terminal app can go below.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

// model counts the keys pressed.
type model struct{ keys int }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if k.String() == "q" {
			return m, tea.Quit
		}
		m.keys++
	}
	return m, nil
}

// View is one line, on the alternate screen as moatquiz draws.
func (m model) View() tea.View {
	v := tea.NewView(fmt.Sprintf("floor: %d keys", m.keys))
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(model{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}
