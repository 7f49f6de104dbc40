package interop

import (
	"reflect"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// historyCollection is a Korean word list with a reversed note, a cloze
// note numbered with gaps, a note that is skipped, and a review log of
// their cards: answers, manual entries and an answer on a deleted card.
func historyCollection(schema int) testCollection {
	return testCollection{
		schema:    schema,
		notetypes: []testNotetype{ntBasic, ntReversed, ntCloze},
		notes: []testNote{
			{guid: "k1", mid: 1002, fields: []string{"해자", "moat"}},
			{guid: "k2", mid: 1001, fields: []string{"붓다", "to pour"}},
			{guid: "k3", mid: 1001, fields: []string{"훈련", "training"}},
			{guid: "k4", mid: 1001, fields: []string{"추론", "inference"}},
			{guid: "k5", mid: 1001, fields: []string{"hello", "world"}}, // no Hangul: skipped
			{guid: "z1", mid: 1004, fields: []string{"{{c2::해자}}는 {{c3::moat}}", ""}},
		},
		cards: []testCard{{11, 1, 0}, {12, 1, 1}, {21, 2, 0}, {31, 3, 0}, {41, 4, 0}, {51, 5, 0}, {61, 6, 1}, {62, 6, 2}},
		revlog: []testRevlog{
			{day(0, 0), 11, 3, 4200, 0},
			{day(0, 1), 12, 3, 70000, 0},
			{day(0, 2), 61, 3, 1000, 0},
			{day(0, 3), 51, 3, 1000, 0}, // the skipped note's card
			{day(1, 0), 11, 3, 3000, 1},
			{day(1, 1), 21, 0, 0, 4}, // manual: set due date
			{day(1, 2), 62, 1, 2000, 0},
			{day(2, 0), 21, 2, 5000, 1},
			{day(3, 0), 12, 4, 1500, 1},
			{day(3, 1), 31, 0, 0, 5},    // rescheduled
			{day(3, 2), 41, 0, 0, 3},    // a filtered deck's preview: no rating
			{day(4, 0), 999, 3, 800, 1}, // a deleted card
			{day(5, 0), 11, 1, 9000, 1},
			{day(5, 1), 11, 3, 4000, 2},
		},
	}
}

// historyStart is when historyCollection's review log starts.
var historyStart = time.Date(2025, 11, 3, 8, 0, 0, 0, time.UTC)

// day is the revlog id (Unix ms) of the minute-th answer of day d.
func day(d, minute int) int64 {
	return historyStart.AddDate(0, 0, d).Add(time.Duration(minute) * time.Minute).UnixMilli()
}

// TestImportAPKGHistory: a package's review log becomes reviews of the
// deck's items, oldest first: the reverse card of a vocab note is its
// en-ko item, cloze cards their renumbered deletions; manual and
// rescheduled entries and answers on cards that are no item are counted.
func TestImportAPKGHistory(t *testing.T) {
	for _, schema := range []int{11, 18} {
		res, err := importBytes(t, "korean.apkg", packageAnki21b(t, historyCollection(schema)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		type rev struct {
			item   string
			rating fsrs.Rating
			at     int64
			ms     int64
			q      quiz.QuestionKind
		}
		var got []rev
		for _, r := range res.History.Reviews {
			if r.Item.Deck != "korean" || r.Mode != quiz.ModeReview {
				t.Errorf("review %+v: want deck korean, mode review", r)
			}
			got = append(got, rev{r.Item.Card + "/" + r.Item.Item, r.Rating, r.ReviewedAt.UnixMilli(), r.Duration.Milliseconds(), r.Question})
		}
		flip, cloze := quiz.QuestionFlip, quiz.QuestionCloze
		want := []rev{
			{"k1/ko-en", 3, day(0, 0), 4200, flip}, {"k1/en-ko", 3, day(0, 1), 70000, flip},
			{"z1/c1", 3, day(0, 2), 1000, cloze}, {"k1/ko-en", 3, day(1, 0), 3000, flip},
			{"z1/c2", 1, day(1, 2), 2000, cloze}, {"k2/ko-en", 2, day(2, 0), 5000, flip},
			{"k1/en-ko", 4, day(3, 0), 1500, flip}, {"k1/ko-en", 1, day(5, 0), 9000, flip},
			{"k1/ko-en", 3, day(5, 1), 4000, flip},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("schema %d: reviews\n got %v\nwant %v", schema, got, want)
		}
		if h := res.History; h.Manual != 3 || h.Unmatched != 2 {
			t.Errorf("schema %d: %d manual, %d unmatched; want 3 and 2", schema, h.Manual, h.Unmatched)
		}
	}
}

// TestImportAPKGWithoutHistory: a package exported without scheduling
// has no review log, and no history.
func TestImportAPKGWithoutHistory(t *testing.T) {
	res, err := importBytes(t, "korean.apkg", packageAnki21(t, koreanCollection(11)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if h := res.History; len(h.Reviews) != 0 || h.Manual != 0 || h.Unmatched != 0 {
		t.Errorf("history of a package without a review log: %+v", h)
	}
}
