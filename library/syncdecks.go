package library

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/moatquiz/moatquiz/internal/lazyregexp"
)

// DeckFolder is the folder, inside the sync folder, of each machine's
// copy of its decks: DeckFolder/MACHINE/ID.json, with the edit time of
// each card in DeckFolder/MACHINE/ID.times.json.
const DeckFolder = "moatquiz-decks"

// deckTimesFile is the data folder's record of its decks' cards.
const deckTimesFile = "sync-decks.json"

// cardMark is what a machine knows of one card: the hash of its JSON, when
// it was last edited, and every version (hash) it has held or taken in,
// so that a version one side has seen and moved on from is never taken
// for a new edit.
type cardMark struct {
	Hash string    `json:"hash"`
	At   time.Time `json:"at"`
	Seen []string  `json:"seen"`
}

// removed is the hash of a card's removal: a version of the card like
// an edit, so that the newest of edits and removals wins. A removed card's
// mark (its tombstone) is kept and published.
const removed = "removed"

// edited is m moved to version hash, edited at at, keeping what it saw.
func (m cardMark) edited(hash string, at time.Time, seen ...[]string) cardMark {
	all := slices.Concat(append(seen, m.Seen, []string{hash, m.Hash})...)
	slices.Sort(all)
	all = slices.DeleteFunc(slices.Compact(all), func(h string) bool { return h == "" })
	return cardMark{Hash: hash, At: at, Seen: all}
}

// saw reports whether m has held version hash.
func (m cardMark) saw(hash string) bool { return slices.Contains(m.Seen, hash) }

// rawDeck is a deck file as JSON: its fields, and its cards by id in order.
type rawDeck struct {
	fields map[string]json.RawMessage
	ids    []string
	cards  map[string]json.RawMessage
}

// DeckConflict is a card edited on two machines since they last synced:
// the newer edit keeps the id, the other is kept as a card of its own
// (Renamed). A card removed on one machine and edited on another is one
// too (Removed): a newer edit keeps the card, Renamed is ""; a newer
// removal removes it and keeps the edit renamed.
type DeckConflict struct {
	Deck, Card, Renamed string
	Removed             bool
}

// syncDecks merges the learner's decks with the other machines' copies in
// dir: a card one side has is added to the other; a card that differs
// takes the other side's version when that side has moved on from this
// one (it has held it); and a card each side edited without seeing the
// other's version keeps the newer edit under its id and the other under
// a new id (conflicts), on every machine alike.
// It then publishes this machine's decks and their cards' edit times, and
// returns the ids of the decks it changed here and of those whose copy in
// dir it wrote anew.
func (l *Library) syncDecks(dir, machine string, now time.Time) (changedDecks, shared []string, conflicts []DeckConflict, err error) {
	marks := map[string]map[string]cardMark{}
	if b, err := os.ReadFile(filepath.Join(l.dataDir, deckTimesFile)); err == nil {
		if err := json.Unmarshal(b, &marks); err != nil {
			return nil, nil, nil, fmt.Errorf("sync decks: %s is damaged (%v): remove it, and edits since the last sync count as conflicts", deckTimesFile, err)
		}
	}
	local, err := readDecks(l.DecksDir())
	if err != nil {
		return nil, nil, nil, err
	}
	remote, err := remoteDecks(filepath.Join(dir, DeckFolder), machine)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, id := range sortedKeys(local, remote) {
		if d, ok := local[id]; ok && d == nil {
			continue
		}
		if marks[id] == nil {
			marks[id] = map[string]cardMark{}
		}
		d, c, changed := mergeDeck(local[id], remote[id], marks[id], now)
		for i := range c {
			c[i].Deck = id
		}
		conflicts = append(conflicts, c...)
		if changed {
			changedDecks = append(changedDecks, id)
			if err := writeJSONFile(filepath.Join(l.DecksDir(), id+".json"), d.encode()); err != nil {
				return changedDecks, shared, conflicts, err
			}
		}
		published, err := publishDeck(filepath.Join(dir, DeckFolder, machine), id, d, marks[id])
		if err != nil {
			return changedDecks, shared, conflicts, err
		}
		if published && !changed { // a deck changed here is reported as such
			shared = append(shared, id)
		}
	}
	b, _ := json.Marshal(marks)
	return changedDecks, shared, conflicts, writeJSONFile(filepath.Join(l.dataDir, deckTimesFile), b)
}

// remoteCopy is another machine's copy of a deck with its cards' marks.
type remoteCopy struct {
	deck  *rawDeck
	marks map[string]cardMark
}

// mergeDeck merges the copies of a deck into d (local, nil when this
// machine lacks it) and reports the conflicts and whether d changed.
func mergeDeck(d *rawDeck, copies []remoteCopy, marks map[string]cardMark, now time.Time) (*rawDeck, []DeckConflict, bool) {
	changed := d == nil
	if d == nil { // a deck new here, or whose file was removed: taken whole, as new
		clear(marks)
		d = &rawDeck{fields: copies[0].deck.fields, cards: map[string]json.RawMessage{}}
	}
	for id, m := range marks { // removals made here since the last sync
		if _, ok := d.cards[id]; !ok && m.Hash != "" && m.Hash != removed {
			marks[id] = m.edited(removed, now)
		}
	}
	at := now
	if len(marks) == 0 { // the deck's first sync here: a copy of a file, the same version on every machine
		at = time.Time{}
	}
	for _, id := range d.ids { // edits made here since the last sync
		if h := cardHash(d.cards[id]); marks[id].Hash != h {
			marks[id] = marks[id].edited(h, at)
		}
	}
	var conflicts []DeckConflict
	for _, rc := range copies {
		for _, id := range rc.ids() {
			card, theirs := rc.deck.cards[id], rc.marks[id]
			if card != nil {
				theirs.Hash = cardHash(card)
			}
			mine := marks[id]
			switch {
			case mine.Hash == "": // new to this machine
				d.set(id, card)
				marks[id] = theirs.edited(theirs.Hash, theirs.At)
				changed = changed || card != nil
			case mine.Hash == theirs.Hash: // one version: its earliest time holds, whoever read it first
				marks[id] = mine.edited(mine.Hash, earliest(mine.At, theirs.At), theirs.Seen)
			case mine.saw(theirs.Hash) && (!theirs.saw(mine.Hash) || newer(mine, theirs)): // nothing new from them
				marks[id] = mine.edited(mine.Hash, mine.At, theirs.Seen, []string{theirs.Hash})
			case theirs.saw(mine.Hash): // they have moved on from this version, or settled a conflict on the newer
				d.set(id, card)
				marks[id] = mine.edited(theirs.Hash, theirs.At, theirs.Seen)
				changed = true
			default: // both edited it, or one removed it
				conflicts = append(conflicts, d.conflict(id, card, theirs, marks))
				changed = true
			}
		}
	}
	return d, conflicts, changed
}

// ids are the ids of the copy's cards, then of those it removed.
func (rc remoteCopy) ids() []string {
	ids := slices.Clone(rc.deck.ids)
	for _, id := range slices.Sorted(maps.Keys(rc.marks)) {
		if _, ok := rc.deck.cards[id]; !ok && rc.marks[id].Hash == removed {
			ids = append(ids, id)
		}
	}
	return ids
}

// conflict settles a card both sides edited (card, theirs: nil when they
// removed it): the newer edit keeps id; the other is added under an id
// made from id and its hash, unless it is a removal.
func (d *rawDeck) conflict(id string, card json.RawMessage, theirs cardMark, marks map[string]cardMark) DeckConflict {
	mine := marks[id]
	win, lose := theirs, mine
	if !newer(theirs, mine) {
		win, lose = mine, theirs
	} else {
		card = d.set(id, card)
	}
	marks[id] = mine.edited(win.Hash, win.At, theirs.Seen, []string{theirs.Hash})
	c := DeckConflict{Card: id, Removed: win.Hash == removed || lose.Hash == removed}
	if lose.Hash == removed {
		return c
	}
	c.Renamed = id
	if len(c.Renamed) > 48 {
		c.Renamed = c.Renamed[:48]
	}
	c.Renamed += "-conflict-" + lose.Hash[:6]
	d.put(c.Renamed, withID(card, c.Renamed))
	marks[c.Renamed] = cardMark{}.edited(cardHash(d.cards[c.Renamed]), lose.At)
	return c
}

// newer reports whether edit a is newer than b: by time, then by hash,
// so that every machine picks the same. A version has one time on every
// machine (the earliest any gave it), so no machine id is needed.
func newer(a, b cardMark) bool {
	return a.At.After(b.At) || a.At.Equal(b.At) && a.Hash > b.Hash
}

// earliest is the earlier of two times of one version.
func earliest(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// set puts card id, or removes it when card is nil, and returns the card
// it had (nil: none).
func (d *rawDeck) set(id string, card json.RawMessage) json.RawMessage {
	old := d.cards[id]
	if card != nil {
		d.put(id, card)
	} else if old != nil {
		delete(d.cards, id)
		d.ids = slices.DeleteFunc(d.ids, func(c string) bool { return c == id })
	}
	return old
}

// put adds or replaces card id.
func (d *rawDeck) put(id string, card json.RawMessage) {
	if _, ok := d.cards[id]; !ok {
		d.ids = append(d.ids, id)
	}
	d.cards[id] = card
}

// withID is card with its "id" set to id.
func withID(card json.RawMessage, id string) json.RawMessage {
	var m map[string]json.RawMessage
	if json.Unmarshal(card, &m) != nil {
		return card
	}
	m["id"], _ = json.Marshal(id)
	b, _ := json.Marshal(m)
	return b
}

// cardHash is the hash of a card's JSON, spacing aside.
func cardHash(card json.RawMessage) string {
	var b bytes.Buffer
	if json.Compact(&b, card) != nil {
		b.Write(card)
	}
	h := sha256.Sum256(b.Bytes())
	return hex.EncodeToString(h[:8])
}

// parseRawDeck reads a deck file as JSON; ok is false for a file that is
// not a deck with card ids (left alone).
func parseRawDeck(data []byte) (*rawDeck, bool) {
	d := &rawDeck{cards: map[string]json.RawMessage{}}
	if json.Unmarshal(data, &d.fields) != nil {
		return nil, false
	}
	var cards []json.RawMessage
	if json.Unmarshal(d.fields["cards"], &cards) != nil {
		return nil, false
	}
	for _, c := range cards {
		var card struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(c, &card) != nil || card.ID == "" {
			return nil, false
		}
		d.put(card.ID, c)
	}
	return d, true
}

// encode is the deck file: its fields, then its cards one a line.
func (d *rawDeck) encode() []byte {
	fields := map[string]json.RawMessage{}
	for k, v := range d.fields {
		if k != "cards" {
			fields[k] = v
		}
	}
	head, _ := json.Marshal(fields)
	var b bytes.Buffer
	b.Write(head[:len(head)-1])
	b.WriteString(`,"cards":[`)
	for i, id := range d.ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n")
		json.Compact(&b, d.cards[id]) //nolint:errcheck // cards were read as JSON
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// deckFileID is the name of a deck file that sync merges, before .json:
// a deck id. Other files, a sync tool's conflict copies among them
// ("mine (conflicted copy).json"), are left alone.
var deckFileID = lazyregexp.New(`^[a-z0-9_-]{1,64}$`)

// readDecks reads the deck files of folder by deck id (the file name);
// a file that is not a deck with card ids is there as nil.
func readDecks(folder string) (map[string]*rawDeck, error) {
	decks := map[string]*rawDeck{}
	entries, err := os.ReadDir(folder)
	if errors.Is(err, fs.ErrNotExist) {
		return decks, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sync decks: %w", err)
	}
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || e.IsDir() || !deckFileID().MatchString(id) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(folder, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("sync decks: %w", err)
		}
		d, _ := parseRawDeck(b)
		decks[id] = d // nil: not a deck with card ids (a deck being edited, another file): left alone
	}
	return decks, nil
}

// remoteDecks reads the other machines' copies of their decks, by deck id.
func remoteDecks(folder, machine string) (map[string][]remoteCopy, error) {
	out := map[string][]remoteCopy{}
	machines, err := os.ReadDir(folder)
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sync decks: %w", err)
	}
	for _, m := range machines {
		if !m.IsDir() || m.Name() == machine || strings.HasPrefix(m.Name(), ".") {
			continue
		}
		decks, err := readDecks(filepath.Join(folder, m.Name()))
		if err != nil {
			return nil, err
		}
		for id, d := range decks {
			if d == nil {
				continue
			}
			marks := map[string]cardMark{}
			if b, err := os.ReadFile(filepath.Join(folder, m.Name(), id+".times.json")); err == nil {
				json.Unmarshal(b, &marks) //nolint:errcheck // no times: every card counts as edited at the epoch
			}
			out[id] = append(out[id], remoteCopy{deck: d, marks: marks})
		}
	}
	return out, nil
}

// publishDeck writes this machine's copy of deck id and its cards' marks,
// and says whether the copy in the folder changed.
func publishDeck(folder, id string, d *rawDeck, marks map[string]cardMark) (bool, error) {
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return false, fmt.Errorf("sync decks: %w", err)
	}
	times := map[string]cardMark{}
	for c, m := range marks {
		if _, ok := d.cards[c]; ok || m.Hash == removed {
			times[c] = m
		}
	}
	b, _ := json.Marshal(times)
	if err := writeJSONFile(filepath.Join(folder, id+".times.json"), b); err != nil {
		return false, err
	}
	path, data := filepath.Join(folder, id+".json"), d.encode()
	old, err := os.ReadFile(path)
	return err != nil || !bytes.Equal(old, data), writeJSONFile(path, data)
}

// writeJSONFile writes data to path whole or not at all, unless the file
// holds it already.
func writeJSONFile(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	err := os.MkdirAll(filepath.Dir(path), 0o755)
	if err == nil {
		err = writeWhole(path, data)
	}
	if err != nil {
		return fmt.Errorf("sync decks: write %s: %w", path, err)
	}
	return nil
}

// sortedKeys is the deck ids of local and remote, sorted.
func sortedKeys(local map[string]*rawDeck, remote map[string][]remoteCopy) []string {
	var ids []string
	for id := range local {
		ids = append(ids, id)
	}
	for id := range remote {
		if _, ok := local[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}
