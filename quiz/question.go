package quiz

import (
	"cmp"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/moatquiz/moatquiz/hangul"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Question is everything the TUI shows for one item: the front, the answer
// side, and what it needs to accept an answer. Texts come from the deck
// as they are: sanitise them (Sanitize) before rendering.
type Question struct {
	Item Item
	// Kind says how the question is answered: QuestionFlip and
	// QuestionCloze by Reveal, QuestionTyped by AnswerTyped, QuestionChoice
	// by AnswerChoice. A cloze item asked in typed or choice mode has Kind
	// QuestionTyped or QuestionChoice and its Prompt is the gapped sentence.
	Kind QuestionKind
	// Prompt is what is asked. Cloze items: the sentence with this item's
	// deletions shown as "[...]" (or "[hint]") and the others filled in.
	Prompt string
	// Answer is the main answer (cloze: the deleted text, several joined by
	// ", ").
	Answer string
	// Accepted are the answers a typed answer is checked against: Answer
	// first, then the alternatives in the asked language.
	Accepted []string
	// Options are the choices of a choice question (up to 4, no two equal
	// after NFC and case folding, stable for a given Options.Seed); Correct
	// is the index of the right one.
	Options []string
	Correct int
	// Direction is the vocab direction (DirKoEn or DirEnKo); "" otherwise.
	Direction Direction
	// AnswerLang is the language of the answer: "en", "ko" for a vocab
	// word, else the deck's language tag. KoreanAnswer tells the TUI
	// whether the built-in Hangul composer applies.
	AnswerLang string
	// Context is the article sentence the card comes from, if any.
	Context string
	// Filled is a cloze sentence with every deletion filled in, for the
	// answer side; "" for other items.
	Filled string
	// Translation is a cloze sentence in English.
	Translation string
	// Romanization is the card's romanization override for a vocab word;
	// "" means compute it (hangul.Romanize).
	Romanization string
	// POS is a vocab word's part of speech.
	POS string
	// Example is a vocab word's example sentence and its translation.
	Example *Bilingual
	// Explain says why the answer is right, in both languages.
	Explain *Bilingual
}

// KoreanAnswer reports whether the answer is in Korean (language tag ko,
// any region): the Hangul composer and Korean labels apply.
func (q *Question) KoreanAnswer() bool {
	lang, _, _ := strings.Cut(q.AnswerLang, "-")
	return strings.EqualFold(lang, "ko")
}

// asker builds the questions of a session: the same item always gets the
// same question for the same options.
type asker struct {
	kind   QuestionKind
	lang   string
	native string // the deck's language: of fact answers not in English, and of clozes
	seed   int64
	// pools hold the answers of every card by pool key, for distractors.
	pools map[string][]poolEntry
}

// poolEntry is one candidate distractor and the card it comes from.
type poolEntry struct {
	card *Card
	text string
}

// Pool keys: the answers of the same kind and direction.
const (
	poolFactKo  = "fact-ko"
	poolFactEn  = "fact-en"
	poolMeaning = "vocab-meaning"
	poolWord    = "vocab-word"
	poolCloze   = "cloze"
)

// newAsker returns the asker of a session over a deck in lang whose
// distractors come from cards (the deck's, or a sample of them). The
// distractor pools are built only when questions may be multiple choice:
// they hold an entry per card.
func newAsker(lang string, cards []Card, opts Options) *asker {
	a := &asker{kind: opts.Kind, lang: opts.Lang, native: cmp.Or(lang, "ko"), seed: opts.Seed, pools: map[string][]poolEntry{}}
	if !a.choices() {
		return a
	}
	for i := range cards {
		c := &cards[i]
		add := func(key, text string) {
			if strings.TrimSpace(text) != "" {
				a.pools[key] = append(a.pools[key], poolEntry{c, text})
			}
		}
		switch c.Kind {
		case KindFact:
			add(poolFactKo, c.Answer)
			add(poolFactEn, c.AnswerEn)
		case KindVocab:
			if len(c.Meanings) > 0 && !c.AwaitsMeaning() {
				add(poolMeaning, c.Meanings[0])
			}
			add(poolWord, c.Word)
		case KindCloze:
			parts, _ := ParseCloze(c.Text)
			for _, p := range parts {
				if p.Num > 0 {
					add(poolCloze, p.Text)
				}
			}
		}
	}
	return a
}

// question returns the question for an item.
func (a *asker) question(it Item) *Question {
	c := it.Card
	q := &Question{Item: it, Context: c.SourceSentence, Explain: c.Explain}
	rng := a.rng(it.ID)
	var own []string // the card's own distractors
	var pools []string
	switch c.Kind {
	case KindFact:
		own, pools = a.fact(q, c), []string{poolFactKo}
		if q.AnswerLang == "en" {
			pools = []string{poolFactEn}
		}
	case KindVocab:
		pools = vocab(q, c, it.ID.Item)
	case KindCloze:
		own = cloze(q, c, it.ID.Item)
		q.AnswerLang = a.native
		pools = []string{poolCloze, poolWord}
	}
	var distractors []string
	if a.choices() { // flip and typed questions show none
		distractors = a.distractors(rng, q, own, pools)
	}
	q.Kind = a.pickKind(rng, c.Kind, len(distractors))
	if q.Kind == QuestionChoice {
		q.Options, q.Correct = shuffleOptions(rng, q.Answer, distractors)
	}
	return q
}

// choices reports whether the session may ask multiple-choice questions.
func (a *asker) choices() bool { return a.kind == QuestionChoice || a.kind == QuestionMixed }

// rng returns the random source of an item's question: seeded by the
// session seed and the item id, so a question is stable for a seed.
func (a *asker) rng(id ItemID) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(id.String()))
	return rand.New(rand.NewPCG(uint64(a.seed), h.Sum64()))
}

// fact fills a fact question in the asked language and returns the card's
// distractors in that language. A missing English text falls back to the
// Korean one.
func (a *asker) fact(q *Question, c *Card) []string {
	q.Prompt, q.Answer, q.AnswerLang = c.Prompt, c.Answer, a.native
	q.Accepted = append([]string{c.Answer}, c.Accept...)
	own := c.Distractors
	if a.lang == "en" && c.PromptEn != "" && c.AnswerEn != "" {
		q.Prompt, q.Answer, q.AnswerLang = c.PromptEn, c.AnswerEn, "en"
		q.Accepted = append([]string{c.AnswerEn}, c.AcceptEn...)
		own = c.DistractorsEn
	}
	return own
}

// vocab fills a vocab question for its direction and returns the
// distractor pools of that direction.
func vocab(q *Question, c *Card, item string) []string {
	q.Romanization, q.POS, q.Example = c.Romanization, c.POS, c.Example
	meaning := ""
	if len(c.Meanings) > 0 {
		meaning = c.Meanings[0]
	}
	if item == ItemEnKo {
		q.Direction, q.AnswerLang = DirEnKo, "ko"
		q.Prompt, q.Answer = strings.Join(c.Meanings, "; "), c.Word
		q.Accepted = append([]string{c.Word}, c.Accept...)
		return []string{poolWord}
	}
	q.Direction, q.AnswerLang = DirKoEn, "en"
	q.Prompt, q.Answer = c.Word, meaning
	q.Accepted = append(append([]string{}, c.Meanings...), c.AcceptEn...)
	return []string{poolMeaning}
}

// cloze fills a cloze question for deletion item ("c1", ...) and returns
// the card's other deletions as its first distractors.
func cloze(q *Question, c *Card, item string) []string {
	parts, _ := ParseCloze(c.Text)
	var prompt, filled strings.Builder
	var answers, others []string
	for _, p := range parts {
		filled.WriteString(p.Text)
		switch {
		case p.Num == 0:
			prompt.WriteString(p.Text)
		case clozeItem(p.Num) == item:
			answers = append(answers, p.Text)
			prompt.WriteString(gap(p.Hint))
		default:
			others = append(others, p.Text)
			prompt.WriteString(p.Text)
		}
	}
	q.Prompt, q.Filled, q.Translation = prompt.String(), filled.String(), c.Translation
	q.Answer = strings.Join(answers, ", ")
	q.Accepted = []string{q.Answer}
	if len(answers) > 1 {
		q.Accepted = append(q.Accepted, strings.Join(answers, " "))
	}
	return others
}

// gap is how a hidden deletion is shown.
func gap(hint string) string {
	if hint == "" {
		return "[...]"
	}
	return "[" + hint + "]"
}

// choiceSize is how many options a choice question has at most.
const choiceSize = 4

// distractors picks up to 3 wrong options: the card's own first, then
// answers of other cards from the pools, each list in a seeded order;
// never two that are equal after NFC and case folding, and none that is
// also right: none the answer checker would take for the question, and
// none from a card whose answers overlap this card's (a synonym).
func (a *asker) distractors(rng *rand.Rand, q *Question, own []string, pools []string) []string {
	seen := map[string]bool{}
	for _, s := range q.Accepted {
		seen[foldKey(s)] = true
	}
	var right []string // what the question takes, cleaned as the checker does
	for _, r := range append(senses(q.Item.Card), q.Accepted...) {
		if r = cleanAnswer(r); r != "" {
			right = append(right, r)
		}
	}
	var out []string
	take := func(cands []poolEntry) {
		for _, i := range rng.Perm(len(cands)) {
			if len(out) == choiceSize-1 {
				break
			}
			k := foldKey(cands[i].text)
			if k == "" || seen[k] || overlaps(right, cands[i]) {
				continue
			}
			seen[k] = true
			out = append(out, cands[i].text)
		}
	}
	ownEntries := make([]poolEntry, len(own))
	for i, s := range own {
		ownEntries[i] = poolEntry{text: s}
	}
	take(ownEntries)
	for _, key := range pools {
		cands := make([]poolEntry, 0, len(a.pools[key]))
		for _, e := range a.pools[key] {
			if e.card.ID != q.Item.Card.ID {
				cands = append(cands, e)
			}
		}
		take(cands)
	}
	return out
}

// senses returns every answer a fact or vocab card takes, in both
// languages; nil for a cloze card, whose deletions are compared one by one.
func senses(c *Card) []string {
	switch c.Kind {
	case KindFact:
		return slices.Concat([]string{c.Answer, c.AnswerEn}, c.Accept, c.AcceptEn)
	case KindVocab:
		return slices.Concat([]string{c.Word}, c.Accept, c.Meanings, c.AcceptEn)
	}
	return nil
}

// overlaps reports whether a candidate is also right for a question that
// takes the answers right (cleaned): the answer checker takes the
// candidate's text, or any answer of its card, as one of right. A slip
// (Almost) is a fair wrong option: 3월 is one letter off 1월.
func overlaps(right []string, cand poolEntry) bool {
	forms := []string{cand.text}
	if cand.card != nil {
		forms = append(forms, senses(cand.card)...)
	}
	for _, f := range forms {
		if f = cleanAnswer(f); f == "" {
			continue
		}
		for _, r := range right {
			if hangul.HasHangul(f) == hangul.HasHangul(r) && judgeAnswer(f, r).Verdict == Right {
				return true
			}
		}
	}
	return false
}

// foldKey is the form options are compared in: NFC, case-folded, trimmed.
func foldKey(s string) string {
	return cases.Fold().String(norm.NFC.String(strings.TrimSpace(s)))
}

// pickKind returns how an item is asked. Choice needs at least one
// distractor, and mixed picks choice only with a full set of options.
// Cloze items asked in flip mode are QuestionCloze.
func (a *asker) pickKind(rng *rand.Rand, card Kind, distractors int) QuestionKind {
	kind := a.kind
	if kind == QuestionMixed {
		kinds := []QuestionKind{QuestionFlip, QuestionTyped}
		if distractors == choiceSize-1 {
			kinds = append(kinds, QuestionChoice)
		}
		kind = kinds[rng.IntN(len(kinds))]
	}
	if kind == QuestionChoice && distractors == 0 {
		kind = QuestionFlip
	}
	if kind == QuestionFlip && card == KindCloze {
		kind = QuestionCloze
	}
	return kind
}

// shuffleOptions returns the answer and distractors in a seeded order and
// the answer's index.
func shuffleOptions(rng *rand.Rand, answer string, distractors []string) ([]string, int) {
	opts := append([]string{answer}, distractors...)
	rng.Shuffle(len(opts), func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
	for i, o := range opts {
		if o == answer {
			return opts, i
		}
	}
	return opts, 0
}
