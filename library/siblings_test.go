package library

import (
	"slices"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestRelatedCardsWaitForTomorrow studies a mined deck day after day on
// a real store: a cloze waits while a card that gives it away (its word's
// vocab card, a fact of its sentence) is studied that day, in the home
// counts and in the session, and is asked the first day none is; the
// session's summary counts the cards waiting as tomorrow's new cards.
func TestRelatedCardsWaitForTomorrow(t *testing.T) {
	const s1, s2 = "구글 직원이 메모를 썼다.", "메모가 유출됐다."
	d := &quiz.Deck{Format: quiz.FormatVersion, ID: "mined", Title: "뉴스", TitleEn: "News", Lang: "ko",
		Source: quiz.Source{Publisher: "아시아경제"}, Cards: []quiz.Card{
			{ID: "w-memo", Kind: quiz.KindVocab, Word: "메모", Meanings: []string{"memo"}, POS: "noun", SourceSentence: s1},
			{ID: "leak", Kind: quiz.KindFact, Prompt: "무엇이 유출됐나요?", PromptEn: "What leaked?", Answer: "메모", AnswerEn: "a memo", SourceSentence: s2},
			{ID: "c-memo", Kind: quiz.KindCloze, Text: "구글 직원이 {{c1::메모::memo}}를 썼다.", Translation: quiz.NoTranslation, SourceSentence: s1},
			{ID: "c-leak", Kind: quiz.KindCloze, Text: "메모가 {{c1::유출됐다::유출되다}}.", Translation: quiz.NoTranslation, SourceSentence: s2},
		}}
	dir := t.TempDir()
	writeDeck(t, New(dir), d)
	db := openStore(t, dir)
	sch := quiz.DefaultScheduling()
	sch.Params.EnableFuzz = false
	day1 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	days := [][]string{
		{"w-memo/ko-en", "leak/fact"}, // the clozes of their sentences wait
		{"w-memo/en-ko", "c-leak/c1"}, // 메모 is studied again today: its cloze waits
		{"c-memo/c1"},                 // nothing of 메모 is due: its cloze comes
		{},
	}
	for i, want := range days[:3] {
		now := day1.AddDate(0, 0, i)
		study := New(dir).Study(db, sch, func() time.Time { return now })
		if st := status(t, study, now, d.ID); st.Counts.New != len(want) || st.MoreNew {
			t.Errorf("day %d: %+v new, more waiting %v; want %d, none waiting", i+1, st.Counts, st.MoreNew, len(want))
		}
		s, err := study.StartSession(status(t, study, now, d.ID).Deck, quiz.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var asked []string
		for s.Phase() == quiz.Asking {
			asked = append(asked, s.Question().Item.ID.Card+"/"+s.Question().Item.ID.Item)
			s.Reveal()
			op, err := s.Grade(fsrs.Easy)
			if err != nil {
				t.Fatal(err)
			}
			s.Apply(op.Run())
		}
		if !slices.Equal(asked, want) {
			t.Errorf("day %d asked %v, want %v", i+1, asked, want)
		}
		if st := status(t, study, now, d.ID); st.Counts.New != 0 {
			t.Errorf("day %d after the session: %d new, want none: the rest waits for tomorrow", i+1, st.Counts.New)
		}
		if got := s.NewTomorrow(); got != len(days[i+1]) {
			t.Errorf("day %d after the session: %d new cards tomorrow, want %d", i+1, got, len(days[i+1]))
		}
	}
}
