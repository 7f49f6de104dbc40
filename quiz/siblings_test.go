package quiz

import (
	"reflect"
	"testing"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// minedSentence is the sentence minedDeck's cards quote.
const minedSentence = "구글 직원이 메모를 썼다."

// minedDeck is what `moatquiz mine` writes for two words of one sentence
// (vocab cards first, then clozes), with a fact from another sentence and
// one from the same.
func minedDeck() *Deck {
	return &Deck{ID: "t", Lang: "ko", Cards: []Card{
		{ID: "w-memo", Kind: KindVocab, Word: "메모", Meanings: []string{"memo"}, POS: "noun", SourceSentence: minedSentence},
		{ID: "w-sseuda", Kind: KindVocab, Word: "쓰다", Meanings: []string{"to write"}, POS: "verb", SourceSentence: minedSentence},
		{ID: "leak", Kind: KindFact, Prompt: "누가?", PromptEn: "Who?", Answer: "구글", AnswerEn: "Google", SourceSentence: "메모가 유출됐다."},
		{ID: "c-memo", Kind: KindCloze, Text: "구글 직원이 {{c1::메모::memo}}를 썼다.", Translation: NoTranslation, SourceSentence: minedSentence},
		{ID: "c-sseuda", Kind: KindCloze, Text: "구글 직원이 메모를 {{c1::썼다::쓰다}}.", Translation: NoTranslation, SourceSentence: minedSentence},
		{ID: "writer", Kind: KindFact, Prompt: "누가 썼나요?", PromptEn: "Who wrote it?", Answer: "구글 직원", AnswerEn: "a Googler", SourceSentence: minedSentence},
	}}
}

// TestSiblingsWait: once a card is introduced, the new cards its answer
// gives away (its other direction, the cloze of its word or sentence)
// are not asked that day nor counted among the day's new items; a review
// holds back the new cards of its word, and the rest it gives away is
// asked after the others. With BurySiblings off they come as before.
func TestSiblingsWait(t *testing.T) {
	now := at(21, 10, 0)
	off := noFuzz()
	off.BurySiblings = false
	due := func(day int) ItemState { return reviewState(at(day, 8, 0), 5) }
	for _, tc := range []struct {
		name    string
		states  map[ItemID]ItemState
		sch     Scheduling
		want    []ItemID
		wantNew int // the home count of new items after the session
	}{{
		name: "vocab cards, not their clozes nor other directions",
		sch:  noFuzz(),
		want: []ItemID{id("w-memo", "ko-en"), id("w-sseuda", "ko-en"), id("leak", "fact")},
	}, {
		name:    "off: every card, one item of each",
		sch:     off,
		want:    []ItemID{id("w-memo", "ko-en"), id("w-sseuda", "ko-en"), id("leak", "fact"), id("c-memo", "c1"), id("c-sseuda", "c1"), id("writer", "fact")},
		wantNew: 0,
	}, {
		name: "a cloze after a vocab card of its word, answered today",
		states: map[ItemID]ItemState{
			id("w-memo", "ko-en"): {Card: fsrs.Card{Due: at(25, 9, 0), Stability: 4, Difficulty: 5, State: fsrs.Review, LastReview: at(21, 9, 0), Reps: 1}, Introduced: at(21, 9, 0)},
		},
		sch:  noFuzz(),
		want: []ItemID{id("w-sseuda", "ko-en"), id("leak", "fact")},
	}, {
		name: "a review holds back the new cards of its word, sends the rest it gives away after the others",
		states: map[ItemID]ItemState{
			id("w-memo", "ko-en"):   due(18),
			id("w-memo", "en-ko"):   due(30),
			id("c-memo", "c1"):      due(19),
			id("w-sseuda", "ko-en"): due(20),
			id("w-sseuda", "en-ko"): due(30),
		},
		sch:  noFuzz(),
		want: []ItemID{id("w-memo", "ko-en"), id("w-sseuda", "ko-en"), id("leak", "fact"), id("c-memo", "c1"), id("writer", "fact")},
	}, {
		name: "off: reviews in due order",
		states: map[ItemID]ItemState{
			id("w-memo", "ko-en"):   due(18),
			id("w-memo", "en-ko"):   due(30),
			id("c-memo", "c1"):      due(19),
			id("w-sseuda", "ko-en"): due(20),
			id("w-sseuda", "en-ko"): due(30),
		},
		sch:  off,
		want: []ItemID{id("w-memo", "ko-en"), id("c-memo", "c1"), id("w-sseuda", "ko-en"), id("leak", "fact"), id("c-sseuda", "c1"), id("writer", "fact")},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			p := newMem()
			for k, v := range tc.states {
				p.states[k] = v
			}
			_, clock := newClock(now)
			s := mustSession(t, minedDeck(), p, tc.sch, clock, Options{})
			if got := drain(t, s, fsrs.Easy); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("asked %v\nwant  %v", got, tc.want)
			}
			if c := Counts(minedDeck(), p.states, tc.sch, now); c.New != tc.wantNew {
				t.Errorf("after the session, %d new today, want %d", c.New, tc.wantNew)
			}
		})
	}
}

// TestSiblingAnsweredInSession: an item not introduced today answered in
// the session sends the items it gives away after the others; undo
// brings them back.
func TestSiblingAnsweredInSession(t *testing.T) {
	now := at(21, 10, 0)
	p := newMem()
	// a learning cloze due first (last seen yesterday), then its word's
	// vocab card and another, due
	learning := learningState(at(21, 9, 50))
	learning.Card.LastReview, learning.Introduced = at(20, 23, 0), at(20, 23, 0)
	p.states[id("c-memo", "c1")] = learning
	p.states[id("w-memo", "ko-en")] = reviewState(at(20, 8, 0), 5)
	p.states[id("w-sseuda", "ko-en")] = reviewState(at(21, 8, 0), 5)
	p.states[id("w-sseuda", "en-ko")] = reviewState(at(30, 8, 0), 5)
	_, clock := newClock(now)
	s := mustSession(t, minedDeck(), p, noFuzz(), clock, Options{})
	if got := grade(t, s, fsrs.Easy); got != id("c-memo", "c1") {
		t.Fatalf("first asked %v, want the learning cloze", got)
	}
	if got := s.Question().Item.ID; got != id("w-sseuda", "ko-en") {
		t.Errorf("after the cloze of 메모, %v is asked, want the unrelated review first", got)
	}
	op, err := s.Undo()
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(op.Run())
	if got := s.Question().Item.ID; got != id("c-memo", "c1") {
		t.Fatalf("after undo %v is asked, want the cloze again", got)
	}
	want := []ItemID{id("c-memo", "c1"), id("w-sseuda", "ko-en"), id("leak", "fact"), id("w-memo", "ko-en"), id("writer", "fact")}
	if got := drain(t, s, fsrs.Easy); !reflect.DeepEqual(got, want) {
		t.Errorf("asked %v\nwant  %v", got, want)
	}
}

// TestSiblingKeys: what relates cards is exact: a vocab card's word is a
// cloze's deleted word or its hint; a sentence shown relates the clozes
// and facts of it, not the vocab cards of its other words.
func TestSiblingKeys(t *testing.T) {
	d := minedDeck()
	d.Cards = append(d.Cards, // clozes with a meaning for hint, in sentences of their own
		Card{ID: "c-a", Kind: KindCloze, Text: "{{c1::가다::to go}}", Translation: "a"},
		Card{ID: "c-b", Kind: KindCloze, Text: "{{c1::떠나다::to go}}", Translation: "b"})
	rel := func(a, b int) bool {
		k := newKin(true)
		k.claim(&d.Cards[a])
		return k.related(&d.Cards[b])
	}
	for _, tc := range []struct {
		a, b int
		want bool
	}{
		{0, 3, true},  // 메모 → its cloze
		{3, 0, true},  // and back
		{1, 4, true},  // 쓰다 → the cloze of 썼다 (hint 쓰다)
		{0, 4, true},  // 메모's answer shows the sentence of 쓰다's cloze
		{0, 1, false}, // two vocab cards of one sentence: meanings are not in it
		{4, 0, false}, // the cloze of 쓰다 shows the sentence, not 메모's meaning
		{3, 4, true},  // two clozes of one sentence
		{0, 2, false}, // another sentence
		{5, 3, true},  // a fact and a cloze of one sentence
		{6, 7, false}, // two clozes of one meaning
	} {
		if got := rel(tc.a, tc.b); got != tc.want {
			t.Errorf("%s gives %s away: %v, want %v", d.Cards[tc.a].ID, d.Cards[tc.b].ID, got, tc.want)
		}
	}
}
