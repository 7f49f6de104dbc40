package quiz

// LeechThreshold is the number of lapses that makes an item a leech, as in
// Anki: it is suspended then, and again at every LeechThreshold/2 lapses
// after that (once the learner has unsuspended it).
const LeechThreshold = 8

// markLeech suspends the item a scheduled review lapses for the
// LeechThreshold-th time (and every LeechThreshold/2 after). The
// suspension is part of r.After, so it is saved with the review and an
// undo takes it back. It reports whether it suspended the item.
func markLeech(r *Review) bool {
	if r.Mode == ModePractice || r.After.Suspended {
		return false
	}
	var before uint64
	if r.Before != nil {
		before = r.Before.Card.Lapses
	}
	n := r.After.Card.Lapses
	if n <= before || n < LeechThreshold || (n-LeechThreshold)%(LeechThreshold/2) != 0 {
		return false
	}
	r.After.Suspended = true
	return true
}

// Leech reports whether the review made its item a leech: it suspended
// the item (only a leech is suspended by a review).
func (r Review) Leech() bool {
	return r.Mode != ModePractice && r.After.Suspended && (r.Before == nil || !r.Before.Suspended)
}
