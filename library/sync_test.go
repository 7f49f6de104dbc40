package library

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// machine is one data directory synced through a shared folder.
type machine struct {
	lib *Library
	db  *store.DB
}

// syncDeck is the deck every machine studies.
func syncDeck() *quiz.Deck {
	d := &quiz.Deck{Format: quiz.FormatVersion, ID: "sync", Title: "동기화", TitleEn: "Sync", Lang: "ko",
		Source: quiz.Source{Publisher: "아시아경제"}}
	for i := range 8 {
		d.Cards = append(d.Cards, quiz.Card{ID: fmt.Sprintf("c%d", i), Kind: quiz.KindFact,
			Prompt: fmt.Sprintf("질문 %d?", i), PromptEn: fmt.Sprintf("Question %d?", i),
			Answer: fmt.Sprintf("답 %d", i), AnswerEn: fmt.Sprintf("answer %d", i)})
	}
	return d
}

// machines makes n data directories with the sync deck.
func machines(t *testing.T, n int) []*machine {
	var ms []*machine
	for range n {
		dir := t.TempDir()
		m := &machine{lib: New(dir), db: openStore(t, dir)}
		writeDeck(t, m.lib, syncDeck())
		ms = append(ms, m)
	}
	return ms
}

// study answers up to n questions of a session at *clock (a minute
// apart, the clock moved on), graded by rng.
func (m *machine) study(t *testing.T, rng *rand.Rand, clock *time.Time, n int) {
	t.Helper()
	study := m.lib.Study(m.db, quiz.DefaultScheduling(), func() time.Time { return *clock })
	deck, err := m.lib.Deck("sync")
	if err != nil {
		t.Fatal(err)
	}
	s, err := study.StartSession(deck, quiz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range n {
		if s.Phase() == quiz.Finished {
			return
		}
		*clock = clock.Add(time.Minute)
		s.Reveal()
		op, err := s.Grade(fsrs.Rating(1 + rng.IntN(4)))
		if err != nil {
			t.Fatal(err)
		}
		s.Apply(op.Run())
		if s.Phase() == quiz.Answered {
			t.Fatal("the answer was not saved")
		}
	}
}

// suspend suspends (on) or unsuspends card c<card> by hand at *clock,
// moved on a minute.
func (m *machine) suspend(t *testing.T, card int, on bool, clock *time.Time) {
	t.Helper()
	*clock = clock.Add(time.Minute)
	id := quiz.ItemID{Deck: "sync", Card: fmt.Sprintf("c%d", card), Item: quiz.ItemFact}
	if _, err := m.db.SetSuspended([]quiz.ItemID{id}, on, *clock); err != nil {
		t.Fatal(err)
	}
}

// reset resets card c<card> to new at *clock, moved on a minute, as the
// browser does; it returns what undoes it.
func (m *machine) reset(t *testing.T, card int, clock *time.Time) func() error {
	t.Helper()
	*clock = clock.Add(time.Minute)
	row := CardRow{Deck: "sync", Card: fmt.Sprintf("c%d", card), Items: []quiz.ItemID{cardItem(card)}}
	ch, err := Reset(m.db, []CardRow{row}, quiz.DefaultScheduling(), *clock)
	if err != nil {
		t.Fatal(err)
	}
	return ch.Undo
}

// flag sets card c<card>'s flag at *clock, moved on a minute, as the
// browser does.
func (m *machine) flag(t *testing.T, card, flag int, clock *time.Time) {
	t.Helper()
	*clock = clock.Add(time.Minute)
	row := CardRow{Deck: "sync", Card: fmt.Sprintf("c%d", card), Items: []quiz.ItemID{cardItem(card)}}
	if _, err := Flag(m.db, []CardRow{row}, flag, *clock); err != nil {
		t.Fatal(err)
	}
}

// flags is m's flags of the sync deck.
func (m *machine) flags(t *testing.T) map[string]int {
	t.Helper()
	f, err := m.db.Flags("sync")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// cardItem is the item of card c<card> of the sync deck.
func cardItem(card int) quiz.ItemID {
	return quiz.ItemID{Deck: "sync", Card: fmt.Sprintf("c%d", card), Item: quiz.ItemFact}
}

// undoLast undoes the latest review of m's log, as a session's undo
// would, when no later review of its item stands in the way.
func (m *machine) undoLast(t *testing.T) {
	t.Helper()
	var last *quiz.Review
	m.db.Reviews(func(r quiz.Review) error { last = &r; return nil })
	if last == nil {
		return
	}
	if err := m.db.Unrecord(last); err != nil && !errors.Is(err, store.ErrNotLatest) {
		t.Fatal(err)
	}
}

// sync syncs m with folder at now.
func (m *machine) sync(t *testing.T, folder string, now time.Time) SyncResult {
	t.Helper()
	res, err := m.lib.Sync(m.db, folder, quiz.DefaultScheduling(), now)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// export is m's `export reviews` without the log ids, which are each
// machine's own.
func (m *machine) export(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteReviewLog(&buf, m.db); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for line := range strings.Lines(buf.String()) {
		var j reviewJSON
		if err := json.Unmarshal([]byte(line), &j); err != nil {
			t.Fatal(err)
		}
		j.ID = 0
		b, _ := json.Marshal(j)
		lines = append(lines, string(b))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// states is m's item states.
func (m *machine) states(t *testing.T) map[quiz.ItemID]quiz.ItemState {
	t.Helper()
	st, err := m.db.States("sync")
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// same fails unless every machine's export and states are the first's,
// and the log holds want reviews.
func same(t *testing.T, ms []*machine, want int) {
	t.Helper()
	exp, st := ms[0].export(t), ms[0].states(t)
	if got := strings.Count(exp, "\n") + 1; exp == "" || got != want {
		t.Errorf("machine 0 holds %d reviews, want %d", got, want)
	}
	for i, m := range ms[1:] {
		if got := m.export(t); got != exp {
			t.Errorf("machine %d's export differs from machine 0's:\n%s\nwant\n%s", i+1, got, exp)
		}
		if got := m.states(t); !reflect.DeepEqual(got, st) {
			t.Errorf("machine %d's states differ from machine 0's:\n%v\nwant\n%v", i+1, got, st)
		}
	}
}

// TestSyncTwoMachines: study on A, sync, study on B, sync both: both
// hold the same reviews and states, and a sync with nothing new writes
// nothing.
func TestSyncTwoMachines(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	clock := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	ms[0].study(t, rng, &clock, 6)
	if res := ms[0].sync(t, folder, clock); res.Written != 6 || res.File == "" {
		t.Errorf("A's first sync wrote %d reviews to %q, want 6", res.Written, res.File)
	}
	if res := ms[1].sync(t, folder, clock); res.Added != 6 {
		t.Errorf("B's first sync added %d reviews, want 6", res.Added)
	}
	clock = clock.Add(26 * time.Hour)
	ms[1].study(t, rng, &clock, 5)
	ms[1].sync(t, folder, clock)
	if res := ms[0].sync(t, folder, clock); res.Added != 5 || res.Written != 0 {
		t.Errorf("A's second sync added %d and wrote %d, want 5 and 0", res.Added, res.Written)
	}
	same(t, ms, 11)
	if res := ms[1].sync(t, folder, clock); res.Added != 0 || res.Written != 0 || res.File != "" {
		t.Errorf("a sync with nothing new = %+v", res)
	}
}

// TestSyncThreeMachinesInterleaved: three machines study the same items
// in turns and at once, with one clock hours behind, and sync in turns:
// after a last round all hold the same reviews and states.
func TestSyncThreeMachinesInterleaved(t *testing.T) {
	ms, folder := machines(t, 3), t.TempDir()
	rng := rand.New(rand.NewPCG(3, 4))
	start := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	clocks := []time.Time{start, start.Add(30 * time.Second), start.Add(-5 * time.Hour)}
	total := 0
	for round := range 4 {
		for i, m := range ms {
			before := len(m.export(t))
			m.study(t, rng, &clocks[i], 3)
			if len(m.export(t)) > before {
				total += 3
			}
			if (round+i)%2 == 0 {
				m.sync(t, folder, clocks[i])
			}
			clocks[i] = clocks[i].Add(20 * time.Hour)
		}
	}
	for range 2 {
		for i, m := range ms {
			m.sync(t, folder, clocks[i])
		}
	}
	same(t, ms, total)
}

// TestSyncTruncatedAndConflictCopies: a file cut off mid-line (the other
// side still writing it) gives its whole lines now and the rest at the
// next sync; conflict copies of a file add nothing twice; a bad line is
// listed and skipped.
func TestSyncTruncatedAndConflictCopies(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	rng := rand.New(rand.NewPCG(5, 6))
	clock := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	ms[0].study(t, rng, &clock, 4)
	res := ms[0].sync(t, folder, clock)
	whole, err := os.ReadFile(res.File)
	if err != nil {
		t.Fatal(err)
	}
	logs := filepath.Dir(res.File)
	base := strings.TrimSuffix(res.File, ".jsonl")
	copies := []string{base + " (Desktop's conflicted copy 2027-03-01).jsonl", base + ".sync-conflict-20270301-091500-ABCDEFG.jsonl"}
	for _, c := range copies {
		if err := os.WriteFile(c, whole, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cut := bytes.LastIndexByte(whole[:len(whole)-1], '\n') + 20
	if err := os.WriteFile(res.File, whole[:cut], 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(copies[0])
	os.Remove(copies[1])
	bad := filepath.Join(logs, "other-20270301T000000.000Z.jsonl")
	if err := os.WriteFile(bad, []byte("{\"deck\": 1}\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	got := ms[1].sync(t, folder, clock)
	if got.Added != 3 || len(got.Partial) != 1 || len(got.Bad) != 1 || got.Written != 0 {
		t.Errorf("sync of a cut file = %+v; want 3 added, 1 partial, 1 bad line", got)
	}
	if !strings.Contains(got.Bad[0], "other-20270301T000000.000Z.jsonl:1:") {
		t.Errorf("the bad line is listed as %q, want file:line", got.Bad[0])
	}
	for _, c := range copies {
		if err := os.WriteFile(c, whole, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(res.File, whole, 0o644)
	if got := ms[1].sync(t, folder, clock); got.Added != 1 || got.Files != 4 {
		t.Errorf("sync with the file whole and two conflict copies = %+v; want the 1 review left, from 4 files", got)
	}
	same(t, ms, 4)
}

// TestSyncGzipAndUnreachable: a large new log is gzipped and read back,
// half of it while it is being copied and the rest once it is whole; a
// folder that is not there is a clear error and changes nothing.
func TestSyncGzipAndUnreachable(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	reviews := make([]quiz.Review, 600)
	at := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range reviews {
		reviews[i] = quiz.Review{Item: quiz.ItemID{Deck: "sync", Card: fmt.Sprintf("c%d", i%8), Item: quiz.ItemFact},
			Rating: fsrs.Good, ReviewedAt: at.Add(time.Duration(i) * 7 * time.Hour), Mode: quiz.ModeReview,
			Question: quiz.QuestionFlip, Typed: strings.Repeat("답", 40)}
	}
	if _, err := ms[0].lib.ImportReviews(ms[0].db, reviews, quiz.DefaultScheduling()); err != nil {
		t.Fatal(err)
	}
	res := ms[0].sync(t, folder, at)
	if !strings.HasSuffix(res.File, ".jsonl.gz") {
		t.Fatalf("a log of 600 reviews was written to %q, want a .jsonl.gz", res.File)
	}
	f, _ := os.Open(res.File)
	if _, err := gzip.NewReader(f); err != nil {
		t.Errorf("%s is not gzip: %v", res.File, err)
	}
	f.Close()
	whole, _ := os.ReadFile(res.File)
	os.WriteFile(res.File, whole[:len(whole)/2], 0o644) // still being copied
	got := ms[1].sync(t, folder, at)
	if len(got.Partial) != 1 || got.Added == 0 || got.Added >= 600 || len(got.Bad) != 0 {
		t.Errorf("sync of half a gzipped log = %+v; want some reviews added, the file partial", got)
	}
	os.WriteFile(res.File, whole, 0o644)
	if got := ms[1].sync(t, folder, at); got.Added+len(got.Partial) == 0 {
		t.Errorf("sync of the whole gzipped log added nothing")
	}
	same(t, ms, 600)

	ms[1].lib.ImportReviews(ms[1].db, []quiz.Review{{Item: reviews[0].Item, Rating: fsrs.Again,
		ReviewedAt: at.AddDate(1, 0, 0), Mode: quiz.ModeReview, Question: quiz.QuestionFlip}}, quiz.DefaultScheduling())
	before := ms[1].export(t)
	_, err := ms[1].lib.Sync(ms[1].db, filepath.Join(folder, "unmounted"), quiz.DefaultScheduling(), at)
	if err == nil || !strings.Contains(err.Error(), "cannot be reached") || !strings.Contains(err.Error(), "Nothing was changed") {
		t.Errorf("sync to a missing folder: %v", err)
	}
	if ms[1].export(t) != before {
		t.Errorf("a sync to a missing folder changed the log")
	}
	if got := ms[1].sync(t, folder, at); got.Written != 1 {
		t.Errorf("once the folder is back, the sync wrote %d reviews, want the 1 studied meanwhile", got.Written)
	}
}

// TestSyncUndo: a review undone after it was synced is dropped on every
// machine, and no sync brings it back. The undo goes out in a second log
// of the same time (a clock set back), under a name of its own.
func TestSyncUndo(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	rng := rand.New(rand.NewPCG(7, 8))
	clock := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	ms[0].study(t, rng, &clock, 3)
	ms[0].sync(t, folder, clock)
	ms[1].sync(t, folder, clock)
	var last quiz.Review
	ms[0].db.Reviews(func(r quiz.Review) error { last = r; return nil })
	if err := ms[0].db.Unrecord(&last); err != nil {
		t.Fatal(err)
	}
	if res := ms[0].sync(t, folder, clock); !strings.HasSuffix(res.File, "-2.jsonl") {
		t.Errorf("a second log at the same time was written to %s, want a name ending -2.jsonl", res.File)
	}
	if res := ms[1].sync(t, folder, clock); res.Undone != 1 {
		t.Errorf("B read %d undos, want 1", res.Undone)
	}
	ms[0].sync(t, folder, clock)
	same(t, ms, 2)
}

// TestSyncSuspend: a card suspended on A is suspended on B after both
// sync; unsuspended later on B, it is unsuspended on A too, though A's
// clock is hours behind B's.
func TestSyncSuspend(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	rng := rand.New(rand.NewPCG(9, 10))
	clockA := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	clockB := clockA.Add(5 * time.Hour)
	ms[0].study(t, rng, &clockA, 4)
	ms[0].suspend(t, 0, true, &clockA)
	ms[0].sync(t, folder, clockA)
	ms[1].sync(t, folder, clockB)
	id := quiz.ItemID{Deck: "sync", Card: "c0", Item: quiz.ItemFact}
	if !ms[1].states(t)[id].Suspended {
		t.Errorf("c0, suspended on A, is not suspended on B")
	}
	ms[1].suspend(t, 0, false, &clockB)
	ms[1].sync(t, folder, clockB)
	ms[0].sync(t, folder, clockA)
	if ms[0].states(t)[id].Suspended {
		t.Errorf("c0, unsuspended on B, is still suspended on A")
	}
	same(t, ms, 4)
}

// TestSyncConverges: whatever order three machines study, suspend,
// unsuspend, undo, reset (and undo a reset), flag, edit and remove cards
// and sync in, from the same deck file and before any sync too, after
// every machine has synced twice in a row all hold the same states, flags
// and cards. (Seed 46 edits a card of the deck before one machine's first
// sync.)
func TestSyncConverges(t *testing.T) {
	for seed := uint64(40); seed < 56; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 99))
			ms, folder := machines(t, 3), t.TempDir()
			named(t, ms, "a", "b", "c") // the order copies are read in is the seed's
			start := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
			clocks := []time.Time{start, start.Add(-3 * time.Hour), start.Add(2 * time.Hour)}
			ms[0].study(t, rng, &clocks[0], 4)
			var undoReset func() error
			for range 20 {
				i := rng.IntN(3)
				switch rng.IntN(9) {
				case 0:
					ms[i].study(t, rng, &clocks[i], 1+rng.IntN(3))
					clocks[i] = clocks[i].Add(time.Duration(rng.IntN(30)) * time.Hour)
				case 1:
					ms[i].suspend(t, rng.IntN(4), rng.IntN(2) == 0, &clocks[i])
				case 2:
					ms[i].undoLast(t)
				case 3:
					undoReset = ms[i].reset(t, rng.IntN(4), &clocks[i])
				case 7:
					ms[i].flag(t, rng.IntN(4), rng.IntN(store.MaxFlag+1), &clocks[i])
				case 5:
					ms[i].removeCard(t, fmt.Sprintf("c%d", rng.IntN(8)))
				case 6:
					ms[i].editPrompt(t, "sync", fmt.Sprintf("c%d", rng.IntN(8)), fmt.Sprintf("Edit %d?", rng.IntN(1000)))
				case 4:
					if undoReset != nil {
						if err := undoReset(); err != nil {
							t.Fatal(err)
						}
						undoReset = nil
					}
				default:
					ms[i].sync(t, folder, clocks[i])
				}
			}
			for _, i := range append(rng.Perm(3), rng.Perm(3)...) {
				ms[i].sync(t, folder, clocks[i])
			}
			same(t, ms, strings.Count(ms[0].export(t), "\n")+1)
			cards, flags := ms[0].deckCards(t, "sync"), ms[0].flags(t)
			for i, m := range ms[1:] {
				if got := m.flags(t); !reflect.DeepEqual(got, flags) {
					t.Errorf("machine %d's flags are %v, machine 0's %v", i+1, got, flags)
				}
				if got := m.deckCards(t, "sync"); !reflect.DeepEqual(got, cards) {
					t.Errorf("machine %d's cards differ from machine 0's:\n%v\nwant\n%v", i+1, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(cards)))
				}
			}
		})
	}
}

// studied is a card of the sync deck that m has studied (not new).
func (m *machine) studied(t *testing.T) int {
	t.Helper()
	for card := range 8 {
		if st, ok := m.states(t)[cardItem(card)]; ok && st.Card.State != fsrs.New {
			return card
		}
	}
	t.Fatal("no card studied")
	return 0
}

// TestSyncReset: a card reset to new on A is new on B after both sync,
// though B holds its reviews; B's reviews after the reset schedule it
// from new on both; and an undo of the reset on A, synced, puts the
// schedule back on B too.
func TestSyncReset(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	rng := rand.New(rand.NewPCG(11, 12))
	clockA := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	clockB := clockA.Add(2 * time.Hour)
	ms[0].study(t, rng, &clockA, 8)
	ms[0].sync(t, folder, clockA)
	ms[1].sync(t, folder, clockB)
	card := ms[0].studied(t)
	undo := ms[0].reset(t, card, &clockA)
	ms[0].sync(t, folder, clockA)
	ms[1].sync(t, folder, clockB)
	if st, ok := ms[1].states(t)[cardItem(card)]; ok {
		t.Errorf("c%d, reset on A, is %v on B, want new", card, st.Card.State)
	}
	same(t, ms, 8)

	if err := undo(); err != nil {
		t.Fatal(err)
	}
	ms[0].sync(t, folder, clockA)
	if res := ms[1].sync(t, folder, clockB); res.Events != 0 || res.Undone != 1 {
		t.Errorf("B's sync applied %d card changes and %d undos, want the undo alone", res.Events, res.Undone)
	}
	if res := ms[0].sync(t, folder, clockA); res.Events != 0 {
		t.Errorf("A's sync applied %d card changes, want none: the reset in the folder is undone", res.Events)
	}
	if st, ok := ms[1].states(t)[cardItem(card)]; !ok || st.Card.State == fsrs.New {
		t.Errorf("c%d, its reset undone on A, is still new on B", card)
	}
	same(t, ms, 8)

	ms[0].reset(t, card, &clockA)
	ms[1].study(t, rng, &clockB, 12)
	ms[1].sync(t, folder, clockB)
	ms[0].sync(t, folder, clockA)
	ms[1].sync(t, folder, clockB)
	same(t, ms, 20)
}

// TestSyncUndoResetAfterMerge: A resets a card, a sync brings B's reviews
// of it, and A undoes the reset: after both sync, A holds what B does,
// the state a replay of the card's whole log gives, not the state from
// before the reset (which leaves out B's reviews).
func TestSyncUndoResetAfterMerge(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	rng := rand.New(rand.NewPCG(11, 12))
	clockA := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	clockB := clockA.Add(40 * 24 * time.Hour) // every card of A due on B
	ms[0].study(t, rng, &clockA, 8)
	ms[0].sync(t, folder, clockA)
	ms[1].sync(t, folder, clockB)
	card := ms[0].studied(t)
	undo := ms[0].reset(t, card, &clockA)
	ms[1].study(t, rng, &clockB, 12)
	ms[1].sync(t, folder, clockB)
	ms[0].sync(t, folder, clockA)
	var history []quiz.Review
	ms[0].db.Reviews(func(r quiz.Review) error {
		if r.Item == cardItem(card) {
			history = append(history, r)
		}
		return nil
	})
	if len(history) < 2 {
		t.Fatalf("B's session did not review c%d", card)
	}
	if err := undo(); err != nil {
		t.Fatal(err)
	}
	want, err := quiz.NewReplayer(quiz.DefaultScheduling()).Replay(history)
	if err != nil {
		t.Fatal(err)
	}
	if got := ms[0].states(t)[cardItem(card)]; !reflect.DeepEqual(got, *want) {
		t.Errorf("c%d after the undo of its reset is %+v, want %+v: the replay of its log, with B's reviews", card, got, *want)
	}
	for _, m := range []*machine{ms[0], ms[1], ms[0]} {
		m.sync(t, folder, clockB)
	}
	same(t, ms, strings.Count(ms[0].export(t), "\n")+1)
}

// TestSyncUnknownEvent: a line of an event kind this moatquiz does not
// know (from a newer one) is listed and skipped, the rest of its file
// read; and reset, flag and bury lines, read as an older moatquiz reads
// them (as reviews), are bad lines, not reviews.
func TestSyncUnknownEvent(t *testing.T) {
	ms, folder := machines(t, 1), t.TempDir()
	logs := filepath.Join(folder, SyncFolder)
	if err := os.MkdirAll(logs, 0o755); err != nil {
		t.Fatal(err)
	}
	review := `{"deck":"sync","card":"c1","item":"fact","rating":3,"reviewed_at":"2027-03-01T09:00:00.000Z","mode":"review","question":"flip"}`
	data := `{"event":"note","deck":"sync","card":"c0","text":"from a newer moatquiz","at":"2027-03-01T09:00:00.000Z"}` + "\n" + review + "\n" +
		`{"event":"flag","deck":"sync","card":"c0","flag":9,"at":"2027-03-01T09:00:00.000Z"}` + "\n"
	if err := os.WriteFile(filepath.Join(logs, "newer-20270301T090000.000Z.jsonl"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	res := ms[0].sync(t, folder, time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC))
	if res.Added != 1 || len(res.Bad) != 2 || !strings.Contains(res.Bad[0], `:1: an event of a kind this moatquiz does not know ("note")`) ||
		!strings.Contains(res.Bad[1], `:3: a flag event needs "flag", 0 (none) to 4`) {
		t.Errorf("added %d, bad %q; want the review added, line 1 listed as an unknown event and line 3 as a bad flag", res.Added, res.Bad)
	}
	at := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		line eventJSON
		says string
	}{
		{resetLine(store.ResetEvent{Item: cardItem(0), At: at}), `"rating" is 0`},
		{markLine(store.MarkEvent{Card: store.CardID{Deck: "sync", Card: "c0"}, Kind: store.MarkFlag, At: at, Value: 2}), `"item" are needed`},
		{markLine(store.MarkEvent{Card: store.CardID{Deck: "sync", Card: "c0"}, Kind: store.MarkBury, At: at, Value: at.UnixMilli()}), `"item" are needed`},
	} {
		line, _ := json.Marshal(c.line)
		if _, err := parseReview(line); err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("an older moatquiz reads the line %s as %v, want a bad review line (docs/sync.md says so)", line, err)
		}
	}
}

// TestSyncFlagsAndBury: a card flagged and one buried on A are flagged
// and buried on B after both sync; unflagged and unburied later on B,
// though A's clock is hours behind B's, they are so on A too.
func TestSyncFlagsAndBury(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	clockA := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	clockB := clockA.Add(5 * time.Hour)
	sch := quiz.DefaultScheduling()
	ms[0].flag(t, 0, 2, &clockA)
	row := CardRow{Deck: "sync", Card: "c1", Items: []quiz.ItemID{cardItem(1)}}
	if _, err := Bury(ms[0].db, []CardRow{row}, sch, clockA); err != nil {
		t.Fatal(err)
	}
	ms[0].sync(t, folder, clockA)
	if res := ms[1].sync(t, folder, clockB); res.Events != 2 {
		t.Errorf("B's sync applied %d card changes, want the flag and the bury", res.Events)
	}
	buried := func(m *machine) bool {
		b, err := m.db.Buried("sync", clockA)
		if err != nil {
			t.Fatal(err)
		}
		return b["c1"]
	}
	if f := ms[1].flags(t); f["c0"] != 2 || !buried(ms[1]) {
		t.Errorf("on B, c0's flag is %d (want 2 as on A) and c1 buried is %v (want true)", f["c0"], buried(ms[1]))
	}
	ms[1].flag(t, 0, 0, &clockB)
	if err := ms[1].db.BuryUntil(map[store.CardID]time.Time{{Deck: "sync", Card: "c1"}: {}}, clockB); err != nil {
		t.Fatal(err)
	}
	ms[1].sync(t, folder, clockB)
	ms[0].sync(t, folder, clockA)
	if f := ms[0].flags(t); len(f) != 0 || buried(ms[0]) {
		t.Errorf("on A, flags are %v (want none, as on B) and c1 buried is %v (want false)", f, buried(ms[0]))
	}
}

// TestSyncListsChangedCards: a sync names the cards whose reviews it
// brought in, so that a session running follows them; the machine that
// only sent its reviews names none.
func TestSyncListsChangedCards(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	clock := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	ms[0].study(t, rand.New(rand.NewPCG(1, 2)), &clock, 3)
	var want []string
	ms[0].db.Reviews(func(r quiz.Review) error {
		if !slices.Contains(want, r.Item.Card) {
			want = append(want, r.Item.Card)
		}
		return nil
	})
	if res := ms[0].sync(t, folder, clock); len(res.Cards) != 0 {
		t.Errorf("the sync sending its reviews names changed cards %v, want none", res.Cards)
	}
	got := ms[1].sync(t, folder, clock).Cards["sync"]
	slices.Sort(got)
	slices.Sort(want)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("the sync bringing the reviews in names cards %v, want %v", got, want)
	}
}
