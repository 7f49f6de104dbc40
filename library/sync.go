package library

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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
	Files   int      // log files read, whole or what was added to them since the last sync
	Read    int64    // bytes read of the logs (as stored: gzipped ones gzipped)
	Added   int      // reviews from other machines added to the log
	Undone  int      // undos of other machines applied
	Events  int      // suspends, resets, flags and burials of other machines applied
	Items   int      // items rescheduled by the reviews added
	Written int      // reviews, undos and events this machine wrote to the folder
	File    string   // the file written, "" when there was nothing new
	Partial []string // files whose last line is still being written: read next time
	Bad     []string // lines that are not reviews, as file:line: what; skipped

	// Cards are the cards whose items' states the merge changed here
	// (reviews, undos and events of other machines), by deck: a session
	// running follows them.
	Cards map[string][]string

	Decks     []string       // the ids of the decks the sync changed here
	Shared    []string       // the ids of the other decks whose copy it put in the folder, new or edited
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

// key identifies an undo, or a suspend, reset, flag or bury event, among
// the lines of the folder.
func (e eventJSON) key() string {
	if e.Undo != "" {
		return undoKey(e.Undo)
	}
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

// syncLog is what a sync read of the folder's logs, and what they hold.
type syncLog struct {
	reviews []quiz.Review
	undone  []string
	suspend []store.SuspendEvent
	resets  []store.ResetEvent
	marks   []store.MarkEvent
	keys    map[string]bool // the keys of every line the folder holds: review uids, undoKeys and event keys
}

// undoKey is the key of the undo of uid among the folder's lines.
func undoKey(uid string) string { return "undo " + uid }

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
// merge by uid; but only what was added to it since the last sync, as db
// keeps (see readSyncLogs). The learner's decks are merged too (see
// syncDecks).
func (l *Library) Sync(db *store.DB, dir string, sch quiz.Scheduling, now time.Time) (SyncResult, error) {
	var res SyncResult
	machine, err := l.MachineID()
	if err != nil {
		return res, err
	}
	logs, err := filepath.Abs(filepath.Join(dir, SyncFolder))
	if err != nil {
		return res, err
	}
	if err := reachable(dir, logs); err != nil {
		return res, err
	}
	in, read, err := readSyncLogs(db, logs, now, &res)
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
	undone, err := reviewsOf(db, setOf(m.Undone))
	if err != nil {
		return res, err
	}
	added, err := db.Merge(m, quiz.NewReplayer(sch).Replay)
	if err != nil {
		return res, err
	}
	res.Cards = changedCards(m, slices.Concat(added, undone))
	res.Added, res.Undone = len(added), len(m.Undone)
	res.Events = len(m.Suspend) + len(m.Resets) + len(m.Marks)
	res.Items = len(outbox{reviews: added}.items())
	if out.size() > 0 {
		res.Written = out.size()
		var written store.SyncFile
		if res.File, written, err = writeSyncLog(db, logs, machine, now, out); err != nil {
			return res, err
		}
		read.Files = append(read.Files, written)
	}
	if err := db.SaveSyncRead(logs, read); err != nil {
		return res, err
	}
	res.Decks, res.Shared, res.Conflicts, err = l.syncDecks(dir, machine, now)
	return res, err
}

// changedCards lists by deck the cards that merge m changed, with reviews
// the ones it added and undid.
func changedCards(m store.Merge, reviews []quiz.Review) map[string][]string {
	byDeck := map[string][]string{}
	note := func(deck, card string) {
		if !slices.Contains(byDeck[deck], card) {
			byDeck[deck] = append(byDeck[deck], card)
		}
	}
	for _, r := range reviews {
		note(r.Item.Deck, r.Item.Card)
	}
	for _, e := range m.Suspend {
		note(e.Item.Deck, e.Item.Card)
	}
	for _, e := range m.Resets {
		note(e.Item.Deck, e.Item.Card)
	}
	for _, e := range m.Marks {
		note(e.Card.Deck, e.Card.Card)
	}
	return byDeck
}

// setOf is the set of the strings.
func setOf(keys []string) map[string]bool {
	set := make(map[string]bool, len(keys))
	for _, k := range keys {
		set[k] = true
	}
	return set
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

// readSyncLogs reads the logs in the folder logs (see listLogs). Of a
// file that db says a sync read before, it reads only what was added since;
// nothing when the file looks as it did then. The keys of what it does
// not read again come from db. It returns what it read, and what to
// keep of it.
func readSyncLogs(db *store.DB, logs string, now time.Time, res *SyncResult) (syncLog, store.SyncRead, error) {
	in := syncLog{keys: map[string]bool{}}
	var read store.SyncRead
	kept, err := db.SyncFiles(logs)
	if err != nil {
		return in, read, err
	}
	infos, err := listLogs(logs)
	if err != nil {
		return in, read, err
	}
	listed, whole := map[string]bool{}, map[string]bool{}
	for _, info := range infos {
		listed[info.Name()] = true
		f, err := readSyncFile(filepath.Join(logs, info.Name()), info, kept[info.Name()], now, &in, res)
		if err != nil {
			return in, read, err
		}
		if f != nil {
			read.Files = append(read.Files, *f)
			whole[f.Name] = f.Whole
		}
	}
	for name := range kept {
		if !listed[name] {
			read.Gone = append(read.Gone, name)
		}
	}
	err = db.SyncKeys(logs, func(file, key string) error {
		if listed[file] && !whole[file] { // a file read whole gave its keys now
			in.keys[key] = true
		}
		return nil
	})
	return in, read, err
}

// listLogs is the Stat of each log in the folder logs: files named
// *.jsonl or *.jsonl.gz, hidden ones (a file being written) left out.
func listLogs(logs string) ([]fs.FileInfo, error) {
	entries, err := os.ReadDir(logs)
	if err != nil {
		return nil, fmt.Errorf("sync folder: %w; nothing was changed", err)
	}
	var infos []fs.FileInfo
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") ||
			!strings.HasSuffix(name, ".jsonl") && !strings.HasSuffix(name, ".jsonl.gz") {
			continue
		}
		info, err := e.Info()
		if errors.Is(err, fs.ErrNotExist) {
			continue // gone since it was listed
		}
		if err != nil {
			return nil, fmt.Errorf("sync folder: %w; nothing was changed", err)
		}
		infos = append(infos, info)
	}
	return infos, nil
}

// tailSpan is how many bytes before where a log was read up to must be
// the same for it to be read on from there: a file replaced by another
// that is as long or longer differs in them.
const tailSpan = 1024

// readSyncFile reads into in what is new of the log at path, whose Stat
// is info and of which a sync read what kept says ("" Name: none), and
// returns what to keep of it; nil when it looks as it did then (a file
// still being written is said so again). A log is read on from where the
// last sync left it when it grew and still holds the bytes before; else
// whole: shrunk, replaced, gzipped, or holding bad lines. A last line
// without its newline that is not a review is a line still being
// written: left for the next sync. Other bad lines are skipped and
// listed.
func readSyncFile(path string, info fs.FileInfo, kept store.SyncFile, now time.Time, in *syncLog, res *SyncResult) (*store.SyncFile, error) {
	stamp := stampOf(info)
	if kept.Name != "" && kept.Stamp == stamp && !kept.Bad {
		if kept.Read < info.Size() {
			res.Partial = append(res.Partial, termtext.Strip(path))
		}
		return nil, nil
	}
	if !info.ModTime().Before(now.Add(-racyWindow)) {
		stamp = "" // changed too lately for its stat to tell a later change
	}
	res.Files++
	gz := strings.HasSuffix(path, ".gz")
	data, base, cut, err := readLog(path, gz, resumeAt(kept, gz, info.Size()), kept.Tail, res)
	if err != nil {
		return nil, fmt.Errorf("sync: read %s: %w", termtext.QuoteIfUnsafe(path), err)
	}
	f := &store.SyncFile{Name: filepath.Base(path), Stamp: stamp, Whole: base == 0} // data from the file's start
	skip := 0
	if !f.Whole {
		skip, f.Lines = int(kept.Read-base), kept.Lines
	}
	used, writing := in.readLines(data, skip, path, f, res)
	switch {
	case gz && !cut && !writing:
		f.Read = info.Size()
	case !gz:
		f.Read = base + int64(used)
		f.Tail = tailHash(data, base, f.Read)
	}
	if cut || writing {
		res.Partial = append(res.Partial, termtext.Strip(path))
	}
	return f, nil
}

// resumeAt is where a log of which a sync read what kept says, now size
// bytes long, can be read on from; 0: it is read whole. A log that did
// not grow but changed was replaced (or touched): read whole.
func resumeAt(kept store.SyncFile, gz bool, size int64) int64 {
	if kept.Name == "" || kept.Bad || gz || size <= kept.Read {
		return 0
	}
	return kept.Read
}

// tailHash is the hash of the tailSpan bytes of a log before byte read,
// of which data holds those from byte base on.
func tailHash(data []byte, base, read int64) []byte {
	from := max(0, read-tailSpan)
	sum := sha256.Sum256(data[from-base : read-base])
	return sum[:16]
}

// readLog reads the log at path from byte from on, when the bytes before
// it still have the hash tail; else whole, gunzipped when gz. It returns
// what it read and the byte of the file it starts at; cut reports a
// gzip stream cut short, of which it returns what it holds. The bytes
// read are counted in res.
func readLog(path string, gz bool, from int64, tail []byte, res *SyncResult) (data []byte, base int64, cut bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, false, err
	}
	defer f.Close()
	r := &countingReader{r: f, n: &res.Read}
	if from > 0 {
		base = max(0, from-tailSpan)
		if _, err := f.Seek(base, io.SeekStart); err != nil {
			return nil, 0, false, err
		}
		data, err = io.ReadAll(r)
		if err != nil || int64(len(data)) >= from-base && bytes.Equal(tailHash(data, base, from), tail) {
			return data, base, false, err
		}
		head := make([]byte, base) // another file: the rest of it
		if _, err := f.ReadAt(head, 0); err != nil {
			return nil, 0, false, err
		}
		res.Read += base
		return append(head, data...), 0, false, nil
	}
	if !gz {
		data, err = io.ReadAll(r)
		return data, 0, false, err
	}
	zr, err := gzip.NewReader(bufio.NewReader(r))
	if err != nil {
		return nil, 0, true, nil
	}
	data, err = io.ReadAll(zr)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return data, 0, true, nil
	}
	return data, 0, false, err
}

// countingReader counts the bytes read through it into n.
type countingReader struct {
	r io.Reader
	n *int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	return n, err
}

// stampOf is what identifies the version of a log whose Stat is info,
// as db keeps it.
func stampOf(info fs.FileInfo) string {
	s := statOf(info)
	return fmt.Sprintf("%d %d %d %d", s.Size, s.ModNanos, s.Dev, s.Ino)
}

// readLines reads the lines of a log's data from byte skip into in, and
// their keys into f, with f.Lines the lines before skip; it returns the
// bytes up to the end of the last line read, and reports whether the
// last line is one still being written (without its newline, not a
// review), which is left out.
func (in *syncLog) readLines(data []byte, skip int, path string, f *store.SyncFile, res *SyncResult) (used int, cut bool) {
	for used = skip; used < len(data); {
		end := bytes.IndexByte(data[used:], '\n')
		next := used + end + 1
		if end < 0 {
			end, next = len(data)-used, len(data)
		}
		if line := bytes.TrimSpace(data[used : used+end]); len(line) > 0 {
			key, err := in.add(line)
			switch {
			case err != nil && data[next-1] != '\n':
				return used, true
			case err != nil:
				f.Bad = true
				res.Bad = append(res.Bad, termtext.Strip(fmt.Sprintf("%s:%d: %v", path, f.Lines+1, err)))
			default:
				f.Keys = append(f.Keys, key)
			}
		}
		f.Lines++
		used = next
	}
	return used, false
}

// add reads one line of a log: a review, an undo or an event; it
// returns the line's key.
func (in *syncLog) add(line []byte) (string, error) {
	var e eventJSON
	if json.Unmarshal(line, &e) == nil && e.Undo != "" {
		in.undone = append(in.undone, e.Undo)
		in.keys[undoKey(e.Undo)] = true
		return undoKey(e.Undo), nil
	}
	if e.Suspend != nil || e.Event != "" {
		return e.key(), in.addEvent(e)
	}
	r, err := parseReview(line)
	if err != nil {
		return "", err
	}
	in.reviews = append(in.reviews, r)
	in.keys[r.UID] = true
	return r.UID, nil
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
		in.keys[e.key()] = true
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
		if !out.held[undoKey(uid)] {
			m.Undone = append(m.Undone, uid)
		}
	}
	for _, e := range in.suspend {
		if !out.held[suspendLine(e).key()] {
			m.Suspend = append(m.Suspend, e)
		}
	}
	for _, e := range in.resets {
		if !out.held[resetLine(e).key()] && !out.held[undoKey(e.UID())] {
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
		if !in.keys[uid] {
			out.uids[uid] = true
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	undone, err := db.Undone()
	for _, uid := range undone {
		out.held[undoKey(uid)] = true
		if !in.keys[undoKey(uid)] {
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
	if !in.keys[line.key()] {
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
// merge. It returns the file's path, and what to keep of it: as read
// whole, so that no sync reads it; its stat stands though it is new, as
// no one else writes it.
func writeSyncLog(db *store.DB, logs, machine string, now time.Time, out outbox) (string, store.SyncFile, error) {
	var buf bytes.Buffer
	var f store.SyncFile
	reviews, err := reviewsOf(db, out.uids)
	if err != nil {
		return "", f, err
	}
	for _, r := range reviews {
		if err := writeLine(&buf, r); err != nil {
			return "", f, err
		}
		f.Keys = append(f.Keys, r.UID)
	}
	events := out.events
	for _, uid := range out.undone {
		events = append(events, eventJSON{Undo: uid})
	}
	for _, e := range events {
		b, err := json.Marshal(e)
		if err != nil {
			return "", f, err
		}
		buf.Write(termtext.EscapeJSON(append(b, '\n')))
		f.Keys = append(f.Keys, e.key())
	}
	f.Lines, f.Whole = len(f.Keys), true
	ext, data := ".jsonl", buf.Bytes()
	if len(data) > gzipOver {
		ext, data = ".jsonl.gz", gzipped(data)
	}
	path, err := publish(logs, machine+"-"+now.UTC().Format("20060102T150405.000Z"), ext, data)
	if err != nil {
		return "", f, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return "", f, fmt.Errorf("sync: %w", err)
	}
	f.Name, f.Stamp, f.Read = filepath.Base(path), stampOf(info), int64(len(data))
	if ext == ".jsonl" {
		f.Tail = tailHash(data, 0, f.Read)
	}
	return path, f, nil
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
