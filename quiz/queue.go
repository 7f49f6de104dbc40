package quiz

import (
	"cmp"
	"slices"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// category is what an item is to the learner: new, in (re)learning steps,
// or a review. It decides the counts shown.
type category int

const (
	catNew category = iota
	catLearning
	catReview
)

// categoryOf returns an item's category from its stored state.
func categoryOf(st ItemState, ok bool) category {
	switch {
	case !ok || st.Card.State == fsrs.New:
		return catNew
	case st.Card.State == fsrs.Learning || st.Card.State == fsrs.Relearning:
		return catLearning
	}
	return catReview
}

// entry is an item waiting in the queue.
type entry struct {
	item Item
	due  time.Time // when a learning item's step is due
	cat  category
}

// queue is what is left to ask in a session.
//
// The order: learning items whose step is due (earliest first); then
// reviews (oldest due first); then new items in deck order; then the
// items of cards related to one studied today (later), kept apart from
// it; then, when nothing else is left, learning items whose step is not
// due yet, shown early rather than making the learner wait. Practice
// sessions keep their shuffled items in reviews.
//
// Every change after planning is written in a journal, so that undo can
// roll the queue back without a copy of it per answer.
type queue struct {
	learning []entry // sorted by due
	reviews  []entry
	fresh    []entry
	later    []entry // reviews and new items related to a card studied today
	journal  []change
	// gone are the items that left the session (Session.Follow): pop
	// skips them and counts leaves them out, wherever undo puts them.
	gone map[ItemID]bool
}

// change is one entry put into a list of the queue at an index, or taken
// out of it.
type change struct {
	list   int // 0 learning, 1 reviews, 2 fresh, 3 later
	at     int
	e      entry
	insert bool
}

// lists are the queue's lists, in the order change.list numbers them.
func (q *queue) lists() [4]*[]entry {
	return [4]*[]entry{&q.learning, &q.reviews, &q.fresh, &q.later}
}

// insert puts e into list l at index at, and notes it.
func (q *queue) insert(l, at int, e entry) {
	list := q.lists()[l]
	*list = slices.Insert(*list, at, e)
	q.journal = append(q.journal, change{list: l, at: at, e: e, insert: true})
}

// remove takes the entry at index at out of list l, notes it and
// returns it.
func (q *queue) remove(l, at int) entry {
	list := q.lists()[l]
	e := (*list)[at]
	if at == 0 {
		*list = (*list)[1:] // no copy: the front goes at every question
	} else {
		*list = slices.Delete(*list, at, at+1)
	}
	q.journal = append(q.journal, change{list: l, at: at, e: e})
	return e
}

// mark is the point in the journal to roll back to.
func (q *queue) mark() int { return len(q.journal) }

// rollback undoes the changes made since mark, last first.
func (q *queue) rollback(mark int) {
	for i := len(q.journal) - 1; i >= mark; i-- {
		c, list := q.journal[i], q.lists()[q.journal[i].list]
		if c.insert {
			*list = slices.Delete(*list, c.at, c.at+1)
		} else {
			*list = slices.Insert(*list, c.at, c.e)
		}
	}
	q.journal = q.journal[:mark]
}

// pop removes and returns the next item to ask at now, skipping those
// gone.
func (q *queue) pop(now time.Time) (entry, bool) {
	for {
		e, ok := q.take(now)
		if !ok || !q.gone[e.item.ID] {
			return e, ok
		}
	}
}

// take removes and returns the next entry at now.
func (q *queue) take(now time.Time) (entry, bool) {
	switch {
	case len(q.learning) > 0 && !q.learning[0].due.After(now):
		return q.remove(0, 0), true
	case len(q.reviews) > 0:
		return q.remove(1, 0), true
	case len(q.fresh) > 0:
		return q.remove(2, 0), true
	case len(q.later) > 0:
		return q.remove(3, 0), true
	case len(q.learning) > 0:
		return q.remove(0, 0), true
	}
	return entry{}, false
}

// addLearning puts a learning item back, in due order after any item due
// at the same time.
func (q *queue) addLearning(e entry) {
	i, _ := slices.BinarySearchFunc(q.learning, e.due, func(x entry, due time.Time) int {
		if x.due.After(due) {
			return 1
		}
		return -1
	})
	q.insert(0, i, e)
}

// requeue puts a practice item back at the end.
func (q *queue) requeue(e entry) { q.insert(1, len(q.reviews), e) }

// bury removes the new and review items of a card: its siblings, once one
// of its items is answered. With related (nil: none), it also moves the
// items of the cards related to it to the end of later (the new ones a
// new card gives away are not planned: planDue). Learning items are never
// buried nor moved: that would break their steps.
func (q *queue) bury(card string, related func(*Card) bool) {
	var later []entry
	for _, l := range []int{1, 2, 3} {
		list := q.lists()[l]
		for i := 0; i < len(*list); {
			switch c := (*list)[i].item.Card; {
			case c.ID == card:
				q.remove(l, i)
			case related != nil && related(c):
				later = append(later, q.remove(l, i))
			default:
				i++
			}
		}
	}
	for _, e := range later {
		q.insert(3, len(q.later), e)
	}
}

// leave makes the items of the entries out for gone, whether queued now
// or put back by a rollback (the journal's), leave the session.
func (q *queue) leave(out func(entry) bool) {
	if q.gone == nil {
		q.gone = map[ItemID]bool{}
	}
	mark := func(e entry) {
		if out(e) {
			q.gone[e.item.ID] = true
		}
	}
	for _, list := range q.lists() {
		for _, e := range *list {
			mark(e)
		}
	}
	for _, c := range q.journal {
		mark(c.e)
	}
}

// limit keeps at most n items: learning first, then reviews, then new.
func (q *queue) limit(n int) {
	for _, list := range []*[]entry{&q.learning, &q.reviews, &q.later, &q.fresh} {
		keep := min(len(*list), n)
		*list = (*list)[:keep]
		n -= keep
	}
}

// counts returns how many items of each category are in the queue.
func (q queue) counts() QueueCounts {
	var c QueueCounts
	for _, list := range [][]entry{q.learning, q.reviews, q.fresh, q.later} {
		for _, e := range list {
			if !q.gone[e.item.ID] {
				c.add(e.cat, 1)
			}
		}
	}
	return c
}

// day is what a study day's limits and burying need to know from states.
type day struct {
	start, end time.Time
	answered   map[string]bool // cards with an item reviewed today (scheduled)
	newLeft    int             // new items that may still be introduced today
	reviewLeft int             // reviews still allowed today
}

// today sums up the learner's day at now from the stored states: an item
// was introduced today when ItemState.Introduced is today, and reviewed
// today (counting against ReviewsPerDay) when its last review is today
// but it was introduced before.
func today(items []Item, states map[ItemID]ItemState, sch Scheduling, now time.Time) day {
	d := day{start: sch.DayStart(now), end: sch.DayEnd(now), answered: map[string]bool{}}
	introduced, reviewed := 0, 0
	for _, it := range items {
		st, ok := states[it.ID]
		if !ok || st.Card.LastReview.Before(d.start) || !st.Card.LastReview.Before(d.end) {
			continue
		}
		d.answered[it.Card.ID] = true
		if st.Introduced.Before(d.start) {
			reviewed++
		} else {
			introduced++
		}
	}
	d.newLeft = max(sch.NewPerDay-introduced, 0)
	d.reviewLeft = max(sch.ReviewsPerDay-reviewed, 0)
	return d
}

// planDue builds the queue of scheduled study at now of the items takes
// accepts: learning items due today; reviews due today, oldest due first,
// up to the day's review limit; new items in deck order up to the day's
// new limit. Suspended items never come; a card gives at most one new or
// review item a day, and none once one of its items was answered today
// (siblings are buried). With Scheduling.BurySiblings, a new item of a
// card related to one introduced today (answered or taken), or by its
// word to one reviewed today (answered or taken), is not taken (the next
// one is), and the items of cards related to one answered today come
// later. The day's limits and burying count every item answered
// today, taken or not: a filter does not renew the deck's day. It looks
// each item's state up once.
func planDue(items []Item, takes func(Item) bool, states map[ItemID]ItemState, sch Scheduling, now time.Time) queue {
	d := day{start: sch.DayStart(now), end: sch.DayEnd(now), answered: map[string]bool{}}
	introduced, reviewed := 0, 0
	// fresh holds back new items; seen, answered today, sends items later
	fresh, seen := newKin(sch.BurySiblings), newKin(sch.BurySiblings)
	var q queue
	var reviews []entry
	var news []int32 // indices of the new items that are not suspended
	for i, it := range items {
		st, ok := states[it.ID]
		if ok && !st.Card.LastReview.Before(d.start) && st.Card.LastReview.Before(d.end) {
			seen.claim(it.Card)
			d.answered[it.Card.ID] = true
			if st.Introduced.Before(d.start) {
				fresh.claimWords(it.Card)
				reviewed++
			} else {
				fresh.claim(it.Card)
				introduced++
			}
		}
		switch cat := categoryOf(st, ok); {
		case ok && st.Suspended, !takes(it):
		case cat == catNew:
			news = append(news, int32(i))
		case !st.Card.Due.Before(d.end):
		case cat == catLearning:
			q.learning = append(q.learning, entry{item: it, due: st.Card.Due, cat: cat})
		default:
			reviews = append(reviews, entry{item: it, due: st.Card.Due, cat: cat})
		}
	}
	d.newLeft = max(sch.NewPerDay-introduced, 0)
	d.reviewLeft = max(sch.ReviewsPerDay-reviewed, 0)
	// Learning items keep deck order among equal dues, as addLearning
	// would have put them one by one.
	slices.SortStableFunc(q.learning, func(a, b entry) int { return a.due.Compare(b.due) })
	slices.SortStableFunc(reviews, func(a, b entry) int { return a.due.Compare(b.due) })
	for _, e := range onePerCard(reviews, d.answered, d.reviewLeft) {
		q.add(e, seen)
		fresh.claimWords(e.item.Card)
	}
	n := 0
	for _, i := range news {
		if n >= d.newLeft {
			break
		}
		if it := items[i]; !d.answered[it.Card.ID] && !fresh.related(it.Card) {
			d.answered[it.Card.ID] = true
			fresh.claim(it.Card)
			q.add(entry{item: it, cat: catNew}, seen)
			n++
		}
	}
	return q
}

// add puts a planned review or new item in its list, or in later when a
// card seen today is related to it.
func (q *queue) add(e entry, seen kin) {
	switch {
	case seen.related(e.item.Card):
		q.later = append(q.later, e)
	case e.cat == catNew:
		q.fresh = append(q.fresh, e)
	default:
		q.reviews = append(q.reviews, e)
	}
}

// onePerCard keeps, in order, up to n entries whose card is not claimed
// yet, and claims their cards.
func onePerCard(list []entry, claimed map[string]bool, n int) []entry {
	var out []entry
	for _, e := range list {
		if len(out) == n {
			break
		}
		if !claimed[e.item.Card.ID] {
			claimed[e.item.Card.ID] = true
			out = append(out, e)
		}
	}
	return out
}

// planAhead builds the queue for studying ahead: of the items takes
// accepts, the scheduled ones not due today, soonest due first, one per
// card and none of a card answered today, up to n (the session limit, or
// else the reviews left today). As in planDue, burying and the review
// limit count every item answered today, taken or not.
func planAhead(items []Item, takes func(Item) bool, states map[ItemID]ItemState, sch Scheduling, now time.Time, n int) queue {
	d := today(items, states, sch, now)
	if n <= 0 {
		n = d.reviewLeft
	}
	var ahead []entry
	for _, it := range items {
		st, ok := states[it.ID]
		if ok && !st.Suspended && st.Card.State != fsrs.New && !st.Card.Due.Before(d.end) && takes(it) {
			ahead = append(ahead, entry{item: it, due: st.Card.Due, cat: categoryOf(st, ok)})
		}
	}
	slices.SortStableFunc(ahead, func(a, b entry) int { return a.due.Compare(b.due) })
	return queue{reviews: onePerCard(ahead, d.answered, n)}
}

// planPractice builds a practice queue: every item that is not
// suspended, in the order of PracticeRank for seed (deck order among
// equal ranks). Nothing is buried and no daily limit applies. The order
// of two items does not depend on the others, so that a session over
// part of a deck orders its items as the whole deck's does.
func planPractice(items []Item, states map[ItemID]ItemState, seed int64) queue {
	type ranked struct {
		entry
		rank uint64
	}
	var all []ranked
	for _, it := range items {
		st, ok := states[it.ID]
		if !(ok && st.Suspended) {
			all = append(all, ranked{entry{item: it, cat: categoryOf(st, ok)}, PracticeRank(seed, it.ID)})
		}
	}
	slices.SortStableFunc(all, func(a, b ranked) int { return cmp.Compare(a.rank, b.rank) })
	q := queue{reviews: make([]entry, len(all))}
	for i := range all {
		q.reviews[i] = all[i].entry
	}
	return q
}

// PracticeRank is where the item id comes in the practice order of a
// session with seed: items are asked by increasing rank.
func PracticeRank(seed int64, id ItemID) uint64 {
	const prime = 1099511628211
	x := uint64(14695981039346656037) ^ uint64(seed)
	for _, s := range [...]string{id.Deck, id.Card, id.Item} {
		for i := 0; i < len(s); i++ {
			x = (x ^ uint64(s[i])) * prime
		}
		x *= prime // a separator: ("ab", "c") is not ("a", "bc")
	}
	// FNV-1a leaves the last bytes in the low bits: mix them up (splitmix64).
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}
