package quiz

import (
	"encoding/binary"
	"hash/fnv"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// repeat is f.Repeat(card, at) for item id, with go-fsrs's fuzz seeded by
// the item and its review count (as Anki seeds it by the card and its
// reps) instead of by the moment: the intervals shown on the grade
// buttons stay the same all day, and are the ones saved whenever the
// answer comes.
//
// go-fsrs seeds the fuzz with the time it is given, and uses that time
// otherwise only by its UTC date (elapsed days) and as the start of the
// new due and last review. So repeat asks go-fsrs at a moment of at's UTC
// date picked by the item and its reps (pin), and moves the outcomes from
// pin to at.
func repeat(f *fsrs.FSRS, id ItemID, card fsrs.Card, at time.Time) (fsrs.RecordLog, error) {
	if card.LastReview.After(at) {
		return f.Repeat(card, at) // go-fsrs's error
	}
	pin := pinned(id, card, at)
	log, err := f.Repeat(card, pin)
	if err != nil {
		return nil, err
	}
	shift := at.Sub(pin)
	for r, info := range log {
		info.Card.Due = info.Card.Due.Add(shift)
		info.Card.LastReview = at
		info.ReviewLog.Review = at
		log[r] = info
	}
	return log, nil
}

// pinned is the moment of at's UTC date that stands for it in repeat: a
// millisecond of the day hashed from the item and its reps, and no
// earlier than the card's last review (go-fsrs refuses a review before
// it).
func pinned(id ItemID, card fsrs.Card, at time.Time) time.Time {
	h := fnv.New64a()
	for _, s := range []string{id.Deck, id.Card, id.Item} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write(binary.LittleEndian.AppendUint64(nil, card.Reps))
	u := at.UTC()
	day := time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC)
	const msPerDay = 24 * 60 * 60 * 1000
	pin := day.Add(time.Duration(h.Sum64()%msPerDay) * time.Millisecond)
	if card.LastReview.After(pin) {
		pin = card.LastReview
	}
	return pin
}
