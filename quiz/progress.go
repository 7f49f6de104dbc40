package quiz

import (
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// ItemState is the stored scheduling state of one item.
type ItemState struct {
	// Card is the go-fsrs card: Due, Stability, Difficulty, ScheduledDays,
	// Reps, Lapses, State, LastReview, RemainingSteps.
	Card fsrs.Card
	// Suspended items are never scheduled nor practised.
	Suspended bool
	// Introduced is when the item had its first scheduled review (zero if
	// unknown, e.g. imported). The Session sets it in Review.After; the
	// store only keeps it. It counts the new items introduced today
	// against Scheduling.NewPerDay.
	Introduced time.Time
}

// Mode is how a review was made.
type Mode string

// The modes.
const (
	// ModeReview is scheduled study: the review changes the item's schedule.
	ModeReview Mode = "review"
	// ModePractice is cramming: any items, their schedules unchanged.
	ModePractice Mode = "practice"
	// ModeAhead is studying ahead of the schedule when nothing is due;
	// reviews are scheduled normally with the real time.
	ModeAhead Mode = "ahead"
)

// QuestionKind is how a question is asked and answered.
type QuestionKind string

// The question kinds. A Question's Kind is never QuestionMixed: mixed is
// an option that picks one of the others per item.
const (
	QuestionFlip   QuestionKind = "flip"   // self-graded: Reveal, then grade
	QuestionChoice QuestionKind = "choice" // AnswerChoice among Options
	QuestionTyped  QuestionKind = "typed"  // AnswerTyped, checked
	QuestionCloze  QuestionKind = "cloze"  // a cloze sentence with gaps, self-graded: Reveal
	QuestionMixed  QuestionKind = "mixed"  // option only
)

// Review is one answer: a row of the review log.
type Review struct {
	ID         int64         // the log row's, as Progress.Record returns it
	UID        string        // the stable id (ReviewUID), the same on every machine; the store sets it
	Item       ItemID        //
	Rating     fsrs.Rating   // Again (1) .. Easy (4)
	ReviewedAt time.Time     // UTC, millisecond precision
	Duration   time.Duration // from showing the question to answering it
	Typed      string        // what was typed or chosen; "" for flip and cloze
	Mode       Mode          //
	Question   QuestionKind  // never QuestionMixed
	Before     *ItemState    // nil when the item had no stored state
	After      ItemState     // the FSRS state after the review; practice: what FSRS would give, never stored
}

// Progress is what a Session needs from storage. The store implements it;
// a Session calls it only from Op.Run.
type Progress interface {
	// States returns every stored item state of the deck.
	States(deck string) (map[ItemID]ItemState, error)
	// Record inserts the log row and, unless r.Mode is ModePractice,
	// upserts r.After as the item's state, in one transaction. It returns
	// the review as saved, with its ID.
	Record(r Review) (Review, error)
	// Unrecord deletes log row r.ID and restores r.Before (deleting the
	// state when r.Before is nil), in one transaction; for ModePractice it
	// only deletes the row. A suspend or reset of the item made after the
	// review holds: only the review is taken back.
	Unrecord(r *Review) error
	// Unsuspend schedules a suspended item (a leech) again, its state
	// otherwise unchanged. It reports whether the item was suspended.
	Unsuspend(id ItemID) (bool, error)
}
