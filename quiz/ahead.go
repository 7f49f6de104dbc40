package quiz

import "github.com/open-spaced-repetition/go-fsrs/v4"

// AheadEmpty is why studying ahead found nothing to ask.
type AheadEmpty int

// Why studying ahead found nothing.
const (
	AheadFound        AheadEmpty = iota // it found items, or the session does not study ahead
	AheadNoneStudied                    // no item has a schedule yet: ahead never takes new items
	AheadStudiedToday                   // every scheduled item's card was answered today
	AheadSuspended                      // every scheduled item is suspended (a leech)
	AheadReviewLimit                    // the day's review limit is reached (and no session limit)
)

// WhyNothingAhead says why a session studying ahead (Mode ahead) had
// nothing to ask from the start; AheadFound for any other session.
func (s *Session) WhyNothingAhead() AheadEmpty {
	if s.mode != ModeAhead || s.phase != Finished || len(s.history) > 0 {
		return AheadFound
	}
	if s.opts.Limit <= 0 && today(s.deck.Items(), s.states, s.sch, s.clock()).reviewLeft == 0 {
		return AheadReviewLimit
	}
	why := AheadNoneStudied
	for _, it := range s.items {
		switch st, ok := s.states[it.ID]; {
		case !ok || st.Card.State == fsrs.New:
		case !st.Suspended:
			// Scheduled, yet not ahead: its card was answered today
			// (or it is due today, buried by a sibling answered today).
			return AheadStudiedToday
		default:
			why = AheadSuspended
		}
	}
	return why
}
