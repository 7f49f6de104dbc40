package quiz

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// typedAnswers are what FuzzSession types: right answers of the test
// deck, near misses, nothing, and hostile text.
var typedAnswers = []string{"기술력", "구글", "해자", "moat", "훈련", "추론", "해저", "", " ", "\x1b]0;x\x07", "\u202e기술력", "gowk"}

// FuzzSession drives a study session with any sequence of the learner's
// actions (reveal, type, choose, grade with any rating, undo, a stale op
// applied again, time passing, a card deleted, buried or edited outside
// the session and followed) and saves that fail at random: it never
// panics, and after every step the session is consistent: a question
// exactly while not finished, of a kind that is answered, its choice
// options holding the right one; the saved log as long as the answers
// the session counts done; intervals to show once answered (but in
// practice).
func FuzzSession(f *testing.F) {
	f.Add([]byte{0, 3 | 3<<3, 0, 3 | 3<<3, 4, 0, 3 | 1<<3}, uint8(0), false, int64(1))
	f.Add([]byte{1, 3 | 4<<3, 2 | 2<<3, 3 | 2<<3, 5, 6, 7}, uint8(3), true, int64(2))
	f.Add([]byte{2, 3 | 3<<3 | 0x80, 3 | 3<<3, 4 | 0x80, 4, 4, 4}, uint8(1), false, int64(3))
	f.Add([]byte{6 | 0xf8, 0, 3 | 3<<3, 6 | 0xf8, 1, 3 | 1<<3}, uint8(2), false, int64(4))
	f.Add([]byte{0, 3 | 4<<3, 7 | 1<<3, 4, 7 | 7<<3, 0, 7 | 13<<3, 3 | 3<<3, 4}, uint8(0), false, int64(5))
	f.Fuzz(func(t *testing.T, actions []byte, opt uint8, practice bool, seed int64) {
		kinds := []QuestionKind{QuestionFlip, QuestionChoice, QuestionTyped, QuestionMixed}
		dirs := []Direction{DirBoth, DirKoEn, DirEnKo}
		opts := Options{Kind: kinds[opt%4], Direction: dirs[opt/4%3], Lang: []string{"ko", "en"}[opt/12%2],
			Practice: practice, Ahead: opt&0x80 != 0, Limit: int(opt>>5) % 4, Seed: seed}
		p := newMem()
		c, clock := newClock(at(21, 10, 0))
		s, err := NewSession(testDeck(), p, noFuzz(), clock, opts)
		if err != nil {
			t.Fatalf("NewSession(%+v): %v", opts, err)
		}
		var stale *Result
		for i, a := range actions {
			if i == 200 {
				break
			}
			arg := int(a >> 3)
			switch a & 7 {
			case 0:
				s.Reveal()
			case 1:
				s.AnswerTyped(typedAnswers[arg%len(typedAnswers)])
			case 2:
				s.AnswerChoice(arg - 1)
			case 3, 4:
				var op *Op
				if a&7 == 3 {
					op, err = s.Grade(fsrs.Rating(arg % 6))
				} else {
					op, err = s.Undo()
				}
				if err != nil {
					continue
				}
				p.fail = nil
				if a&0x80 != 0 {
					p.fail = errors.New("disk full")
				}
				res := op.Run()
				s.Apply(res)
				stale = &res
			case 5:
				if stale != nil {
					s.Apply(*stale)
				}
			case 6:
				c.add(time.Duration(arg*arg) * time.Minute)
			case 7:
				if arg > 0 {
					follow(t, s, p, arg, i)
				}
				s.Score()
				s.NextDue()
			}
			checkSession(t, s, p, opts, i)
		}
	})
}

// follow has s follow a card of the test deck (arg picks it) deleted,
// buried or edited, and fails if the question then is of the card that
// left.
func follow(t *testing.T, s *Session, p *memProgress, arg, i int) {
	t.Helper()
	d := testDeck()
	card := &d.Cards[arg%len(d.Cards)]
	card.Explain = &Bilingual{Ko: "고침", En: "edited"}
	c := now(p, d, card.ID)
	switch arg / len(d.Cards) % 3 {
	case 0:
		c.Card = nil
	case 1:
		c.Buried = true
	}
	if err := s.Follow([]CardNow{c}); err != nil {
		t.Fatalf("action %d: %v", i, err)
	}
	if q := s.Question(); q != nil && q.Item.ID.Card == card.ID && c.leaves(entry{item: q.Item}) {
		t.Fatalf("action %d: %s left but is asked", i, q.Item.ID)
	}
}

// checkSession fails unless s is consistent after action i.
func checkSession(t *testing.T, s *Session, p *memProgress, opts Options, i int) {
	t.Helper()
	q := s.Question()
	if (q == nil) != (s.Phase() == Finished) {
		t.Fatalf("action %d: phase %v with question %v", i, s.Phase(), q)
	}
	rem := s.Remaining()
	if rem.New < 0 || rem.Learning < 0 || rem.Review < 0 || rem.Done != len(p.log) {
		t.Fatalf("action %d: remaining %+v with %d reviews saved", i, rem, len(p.log))
	}
	if q != nil {
		if !slices.Contains([]QuestionKind{QuestionFlip, QuestionChoice, QuestionTyped, QuestionCloze}, q.Kind) {
			t.Fatalf("action %d: a question of kind %q", i, q.Kind)
		}
		if q.Kind == QuestionChoice && (q.Correct < 0 || q.Correct >= len(q.Options) || q.Options[q.Correct] != q.Answer) {
			t.Fatalf("action %d: choice %d of %q for the answer %q", i, q.Correct, q.Options, q.Answer)
		}
	}
	if s.Phase() == Answered && !opts.Practice && s.Intervals() == nil {
		t.Fatalf("action %d: answered with no intervals to show", i)
	}
}
