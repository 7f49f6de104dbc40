package store

import (
	"cmp"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// TestMigrationToUIDs opens a copy of a database written with the schema
// before uids: it is migrated in place, keeps every review, state and
// count, and each review, old or new, has its quiz.ReviewUID stored.
func TestMigrationToUIDs(t *testing.T) {
	old, copied := t.TempDir(), t.TempDir()
	db := openAtVersionBefore(t, old, uidMigration)
	for _, r := range statsLog() {
		record(t, db, r)
	}
	before := kept{allReviews(t, db), states(t, db), statsRows(t, db, "")}
	db.Close()
	copyFile(t, filepath.Join(old, FileName), filepath.Join(copied, FileName))

	db = openW(t, copied)
	checkMigrated(t, db, before)
	fresh := review("moat", "fact", 99, quiz.ModeReview, nil)
	record(t, db, fresh)
	for _, r := range allReviews(t, db) {
		var uid string
		if err := db.sql.QueryRow("SELECT uid FROM review WHERE id = ?", r.ID).Scan(&uid); err != nil {
			t.Fatal(err)
		}
		if want := quiz.ReviewUID(r.Item, r.ReviewedAt, r.Rating); uid != want || r.UID != want {
			t.Errorf("review %d: stored uid %q, read %q; want %q", r.ID, uid, r.UID, want)
		}
	}
	if fresh.UID == "" {
		t.Error("Record returned no UID")
	}
}

// history is a log of two items over a month, the reviews as an import
// brings them: no states, which the replay gives.
func history() []quiz.Review {
	var out []quiz.Review
	add := func(card string, day, hour int, r fsrs.Rating, mode quiz.Mode) {
		out = append(out, quiz.Review{Item: quiz.ItemID{Deck: "article", Card: card, Item: quiz.ItemFact},
			Rating: r, ReviewedAt: base.Add(time.Duration(day*24+hour) * time.Hour), Duration: 3 * time.Second,
			Mode: mode, Question: quiz.QuestionFlip})
	}
	for i, r := range []fsrs.Rating{fsrs.Good, fsrs.Good, fsrs.Again, fsrs.Good, fsrs.Hard, fsrs.Good, fsrs.Easy} {
		add("moat", i*i, 0, r, quiz.ModeReview)
		add("llama", i*i+1, 2, 4-r%4, quiz.ModeReview)
	}
	add("moat", 2, 5, fsrs.Again, quiz.ModePractice)
	return out
}

// importAll imports reviews with the default scheduling and returns how
// many were added.
func importAll(t *testing.T, db *DB, reviews []quiz.Review) int {
	t.Helper()
	added, err := db.ImportReviews(slices.Clone(reviews), quiz.NewReplayer(quiz.DefaultScheduling()).Replay)
	if err != nil {
		t.Fatalf("ImportReviews: %v", err)
	}
	return len(added)
}

// logByUID is the log in UID order without the local row ids: what two
// machines with the same reviews hold alike.
func logByUID(t *testing.T, db *DB) []quiz.Review {
	log := allReviews(t, db)
	for i := range log {
		log[i].ID = 0
	}
	slices.SortFunc(log, func(a, b quiz.Review) int { return cmp.Compare(a.UID, b.UID) })
	return log
}

// TestImportReviewsIsIdempotentAndOrderFree imports a log whole, in two
// interleaved halves, and the halves the other way round: the three
// stores hold the same reviews with the same states, the same item states
// and the same answer counts, equal to one replay of the whole log; the
// log reads oldest first; and importing again adds nothing and changes
// nothing.
func TestImportReviewsIsIdempotentAndOrderFree(t *testing.T) {
	all := history()
	var odd, even []quiz.Review
	for i, r := range all {
		if i%2 == 0 {
			even = append(even, r)
		} else {
			odd = append(odd, r)
		}
	}
	whole, forth, back := openW(t, t.TempDir()), openW(t, t.TempDir()), openW(t, t.TempDir())
	if n := importAll(t, whole, all); n != len(all) {
		t.Errorf("imported %d reviews, want %d", n, len(all))
	}
	importAll(t, forth, even)
	importAll(t, forth, odd)
	importAll(t, back, odd)
	importAll(t, back, even)

	want := slices.Clone(all)
	replay := quiz.NewReplayer(quiz.DefaultScheduling())
	moat, _ := replay.Replay(filterCard(want, "moat"))
	llama, _ := replay.Replay(filterCard(want, "llama"))
	wantStates := map[quiz.ItemID]quiz.ItemState{
		{Deck: "article", Card: "moat", Item: quiz.ItemFact}:  *moat,
		{Deck: "article", Card: "llama", Item: quiz.ItemFact}: *llama,
	}
	if got := states(t, whole); !reflect.DeepEqual(got, wantStates) {
		t.Errorf("states after importing =\n%+v\nwant the replay's\n%+v", got, wantStates)
	}
	log, counts := logByUID(t, whole), countsOf(t, whole)
	for name, db := range map[string]*DB{"in two halves": forth, "halves the other way": back} {
		if got := logByUID(t, db); !reflect.DeepEqual(got, log) {
			t.Errorf("%s: log =\n%+v\nwant\n%+v", name, got, log)
		}
		if got := states(t, db); !reflect.DeepEqual(got, wantStates) {
			t.Errorf("%s: states =\n%+v\nwant\n%+v", name, got, wantStates)
		}
		if got := countsOf(t, db); !reflect.DeepEqual(got, counts) {
			t.Errorf("%s: answer counts =\n%+v\nwant\n%+v", name, got, counts)
		}
	}
	if log := allReviews(t, forth); !slices.IsSortedFunc(log, func(a, b quiz.Review) int { return a.ReviewedAt.Compare(b.ReviewedAt) }) {
		t.Errorf("Reviews after an import of older reviews is not oldest first: %v", log)
	}
	if n := importAll(t, forth, all); n != 0 {
		t.Errorf("importing again added %d reviews", n)
	}
	if got := logByUID(t, forth); !reflect.DeepEqual(got, log) {
		t.Errorf("importing again changed the log")
	}
}

// filterCard is the reviews of card.
func filterCard(rs []quiz.Review, card string) []quiz.Review {
	var out []quiz.Review
	for _, r := range rs {
		if r.Item.Card == card {
			out = append(out, r)
		}
	}
	return out
}

// countsOf is the answer counts of deck article over the log's months.
func countsOf(t *testing.T, db *DB) *StatsRows {
	t.Helper()
	r, err := db.StatsRows(StatsScope{Deck: "article", Items: []string{"article"}, Since: []time.Time{base}, Until: base.AddDate(0, 2, 0)})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestImportReviewsKeepsAnUnsuspendedLeech: an import of reviews older
// than an item's last leaves whether it is suspended as it was.
func TestImportReviewsKeepsAnUnsuspendedLeech(t *testing.T) {
	db := openW(t, t.TempDir())
	all := history()
	importAll(t, db, all[2:])
	id := quiz.ItemID{Deck: "article", Card: "moat", Item: quiz.ItemFact}
	// as if the learner had suspended it
	if _, err := db.sql.Exec("UPDATE item_state SET suspended = 1 WHERE card = 'moat'"); err != nil {
		t.Fatal(err)
	}
	importAll(t, db, all[:2])
	if got := states(t, db)[id]; !got.Suspended {
		t.Errorf("after importing older reviews the item is not suspended: %+v", got)
	}
}

// TestImportReviewsRefusesBadReviews: nothing is added when one review
// cannot be.
func TestImportReviewsRefusesBadReviews(t *testing.T) {
	db := openW(t, t.TempDir())
	for name, spoil := range map[string]func(*quiz.Review){
		"rated 0":           func(r *quiz.Review) { r.Rating = 0 },
		"in the year 10000": func(r *quiz.Review) { r.ReviewedAt = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) },
		"of no card":        func(r *quiz.Review) { r.Item.Card = "" },
	} {
		bad := history()
		spoil(&bad[3])
		if _, err := db.ImportReviews(bad, quiz.NewReplayer(quiz.DefaultScheduling()).Replay); err == nil {
			t.Errorf("ImportReviews of a review %s succeeded", name)
		}
	}
	failing := func([]quiz.Review) (*quiz.ItemState, error) { return nil, errors.New("no") }
	if _, err := db.ImportReviews(history(), failing); err == nil {
		t.Fatal("ImportReviews with a failing replay succeeded")
	}
	if n := len(allReviews(t, db)); n != 0 {
		t.Errorf("%d reviews saved by failed imports", n)
	}
}
