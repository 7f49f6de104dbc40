package library

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
)

// deckCards is the cards of m's deck id, by card id, as loaded.
func (m *machine) deckCards(t *testing.T, id string) map[string]quiz.Card {
	t.Helper()
	m.lib.Decks()
	d, err := m.lib.Deck(id)
	if err != nil {
		t.Fatalf("deck %s: %v", id, err)
	}
	cards := map[string]quiz.Card{}
	for _, c := range d.Cards {
		cards[c.ID] = c
	}
	return cards
}

// editPrompt sets the English prompt of card c of m's deck.
func (m *machine) editPrompt(t *testing.T, deck, c, prompt string) {
	t.Helper()
	d, err := m.lib.Deck(deck)
	if err != nil {
		t.Fatal(err)
	}
	for i := range d.Cards {
		if d.Cards[i].ID == c {
			d.Cards[i].PromptEn = prompt
		}
	}
	writeDeck(t, m.lib, d)
}

// TestSyncDecks: a deck made on A reaches B; a card edited on one side
// takes the edit on the other; a card edited on both keeps the newer
// edit under its id and the other renamed, said by the machine that finds
// it; in the end both hold the same cards.
func TestSyncDecks(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	mine := syncDeck()
	mine.ID = "mine"
	writeDeck(t, ms[0].lib, mine)
	clock := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	sync := func(m *machine) SyncResult { clock = clock.Add(time.Minute); return m.sync(t, folder, clock) }
	sync(ms[0])
	if res := sync(ms[1]); !reflect.DeepEqual(res.Decks, []string{"mine"}) {
		t.Errorf("B's sync changed decks %v, want [mine]", res.Decks)
	}
	if got := ms[1].deckCards(t, "mine"); len(got) != 8 {
		t.Fatalf("B's copy of deck mine has %d cards, want 8", len(got))
	}

	ms[0].editPrompt(t, "mine", "c1", "Edited on A?")
	ms[1].editPrompt(t, "mine", "c2", "Edited on B?")
	ms[0].editPrompt(t, "mine", "c3", "Both, A first?")
	sync(ms[0])
	ms[1].editPrompt(t, "mine", "c3", "Both, B later?")
	res := sync(ms[1])
	if len(res.Conflicts) != 1 || res.Conflicts[0].Card != "c3" || !strings.HasPrefix(res.Conflicts[0].Renamed, "c3-conflict-") {
		t.Errorf("B's conflicts = %+v, want c3 renamed", res.Conflicts)
	}
	if res := sync(ms[0]); len(res.Conflicts) != 0 {
		t.Errorf("A's conflicts = %+v, want none: B settled c3", res.Conflicts)
	}
	sync(ms[1])
	a, b := ms[0].deckCards(t, "mine"), ms[1].deckCards(t, "mine")
	if !reflect.DeepEqual(a, b) {
		t.Errorf("the decks differ:\nA %+v\nB %+v", a, b)
	}
	renamed := res.Conflicts[0].Renamed
	for id, want := range map[string]string{"c1": "Edited on A?", "c2": "Edited on B?", "c3": "Both, B later?", renamed: "Both, A first?"} {
		if a[id].PromptEn != want {
			t.Errorf("card %s asks %q, want %q", id, a[id].PromptEn, want)
		}
	}
	if len(a) != 9 {
		t.Errorf("%d cards, want the 8 and the renamed one", len(a))
	}
}

// TestSyncDecksLeavesOthersAlone: a file of the decks folder that is not a
// deck with card ids (a deck half edited too) is neither changed nor
// published, and a card removed on A is not brought back by B's copy.
func TestSyncDecksLeavesOthersAlone(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	at := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	ms[0].sync(t, folder, at)
	ms[1].sync(t, folder, at)
	d, _ := ms[0].lib.Deck("sync")
	d.Cards = d.Cards[1:]
	writeDeck(t, ms[0].lib, d)
	junk := filepath.Join(ms[0].lib.DecksDir(), "notes.json")
	if err := os.WriteFile(junk, []byte(`{"not": "a deck"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	ms[0].sync(t, folder, at.Add(time.Hour))
	if _, ok := ms[0].deckCards(t, "sync")["c0"]; ok {
		t.Errorf("c0, removed on A, came back from B's copy")
	}
	if b, _ := os.ReadFile(junk); string(b) != `{"not": "a deck"}` {
		t.Errorf("notes.json became %s", b)
	}
	if _, err := os.Stat(filepath.Join(folder, DeckFolder, machineID(t, ms[0]), "notes.json")); err == nil {
		t.Errorf("notes.json, not a deck, was published")
	}
	editing := []byte(`{"format": 1, "id": "sync", "cards": [{"id": "c0", "prom`)
	path := filepath.Join(ms[1].lib.DecksDir(), "sync.json")
	if err := os.WriteFile(path, editing, 0o600); err != nil {
		t.Fatal(err)
	}
	ms[1].sync(t, folder, at.Add(2*time.Hour))
	if b, _ := os.ReadFile(path); string(b) != string(editing) {
		t.Errorf("B's deck, half edited, was overwritten with\n%s", b)
	}
}

// machineID is m's machine id.
func machineID(t *testing.T, m *machine) string {
	t.Helper()
	id, err := m.lib.MachineID()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestSyncDecksSkipsConflictCopies: a sync tool's conflict copy of a
// machine's deck copy does not become a deck of its own.
func TestSyncDecksSkipsConflictCopies(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	at := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	ms[0].sync(t, folder, at)
	copyDir := filepath.Join(folder, DeckFolder, machineID(t, ms[0]))
	b, err := os.ReadFile(filepath.Join(copyDir, "sync.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(copyDir, "sync (conflicted copy).json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	ms[1].sync(t, folder, at)
	entries, _ := os.ReadDir(ms[1].lib.DecksDir())
	for _, e := range entries {
		if e.Name() != "sync.json" {
			t.Errorf("B's decks folder got %s", e.Name())
		}
	}
}

// TestSyncDecksThreeWayConflict: a card edited on three machines before
// any of them synced keeps all three versions on every machine, the
// newest under its id, whatever order they sync in.
func TestSyncDecksThreeWayConflict(t *testing.T) {
	for _, order := range [][]int{{0, 1, 2, 0, 1, 2}, {2, 1, 0, 2, 1, 0}, {1, 2, 0, 1, 2, 0}} {
		ms, folder := machines(t, 3), t.TempDir()
		clock := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
		for _, m := range ms {
			m.sync(t, folder, clock)
		}
		for _, m := range ms {
			m.sync(t, folder, clock)
		}
		for i, m := range ms {
			d, _ := m.lib.Deck("sync")
			d.Cards[0].PromptEn = fmt.Sprintf("Edited on %d?", i)
			writeDeck(t, m.lib, d)
		}
		for _, i := range order {
			clock = clock.Add(time.Hour)
			ms[i].sync(t, folder, clock)
		}
		want := ms[0].deckCards(t, "sync")
		if len(want) != 10 {
			t.Errorf("order %v: %d cards, want the 8 and 2 renamed", order, len(want))
		}
		prompts := map[string]bool{}
		for _, c := range want {
			prompts[c.PromptEn] = true
		}
		for i := range 3 {
			if !prompts[fmt.Sprintf("Edited on %d?", i)] {
				t.Errorf("order %v: the edit of machine %d is lost", order, i)
			}
		}
		for i, m := range ms[1:] {
			if got := m.deckCards(t, "sync"); !reflect.DeepEqual(got, want) {
				t.Errorf("order %v: machine %d's cards differ from machine 0's", order, i+1)
			}
		}
	}
}

// removeCard removes card c from m's deck "sync".
func (m *machine) removeCard(t *testing.T, c string) {
	t.Helper()
	d, err := m.lib.Deck("sync")
	if err != nil {
		t.Fatal(err)
	}
	d.Cards = slices.DeleteFunc(d.Cards, func(card quiz.Card) bool { return card.ID == c })
	writeDeck(t, m.lib, d)
}

// TestSyncDecksRemoval: a card removed on A is removed on B and C when
// they sync, and no older copy (C's, before C synced again) brings it
// back to A or B.
func TestSyncDecksRemoval(t *testing.T) {
	ms, folder := machines(t, 3), t.TempDir()
	clock := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	sync := func(i int) { clock = clock.Add(time.Minute); ms[i].sync(t, folder, clock) }
	for _, i := range []int{0, 1, 2} {
		sync(i)
	}
	ms[0].removeCard(t, "c0")
	for _, i := range []int{0, 1, 0, 1} {
		sync(i)
	}
	for i, m := range ms[:2] {
		if _, ok := m.deckCards(t, "sync")["c0"]; ok {
			t.Errorf("machine %d holds c0, removed on A, after syncs with C's older copy", i)
		}
	}
	for _, i := range []int{2, 0, 1} {
		sync(i)
	}
	want := ms[0].deckCards(t, "sync")
	for i, m := range ms {
		if got := m.deckCards(t, "sync"); len(got) != 7 || !reflect.DeepEqual(got, want) {
			t.Errorf("machine %d holds %d cards (or other ones than A), want the 7 left", i, len(got))
		}
	}

	if err := os.Remove(filepath.Join(ms[1].lib.DecksDir(), "sync.json")); err != nil {
		t.Fatal(err)
	}
	sync(1) // a deck file removed comes back whole, and its cards are not removed elsewhere
	sync(1)
	sync(0)
	for i, m := range ms[:2] {
		if got := m.deckCards(t, "sync"); !reflect.DeepEqual(got, want) {
			t.Errorf("after B removed its deck file, machine %d holds %d cards, want the 7", i, len(got))
		}
	}
}

// TestSyncDecksRemovalAndEdit: a card removed on A and edited on B
// without either seeing the other's change: the newer of the two wins on
// both, and a removal that wins keeps the edit as a renamed card, so that
// nothing typed is lost.
func TestSyncDecksRemovalAndEdit(t *testing.T) {
	ms, folder := machines(t, 2), t.TempDir()
	clock := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	sync := func(i int) SyncResult { clock = clock.Add(time.Minute); return ms[i].sync(t, folder, clock) }
	sync(0)
	sync(1)

	ms[0].removeCard(t, "c1")
	sync(0) // the removal is older
	ms[1].editPrompt(t, "sync", "c1", "Edited on B after A removed it?")
	res := sync(1)
	if len(res.Conflicts) != 1 || res.Conflicts[0] != (DeckConflict{Deck: "sync", Card: "c1", Removed: true}) {
		t.Errorf("B's conflicts = %+v, want c1 removed and edited, the edit kept", res.Conflicts)
	}
	ms[1].editPrompt(t, "sync", "c2", "Edited on B before A removed it?")
	sync(1)
	ms[0].removeCard(t, "c2") // the removal is newer: its first sync sees it after B's
	res = sync(0)
	if len(res.Conflicts) != 1 || !res.Conflicts[0].Removed || !strings.HasPrefix(res.Conflicts[0].Renamed, "c2-conflict-") {
		t.Errorf("A's conflicts = %+v, want c2 removed and its edit renamed", res.Conflicts)
	}
	sync(1)
	sync(0)
	a, b := ms[0].deckCards(t, "sync"), ms[1].deckCards(t, "sync")
	if !reflect.DeepEqual(a, b) {
		t.Errorf("the decks differ:\nA %+v\nB %+v", a, b)
	}
	if a["c1"].PromptEn != "Edited on B after A removed it?" {
		t.Errorf("c1 asks %q, want B's newer edit", a["c1"].PromptEn)
	}
	if _, ok := a["c2"]; ok || len(res.Conflicts) == 1 && a[res.Conflicts[0].Renamed].PromptEn != "Edited on B before A removed it?" {
		t.Errorf("c2 is there (%v), or B's edit of it is not kept renamed: %+v", ok, a)
	}
}

// named gives the machines ids in the order given, so that a test
// chooses the order in which each reads the others' copies (by name).
func named(t *testing.T, ms []*machine, ids ...string) {
	t.Helper()
	for i, m := range ms {
		if err := os.WriteFile(filepath.Join(m.lib.dataDir, "machine-id"), []byte(ids[i]+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// syncOrders are orders of three machines' syncs, and the names that set
// the order each reads the others' copies in.
var syncOrders = []struct {
	order []int
	ids   []string
}{
	{[]int{0, 1, 2}, []string{"a", "b", "c"}},
	{[]int{2, 1, 0}, []string{"a", "b", "c"}},
	{[]int{1, 2, 0}, []string{"c", "a", "b"}},
	{[]int{0, 2, 1}, []string{"b", "c", "a"}},
	{[]int{2, 0, 1}, []string{"c", "b", "a"}},
}

// TestSyncDecksSameFileOnThree: a deck file copied to three machines
// before their first sync, with their clocks hours apart, is one version
// of its cards on all three: whatever order they sync and read each
// other's copies in, an edit made after on one reaches the others, and
// no card is taken for an edit of two machines.
func TestSyncDecksSameFileOnThree(t *testing.T) {
	for _, o := range syncOrders {
		ms, folder := machines(t, 3), t.TempDir()
		named(t, ms, o.ids...)
		start := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
		clocks := []time.Time{start, start.Add(2 * time.Hour), start.Add(-3 * time.Hour)}
		sync := func(i int) {
			clocks[i] = clocks[i].Add(time.Minute)
			if res := ms[i].sync(t, folder, clocks[i]); len(res.Conflicts) > 0 {
				t.Errorf("order %v: machine %d found conflicts %+v in a deck no one edited twice", o.order, i, res.Conflicts)
			}
		}
		for _, i := range o.order {
			sync(i)
		}
		ms[o.order[1]].editPrompt(t, "sync", "c1", "Edited after the first sync?")
		for _, i := range append(o.order, o.order...) {
			sync(i)
		}
		want := ms[0].deckCards(t, "sync")
		if len(want) != 8 || want["c1"].PromptEn != "Edited after the first sync?" {
			t.Errorf("order %v: machine 0 holds %d cards, c1 asking %q; want the 8, c1 edited", o.order, len(want), want["c1"].PromptEn)
		}
		for i, m := range ms[1:] {
			if got := m.deckCards(t, "sync"); !reflect.DeepEqual(got, want) {
				t.Errorf("order %v: machine %d's cards differ from machine 0's", o.order, i+1)
			}
		}
	}
}

// TestSyncDecksEditBeforeFirstSync: a card of a deck copied to three
// machines and edited on one before its first sync is a conflict between
// the edit and the copies' version, settled alike on every machine
// whatever order they sync and read each other's copies in: both kept,
// one renamed, the same decks on all three.
func TestSyncDecksEditBeforeFirstSync(t *testing.T) {
	for _, o := range syncOrders {
		ms, folder := machines(t, 3), t.TempDir()
		named(t, ms, o.ids...)
		start := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
		clocks := []time.Time{start, start.Add(2 * time.Hour), start.Add(time.Hour)}
		ms[2].editPrompt(t, "sync", "c1", "Edited before any sync?")
		for _, i := range slices.Concat(o.order, o.order, o.order) {
			clocks[i] = clocks[i].Add(time.Minute)
			ms[i].sync(t, folder, clocks[i])
		}
		want := ms[0].deckCards(t, "sync")
		prompts := map[string]int{}
		for _, c := range want {
			prompts[c.PromptEn]++
		}
		if len(want) != 9 || prompts["Edited before any sync?"] != 1 || prompts["Question 1?"] != 1 {
			t.Errorf("order %v: machine 0 holds %d cards; want the 8 and one renamed, the edit and the copies' c1 once each", o.order, len(want))
		}
		for i, m := range ms[1:] {
			if got := m.deckCards(t, "sync"); !reflect.DeepEqual(got, want) {
				t.Errorf("order %v: machine %d's cards differ from machine 0's:\n%v\nwant\n%v", o.order, i+1, got, want)
			}
		}
	}
}

// TestSyncDecksSaysShared: a sync that puts a new or edited deck of this
// machine in the folder names it (the report said "nothing new either
// way"); one with nothing new to put there names none.
func TestSyncDecksSaysShared(t *testing.T) {
	ms, folder := machines(t, 1), t.TempDir()
	mine := syncDeck()
	mine.ID = "mine"
	writeDeck(t, ms[0].lib, mine)
	clock := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	if res := ms[0].sync(t, folder, clock); !reflect.DeepEqual(res.Shared, []string{"mine", "sync"}) {
		t.Errorf("the first sync shared decks %v, want [mine sync]", res.Shared)
	}
	if res := ms[0].sync(t, folder, clock.Add(time.Minute)); len(res.Shared) != 0 {
		t.Errorf("a sync with nothing new shared decks %v", res.Shared)
	}
	ms[0].editPrompt(t, "mine", "c1", "Edited?")
	if res := ms[0].sync(t, folder, clock.Add(2*time.Minute)); !reflect.DeepEqual(res.Shared, []string{"mine"}) {
		t.Errorf("the sync after an edit shared decks %v, want [mine]", res.Shared)
	}
}
