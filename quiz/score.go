package quiz

import (
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// Score sums up a session's saved answers (undone ones do not count).
//
// An answer is correct when its check says Right (typed and choice
// questions; Almost is not correct), or, when self-graded (flip, cloze,
// or a revealed typed/choice question), when it is rated Hard, Good or
// Easy: a pass, as Anki counts retention.
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
		if h.correct() {
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
		if h.check != nil && h.check.Verdict != Right && r.Question == QuestionTyped {
			sc.Mistakes = append(sc.Mistakes, Mistake{Item: r.Item, Typed: r.Typed, Expected: h.check.Expected, Verdict: h.check.Verdict})
		}
	}
	if sc.Answered > 0 {
		sc.Accuracy = float64(sc.Correct) / float64(sc.Answered)
	}
	return sc
}

// correct reports whether a saved answer counts as correct (see Score).
func (h graded) correct() bool {
	if h.check != nil {
		return h.check.Verdict == Right
	}
	return h.review.Rating >= fsrs.Hard
}

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
