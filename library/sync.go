package library

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
	"github.com/moatquiz/moatquiz/termtext"
)

// SyncFolder is the folder, inside the sync folder, of the review logs.
const SyncFolder = "moatquiz-reviews"

// gzipOver is the size from which a machine's new log is gzipped.
const gzipOver = 64 << 10

// SyncResult says what a sync did.
type SyncResult struct {
	Files   int      // log files read
	Added   int      // reviews from other machines added to the log
	Undone  int      // undos of other machines applied
	Events  int      // suspends, resets, flags and burials of other machines applied
	Items   int      // items rescheduled by the reviews added
	Written int      // reviews, undos and events this machine wrote to the folder
	File    string   // the file written, "" when there was nothing new
	Partial []string // files whose last line is still being written: read next time
	Bad     []string // lines that are not reviews, as file:line: what; skipped

	Decks     []string       // the ids of the decks the sync changed here
	Conflicts []DeckConflict // cards edited on two machines: one kept renamed
}

// eventJSON is a line of a sync log that is not a review: an undo,
// naming the review (or reset) undone, a suspend event, or an event of
// the kind Event names ("reset", "flag", "bury"). An older moatquiz reads
// a line of a kind it does not know as a bad review line: it lists it
// and skips it.
type eventJSON struct {
	Undo    string `json:"undo,omitempty"`
	Suspend *bool  `json:"suspend,omitempty"` // suspended (true) or unsuspended by hand
	Event   string `json:"event,omitempty"`
	Deck    string `json:"deck,omitempty"`
	Card    string `json:"card,omitempty"`
	Item    string `json:"item,omitempty"`
	Flag    *int   `json:"flag,omitempty"`  // a flag event's flag, 0 (none) to store.MaxFlag
	Until   string `json:"until,omitempty"` // when a bury event's burial ends; none: unburied
	At      string `json:"at,omitempty"`
}

// eventReset is the Event of a reset to new; those of flags and burials
// are store.MarkFlag and store.MarkBury.
const eventReset = "reset"

// suspendLine is the line of e.
func suspendLine(e store.SuspendEvent) eventJSON {
	return eventJSON{Suspend: &e.Suspended, Deck: e.Item.Deck, Card: e.Item.Card, Item: e.Item.Item, At: rfc3339ms(e.At)}
}

// resetLine is the line of e.
func resetLine(e store.ResetEvent) eventJSON {
	return eventJSON{Event: eventReset, Deck: e.Item.Deck, Card: e.Item.Card, Item: e.Item.Item, At: rfc3339ms(e.At)}
}

// markLine is the line of e.
func markLine(e store.MarkEvent) eventJSON {
	line := eventJSON{Event: e.Kind, Deck: e.Card.Deck, Card: e.Card.Card, At: rfc3339ms(e.At)}
	switch {
	case e.Kind == store.MarkFlag:
		flag := int(e.Value)
		line.Flag = &flag
	case e.Value != 0:
		line.Until = rfc3339ms(time.UnixMilli(e.Value))
	}
	return line
}

// key identifies a suspend, reset, flag or bury event among those of the
// folder.
func (e eventJSON) key() string {
	kind, flag := e.Event, ""
	if e.Suspend != nil {
		kind = fmt.Sprint("suspend ", *e.Suspend)
	}
	if e.Flag != nil {
		flag = fmt.Sprint(*e.Flag)
	}
	return strings.Join([]string{kind, e.Deck, e.Card, e.Item, e.At, flag, e.Until}, "\x00")
}

// itemAt reads the item and time of an event's line.
func (e eventJSON) itemAt(kind string) (quiz.ItemID, time.Time, error) {
	at, err := e.cardAt(kind)
	if err == nil && e.Item == "" {
		err = fmt.Errorf(`a %s event needs "deck", "card" and "item"`, kind)
	}
	return quiz.ItemID{Deck: e.Deck, Card: e.Card, Item: e.Item}, at, err
}

// cardAt checks that an event's line names a card, and reads its time.
func (e eventJSON) cardAt(kind string) (time.Time, error) {
	at, err := time.Parse(time.RFC3339, e.At)
	switch {
	case e.Deck == "" || e.Card == "":
		return at, fmt.Errorf(`a %s event needs "deck" and "card"`, kind)
	case err != nil:
		return at, fmt.Errorf(`"at" %q is not an RFC 3339 time`, e.At)
	}
	return at.UTC(), nil
}

// mark reads a flag or bury event's line.
func (e eventJSON) mark() (store.MarkEvent, error) {
	at, err := e.cardAt(e.Event)
	m := store.MarkEvent{Card: store.CardID{Deck: e.Deck, Card: e.Card}, Kind: e.Event, At: at}
	switch {
	case err != nil:
		return m, err
	case e.Event == store.MarkFlag && (e.Flag == nil || *e.Flag < 0 || *e.Flag > store.MaxFlag):
		return m, fmt.Errorf(`a flag event needs "flag", 0 (none) to %d`, store.MaxFlag)
	case e.Event == store.MarkFlag:
		m.Value = int64(*e.Flag)
	case e.Until != "":
		until, err := time.Parse(time.RFC3339, e.Until)
		if err != nil || until.UnixMilli() <= 0 {
			return m, fmt.Errorf(`"until" %q is not an RFC 3339 time`, e.Until)
		}
		m.Value = until.UnixMilli()
	}
	return m, nil
}

// syncLog is what the sync folder's logs hold.
type syncLog struct {
	reviews []quiz.Review
	undone  []string
	suspend []store.SuspendEvent
	resets  []store.ResetEvent
	marks   []store.MarkEvent
	has     map[string]bool // the uids of the folder's reviews
	undos   map[string]bool // the uids of the folder's undos
	events  map[string]bool // the keys of the folder's suspend, reset, flag and bury events
}

// MachineID returns this data folder's machine id, made on first use and
// kept in the file machine-id: the name of the files it writes to a sync
// folder.
func (l *Library) MachineID() (string, error) {
	path := filepath.Join(l.dataDir, "machine-id")
	if b, err := os.ReadFile(path); err == nil && len(bytes.TrimSpace(b)) > 0 {
		return string(bytes.TrimSpace(b)), nil
	}
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	id := hex.EncodeToString(b)
	if err := os.MkdirAll(l.dataDir, 0o755); err != nil {
		return "", fmt.Errorf("machine id: %w", err)
	}
	if err := os.WriteFile(path, []byte(id+"\n"), 0o644); err != nil {
		return "", fmt.Errorf("machine id: %w", err)
	}
	return id, nil
}

// Sync merges db's review log with the logs in the sync folder dir: it
// adds the reviews and suspend events of other machines that the log
// lacks and drops the reviews undone, replaying the items they touch with
// sch; then it writes to a new file of its own, named by machine and now,
// what this log holds and no file in the folder does. Every log file in
// the folder is read, a sync tool's conflict copies too, since reviews
// merge by uid. The learner's decks are merged too (see syncDecks).
func (l *Library) Sync(db *store.DB, dir string, sch quiz.Scheduling, now time.Time) (SyncResult, error) {
	var res SyncResult
	machine, err := l.MachineID()
	if err != nil {
		return res, err
	}
	logs := filepath.Join(dir, SyncFolder)
	if err := reachable(dir, logs); err != nil {
		return res, err
	}
	in, err := readSyncLogs(logs, &res)
	if err != nil {
		return res, err
	}
	out, err := outgoing(db, in)
	if err != nil {
		return res, err
	}
	if out.reviews, err = reviewsOf(db, out.uids); err != nil {
		return res, err
	}
	m := in.lacking(out)
	m.Replay = out.items()
	added, err := db.Merge(m, quiz.NewReplayer(sch).Replay)
	if err != nil {
		return res, err
	}
	res.Added, res.Undone = len(added), len(m.Undone)
	res.Events = len(m.Suspend) + len(m.Resets) + len(m.Marks)
	res.Items = len(outbox{reviews: added}.items())
	if out.size() > 0 {
		res.Written = out.size()
		if res.File, err = writeSyncLog(db, logs, machine, now, out); err != nil {
			return res, err
		}
	}
	res.Decks, res.Conflicts, err = l.syncDecks(dir, machine, now)
	return res, err
}

// reachable checks that the sync folder dir is there, and makes its
// folder of logs.
func reachable(dir, logs string) error {
	fi, err := os.Stat(dir)
	if err == nil && !fi.IsDir() {
		err = errors.New("not a folder")
	}
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		err = pe.Err // the path is said once
	}
	if err != nil {
		return fmt.Errorf("sync folder %s cannot be reached (%v): is the drive mounted, or the folder moved? Nothing was changed; your reviews stay here until the next sync",
			termtext.QuoteIfUnsafe(dir), err)
	}
	if err := os.MkdirAll(logs, 0o755); err != nil {
		return fmt.Errorf("sync folder: %w; nothing was changed", err)
	}
	return nil
}

// readSyncLogs reads every log in the folder logs: files named *.jsonl
// or *.jsonl.gz, hidden ones (a file being written) left out.
func readSyncLogs(logs string, res *SyncResult) (syncLog, error) {
	in := syncLog{has: map[string]bool{}, undos: map[string]bool{}, events: map[string]bool{}}
	entries, err := os.ReadDir(logs)
	if err != nil {
		return in, fmt.Errorf("sync folder: %w; nothing was changed", err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") ||
			!strings.HasSuffix(name, ".jsonl") && !strings.HasSuffix(name, ".jsonl.gz") {
			continue
		}
		res.Files++
		if err := readSyncFile(filepath.Join(logs, name), &in, res); err != nil {
			return in, err
		}
	}
	return in, nil
}

// readSyncFile reads one log into in. A last line without its newline
// that is not a review is a line still being written: left for the next
// sync. Other bad lines are skipped and listed.
func readSyncFile(path string, in *syncLog, res *SyncResult) error {
	data, err := readMaybeGzip(path)
	cut := errors.Is(err, io.ErrUnexpectedEOF)
	if err != nil && !cut {
		return fmt.Errorf("sync: read %s: %w", termtext.QuoteIfUnsafe(path), err)
	}
	lines := bytes.Split(data, []byte("\n"))
	for n, line := range lines {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		err := in.add(line)
		if err != nil && n == len(lines)-1 {
			cut = true
			continue
		}
		if err != nil {
			res.Bad = append(res.Bad, termtext.Strip(fmt.Sprintf("%s:%d: %v", path, n+1, err)))
		}
	}
	if cut {
		res.Partial = append(res.Partial, termtext.Strip(path))
	}
	return nil
}

// readMaybeGzip reads the file at path, gunzipped when its name ends in
// .gz. A gzip stream cut short gives what it holds and io.ErrUnexpectedEOF.
func readMaybeGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = bufio.NewReader(f)
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		r = zr
	}
	return io.ReadAll(r)
}

// add reads one line of a log: a review, an undo or a suspend event.
func (in *syncLog) add(line []byte) error {
	var e eventJSON
	if json.Unmarshal(line, &e) == nil && e.Undo != "" {
		in.undone = append(in.undone, e.Undo)
		in.undos[e.Undo] = true
		return nil
	}
	if e.Suspend != nil || e.Event != "" {
		return in.addEvent(e)
	}
	r, err := parseReview(line)
	if err != nil {
		return err
	}
	in.reviews = append(in.reviews, r)
	in.has[r.UID] = true
	return nil
}

// addEvent reads a suspend, reset, flag or bury event; one of a kind
// this moatquiz does not know (written by a newer one) is an error:
// listed and skipped.
func (in *syncLog) addEvent(e eventJSON) error {
	var err error
	switch {
	case e.Suspend != nil:
		ev := store.SuspendEvent{Suspended: *e.Suspend}
		if ev.Item, ev.At, err = e.itemAt("suspend"); err == nil {
			in.suspend = append(in.suspend, ev)
		}
	case e.Event == eventReset:
		var ev store.ResetEvent
		if ev.Item, ev.At, err = e.itemAt(eventReset); err == nil {
			in.resets = append(in.resets, ev)
		}
	case e.Event == store.MarkFlag || e.Event == store.MarkBury:
		var m store.MarkEvent
		if m, err = e.mark(); err == nil {
			in.marks = append(in.marks, m)
		}
	default:
		return fmt.Errorf("an event of a kind this moatquiz does not know (%q), perhaps from a newer moatquiz: update this one to apply it", e.Event)
	}
	if err == nil {
		in.events[e.key()] = true
	}
	return err
}

// outbox is what this machine writes to the folder, and what it holds.
type outbox struct {
	uids    map[string]bool // of the reviews
	reviews []quiz.Review   // those reviews, read once they are needed
	undone  []string
	events  []eventJSON     // suspend, reset, flag and bury events
	held    map[string]bool // the uids of the reviews, undos and keys of the events the log holds
}

// lacking is what of the folder's logs db lacks, as out found it.
func (in syncLog) lacking(out outbox) store.Merge {
	var m store.Merge
	for _, r := range in.reviews {
		if !out.held[r.UID] {
			m.Reviews = append(m.Reviews, r)
		}
	}
	for _, uid := range in.undone {
		if !out.held["undo "+uid] {
			m.Undone = append(m.Undone, uid)
		}
	}
	for _, e := range in.suspend {
		if !out.held[suspendLine(e).key()] {
			m.Suspend = append(m.Suspend, e)
		}
	}
	for _, e := range in.resets {
		if !out.held[resetLine(e).key()] && !out.held["undo "+e.UID()] {
			m.Resets = append(m.Resets, e)
		}
	}
	for _, e := range in.marks {
		if !out.held[markLine(e).key()] {
			m.Marks = append(m.Marks, e)
		}
	}
	return m
}

// outgoing is what db holds and no log in the folder does.
func outgoing(db *store.DB, in syncLog) (outbox, error) {
	out := outbox{held: map[string]bool{}, uids: map[string]bool{}}
	err := db.ReviewUIDs(func(uid string) error {
		out.held[uid] = true
		if !in.has[uid] {
			out.uids[uid] = true
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	undone, err := db.Undone()
	for _, uid := range undone {
		out.held["undo "+uid] = true
		if !in.undos[uid] {
			out.undone = append(out.undone, uid)
		}
	}
	if err != nil {
		return out, err
	}
	if err := db.SuspendEvents(func(e store.SuspendEvent) error { return out.event(in, suspendLine(e)) }); err != nil {
		return out, err
	}
	if err := db.ResetEvents(func(e store.ResetEvent) error { return out.event(in, resetLine(e)) }); err != nil {
		return out, err
	}
	return out, db.MarkEvents(func(e store.MarkEvent) error { return out.event(in, markLine(e)) })
}

// event notes an event's line that db holds, to go out unless in has it.
func (o *outbox) event(in syncLog, line eventJSON) error {
	o.held[line.key()] = true
	if !in.events[line.key()] {
		o.events = append(o.events, line)
	}
	return nil
}

// reviewsOf is the reviews of db with the uids, oldest first; none read
// when there are none.
func reviewsOf(db *store.DB, uids map[string]bool) ([]quiz.Review, error) {
	var out []quiz.Review
	if len(uids) == 0 {
		return nil, nil
	}
	err := db.Reviews(func(r quiz.Review) error {
		if uids[r.UID] {
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// size is how many lines go out.
func (o outbox) size() int { return len(o.uids) + len(o.undone) + len(o.events) }

// items are the items of the reviews going out: replayed at a sync, so
// that their states are what every machine's replay gives.
func (o outbox) items() []quiz.ItemID {
	var ids []quiz.ItemID
	seen := map[quiz.ItemID]bool{}
	for _, r := range o.reviews {
		if !seen[r.Item] {
			seen[r.Item] = true
			ids = append(ids, r.Item)
		}
	}
	for _, e := range o.events {
		if id := (quiz.ItemID{Deck: e.Deck, Card: e.Card, Item: e.Item}); e.Item != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids
}

// writeSyncLog writes out to a new file of machine in logs, named by the
// time now, whole or not at all: it is written under a hidden name and
// renamed. The reviews are written with the states db holds after the
// merge. It returns the file's path.
func writeSyncLog(db *store.DB, logs, machine string, now time.Time, out outbox) (string, error) {
	var buf bytes.Buffer
	reviews, err := reviewsOf(db, out.uids)
	if err != nil {
		return "", err
	}
	for _, r := range reviews {
		if err := writeLine(&buf, r); err != nil {
			return "", err
		}
	}
	events := out.events
	for _, uid := range out.undone {
		events = append(events, eventJSON{Undo: uid})
	}
	for _, e := range events {
		b, err := json.Marshal(e)
		if err != nil {
			return "", err
		}
		buf.Write(termtext.EscapeJSON(append(b, '\n')))
	}
	ext := ".jsonl"
	data := buf.Bytes()
	if len(data) > gzipOver {
		ext, data = ".jsonl.gz", gzipped(data)
	}
	return publish(logs, machine+"-"+now.UTC().Format("20060102T150405.000Z"), ext, data)
}

// gzipped is data compressed.
func gzipped(data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data) //nolint:errcheck // a bytes.Buffer does not fail
	zw.Close()     //nolint:errcheck // a bytes.Buffer does not fail
	return b.Bytes()
}

// publish writes data to a new file logs/base+ext (base-2, -3, ... when
// the name is taken, as after a clock set back), whole or not at all.
func publish(logs, base, ext string, data []byte) (string, error) {
	name := filepath.Join(logs, base+ext)
	for n := 2; ; n++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			break
		}
		name = filepath.Join(logs, fmt.Sprintf("%s-%d%s", base, n, ext))
	}
	if err := writeWhole(name, data); err != nil {
		return "", fmt.Errorf("sync: write to the folder: %w; your reviews stay here until the next sync", err)
	}
	return name, nil
}

// writeWhole writes data to path through a hidden file renamed, so that
// neither a crash nor a sync tool ever sees half of it.
func writeWhole(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".writing-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
