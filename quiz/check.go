package quiz

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/moatquiz/moatquiz/hangul"
	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// Verdict is how a typed answer compares with the expected one.
type Verdict int

// The verdicts, from worst to best.
const (
	Wrong  Verdict = iota // not the answer: suggests Again
	Almost                // a slip (one jamo, spacing, a particle, a typo): suggests Hard
	Right                 // the answer: suggests Good, or Easy when quick
)

// String returns "wrong", "almost" or "right".
func (v Verdict) String() string {
	switch v {
	case Wrong:
		return "wrong"
	case Almost:
		return "almost"
	case Right:
		return "right"
	}
	return "Verdict(" + strconv.Itoa(int(v)) + ")"
}

// Check is the outcome of checking a typed answer.
type Check struct {
	Verdict   Verdict
	Suggested fsrs.Rating // the rating to offer; the learner may pick another
	Typed     string      // what was typed: NFC, trimmed, jamo joined, control and invisible characters removed
	Expected  string      // the accepted answer closest to what was typed ("" when none was given)
	// Note says what was off, in short English: "spacing only",
	// "장점 = advantage" or "해지 is another word" (a word typed for
	// another, wrong though only a letter off; a wrong answer that is a
	// word of the deck says what it means too),
	// "particle 가 instead of 이", "missing particle 를", "extra particle 는",
	// "one letter off: ㅓ should be ㅏ", "typo: infrence → inference",
	// "singular or plural: houses → house",
	// "no answer", or a keyboard-layout hint such as "Korean layout off?
	// gowk types 해자". It is "" when the answer is right.
	Note string
	// Diff aligns Typed with Expected jamo by jamo, for showing the wrong
	// jamo marked; differences that checking ignores (punctuation, the
	// case of Latin letters) are left out. It is nil when the answer is
	// right or when either side has no Hangul.
	Diff []hangul.Edit
}

// maxCheckRunes bounds the answers compared jamo by jamo: longer ones
// (typed or accepted) only count when exactly right or right but for
// spacing, so that no input makes checking slow.
const maxCheckRunes = 200

// An exact answer is quick, and suggests Easy, when it comes within
// easyBase plus easyPerKey for each key the answer takes to type.
const (
	easyBase   = 2500 * time.Millisecond
	easyPerKey = 300 * time.Millisecond
)

// EasyWithin is how quickly an exact answer must come for CheckAnswer to
// suggest Easy rather than Good: 2.5 s to recall it plus 0.3 s per key
// it takes to type (each jamo of Hangul, each other character), so 해자
// (4 keys) is quick within 3.7 s and 인공지능 (11 keys) within 5.8 s.
func EasyWithin(answer string) time.Duration {
	return easyBase + time.Duration(len(hangul.Decompose(answer)))*easyPerKey
}

// CheckAnswer checks typed against the accepted answers (the first is the
// main answer; any of them counts) and suggests a rating.
//
// Both sides are NFC-normalised and trimmed, and jamo typed one by one are
// joined into syllables (ㅎㅐㅈㅏ is 해자); Latin letters compare without
// case, and punctuation is ignored. For a Korean answer: exactly right is
// Right; right but for spacing (띄어쓰기), a missing, extra or alternative
// particle at the end (이/가, 은/는, 을/를, 와/과, 의, 에, 로/으로, 도 …) unless
// the word with it is a word of its own (물가 is not 물 + 가), or one
// letter off in an answer of two or more characters (a compound vowel
// such as ㅙ is one letter; a swap of two neighbouring jamo counts as one)
// is Almost. A part in parentheses is another accepted form: 베이징(북경)
// accepts 베이징 and 북경. For an English answer articles (a, an, the) and
// the "to" or "be" that starts a verb's gloss are ignored too, a
// parenthesised part of an answer is optional, and a regular plural for
// a singular (or the reverse) or one typo (an edit, or a swap of two
// letters) in each word of five or more letters is Almost; short words
// must be exact. A slip (a letter off, a typo, a particle added or
// swapped) that makes another word is not forgiven: 장점 for 강점, 해지
// for 해자 and house for horse are Wrong. Another word is one of the word
// lists (Korean from mecab-ko-dic, English from wamerican and wbritish;
// see words.go) or, in a session, of the deck. Anything else, and an
// empty answer, is Wrong.
//
// Right suggests Good, or Easy when elapsed (the time taken to answer;
// zero when unknown) is within EasyWithin(Expected); Almost suggests Hard
// and Wrong Again. CheckAnswer never panics.
func CheckAnswer(typed string, accepted []string, elapsed time.Duration) Check {
	return glossary{}.check(typed, accepted, elapsed)
}

// check is CheckAnswer knowing the words of g besides the word lists.
func (g glossary) check(typed string, accepted []string, elapsed time.Duration) Check {
	c := Check{Verdict: Wrong, Typed: cleanAnswer(typed)}
	answers := make([]string, 0, len(accepted))
	for _, a := range accepted {
		if a = cleanAnswer(a); a != "" {
			answers = append(answers, a)
		}
	}
	switch {
	case len(answers) == 0:
		c.Note = "no answer to compare with"
	case c.Typed == "":
		c.Expected, c.Note = answers[0], "no answer"
	default:
		c = g.closestAnswer(c.Typed, answers)
	}
	c.Suggested = suggestRating(c, elapsed)
	return c
}

func suggestRating(c Check, elapsed time.Duration) fsrs.Rating {
	switch {
	case c.Verdict == Wrong:
		return fsrs.Again
	case c.Verdict == Almost:
		return fsrs.Hard
	case elapsed > 0 && elapsed <= EasyWithin(c.Expected):
		return fsrs.Easy
	}
	return fsrs.Good
}

// cleanAnswer NFC-normalises s, turns tabs and line breaks into spaces,
// drops other control and invisible characters, joins jamo typed one by
// one into syllables (ㅎㅐㅈㅏ → 해자) and trims it.
func cleanAnswer(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case !isHiddenRune(r):
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(hangul.JoinJamo(hangul.NFC(b.String())))
}

// isHiddenRune reports control and format characters and the Hangul
// fillers, which show nothing.
func isHiddenRune(r rune) bool {
	switch r {
	case 0x115f, 0x1160, 0x3164, 0xffa0:
		return true
	}
	return unicode.In(r, unicode.Cc, unicode.Cf)
}

// scoredCheck is a Check against one accepted answer, the distance
// that ranks it among the others, and the slips an Almost forgave.
type scoredCheck struct {
	Check
	dist  int
	slips []slip
}

// slip is a word typed for another that checking forgave as a slip. cut
// marks a particle left out, which makes another word only when the
// answer's word is one too (고양 for 고양이, not 해자 for 해자를).
type slip struct {
	typed, want string
	cut         bool
}

// closestAnswer checks typed (cleaned, not empty) against each answer
// and keeps the best verdict, closest first, earliest on a tie.
func (g glossary) closestAnswer(typed string, answers []string) Check {
	var best scoredCheck
	for i, a := range answers {
		s := g.notAnotherWord(judgeAnswer(typed, a))
		if i == 0 || s.Verdict > best.Verdict || s.Verdict == best.Verdict && s.dist < best.dist {
			best = s
		}
	}
	c := best.Check
	if c.Verdict == Wrong {
		c.Note = cmp.Or(layoutSlip(typed, answers), c.Note, g.meaning(typed))
	}
	if c.Verdict != Right && hangul.HasHangul(c.Typed) && hangul.HasHangul(c.Expected) && short(c.Typed, c.Expected) {
		c.Diff = withoutCosmetic(hangul.Diff(c.Typed, c.Expected))
	}
	return c
}

// withoutCosmetic drops from a diff the differences checking ignores:
// punctuation typed or left out, and letters in the other case.
func withoutCosmetic(edits []hangul.Edit) []hangul.Edit {
	out := edits[:0]
	for _, e := range edits {
		switch {
		case e.Op == hangul.Delete && unicode.IsPunct(e.Typed), e.Op == hangul.Insert && unicode.IsPunct(e.Expected):
			continue
		case e.Op == hangul.Substitute && unicode.ToLower(e.Typed) == unicode.ToLower(e.Expected):
			e.Op = hangul.Equal
		}
		out = append(out, e)
	}
	return out
}

func judgeAnswer(typed, answer string) scoredCheck {
	if hangul.HasHangul(answer) {
		return judgeForms(typed, answer, judgeKorean)
	}
	return judgeForms(typed, answer, judgeWords)
}

// judgeForms judges typed against each form of answer (see answerForms)
// and keeps the best, reported against the whole answer.
func judgeForms(typed, answer string, judge func(typed, answer string) scoredCheck) scoredCheck {
	best := scoredCheck{Check: Check{Verdict: Wrong}, dist: math.MaxInt}
	for _, v := range answerForms(answer) {
		s := judge(typed, v)
		if s.Verdict > best.Verdict || s.Verdict == best.Verdict && s.dist < best.dist {
			best = s
		}
	}
	best.Typed, best.Expected = typed, answer
	return best
}

// short reports whether all of ss are short enough to align jamo by jamo.
func short(ss ...string) bool {
	for _, s := range ss {
		if utf8.RuneCountInString(s) > maxCheckRunes {
			return false
		}
	}
	return true
}

func judgeKorean(typed, answer string) scoredCheck {
	s := scoredCheck{Check: Check{Verdict: Wrong, Typed: typed, Expected: answer}, dist: math.MaxInt}
	t, a := strings.Join(answerWords(typed), " "), strings.Join(answerWords(answer), " ")
	if t == a {
		s.Verdict, s.dist = Right, 0
		return s
	}
	tn, an := strings.Join(strings.Fields(t), ""), strings.Join(strings.Fields(a), "")
	if tn == an {
		s.Verdict, s.Note = Almost, "spacing only"
	}
	if !short(t, a) {
		return s
	}
	s.dist = hangul.Distance(t, a)
	if s.Verdict == Almost {
		return s
	}
	if note, sl := particleNote(t, a); note != "" {
		s.Verdict, s.Note, s.slips = Almost, note, []slip{sl}
	} else if s.dist == 1 && utf8.RuneCountInString(an) >= 2 {
		s.Verdict, s.Note = Almost, "one letter off: "+firstError(hangul.Diff(t, a))
		s.slips = changedWords(t, a)
	}
	return s
}

// changedWords pairs the words of typed and answer that differ when both
// have as many words, else the two without spaces; a pair whose words
// end in the same particle adds its stems (장점 of 장점이 for 강점이).
func changedWords(t, a string) []slip {
	tw, aw := strings.Fields(t), strings.Fields(a)
	if len(tw) != len(aw) {
		return []slip{{typed: strings.Join(tw, ""), want: strings.Join(aw, "")}}
	}
	var out []slip
	for i := range tw {
		if tw[i] == aw[i] {
			continue
		}
		out = append(out, slip{typed: tw[i], want: aw[i]})
		if st, sa, ok := stems(tw[i], aw[i]); ok {
			out = append(out, slip{typed: st, want: sa})
		}
	}
	return out
}

// stems cuts the longest particle that ends both t and a off both.
func stems(t, a string) (string, string, bool) {
	rt := []rune(t)
	for i := 1; i < len(rt); i++ {
		p := string(rt[i:])
		if sa, ok := strings.CutSuffix(a, p); ok && sa != "" && hangul.IsParticle(p) {
			return string(rt[:i]), sa, true
		}
	}
	return "", "", false
}

// firstError describes the first error of a diff.
func firstError(edits []hangul.Edit) string {
	for _, e := range edits {
		if e.Op != hangul.Equal {
			return e.String()
		}
	}
	return ""
}

// answerWords lower-cases s and splits it into words, dropping
// apostrophes and treating other punctuation as spaces.
func answerWords(s string) []string {
	return strings.Fields(strings.Map(func(r rune) rune {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == '`':
			return -1
		case unicode.IsPunct(r):
			return ' '
		}
		return unicode.ToLower(r)
	}, s))
}

// particleNote compares typed and answer for a particle added, left out
// or swapped at the end of a stem of two or more characters, spaces aside
// ("" when that is not the difference). A particle added to the whole
// answer counts even after a one-character answer, and a swap of the two
// forms of one particle (를 for 을) after any stem. What looks like a
// particle may end a word of its own (see ownWord): 물가 is not 물 + 가.
// It also returns the last words of t and a, as the slip forgiven.
func particleNote(t, a string) (string, slip) {
	typed, answer := strings.Join(strings.Fields(t), ""), strings.Join(strings.Fields(a), "")
	sl := slip{typed: lastWord(t), want: lastWord(a)}
	if rest, ok := strings.CutPrefix(typed, answer); ok && hangul.IsParticle(rest) && !ownWord(t) {
		return "extra particle " + rest, sl
	}
	if rest, ok := strings.CutPrefix(answer, typed); ok && hangul.IsParticle(rest) && utf8.RuneCountInString(typed) >= 2 && !ownWord(a) {
		sl.cut = true
		return "missing particle " + rest, sl
	}
	if ownWord(t) || ownWord(a) {
		return "", sl
	}
	rs := []rune(answer)
	for i := len(rs) - 1; i >= 1 && i >= len(rs)-4; i-- {
		stem, want := string(rs[:i]), string(rs[i:])
		if !hangul.IsParticle(want) {
			continue
		}
		got, ok := strings.CutPrefix(typed, stem)
		if ok && got != want && hangul.IsParticle(got) && (i >= 2 || sameParticle(got, want)) {
			return "particle " + got + " instead of " + want, sl
		}
	}
	return "", sl
}

// ownWord reports whether the last word of s is a word of its own that
// ends in what looks like a particle.
func ownWord(s string) bool {
	return hangul.IsWordEndingLikeParticle(lastWord(s))
}

// lastWord returns the last word of s ("" when it has none).
func lastWord(s string) string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

// particleForms pairs the forms of a particle taken after a consonant and
// after a vowel.
var particleForms = [][2]string{{"이", "가"}, {"은", "는"}, {"을", "를"}, {"과", "와"}, {"으로", "로"}}

// sameParticle reports whether a and b are the two forms of one particle.
func sameParticle(a, b string) bool {
	for _, p := range particleForms {
		if a == p[0] && b == p[1] || a == p[1] && b == p[0] {
			return true
		}
	}
	return false
}

// answerForms returns answer and, when it has a parenthesised part, the
// answer without it: "moat (castle ditch)" also accepts "moat". In a
// Korean answer the part in parentheses is another name for the same
// thing and is accepted on its own too: 베이징(북경) accepts 베이징 and 북경.
func answerForms(answer string) []string {
	var bare, inner strings.Builder
	depth := 0
	for _, r := range answer {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			bare.WriteRune(r)
		default:
			inner.WriteRune(r)
		}
	}
	forms := []string{answer}
	if b := strings.TrimSpace(bare.String()); b != "" && b != answer {
		forms = append(forms, b)
	}
	if in := strings.TrimSpace(inner.String()); in != "" && hangul.HasHangul(answer) && hangul.HasHangul(in) {
		forms = append(forms, in)
	}
	return forms
}

func judgeWords(typed, answer string) scoredCheck {
	s := scoredCheck{Check: Check{Verdict: Wrong}, dist: math.MaxInt}
	t, a := bareWords(typed), bareWords(answer)
	if len(a) == 0 { // the answer is only articles ("a"): compare them
		t, a = answerWords(typed), answerWords(answer)
	}
	tj, aj := strings.Join(t, " "), strings.Join(a, " ")
	switch {
	case tj == aj:
		s.Verdict, s.dist = Right, 0
		return s
	case strings.Join(t, "") == strings.Join(a, ""):
		s.Verdict, s.Note = Almost, "spacing only"
	default:
		if note, _ := numberNote(t, a); note != "" {
			s.Verdict, s.Note = Almost, note
		} else if note, slips := typoNote(t, a); note != "" {
			s.Verdict, s.Note, s.slips = Almost, note, slips
		}
	}
	if short(tj, aj) {
		s.dist = hangul.Distance(tj, aj)
	}
	return s
}

// bareWords returns the words of an English answer without articles and
// without the "to" or "be" that may start a verb's gloss ("to advance",
// "be splendid").
func bareWords(s string) []string {
	words := withoutArticles(answerWords(s))
	if len(words) > 1 && (words[0] == "to" || words[0] == "be") {
		return words[1:]
	}
	return words
}

func withoutArticles(words []string) []string {
	return slices.DeleteFunc(words, func(w string) bool { return w == "a" || w == "an" || w == "the" })
}

// minTypoLetters is the shortest word in which a typo is forgiven.
const minTypoLetters = 5

// typoNote returns "typo: infrence → inference" when typed has the
// answer's words and each one that differs is long and one edit away
// ("" otherwise), and the words it forgives.
func typoNote(typed, answer []string) (string, []slip) {
	return wordSlips("typo", typed, answer, func(got, want string) bool {
		return utf8.RuneCountInString(want) >= minTypoLetters && short(got, want) && hangul.Distance(got, want) == 1
	})
}

// numberNote returns "singular or plural: houses → house" when typed has
// the answer's words and each one that differs is the other's regular
// plural or singular ("" otherwise). A plural is the same word, not
// another: its slips are not checked against the word lists.
func numberNote(typed, answer []string) (string, []slip) {
	return wordSlips("singular or plural", typed, answer, func(got, want string) bool {
		return isPlural(got, want) || isPlural(want, got)
	})
}

// wordSlips returns "kind: got → want, …" when typed has the answer's
// words and each one that differs is a slip, as isSlip tells ("" otherwise,
// and when no word differs), and those slips.
func wordSlips(kind string, typed, answer []string, isSlip func(got, want string) bool) (string, []slip) {
	if len(typed) != len(answer) {
		return "", nil
	}
	var notes []string
	var slips []slip
	for i, want := range answer {
		got := typed[i]
		if got == want {
			continue
		}
		if !isSlip(got, want) {
			return "", nil
		}
		notes = append(notes, got+" → "+want)
		slips = append(slips, slip{typed: got, want: want})
	}
	if len(notes) == 0 {
		return "", nil
	}
	return kind + ": " + strings.Join(notes, ", "), slips
}

// isPlural reports whether p is the regular plural of w: houses, boxes,
// cities.
func isPlural(p, w string) bool {
	if stem, ok := strings.CutSuffix(w, "y"); ok && p == stem+"ies" {
		return true
	}
	return p == w+"s" || p == w+"es" && w != "" && strings.ContainsRune("sxzoh", rune(w[len(w)-1]))
}

// layoutSlip explains a wrong answer that is right when read as keys of
// the other keyboard layout: "gowk" typed for 해자 with the Korean layout
// off, or "ㅡㅐㅁㅅ" typed for moat with it on ("" otherwise).
func layoutSlip(typed string, answers []string) string {
	if !short(typed) {
		return ""
	}
	korean := hangul.HasHangul(typed)
	other := asOtherLayout(typed, korean)
	if other == typed {
		return ""
	}
	for _, a := range answers {
		if hangul.HasHangul(a) == korean {
			continue
		}
		if judgeAnswer(other, a).Verdict == Right {
			if korean {
				return "English layout off? " + typed + " types " + other
			}
			return "Korean layout off? " + typed + " types " + other
		}
	}
	return ""
}

// asOtherLayout retypes s on the 2-set keyboard: QWERTY letters as Hangul
// when fromKorean is false, Hangul as the QWERTY keys that type it when
// it is true.
func asOtherLayout(s string, fromKorean bool) string {
	if !fromKorean {
		var c hangul.Composer
		for _, r := range s {
			c.Type(r)
		}
		return c.String()
	}
	keys := hangul.Decompose(s)
	for i, j := range keys {
		if k, ok := hangul.JamoToQwerty(j); ok {
			keys[i] = unicode.ToLower(k)
		}
	}
	return string(keys)
}
