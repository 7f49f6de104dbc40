package quiz

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// ReviewUID is the stable id of the review of item id at time at rated
// r: the first 128 bits of a SHA-256 of them, in hex. It depends only on
// what the review is, so every machine, export and import (an Anki
// history imported twice too) gives one review the same id, and two logs
// merge by their union on it.
func ReviewUID(id ItemID, at time.Time, r fsrs.Rating) string {
	h := sha256.New()
	for _, s := range []string{"moatquiz review 1", id.Deck, id.Card, id.Item,
		strconv.FormatInt(at.UnixMilli(), 10), strconv.Itoa(int(r))} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Replayer recomputes items' states from their review logs with the
// scheduler a Session uses: the same go-fsrs parameters, fuzz seeded the
// same way, leeches suspended the same way. Replaying the log a Session
// saved gives back the states it saved.
type Replayer struct{ f *fsrs.FSRS }

// NewReplayer returns a Replayer scheduling with sch.
func NewReplayer(sch Scheduling) *Replayer { return &Replayer{f: fsrs.NewFSRS(sch.Params)} }

// sortHistory sorts reviews into the order a replay takes them: by time,
// then by UID, so any order of the same reviews replays the same.
func sortHistory(history []Review) {
	slices.SortStableFunc(history, func(a, b Review) int {
		if c := a.ReviewedAt.Compare(b.ReviewedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.UID, b.UID)
	})
}

// Replay sorts the history of one item by time (reviews of one moment by
// UID) and sets each review's Before and After as a Session would have
// saved them, starting from an item never studied. It returns the item's
// state after the last review, or nil when no review scheduled it
// (practice only).
//
// A scheduled review shows the item was being studied, so it starts from
// the item unsuspended; the review that makes it a leech suspends it.
func (p *Replayer) Replay(history []Review) (*ItemState, error) {
	sortHistory(history)
	var st *ItemState
	for i := range history {
		r := &history[i]
		r.Before = st
		if r.Mode == ModePractice { // the schedule is left alone, as a Session leaves it
			r.After = ItemState{Card: fsrs.NewCard(r.ReviewedAt)}
			if st != nil {
				r.After = *st
			}
			continue
		}
		if err := p.schedule(r, st); err != nil {
			return nil, err
		}
		after := r.After
		st = &after
	}
	return st, nil
}

// schedule sets r.Before and r.After for scheduled review r of an item
// in state st (nil: never studied), as Session.review does.
func (p *Replayer) schedule(r *Review, st *ItemState) error {
	card := fsrs.NewCard(r.ReviewedAt)
	r.After = ItemState{}
	if st != nil {
		card, r.After.Introduced = st.Card, st.Introduced
		b := *st
		b.Suspended = false
		r.Before = &b
	}
	log, err := repeat(p.f, r.Item, card, r.ReviewedAt)
	if err != nil {
		return fmt.Errorf("replay %s at %s: %w", r.Item, r.ReviewedAt.Format(time.RFC3339), err)
	}
	r.After.Card = log[r.Rating].Card
	if r.After.Introduced.IsZero() && categoryOf(ItemState{Card: card}, st != nil) == catNew {
		r.After.Introduced = r.ReviewedAt
	}
	markLeech(r)
	return nil
}
