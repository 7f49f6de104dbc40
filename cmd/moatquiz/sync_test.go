package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/library"
)

// syncDir runs `moatquiz sync folder` on data directory dir.
func syncDir(t *testing.T, dir, folder string) string {
	t.Helper()
	var out bytes.Buffer
	if err := (&syncCmd{Dir: folder}).run(&Globals{DataDir: dir, Config: os.DevNull}, &out); err != nil {
		t.Fatalf("sync: %v", err)
	}
	return out.String()
}

// TestSyncCommand: reviews imported on A reach B through the folder, and
// both export the same log but for the log ids, each machine's own.
func TestSyncCommand(t *testing.T) {
	a, b, folder := t.TempDir(), t.TempDir(), t.TempDir()
	if _, err := importReviews(t, a, writeFile(t, "log.jsonl", jsonlLog())); err != nil {
		t.Fatal(err)
	}
	if out := syncDir(t, a, folder); !strings.Contains(out, "5 new changes written to the folder") {
		t.Errorf("A's sync said %q", out)
	}
	if out := syncDir(t, b, folder); !strings.Contains(out, ": 5 reviews from other machines (2 items rescheduled)") {
		t.Errorf("B's sync said %q", out)
	}
	ids := regexp.MustCompile(`"id":\d+,`)
	if ea, eb := ids.ReplaceAllString(exportReviews(t, a), ""), ids.ReplaceAllString(exportReviews(t, b), ""); ea != eb {
		t.Errorf("exports differ:\n%s\n%s", ea, eb)
	}
	if _, err := os.Stat(filepath.Join(b, "machine-id")); err != nil {
		t.Errorf("B keeps no machine id: %v", err)
	}
}

// TestSyncNoFolder: with no folder given nor configured, sync says how
// to give one.
func TestSyncNoFolder(t *testing.T) {
	err := (&syncCmd{}).run(&Globals{DataDir: t.TempDir(), Config: os.DevNull}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "sync_dir") {
		t.Errorf("sync with no folder: %v", err)
	}
}

// TestSyncReportConflicts: the report counts the card changes from other
// machines, and says how each card changed on two machines was settled,
// a removal among the changes too.
func TestSyncReportConflicts(t *testing.T) {
	res := library.SyncResult{Events: 2, Conflicts: []library.DeckConflict{
		{Deck: "mine", Card: "c1", Renamed: "c1-conflict-4f1a2b"},
		{Deck: "mine", Card: "c2", Removed: true},
		{Deck: "mine", Card: "c3", Renamed: "c3-conflict-9e0d1c", Removed: true},
	}}
	out := syncReport("/sync", res)
	for _, want := range []string{
		"2 card changes from other machines (suspends, resets, flags, burials)",
		"card c1 of deck mine was edited on two machines: the newer edit keeps it, the other is card c1-conflict-4f1a2b",
		"card c2 of deck mine was removed on one machine and edited on another: the newer edit keeps it",
		"card c3 of deck mine was edited on one machine and removed on another: the newer removal holds, the edit is card c3-conflict-9e0d1c",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report\n%s\nlacks %q", out, want)
		}
	}
}

// TestSyncReportShared: a sync that put this machine's decks in the
// folder says so, not "nothing new either way".
func TestSyncReportShared(t *testing.T) {
	out := syncReport("/sync", library.SyncResult{Shared: []string{"mine", "words"}})
	if !strings.Contains(out, "2 decks of this machine shared (mine, words)") || strings.Contains(out, "nothing new") {
		t.Errorf("the report does not name the decks shared: %s", out)
	}
}
