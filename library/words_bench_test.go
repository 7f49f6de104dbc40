package library

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/internal/bench/gen"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// benchStudy is a data directory with a deck of n vocab cards, cached,
// and an empty progress: its day session holds today's new cards only.
func benchStudy(b *testing.B, n int) (*Study, *quiz.Deck) {
	b.Helper()
	dir := b.TempDir()
	d := vocabDeck(n)
	data, err := json.Marshal(d)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "decks", "big.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	return studyOfDeckFile(b, dir, path)
}

// benchNow is the benchmarks' clock.
var benchNow = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// studyOfDeckFile is the Study of data directory dir, whose deck file at
// path was just written: the file made an hour old (so the cache takes
// it), its cache entry written and the decks listed as the home screen
// does before a session. It returns the Study and the last deck.
func studyOfDeckFile(b *testing.B, dir, path string) (*Study, *quiz.Deck) {
	b.Helper()
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	New(dir).Decks() // writes the cache entry
	study := New(dir).Study(db, quiz.DefaultScheduling(), func() time.Time { return benchNow })
	list, err := study.Decks(benchNow)
	if err != nil {
		b.Fatal(err)
	}
	return study, list[len(list)-1].Deck
}

// vocabDeck is a deck of n vocab cards, each its own word and meaning.
func vocabDeck(n int) *quiz.Deck {
	d := &quiz.Deck{Format: quiz.FormatVersion, ID: "big", Title: "큰 덱", TitleEn: "Big", Lang: "ko",
		Source: quiz.Source{Publisher: "아시아경제"}}
	for i := range n {
		d.Cards = append(d.Cards, quiz.Card{ID: fmt.Sprintf("w%05d", i), Kind: quiz.KindVocab,
			Word: fmt.Sprintf("낱말%05d", i), Meanings: []string{fmt.Sprintf("word %d", i)}, POS: "noun"})
	}
	return d
}

// BenchmarkStartTypedSession is the start of a typed review session of a
// 10,000-card deck after the home screen: what reads only today's cards.
func BenchmarkStartTypedSession(b *testing.B) {
	study, d := benchStudy(b, 10000)
	opts := quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo, Seed: 1}
	for b.Loop() {
		if _, err := study.StartSession(d, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstWrongAnswer is the first typed answer that is not right
// in such a session of a 100,000-card deck: it looks words up in the
// deck's words.
func BenchmarkFirstWrongAnswer(b *testing.B) {
	study, d := benchStudy(b, 100000)
	opts := quiz.Options{Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo, Seed: 1}
	for b.Loop() {
		b.StopTimer()
		fresh := study.lib.Study(study.progress, study.scheduling, study.clock)
		fresh.lib = New(study.lib.dataDir)
		s, err := fresh.StartSession(d, opts)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if c := s.AnswerTyped("낱말99999"); c.Verdict == quiz.Right {
			b.Fatal("right")
		}
	}
}

// BenchmarkWriteEntry writes the cache entry of a 100,000-card deck, and
// builds its words section alone: what the section adds to an entry's
// writing, and to its size (words-B), for a generated deck (whose words
// repeat) and for one whose every card is a word of its own.
func BenchmarkWriteEntry(b *testing.B) {
	generated, err := gen.Deck(100000, 1)
	if err != nil {
		b.Fatal(err)
	}
	for name, d := range map[string]*quiz.Deck{"generated": generated, "vocab": vocabDeck(100000)} {
		b.Run(name+"/entry", func(b *testing.B) {
			file := filepath.Join(b.TempDir(), "deck-bench")
			for b.Loop() {
				if err := writeEntry(file, cacheHead{Format: cacheFormat}, d); err != nil {
					b.Fatal(err)
				}
			}
			if info, err := os.Stat(file); err == nil {
				b.ReportMetric(float64(info.Size()), "entry-B")
			}
		})
		b.Run(name+"/words", func(b *testing.B) {
			var head wordsHead
			for b.Loop() {
				_, head = encodeWords(quiz.DeckWords(d.Cards))
			}
			b.ReportMetric(float64(head.Size), "words-B")
			b.ReportMetric(float64(head.Count), "words")
		})
	}
}
