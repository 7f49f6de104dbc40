package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/moatquiz/moatquiz/quiz"
)

// choices reads the remembered choices.
func choices(t testing.TB, db *DB) []quiz.Choice {
	t.Helper()
	got, err := db.Choices()
	if err != nil {
		t.Fatalf("Choices: %v", err)
	}
	return got
}

// saveChoice remembers c, failing the test on error.
func saveChoice(t testing.TB, db *DB, c quiz.Choice) {
	t.Helper()
	if err := db.SaveChoice(c); err != nil {
		t.Fatalf("SaveChoice(%+v): %v", c, err)
	}
}

// TestChoicesRemembered: one choice per deck (its Cards setting and tag
// too), the last deck chosen first, kept across a restart and readable while the app runs; a reader cannot
// change them.
func TestChoicesRemembered(t *testing.T) {
	dir := t.TempDir()
	db := openW(t, dir)
	if got := choices(t, db); len(got) != 0 {
		t.Errorf("a new database remembers %+v", got)
	}
	article := quiz.Choice{Deck: "article", Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo, Lang: "en", Mode: quiz.ModePractice,
		Cards: quiz.CardsVocab, Tag: "memo"}
	news := quiz.Choice{Deck: "news", Kind: quiz.QuestionFlip, Direction: quiz.DirBoth, Lang: "ko", Mode: quiz.ModeReview,
		Cards: quiz.CardsFacts}
	saveChoice(t, db, article)
	saveChoice(t, db, news)
	article.Mode, article.Kind, article.Cards, article.Tag = quiz.ModeAhead, quiz.QuestionMixed, quiz.CardsAll, "LLM"
	saveChoice(t, db, article)
	want := []quiz.Choice{article, news}
	if got := choices(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("Choices = %+v, want %+v", got, want)
	}
	db.Close()

	r := openR(t, dir)
	if got := choices(t, r); !reflect.DeepEqual(got, want) {
		t.Errorf("a reader's Choices = %+v, want %+v", got, want)
	}
	if err := r.SaveChoice(news); !errors.Is(err, ErrReadOnly) {
		t.Errorf("a reader's SaveChoice = %v, want ErrReadOnly", err)
	}
	db = openW(t, dir)
	saveChoice(t, db, news)
	if got := choices(t, db); !reflect.DeepEqual(got, []quiz.Choice{news, article}) {
		t.Errorf("after choosing news again, Choices = %+v", got)
	}
	if err := db.SaveChoice(quiz.Choice{}); err == nil {
		t.Error("SaveChoice without a deck succeeded")
	}
}

// TestChoiceSavesTheWaitingFrontier: a choice saved before the next review
// saves the new-item frontier waiting for it, as a review would, instead
// of dropping it.
func TestChoiceSavesTheWaitingFrontier(t *testing.T) {
	dir := t.TempDir()
	db := openW(t, dir)
	if err := db.SetFrontier("article", "v1", 9, false); err != nil {
		t.Fatal(err)
	}
	saveChoice(t, db, quiz.Choice{Deck: "article", Kind: quiz.QuestionFlip, Direction: quiz.DirBoth, Lang: "ko", Mode: quiz.ModeReview})
	db.Close()
	db = openW(t, dir)
	if n, err := db.Frontier("article", "v1"); err != nil || n != 9 {
		t.Errorf("frontier after a choice and a restart: %d, %v; want 9", n, err)
	}
}

// TestMigrationToChoices opens a copy of a database written with schema 3
// (before choices were remembered): it is migrated to version 4 in place,
// keeps every review, state and count, remembers nothing yet, and then
// remembers choices across a restart.
func TestMigrationToChoices(t *testing.T) {
	old, copied := t.TempDir(), t.TempDir()
	db := openAtVersionBefore(t, old, "CREATE TABLE deck_choice")
	for _, r := range statsLog() {
		record(t, db, r)
	}
	if err := db.SetFrontier("article", "v1", 2, true); err != nil {
		t.Fatal(err)
	}
	before := kept{allReviews(t, db), states(t, db), statsRows(t, db, "")}
	db.Close()
	copyFile(t, filepath.Join(old, FileName), filepath.Join(copied, FileName))

	if _, err := Open(copied, Options{ReadOnly: true}); !errors.Is(err, ErrTooOld) {
		t.Errorf("a reader of schema 3: %v, want ErrTooOld", err)
	}
	db = openW(t, copied)
	checkMigrated(t, db, before)
	if n, err := db.Frontier("article", "v1"); err != nil || n != 2 {
		t.Errorf("frontier after migrating: %d, %v; want 2", n, err)
	}
	if got := choices(t, db); len(got) != 0 {
		t.Errorf("a migrated database remembers %+v", got)
	}
	c := quiz.Choice{Deck: "article", Kind: quiz.QuestionTyped, Direction: quiz.DirKoEn, Lang: "en", Mode: quiz.ModeReview,
		Cards: quiz.CardsVocab}
	saveChoice(t, db, c)
	db.Close()
	db = openW(t, copied)
	if got := choices(t, db); !reflect.DeepEqual(got, []quiz.Choice{c}) {
		t.Errorf("after a restart, Choices = %+v, want %+v", got, c)
	}
}

// TestMigrationToCardFilter opens a copy of a database written before the
// Cards setting and the tag were remembered, holding a choice: migrated in
// place, the choice is kept and studies all cards; then a Cards setting
// and a tag are remembered across a restart.
func TestMigrationToCardFilter(t *testing.T) {
	old, copied := t.TempDir(), t.TempDir()
	db := openAtVersionBefore(t, old, "ADD COLUMN cards")
	if _, err := db.sql.Exec(`INSERT INTO deck_choice (deck, kind, direction, lang, mode, chosen)
		VALUES ('article', 'typed', 'en-ko', 'en', 'practice', 1), ('news', 'flip', 'both', 'ko', 'review', 2)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	copyFile(t, filepath.Join(old, FileName), filepath.Join(copied, FileName))

	db = openW(t, copied)
	checkMigrated(t, db, kept{})
	news := quiz.Choice{Deck: "news", Kind: quiz.QuestionFlip, Direction: quiz.DirBoth, Lang: "ko", Mode: quiz.ModeReview, Cards: quiz.CardsAll}
	article := quiz.Choice{Deck: "article", Kind: quiz.QuestionTyped, Direction: quiz.DirEnKo, Lang: "en", Mode: quiz.ModePractice, Cards: quiz.CardsAll}
	if got := choices(t, db); !reflect.DeepEqual(got, []quiz.Choice{news, article}) {
		t.Errorf("migrated choices = %+v, want %+v", got, []quiz.Choice{news, article})
	}
	article.Cards, article.Tag = quiz.CardsFacts, "memo"
	saveChoice(t, db, article)
	db.Close()
	db = openW(t, copied)
	if got := choices(t, db); !reflect.DeepEqual(got, []quiz.Choice{article, news}) {
		t.Errorf("after a restart, Choices = %+v, want %+v", got, []quiz.Choice{article, news})
	}
}

// copyFile copies the file src to dst.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
