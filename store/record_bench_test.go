package store

import (
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/internal/bench/gen"
	"github.com/moatquiz/moatquiz/quiz"
)

// BenchmarkPacedRecord's sessions: 1,000 answers a few milliseconds
// apart, in one burst (the worst case for the log, which no idle moment
// empties) or with a pause of a second every 50 answers (a learner
// pauses far more often), longer than the store's idle moment (500 ms).
const (
	pacedAnswers = 1000
	answerPace   = 3 * time.Millisecond
	pauseEvery   = 50
	answerPause  = time.Second
)

// BenchmarkPacedRecord saves pacedAnswers answers answerPace apart into
// the store of the 100k collection (1,000,000 reviews), in a burst or
// with pauses, and reports the p50, p99 and slowest Record (what a grade
// waits for), and how many took over 5 ms; on a busy machine these are
// mostly the scheduler's. It also reports how many checkpoints were run
// in the session and how long Open took (open-ms). The store is
// generated (about a minute), or copied from MOATQUIZ_BENCH_DB, a
// database file such as scripts/bench's 100k/moatquiz.db.generated. The
// answers start once the writer's check of every page is done: check-ms
// is the time from Open to then, which a first answer given sooner
// waits for. Run it with -benchtime 1x.
func BenchmarkPacedRecord(b *testing.B) {
	dir := pacedStore(b)
	for _, s := range []struct {
		name  string
		every int64
	}{{"burst", 0}, {"pauses", pauseEvery}} {
		b.Run(s.name, func(b *testing.B) {
			for b.Loop() {
				pacedRun(b, dir, s.every)
			}
		})
	}
}

// pacedRun opens the store in dir, records a session with a pause every
// so many answers (0: none), reports its figures and closes the store.
func pacedRun(b *testing.B, dir string, every int64) {
	start := time.Now()
	db := openW(b, dir)
	defer db.Close()
	b.ReportMetric(ms(time.Since(start)), "open-ms")
	if err := db.check.wait(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(ms(time.Since(start)), "check-ms")
	seq := walSequence(b, db.path)
	took := pacedSession(b, db, every)
	b.ReportMetric(float64(walSequence(b, db.path)-seq), "checkpoints")
	slices.Sort(took)
	b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
	b.ReportMetric(ms(took[len(took)*99/100]), "p99-ms")
	b.ReportMetric(ms(took[len(took)-1]), "max-ms")
	over := len(took) - sort.Search(len(took), func(i int) bool { return took[i] > 5*time.Millisecond })
	b.ReportMetric(float64(over), "over-5ms")
}

// pacedSession records the answers and returns how long each Record took.
func pacedSession(b *testing.B, db *DB, every int64) []time.Duration {
	var prev *quiz.ItemState
	took := make([]time.Duration, 0, pacedAnswers)
	for n := range int64(pacedAnswers) {
		r := review("paced", "fact", n, quiz.ModeReview, prev)
		start := time.Now()
		saved, err := db.Record(*r)
		took = append(took, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		prev = &saved.After
		if every > 0 && n%every == every-1 {
			time.Sleep(answerPause)
		} else {
			time.Sleep(answerPace)
		}
	}
	return took
}

// pacedStore is a data directory holding the 100k collection's store.
func pacedStore(b *testing.B) string {
	src := os.Getenv("MOATQUIZ_BENCH_DB")
	if src == "" {
		return collectionStore(b, gen.Sizes[len(gen.Sizes)-1])
	}
	dir := b.TempDir()
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(filepath.Join(dir, FileName))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return dir
}

// walSequence is the checkpoint sequence number in the header of the
// database's log, which counts the times the log restarted after a
// checkpoint.
func walSequence(b *testing.B, path string) uint32 {
	f, err := os.Open(path + "-wal")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var h [16]byte
	if _, err := f.ReadAt(h[:], 0); err != nil {
		return 0 // an empty log, not started yet
	}
	return binary.BigEndian.Uint32(h[12:16])
}

// ms is d in milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
