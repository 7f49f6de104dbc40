package quiz

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/hangul"
)

// Hints are a question's hints, each telling a little more, none the
// whole answer. A choice question's hints each rule out one wrong option
// (RuledOut), until two are left: no hint points at the right one. A
// Korean answer: its initial consonants (초성), its first syllable, its
// romanization. A Chinese or Japanese one: its length in characters.
// Then any answer: the first letter and the length of each word, and the
// first half after a leading article, when each adds something. Nil when
// the answer is empty.
func Hints(q *Question) []string {
	ans := strings.TrimSpace(hangul.NFC(q.Answer))
	switch {
	case ans == "":
		return nil
	case q.Kind == QuestionChoice:
		out := make([]string, 0, len(q.Options))
		for _, i := range ruledOut(q) {
			out = append(out, "not "+q.Options[i])
		}
		return out
	case hangul.HasHangul(ans):
		return koreanHints(q, ans)
	}
	var out []string
	if ideographic(ans) {
		n := utf8.RuneCountInString(ans)
		out = append(out, fmt.Sprintf("%d character%s", n, strings.Repeat("s", min(n-1, 1))))
	}
	if s := shape(ans); s != ans {
		out = append(out, s)
	}
	if h, ok := firstHalf(ans); ok {
		out = append(out, "starts with "+h+"…")
	}
	return out
}

// koreanHints are 초성, then the answer up to its first syllable (a
// one-syllable answer: without its final consonant, or nothing when it
// has none), then the romanization.
func koreanHints(q *Question, ans string) []string {
	out := []string{"초성 " + hangul.Initials(ans)}
	r := []rune(ans)
	i := slices.IndexFunc(r, hangul.IsSyllable)
	start := string(r[:i+1])
	if i == len(r)-1 {
		// The last syllable is the answer's end: show it open (닭 → 다).
		const finals = 28 // final consonants per initial and vowel, none included
		open := r[i] - (r[i]-'가')%finals
		start = string(r[:i]) + string(open)
	}
	if i >= 0 && start != ans {
		out = append(out, "starts with "+start+"…")
	}
	return append(out, "sounds like "+q.Reading(ans))
}

// ideographic reports whether s is written in Chinese characters or
// kana, where each character is a syllable or a word.
func ideographic(s string) bool {
	has := false
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			has = true
		case unicode.IsLetter(r):
			return false
		}
	}
	return has
}

// firstHalf is the start of s that tells more than its shape: a leading
// article ("the", "a", "an", "to") and half of the rest. ok is false when
// that shows no more than the first letter of each word, or all of s.
func firstHalf(s string) (string, bool) {
	r := []rune(s)
	skip := 0
	if w, rest, ok := strings.Cut(s, " "); ok && rest != "" && articles[strings.ToLower(w)] {
		skip = utf8.RuneCountInString(w) + 1
	}
	n := skip + max((len(r)-skip)/2, 1)
	half := string(r[:n])
	for _, w := range strings.Fields(string(r[skip:n])) {
		if utf8.RuneCountInString(w) > 1 && n < len(r) {
			return half, true
		}
	}
	return "", false
}

// articles are the words a first-half hint shows whole and looks past.
var articles = map[string]bool{"a": true, "an": true, "the": true, "to": true}

// ruledOut are the wrong options of a choice question in the order hints
// rule them out, all but one: an order of their own (from the item and
// the options), so which goes first says nothing about the right one.
func ruledOut(q *Question) []int {
	var wrong []int
	for i := range q.Options {
		if i != q.Correct {
			wrong = append(wrong, i)
		}
	}
	if len(wrong) < 2 {
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte(q.Item.ID.String()))
	for _, o := range q.Options {
		h.Write([]byte(o + "\x00"))
	}
	rng := rand.New(rand.NewPCG(h.Sum64(), 0))
	rng.Shuffle(len(wrong), func(i, j int) { wrong[i], wrong[j] = wrong[j], wrong[i] })
	return wrong[:len(wrong)-1]
}

// Reading is how text of the question is romanized: the card's own
// reading when text is the vocab word, else computed.
func (q *Question) Reading(text string) string {
	if q.Romanization != "" && q.Item.Card != nil && text == q.Item.Card.Word {
		return q.Romanization
	}
	return hangul.Romanize(text)
}

// shape shows the first letter of each word and the length of the rest:
// "moat" → "m___".
func shape(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		words[i] = string(r[0]) + strings.Repeat("_", len(r)-1)
	}
	return strings.Join(words, " ")
}

// Hint shows one more hint of the current question while it is asked,
// and reports whether there was one left. Any hint caps the suggested
// grade at Hard.
func (s *Session) Hint() bool {
	if s.HintsLeft() == 0 {
		return false
	}
	s.hints++
	return true
}

// HintsLeft is how many more hints the current question has while it is
// asked.
func (s *Session) HintsLeft() int {
	if s.phase != Asking {
		return 0
	}
	return len(Hints(s.question)) - s.hints
}

// Hints are the hints of the current question shown so far.
func (s *Session) Hints() []string {
	if s.question == nil || s.hints == 0 {
		return nil
	}
	return Hints(s.question)[:s.hints]
}

// RuledOut are the options of the current choice question that the hints
// shown so far ruled out: AnswerChoice takes none of them.
func (s *Session) RuledOut() []int {
	if s.question == nil || s.question.Kind != QuestionChoice {
		return nil
	}
	return ruledOut(s.question)[:s.hints]
}

// GaveUp reports whether the learner gave up on the current choice
// question: revealed its answer without choosing. Seeing the answer among
// the options is not recalling it, so it is graded Again, and only Again:
// 1-4 choose options, and must not turn into Hard, Good or Easy.
func (s *Session) GaveUp() bool {
	return s.phase != Asking && s.question != nil && s.question.Kind == QuestionChoice && s.check == nil
}

// Grades are the ratings the answered question may be graded with: all
// four, but only Again when the learner gave up on a choice question.
func (s *Session) Grades() []fsrs.Rating {
	if s.GaveUp() {
		return []fsrs.Rating{fsrs.Again}
	}
	return []fsrs.Rating{fsrs.Again, fsrs.Hard, fsrs.Good, fsrs.Easy}
}

// Suggested is the grade to offer once the question is answered: the
// check's suggestion (Again for a wrong answer, Hard for an almost right
// one), at most Hard when hints were used (HintCapped); Again when the
// learner gave up on a choice question; Good when a flip or cloze answer
// was revealed and is graded by the learner.
func (s *Session) Suggested() fsrs.Rating {
	switch {
	case s.GaveUp():
		return fsrs.Again
	case s.check == nil || s.check.Expected == "":
		return fsrs.Good
	}
	return suggestAfterHints(s.check.Suggested, s.hints)
}

// HintCapped reports whether hints lowered the suggested grade of the
// answered question: "Right, with a hint → Hard".
func (s *Session) HintCapped() bool {
	return s.check != nil && s.check.Expected != "" && s.Suggested() < suggestAfterHints(s.check.Suggested, 0)
}

// suggestAfterHints caps a check's suggested rating at Hard once hints
// were used; an out-of-range rating suggests Again.
func suggestAfterHints(r fsrs.Rating, hints int) fsrs.Rating {
	if r < fsrs.Again || r > fsrs.Easy {
		r = fsrs.Again
	}
	if hints > 0 && r > fsrs.Hard {
		r = fsrs.Hard
	}
	return r
}
