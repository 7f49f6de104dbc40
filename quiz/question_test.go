package quiz

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestItems(t *testing.T) {
	var got []string
	for _, it := range testDeck().Items() {
		if it.Card.ID != it.ID.Card {
			t.Errorf("item %v points to card %q", it.ID, it.Card.ID)
		}
		got = append(got, it.ID.String())
	}
	want := []string{"t/moat/fact", "t/who/fact", "t/when/fact", "t/haeja/ko-en", "t/haeja/en-ko",
		"t/chuton/ko-en", "t/chuton/en-ko", "t/train/c1", "t/train/c2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Items = %v\nwant %v", got, want)
	}
}

// questionOf returns the question a fresh session asks first for the
// item, with the other cards suspended.
func questionOf(t *testing.T, d *Deck, item ItemID, opts Options) *Question {
	t.Helper()
	p := newMem()
	for _, it := range d.Items() {
		if it.ID != item {
			p.states[it.ID] = ItemState{Suspended: true}
		}
	}
	_, clock := newClock(at(21, 10, 0))
	q := mustSession(t, d, p, noFuzz(), clock, opts).Question()
	if q == nil || q.Item.ID != item {
		t.Fatalf("%v is not asked: %+v", item, q)
	}
	return q
}

func TestQuestionSides(t *testing.T) {
	d := testDeck()
	for _, tc := range []struct {
		item ItemID
		opts Options
		want Question // Item, Options and Correct are not compared
	}{
		{id("moat", "fact"), Options{}, Question{Kind: QuestionFlip, Prompt: "해자는?", Answer: "기술력",
			Accepted: []string{"기술력", "결정적인 기술력"}, AnswerLang: "ko", Context: "'해자'란 ..."}},
		{id("moat", "fact"), Options{Lang: "en", Kind: QuestionTyped}, Question{Kind: QuestionTyped, Prompt: "A moat is?", Answer: "an edge",
			Accepted: []string{"an edge"}, AnswerLang: "en", Context: "'해자'란 ..."}},
		{id("haeja", "ko-en"), Options{}, Question{Kind: QuestionFlip, Prompt: "해자", Answer: "moat",
			Accepted: []string{"moat", "ditch"}, Direction: DirKoEn, AnswerLang: "en", POS: "noun"}},
		{id("chuton", "en-ko"), Options{Kind: QuestionTyped}, Question{Kind: QuestionTyped, Prompt: "inference", Answer: "추론",
			Accepted: []string{"추론"}, Direction: DirEnKo, AnswerLang: "ko", POS: "noun", Romanization: "churon"}},
		{id("train", "c1"), Options{}, Question{Kind: QuestionCloze, Prompt: "'[...]'과 '추론'", Answer: "훈련",
			Accepted: []string{"훈련"}, AnswerLang: "ko", Filled: "'훈련'과 '추론'", Translation: "training and inference"}},
		{id("train", "c2"), Options{Kind: QuestionTyped}, Question{Kind: QuestionTyped, Prompt: "'훈련'과 '[inference]'", Answer: "추론",
			Accepted: []string{"추론"}, AnswerLang: "ko", Filled: "'훈련'과 '추론'", Translation: "training and inference"}},
	} {
		got := *questionOf(t, d, tc.item, tc.opts)
		got.Item, got.Options, got.Correct = Item{}, nil, 0
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v %+v:\n got %+v\nwant %+v", tc.item, tc.opts, got, tc.want)
		}
	}
}

func TestClozeWithRepeatedDeletion(t *testing.T) {
	d := &Deck{ID: "t", Cards: []Card{{ID: "x", Kind: KindCloze, Text: "{{c1::가}}와 {{c2::나}}와 {{c1::다}}", Translation: "x"}}}
	q := questionOf(t, d, ItemID{"t", "x", "c1"}, Options{Kind: QuestionTyped})
	if q.Prompt != "[...]와 나와 [...]" || q.Answer != "가, 다" || !slices.Contains(q.Accepted, "가 다") {
		t.Errorf("got prompt %q answer %q accepted %q", q.Prompt, q.Answer, q.Accepted)
	}
}

// checkOptions fails unless a choice question has 4 options, no two equal
// after NFC and case folding, with the answer at Correct.
func checkOptions(t *testing.T, q *Question) {
	t.Helper()
	if q.Kind != QuestionChoice || len(q.Options) != choiceSize {
		t.Errorf("%v: kind %q with options %q, want 4 options", q.Item.ID, q.Kind, q.Options)
		return
	}
	seen := map[string]bool{}
	for _, o := range q.Options {
		if seen[foldKey(o)] {
			t.Errorf("%v: options %q repeat %q", q.Item.ID, q.Options, o)
		}
		seen[foldKey(o)] = true
	}
	if q.Options[q.Correct] != q.Answer {
		t.Errorf("%v: option %d is %q, want the answer %q", q.Item.ID, q.Correct, q.Options[q.Correct], q.Answer)
	}
}

func TestChoiceOptions(t *testing.T) {
	d := testDeck()
	// Distractor candidates that repeat the answer or each other, in
	// another case or in NFD, are dropped.
	d.Cards = append(d.Cards,
		Card{ID: "dup1", Kind: KindVocab, Word: "공예", Meanings: []string{"MOAT"}, POS: "noun"},
		Card{ID: "dup2", Kind: KindVocab, Word: "공예", Meanings: []string{"craft"}, POS: "noun"},
		Card{ID: "dup3", Kind: KindVocab, Word: "\u1100\u1169\u11bc\u110b\u1168", Meanings: []string{"Craft"}, POS: "noun"}, // 공예 in NFD
		Card{ID: "model", Kind: KindVocab, Word: "모델", Meanings: []string{"model"}, POS: "noun"},
		Card{ID: "open", Kind: KindFact, Prompt: "?", PromptEn: "?", Answer: "오픈소스", AnswerEn: "open source"},
	)
	for _, tc := range []struct {
		item ItemID
		opts Options
		want []string // options that must be there besides the answer
	}{
		{id("moat", "fact"), Options{}, []string{"성벽", "자본력", "사용자 수"}},
		{id("moat", "fact"), Options{Lang: "en"}, []string{"a wall", "capital", "users"}},
		{id("who", "fact"), Options{}, nil},
		{id("haeja", "ko-en"), Options{}, nil},
		{id("haeja", "en-ko"), Options{}, nil},
		{id("train", "c1"), Options{}, []string{"추론"}}, // the card's other deletion first
	} {
		for _, seed := range []int64{0, 1, 2, 99} {
			tc.opts.Kind, tc.opts.Seed = QuestionChoice, seed
			q := questionOf(t, d, tc.item, tc.opts)
			checkOptions(t, q)
			for _, w := range tc.want {
				if !slices.Contains(q.Options, w) {
					t.Errorf("%v seed %d: options %q lack %q", tc.item, seed, q.Options, w)
				}
			}
			again := questionOf(t, d, tc.item, tc.opts)
			if !reflect.DeepEqual(again.Options, q.Options) || again.Correct != q.Correct {
				t.Errorf("%v seed %d: options %q then %q: not stable", tc.item, seed, q.Options, again.Options)
			}
		}
	}
}

// TestChoiceOptionsAreNeverRight: a wrong option is never an answer too.
// Synonyms (a card sharing a meaning with the answer's) and forms the
// checker takes (here "the enormous": articles are ignored) are left out
// in both vocab directions.
func TestChoiceOptionsAreNeverRight(t *testing.T) {
	d := &Deck{ID: "t", Cards: []Card{
		{ID: "big", Kind: KindVocab, Word: "막대하다", Meanings: []string{"enormous", "huge"}, POS: "adjective"},
		{ID: "giant", Kind: KindVocab, Word: "거대하다", Meanings: []string{"giant", "huge"}, POS: "adjective"},
		{ID: "slip", Kind: KindVocab, Word: "어마어마하다", Meanings: []string{"the enormous"}, POS: "adjective"},
		{ID: "moat", Kind: KindVocab, Word: "해자", Meanings: []string{"moat"}, POS: "noun"},
		{ID: "craft", Kind: KindVocab, Word: "공예", Meanings: []string{"craft"}, POS: "noun"},
		{ID: "cap", Kind: KindVocab, Word: "자본력", Meanings: []string{"capital"}, POS: "noun"},
	}}
	never := map[string][]string{"ko-en": {"giant", "the enormous"}, "en-ko": {"거대하다", "어마어마하다"}}
	for item, bad := range never {
		for seed := range int64(20) {
			q := questionOf(t, d, ItemID{"t", "big", item}, Options{Kind: QuestionChoice, Seed: seed})
			checkOptions(t, q)
			for _, b := range bad {
				if slices.Contains(q.Options, b) {
					t.Errorf("%s seed %d: options %q offer %q, also right", item, seed, q.Options, b)
				}
			}
		}
	}
}

func TestChoiceOptionsVaryWithTheSeed(t *testing.T) {
	orders := map[string]bool{}
	for seed := range int64(20) {
		q := questionOf(t, testDeck(), id("moat", "fact"), Options{Kind: QuestionChoice, Seed: seed})
		orders[strings.Join(q.Options, "|")] = true
	}
	if len(orders) < 5 {
		t.Errorf("20 seeds gave only %d orders of the options", len(orders))
	}
}

func TestChoiceFallsBackWithoutDistractors(t *testing.T) {
	d := &Deck{ID: "t", Cards: []Card{{ID: "only", Kind: KindFact, Prompt: "?", PromptEn: "?", Answer: "a", AnswerEn: "a"}}}
	if q := questionOf(t, d, ItemID{"t", "only", "fact"}, Options{Kind: QuestionChoice}); q.Kind != QuestionFlip || q.Options != nil {
		t.Errorf("a choice question with no possible distractor: kind %q options %q, want flip", q.Kind, q.Options)
	}
}

func TestMixedKinds(t *testing.T) {
	d := testDeck()
	kinds := map[QuestionKind]bool{}
	for seed := range int64(30) {
		for _, it := range d.Items() {
			q := questionOf(t, d, it.ID, Options{Kind: QuestionMixed, Seed: seed})
			again := questionOf(t, d, it.ID, Options{Kind: QuestionMixed, Seed: seed})
			if q.Kind != again.Kind {
				t.Fatalf("%v seed %d: %q then %q", it.ID, seed, q.Kind, again.Kind)
			}
			switch q.Kind {
			case QuestionChoice:
				checkOptions(t, q)
			case QuestionFlip:
				if it.Card.Kind == KindCloze {
					t.Errorf("%v asked as flip, want cloze", it.ID)
				}
			case QuestionMixed, "":
				t.Fatalf("%v asked as %q", it.ID, q.Kind)
			}
			kinds[q.Kind] = true
		}
	}
	if len(kinds) != 4 {
		t.Errorf("mixed used only %v", kinds)
	}
}

// TestArticleDeckQuestions asks every item of the built-in article deck in
// every kind: read with encoding/json so this does not depend on the
// loader.
func TestArticleDeckQuestions(t *testing.T) {
	data, err := os.ReadFile("../decks/article.json")
	if err != nil {
		t.Skip("no article deck:", err)
	}
	var d Deck
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	a := newAsker(d.Lang, d.Cards, Options{Kind: QuestionChoice, Seed: 5, Lang: "ko"})
	items := d.Items()
	if len(items) < len(d.Cards) {
		t.Fatalf("%d items from %d cards", len(items), len(d.Cards))
	}
	for _, it := range items {
		q := a.question(it)
		checkOptions(t, q)
		if q.Prompt == "" || q.Answer == "" || len(q.Accepted) == 0 || q.Accepted[0] != q.Answer {
			t.Errorf("%v: prompt %q answer %q accepted %q", it.ID, q.Prompt, q.Answer, q.Accepted)
		}
		if strings.Contains(q.Prompt, "{{") || strings.Contains(q.Filled, "{{") {
			t.Errorf("%v: cloze markup left in %q / %q", it.ID, q.Prompt, q.Filled)
		}
	}
}

// TestBuiltinChoicesNeverRight asks every item of every built-in deck as
// multiple choice, facts in Korean and in English, over several seeds: no
// option but the answer is right by the answer checker, and no vocab
// option is a word that shares a meaning with the asked one.
func TestBuiltinChoicesNeverRight(t *testing.T) {
	names, _ := filepath.Glob("../decks/*.json")
	if len(names) == 0 {
		t.Skip("no built-in decks")
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var d Deck
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		meanings := map[string][]string{} // word -> its cards' meanings
		for _, c := range d.Cards {
			if c.Kind == KindVocab {
				meanings[c.Word] = append(meanings[c.Word], c.Meanings...)
			}
		}
		for _, lang := range []string{"ko", "en"} {
			for seed := range int64(8) {
				a := newAsker(d.Lang, d.Cards, Options{Kind: QuestionChoice, Seed: seed, Lang: lang})
				for _, it := range d.Items() {
					q := a.question(it)
					for i, o := range q.Options {
						if i == q.Correct {
							continue
						}
						if CheckAnswer(o, q.Accepted, 0).Verdict == Right {
							t.Errorf("%s %v: option %q is right for %q", name, it.ID, o, q.Accepted)
						}
						if q.Direction == DirEnKo {
							for _, m := range meanings[o] {
								if CheckAnswer(m, it.Card.Meanings, 0).Verdict == Right {
									t.Errorf("%s %v: option %q also means %q", name, it.ID, o, m)
								}
							}
						}
					}
				}
			}
		}
	}
}

// TestAnswerLang: a fact or cloze answer is in the deck's language, so
// an imported Chinese deck gets no Korean treatment (B17).
func TestAnswerLang(t *testing.T) {
	for _, tc := range []struct {
		lang, opt string
		card      Card
		want      string
		korean    bool
	}{
		{"zh", "ko", Card{ID: "a", Kind: KindFact, Prompt: "Africa", PromptEn: "Africa", Answer: "非洲", AnswerEn: "非洲"}, "zh", false},
		{"und", "ko", Card{ID: "a", Kind: KindCloze, Text: "el {{c1::perro}}"}, "und", false},
		{"ko-KR", "ko", Card{ID: "a", Kind: KindFact, Prompt: "해자는?", PromptEn: "Moat?", Answer: "기술력", AnswerEn: "an edge"}, "ko-KR", true},
		{"ko", "en", Card{ID: "a", Kind: KindFact, Prompt: "해자는?", PromptEn: "Moat?", Answer: "기술력", AnswerEn: "an edge"}, "en", false},
		{"", "ko", Card{ID: "a", Kind: KindCloze, Text: "{{c1::해자}}"}, "ko", true},
	} {
		d := &Deck{ID: "d", Lang: tc.lang, Cards: []Card{tc.card}}
		q := newAsker(d.Lang, d.Cards, Options{Kind: QuestionFlip, Lang: tc.opt}).question(d.Items()[0])
		if q.AnswerLang != tc.want || q.KoreanAnswer() != tc.korean {
			t.Errorf("deck %q, %s card in %s: AnswerLang %q, Korean %v; want %q, %v",
				tc.lang, tc.card.Kind, tc.opt, q.AnswerLang, q.KoreanAnswer(), tc.want, tc.korean)
		}
	}
}
