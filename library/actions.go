package library

import (
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
)

// CardEditor is where the browser's actions are saved and a card's
// history read: the store.
type CardEditor interface {
	SetSuspended(ids []quiz.ItemID, on bool, now time.Time) ([]quiz.ItemID, error)
	Bury(cards []store.CardID, until, now time.Time) (map[store.CardID]time.Time, error)
	BuryUntil(cards map[store.CardID]time.Time, now time.Time) error
	SetFlags(flags map[store.CardID]int, now time.Time) (map[store.CardID]int, error)
	Reset(ids []quiz.ItemID, now time.Time) (store.Resetting, error)
	Restore(r store.Resetting, replay store.Replay) error
	CardReviews(deck, card string) ([]quiz.Review, error)
}

// Change is what an action did, and how to take it back.
type Change struct {
	Items []quiz.ItemID // the items whose state it changed (suspend, reset)
	Undo  func() error  // puts back what the action changed
}

// Suspend suspends (on) or unsuspends every item of the rows: no session
// shows a suspended item.
func Suspend(e CardEditor, rows []CardRow, on bool, now time.Time) (Change, error) {
	changed, err := e.SetSuspended(items(rows), on, now)
	return Change{Items: changed, Undo: func() error {
		_, err := e.SetSuspended(changed, !on, now)
		return err
	}}, err
}

// Bury keeps the rows' cards out of every session until the next study
// day of sch (its rollover hour).
func Bury(e CardEditor, rows []CardRow, sch quiz.Scheduling, now time.Time) (Change, error) {
	before, err := e.Bury(cards(rows), sch.DayEnd(now), now)
	return Change{Undo: func() error { return e.BuryUntil(before, now) }}, err
}

// Flag sets the rows' cards' flag at now: 0 (none) to store.MaxFlag.
func Flag(e CardEditor, rows []CardRow, flag int, now time.Time) (Change, error) {
	set := map[store.CardID]int{}
	for _, c := range cards(rows) {
		set[c] = flag
	}
	before, err := e.SetFlags(set, now)
	return Change{Undo: func() error {
		_, err := e.SetFlags(before, now)
		return err
	}}, err
}

// Reset makes every item of the rows new again at now; their review log
// stays, and the reset is an event that sync takes to other machines.
// Its undo replays with sch an item whose log a sync changed meanwhile.
func Reset(e CardEditor, rows []CardRow, sch quiz.Scheduling, now time.Time) (Change, error) {
	r, err := e.Reset(items(rows), now)
	ch := Change{Undo: func() error { return e.Restore(r, quiz.NewReplayer(sch).Replay) }}
	for id := range r.Before {
		ch.Items = append(ch.Items, id)
	}
	return ch, err
}

// items are the items of the rows' cards.
func items(rows []CardRow) []quiz.ItemID {
	var ids []quiz.ItemID
	for _, r := range rows {
		ids = append(ids, r.Items...)
	}
	return ids
}

// cards are the rows' cards.
func cards(rows []CardRow) []store.CardID {
	out := make([]store.CardID, len(rows))
	for i, r := range rows {
		out[i] = store.CardID{Deck: r.Deck, Card: r.Card}
	}
	return out
}

// CardInfo is a card's history and memory (quiz.CardInfo).
type CardInfo = quiz.CardInfo

// ItemInfo is one item's memory now.
type ItemInfo = quiz.ItemInfo

// ReviewInfo is one answer in a card's log.
type ReviewInfo = quiz.ReviewInfo

// Info returns row's card's items with their memory at now (read from
// st, with sch's parameters) and its review log.
func Info(e CardEditor, st CardStore, row CardRow, sch quiz.Scheduling, now time.Time) (*CardInfo, error) {
	states, err := st.States(row.Deck)
	if err != nil {
		return nil, err
	}
	f := fsrs.NewFSRS(sch.Params)
	info := &CardInfo{}
	for _, id := range row.Items {
		it := ItemInfo{ID: id, State: "new"}
		if s, ok := states[id]; ok && s.Card.State != fsrs.New {
			c := s.Card
			it.State, it.Due, it.Stability, it.Difficulty, it.Suspended = stateName(c.State), c.Due, c.Stability, c.Difficulty, s.Suspended
			it.LastReview = c.LastReview
			it.Retrievability, _ = f.Retrievability(c, now) //nolint:errcheck // 0 for a card it cannot judge
		} else if ok {
			it.Suspended = s.Suspended
		}
		info.Items = append(info.Items, it)
	}
	log, err := e.CardReviews(row.Deck, row.Card)
	if err != nil {
		return nil, err
	}
	for _, r := range log {
		info.Reviews = append(info.Reviews, ReviewInfo{Item: r.Item, At: r.ReviewedAt, Rating: r.Rating,
			Duration: r.Duration, Interval: r.After.Card.ScheduledDays, Mode: r.Mode})
	}
	return info, nil
}

// stateName names an FSRS state.
func stateName(s fsrs.State) string {
	return [...]string{"new", "learning", "review", "relearning"}[s]
}
