package quiz

import (
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// Score sums up a session's saved answers (undone ones do not count).
//
// An answer is correct when it is not rated Again (Passed): the learner's
// grade is the last word, whatever the check said, and the statistics
// (package stats, `moatquiz stats`) count correct answers the same way,
// as Anki counts retention.
type Score struct {
	Answered int
	Correct  int
	Accuracy float64       // Correct / Answered; 0 with no answers
	Streak   int           // the longest run of correct answers
	Time     time.Duration // the sum of the answers' durations
	// New, Learning and Review count the answers by what the item was
	// before the answer.
	New, Learning, Review int
	// Ratings counts the answers per rating, indexed by fsrs.Rating
	// (Again = 1 .. Easy = 4).
	Ratings [5]int
	// Missed are the items rated Again, each once, in the order answered.
	Missed []Item
	// Mistakes are the typed answers that were not right, in order: what
	// the learner confuses (ㅐ/ㅔ, 의/에, ...).
	Mistakes []Mistake
	// Leeches are the items this session suspended as leeches and that
	// are still suspended, in the order answered.
	Leeches []Item
}

// Mistake is a typed answer that was not right.
type Mistake struct {
	Item     ItemID
	Typed    string
	Expected string
	Verdict  Verdict
}

// Score returns the score of the answers saved so far.
func (s *Session) Score() Score {
	var sc Score
	streak := 0
	missed := map[ItemID]bool{}
	for _, h := range s.history {
		r := h.review
		sc.Answered++
		sc.Time += r.Duration
		sc.Ratings[r.Rating]++
		sc.add(categoryOf(derefState(r.Before)))
		if Passed(r.Rating) {
			sc.Correct++
			streak++
			sc.Streak = max(sc.Streak, streak)
		} else {
			streak = 0
		}
		if r.Rating == fsrs.Again && !missed[r.Item] {
			missed[r.Item] = true
			sc.Missed = append(sc.Missed, h.entry.item)
		}
		if r.Leech() && s.states[r.Item].Suspended {
			sc.Leeches = append(sc.Leeches, h.entry.item)
		}
		if h.check != nil && h.check.Verdict != Right && r.Question == QuestionTyped {
			sc.Mistakes = append(sc.Mistakes, Mistake{Item: r.Item, Typed: r.Typed, Expected: h.check.Expected, Verdict: h.check.Verdict})
		}
	}
	if sc.Answered > 0 {
		sc.Accuracy = float64(sc.Correct) / float64(sc.Answered)
	}
	return sc
}

// Passed reports whether an answer rated r counts as correct: any
// rating but Again. The summary's score and the statistics both use it.
func Passed(r fsrs.Rating) bool { return r > fsrs.Again }

// add counts an answer by the item's category before it.
func (sc *Score) add(cat category) {
	switch cat {
	case catNew:
		sc.New++
	case catLearning:
		sc.Learning++
	default:
		sc.Review++
	}
}

// derefState returns a review's Before state and whether there was one.
func derefState(st *ItemState) (ItemState, bool) {
	if st == nil {
		return ItemState{}, false
	}
	return *st, true
}
