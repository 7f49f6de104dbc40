package library

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/internal/decktest"
	"github.com/moatquiz/moatquiz/quiz"
)

// runEdit runs the editor once on e's file and saves what it left.
func runEdit(e *CardEdit) (*quiz.Card, error) { return e.Save(EditorCommand(e.Path).Run()) }

func TestEditCardKeepsProgress(t *testing.T) {
	lib, s := browseLib(t)
	deckPath := filepath.Join(lib.DecksDir(), "mine.json")
	id := quiz.ItemID{Deck: "mine", Card: "haeja", Item: "ko-en"}
	p := s.progress.(quiz.Progress)
	now := time.Now()
	st := quiz.ItemState{Card: fsrs.Card{State: fsrs.Review, Due: now.AddDate(0, 0, 3), LastReview: now, Stability: 3, Difficulty: 5, Reps: 1}}
	if _, err := p.Record(quiz.Review{Item: id, Rating: fsrs.Good, ReviewedAt: now, Mode: quiz.ModeReview,
		Question: quiz.QuestionFlip, After: st}); err != nil {
		t.Fatal(err)
	}
	states, _ := p.States("mine")
	if _, ok := states[id]; !ok {
		t.Fatalf("no state for %s after studying", id)
	}

	decktest.ScriptEditor(t, `sed -i 's/"moat"/"castle moat"/' "$1"`)
	e, err := lib.EditCard("mine", "haeja")
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	c, err := runEdit(e)
	if err != nil || c.Meanings[0] != "castle moat" {
		t.Fatalf("the edit saved %+v, %v", c, err)
	}
	d, err := deckfile.LoadFile(deckPath)
	if err != nil {
		t.Fatalf("moatquiz check would reject the edited deck: %v", err)
	}
	if d.Cards[0].ID != "haeja" || d.Cards[0].Meanings[0] != "castle moat" {
		t.Errorf("the deck's first card is %+v", d.Cards[0])
	}
	after, _ := os.ReadFile(deckPath)
	// One card a line, keys in the format's order: a git diff shows one line.
	if line := `{"id":"haeja","kind":"vocab","word":"해자","meanings":["castle moat"],"pos":"noun"},`; !strings.Contains(string(after), "\n"+line+"\n") {
		t.Errorf("the edited card is not the line %s in\n%s", line, after)
	}
	if states, _ := p.States("mine"); states[id].Card.Reps == 0 {
		t.Errorf("the edit lost %s's progress", id)
	}
	deck, _ := lib.Deck("mine")
	if deck.Cards[0].Meanings[0] != "castle moat" {
		t.Errorf("the library still reads the old card: %+v", deck.Cards[0])
	}
}

func TestEditCardRejectsWithPosition(t *testing.T) {
	lib, _ := browseLib(t)
	deckPath := filepath.Join(lib.DecksDir(), "mine.json")
	before, _ := os.ReadFile(deckPath)
	// Line 4 of the card: a meaning turned into a number.
	decktest.ScriptEditor(t, `sed -i '4s/.*/    42/' "$1"`)
	e, err := lib.EditCard("mine", "haeja")
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	text, _ := os.ReadFile(e.Path)
	_, err = runEdit(e)
	var list deckfile.ErrorList
	if !errors.As(err, &list) || list[0].Line != 4 || list[0].Col != 5 {
		t.Fatalf("a number for a meaning gives %v, want an error at 4:5 of\n%s", err, text)
	}
	if after, _ := os.ReadFile(deckPath); string(after) != string(before) {
		t.Errorf("the rejected edit changed the deck file")
	}
	// Saved again unchanged: abandoned, the learner's text still there.
	decktest.ScriptEditor(t, `true`)
	if _, err := runEdit(e); !errors.Is(err, ErrAbandoned) {
		t.Errorf("the same text saved again gives %v, want ErrAbandoned", err)
	}
}

func TestEditorExitingNonZeroLosesNothing(t *testing.T) {
	lib, _ := browseLib(t)
	deckPath := filepath.Join(lib.DecksDir(), "mine.json")
	before, _ := os.ReadFile(deckPath)
	decktest.ScriptEditor(t, `sed -i 's/"moat"/"moot"/' "$1"; exit 1`)
	e, err := lib.EditCard("mine", "haeja")
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if _, err := runEdit(e); !errors.Is(err, ErrAbandoned) {
		t.Errorf("an editor exiting 1 gives %v, want ErrAbandoned", err)
	}
	if after, _ := os.ReadFile(deckPath); string(after) != string(before) {
		t.Errorf("an abandoned edit changed the deck file")
	}
}

func TestBuiltinDeckCopiedBeforeEditing(t *testing.T) {
	lib, _ := browseLib(t)
	var be *BuiltinError
	if _, err := lib.EditCard("article", "v-haeja"); !errors.As(err, &be) {
		t.Fatalf("editing a built-in card gives %v, want a BuiltinError", err)
	}
	if _, err := lib.CopyDeck("article"); err != nil {
		t.Fatal(err)
	}
	e, err := lib.EditCard("article", "v-haeja")
	if err != nil {
		t.Fatalf("after the copy: %v", err)
	}
	e.Close()
	files := 0
	for _, f := range lib.Files() {
		if f.Err == nil && f.Deck.ID == "article" {
			files++
		}
	}
	if files != 1 {
		t.Errorf("%d decks article after the copy, want the copy alone", files)
	}
}
