package quiz

import (
	"os/exec"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// CardRow is one card of a listing, as the browser and `moatquiz cards`
// show it.
type CardRow struct {
	Deck, Card string
	Kind       Kind
	Front      string // the word, prompt or cloze text
	Back       string // the meanings, answer or translation
	Items      []ItemID
	// State is new, learning or review: the least advanced of its items.
	State      string
	Furthest   string    // the state of its most advanced item: State when all agree
	Due        time.Time // the earliest due of an item studied; zero when all are new
	Lapses     int       // the most of any item
	Difficulty float64   // the highest of any item (FSRS, 1 to 10); 0 when new
	Added      time.Time // when its first item was first studied; zero when new
	Suspended  bool      // some item is suspended
	Buried     bool      // buried until the next study day
	Flag       int       // 0 (none) to 4 (Anki's red, orange, green, blue)
	Position   int       // the card's place in its deck
	Rank       int       // how well it matched the query (0, exact, best)
}

// CardList is the cards a search found, in order: rows are built as they
// are read, so a screen reads only those it shows.
type CardList interface {
	Len() int
	Row(i int) CardRow
}

// CardSort is an order of a listing.
type CardSort string

// The orders a listing can take; ties keep deck order.
const (
	SortDeck       CardSort = ""           // by deck, then the deck's order
	SortDue        CardSort = "due"        // earliest due first, new cards last
	SortAdded      CardSort = "added"      // first studied first, new cards last
	SortLapses     CardSort = "lapses"     // most lapses first
	SortDifficulty CardSort = "difficulty" // most difficult first
)

// CardSorts are the orders a learner can choose, in the order a screen
// cycles through them.
var CardSorts = []CardSort{SortDue, SortAdded, SortLapses, SortDifficulty}

// CardInfo is a card's history and memory, as the browser's info pane
// shows it.
type CardInfo struct {
	Items   []ItemInfo   // in the card's item order
	Reviews []ReviewInfo // oldest first
}

// ItemInfo is one item's memory now.
type ItemInfo struct {
	ID             ItemID
	State          string    // new, learning, review or relearning
	Due            time.Time // zero while new
	LastReview     time.Time // zero while new
	Stability      float64   // days
	Difficulty     float64   // 1 to 10
	Retrievability float64   // the chance of recall now, 0 to 1; 0 while new
	Suspended      bool
}

// ReviewInfo is one answer in a card's log.
type ReviewInfo struct {
	Item     ItemID
	At       time.Time
	Rating   fsrs.Rating
	Duration time.Duration // time taken to answer
	Interval uint64        // days scheduled by the answer
	Mode     Mode
}

// CardEdit is a card being edited in the learner's editor: run Command,
// then Save what it left, until Save returns no error (saved) or one that
// says the edit was abandoned; then Close.
type CardEdit interface {
	// Command is the editor on the card's file.
	Command() *exec.Cmd
	// Save saves what the editor left once it exited with exitErr.
	Save(exitErr error) (*Card, error)
	// Close removes the card's file.
	Close()
}
