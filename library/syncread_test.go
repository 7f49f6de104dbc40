package library

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// reviewLines is n reviews of card c0 as a log's lines, the first at at,
// a day apart.
func reviewLines(t *testing.T, n int, at time.Time) []byte {
	t.Helper()
	var buf bytes.Buffer
	for i := range n {
		r := quiz.Review{Item: cardItem(0), Rating: fsrs.Good, ReviewedAt: at.AddDate(0, 0, i),
			Mode: quiz.ModeReview, Question: quiz.QuestionFlip}
		if err := writeLine(&buf, r); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// syncedLog is two machines synced once through a folder, and the log
// that A wrote of 8 reviews, which B has read; the clock is after the
// log's time by more than racyWindow, as a sync at the next start is.
func syncedLog(t *testing.T) (ms []*machine, folder, log string, clock time.Time) {
	t.Helper()
	ms, folder = machines(t, 2), t.TempDir()
	rng := rand.New(rand.NewPCG(13, 14))
	clock = time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	ms[0].study(t, rng, &clock, 8)
	res := ms[0].sync(t, folder, clock)
	if res.Written != 8 || filepath.Ext(res.File) != ".jsonl" {
		t.Fatalf("A's sync wrote %d reviews to %s, want 8 to a .jsonl", res.Written, res.File)
	}
	if res := ms[1].sync(t, folder, clock); res.Added != 8 {
		t.Fatalf("B's sync added %d reviews, want 8", res.Added)
	}
	return ms, folder, res.File, clock
}

// size is the size of the file at path.
func size(t *testing.T, path string) int64 {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

// TestSyncReadsNothingOld: a sync with nothing new in the folder reads
// no log, neither another machine's nor the one it wrote itself; the
// folder's listing tells it.
func TestSyncReadsNothingOld(t *testing.T) {
	ms, folder, _, clock := syncedLog(t)
	for i, m := range ms {
		if res := m.sync(t, folder, clock.Add(time.Hour)); res.Files != 0 || res.Read != 0 || res.Written != 0 {
			t.Errorf("machine %d's sync with nothing new read %d files, %d bytes, and wrote %d lines; want nothing", i, res.Files, res.Read, res.Written)
		}
	}
}

// TestSyncReadsWhatWasAppended: lines added to a log that a sync read
// (a file still being copied, say) are read at the next sync, and only
// they and the bytes just before, which tell that the file is the same.
func TestSyncReadsWhatWasAppended(t *testing.T) {
	ms, folder, log, clock := syncedLog(t)
	before := size(t, log)
	f, err := os.OpenFile(log, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	added := reviewLines(t, 3, clock.AddDate(0, 1, 0))
	cut := bytes.LastIndexByte(added[:len(added)-1], '\n') + 10
	f.Write(added[:cut]) // the third line is still being written
	f.Close()
	res := ms[1].sync(t, folder, clock)
	if res.Added != 2 || len(res.Partial) != 1 || res.Files != 1 || res.Read != int64(cut)+tailSpan {
		t.Errorf("sync after lines were appended: added %d, partial %v, read %d files, %d bytes; want 2 added, the file partial, %d bytes read",
			res.Added, res.Partial, res.Files, res.Read, cut+tailSpan)
	}
	if res := ms[1].sync(t, folder, clock); res.Read != 0 || len(res.Partial) != 1 {
		t.Errorf("a sync with the file as it was read %d bytes and says %v is partial; want nothing read, and it partial still", res.Read, res.Partial)
	}
	os.WriteFile(log, append(readFile(t, log)[:before], added...), 0o644)
	if res := ms[1].sync(t, folder, clock); res.Added != 1 || len(res.Partial) != 0 {
		t.Errorf("once the last line is whole, the sync added %d reviews (partial %v), want 1", res.Added, res.Partial)
	}
	ms[0].sync(t, folder, clock)
	same(t, ms, 11)
}

// readFile is the content of the file at path.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// replace replaces the file at path with data as sync tools do: written
// beside it and renamed over it.
func replace(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path+".tmp", data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		t.Fatal(err)
	}
}

// TestSyncRereadsReplacedLogs: a log that a sync read and that was then
// replaced by another, longer (truncated and written again), shorter or
// of the same size, is read whole again at the next sync, and what it
// holds is added once.
func TestSyncRereadsReplacedLogs(t *testing.T) {
	ms, folder, log, clock := syncedLog(t)
	old := readFile(t, log)
	longer := append(reviewLines(t, 2, clock.AddDate(0, 2, 0)), old...) // the same bytes at the end, elsewhere
	if err := os.WriteFile(log, longer, 0o644); err != nil {            // in place: truncated, then written
		t.Fatal(err)
	}
	if res := ms[1].sync(t, folder, clock); res.Added != 2 || res.Read != int64(len(longer)) {
		t.Errorf("sync of a log rewritten longer: added %d, read %d bytes; want 2 added, the file read whole (%d bytes)", res.Added, res.Read, len(longer))
	}
	shorter := reviewLines(t, 1, clock.AddDate(0, 3, 0))
	replace(t, log, shorter)
	if res := ms[1].sync(t, folder, clock); res.Added != 1 || res.Read != int64(len(shorter)) {
		t.Errorf("sync of a log replaced by a shorter one: added %d, read %d bytes; want 1, %d", res.Added, res.Read, len(shorter))
	}
	sameSize := bytes.Replace(shorter, []byte(`"rating":3`), []byte(`"rating":4`), 1)
	if len(sameSize) != len(shorter) || bytes.Equal(sameSize, shorter) {
		t.Fatalf("the review line has no rating 3: %s", shorter)
	}
	replace(t, log, sameSize)
	if res := ms[1].sync(t, folder, clock); res.Added != 1 || res.Read != int64(len(sameSize)) {
		t.Errorf("sync of a log replaced by another of the same size: added %d, read %d bytes; want 1, %d", res.Added, res.Read, len(sameSize))
	}
	if res := ms[1].sync(t, folder, clock); res.Added != 0 || res.Read != 0 {
		t.Errorf("the next sync added %d, read %d bytes; want nothing", res.Added, res.Read)
	}
}

// TestSyncRewritesRemovedLogs: a log removed from the folder (by hand,
// or lost) is written again by a machine that holds what it held, as it
// was before syncs kept what they read.
func TestSyncRewritesRemovedLogs(t *testing.T) {
	ms, folder, log, clock := syncedLog(t)
	if err := os.Remove(log); err != nil {
		t.Fatal(err)
	}
	if res := ms[1].sync(t, folder, clock); res.Written != 8 {
		t.Errorf("B's sync after A's log was removed wrote %d reviews, want the 8 it held", res.Written)
	}
	if res := ms[0].sync(t, folder, clock); res.Written != 0 || res.Added != 0 {
		t.Errorf("A's next sync wrote %d, added %d; want nothing", res.Written, res.Added)
	}
}

// TestSyncRereadsLogsChangedJustBefore: a log changed less than
// racyWindow before a sync read it may change again without its stat
// showing it (same size, same time to the file system's tick): the next
// sync reads it again, and finds a change made in place.
func TestSyncRereadsLogsChangedJustBefore(t *testing.T) {
	ms, folder, log, clock := syncedLog(t)
	old := reviewLines(t, 1, clock.AddDate(0, 4, 0))
	replace(t, log, old)
	info, err := os.Stat(log)
	if err != nil {
		t.Fatal(err)
	}
	if res := ms[1].sync(t, folder, info.ModTime()); res.Added != 1 {
		t.Fatalf("B's sync of the replaced log added %d reviews, want 1", res.Added)
	}
	if err := os.WriteFile(log, bytes.Replace(old, []byte(`"rating":3`), []byte(`"rating":2`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(log, info.ModTime(), info.ModTime()); err != nil { // as if within the same tick
		t.Fatal(err)
	}
	if res := ms[1].sync(t, folder, clock); res.Added != 1 {
		t.Errorf("the sync after the log changed in place at the same time added %d reviews, want 1", res.Added)
	}
}
