package main

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
)

// TestCardsFindsKorean: `moatquiz cards ㅎㅈ` lists 해자 first, with no
// progress saved yet, and --json has its fields.
func TestCardsFindsKorean(t *testing.T) {
	g := &Globals{DataDir: t.TempDir(), Config: os.DevNull}
	var out bytes.Buffer
	if err := (&cardsCmd{Query: []string{"haeja", "kind:vocab"}}).run(g, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	if !strings.Contains(lines[1], "article/v-haeja") || !strings.Contains(lines[1], "해자 → moat") || lines[len(lines)-2] != count(len(lines)-3, "card") {
		t.Errorf("cards haeja kind:vocab (a header, the cards, their count):\n%s", out.String())
	}
	out.Reset()
	if err := (&cardsCmd{Query: []string{"ㅎㅈ"}, JSON: true}).run(g, &out); err != nil {
		t.Fatal(err)
	}
	var list []map[string]any
	if err := json.Unmarshal(out.Bytes(), &list); err != nil || len(list) == 0 {
		t.Fatalf("cards --json: %v\n%s", err, out.String())
	}
	if list[0]["card"] != "v-haeja" || list[0]["front"] != "해자" || list[0]["state"] != "new" {
		t.Errorf("first card of ㅎㅈ: %v", list[0])
	}
}

// TestCardsTableMixedState: a card reviewed one way and new the other is
// listed as both, with the reviewed way's due date.
func TestCardsTableMixedState(t *testing.T) {
	due := time.Date(2027, 3, 9, 12, 0, 0, 0, time.Local)
	var out bytes.Buffer
	row := library.CardRow{Deck: "article", Card: "v-haeja", Kind: quiz.KindVocab, Front: "해자", Back: "moat",
		State: "new", Furthest: "review", Due: due}
	if err := writeCardsTable(&out, []library.CardRow{row}); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`article/v-haeja +vocab +review·new +2027-03-09 `).MatchString(out.String()) {
		t.Errorf("a card reviewed one way:\n%s", out.String())
	}
}

// TestSuspendCommand: suspend prints what it changed, cards is:suspended
// then finds it, and unsuspend takes it back.
func TestSuspendCommand(t *testing.T) {
	g := &Globals{DataDir: t.TempDir(), Config: os.DevNull}
	var out bytes.Buffer
	q := suspendCmd{Query: []string{"kind:vocab", "해자"}}
	if err := q.set(g, &out, true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "suspended article/v-haeja/ko-en\nsuspended article/v-haeja/en-ko\n") {
		t.Errorf("suspend kind:vocab 해자:\n%s", out.String())
	}
	out.Reset()
	if err := (&cardsCmd{Query: []string{"is:suspended"}}).run(g, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "article/v-haeja") || !strings.Contains(out.String(), "suspended") {
		t.Errorf("cards is:suspended:\n%s", out.String())
	}
	out.Reset()
	if err := q.set(g, &out, false); err != nil || !strings.Contains(out.String(), "unsuspended article/v-haeja/ko-en") {
		t.Errorf("unsuspend: %v\n%s", err, out.String())
	}
}

// TestCardsQueryError: a query that does not parse is a usage error that
// points at the place.
func TestCardsQueryError(t *testing.T) {
	t.Setenv("MOATQUIZ_DATA_DIR", t.TempDir())
	t.Setenv("MOATQUIZ_CONFIG", os.DevNull)
	var stderr bytes.Buffer
	code := run([]string{"cards", "해자", "is:soon"}, &stderr)
	want := "moatquiz: query column 7: expected is:buried|due|learning|leech|new|review|suspended\n  해자 is:soon\n          ^\n"
	if code != 2 || stderr.String() != want {
		t.Errorf("exit %d, stderr\n%s\nwant 2 and\n%s", code, stderr.String(), want)
	}
}

// TestSuspendSkipsNearMatches: suspend 헤자 (one vowel off) changes
// nothing, though cards 헤자 lists 해자.
func TestSuspendSkipsNearMatches(t *testing.T) {
	g := &Globals{DataDir: t.TempDir(), Config: os.DevNull}
	var out bytes.Buffer
	if err := (&cardsCmd{Query: []string{"헤자", "kind:vocab"}}).run(g, &out); err != nil || !strings.Contains(out.String(), "article/v-haeja") {
		t.Fatalf("cards 헤자: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := (&suspendCmd{Query: []string{"헤자", "kind:vocab"}}).set(g, &out, true); err != nil {
		t.Fatal(err)
	}
	if out.String() != "0 of the 0 cards found had items to change\n" {
		t.Errorf("suspend 헤자 kind:vocab:\n%s", out.String())
	}
}
