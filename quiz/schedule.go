package quiz

import (
	"fmt"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// Scheduling is the learner's scheduling configuration.
type Scheduling struct {
	// Params are go-fsrs's parameters: retention, learning steps, maximum
	// interval, fuzz. Use EnableFuzz in real use; a session seeds the fuzz
	// by the item and its review count (see repeat), so an item's
	// intervals stay the same all day.
	Params        fsrs.Parameters
	NewPerDay     int // new items introduced a day
	ReviewsPerDay int // reviews a day
	RolloverHour  int // the local hour a new study day starts (0-23)
	// AnswerTimeCap is the longest time an answer is logged as taking,
	// so that a card left on screen does not inflate the time studied
	// (Anki's "maximum answer seconds"); 0 caps nothing.
	AnswerTimeCap time.Duration
	// BurySiblings holds back, until the next day, the new items of the
	// cards a card introduced today gives away (Card.SiblingKeys: the same
	// word or sentence), or a card reviewed today by its word, and asks
	// the other items related to one studied today after the others. The
	// items of one card are one a day whatever it says.
	BurySiblings bool
}

// DefaultScheduling returns Anki's defaults: FSRS-6 with desired retention
// 0.9, learning steps 1m 10m, relearning step 10m, maximum interval 36500
// days, fuzz on; 20 new items and 200 reviews a day; the day starts at 4 am;
// an answer counts as 60 seconds at most; related cards are buried.
func DefaultScheduling() Scheduling {
	p := fsrs.DefaultParam()
	p.EnableFuzz = true
	return Scheduling{Params: p, NewPerDay: 20, ReviewsPerDay: 200, RolloverHour: 4, AnswerTimeCap: time.Minute, BurySiblings: true}
}

// Validate reports the first invalid value, naming it as config.toml does.
func (s Scheduling) Validate() error {
	if err := s.Params.Validate(); err != nil {
		return fmt.Errorf("scheduling: %w", err)
	}
	switch {
	case s.NewPerDay < 0:
		return fmt.Errorf("scheduling: new_per_day is %d: must be 0 or more", s.NewPerDay)
	case s.ReviewsPerDay < 0:
		return fmt.Errorf("scheduling: reviews_per_day is %d: must be 0 or more", s.ReviewsPerDay)
	case s.RolloverHour < 0 || s.RolloverHour > 23:
		return fmt.Errorf("scheduling: rollover_hour is %d: must be from 0 to 23", s.RolloverHour)
	case s.AnswerTimeCap < 0:
		return fmt.Errorf("scheduling: answer_time_cap is %v: must be 0 or more", s.AnswerTimeCap)
	}
	return nil
}

// DayStart returns the start of the learner's study day containing now:
// RolloverHour o'clock in now's location, on now's date, or on the day
// before when now is earlier than that.
func (s Scheduling) DayStart(now time.Time) time.Time {
	start := time.Date(now.Year(), now.Month(), now.Day(), s.RolloverHour, 0, 0, 0, now.Location())
	if now.Before(start) {
		start = time.Date(now.Year(), now.Month(), now.Day()-1, s.RolloverHour, 0, 0, 0, now.Location())
	}
	return start
}

// DayEnd returns the start of the study day after the one containing now.
func (s Scheduling) DayEnd(now time.Time) time.Time {
	start := s.DayStart(now)
	return time.Date(start.Year(), start.Month(), start.Day()+1, s.RolloverHour, 0, 0, 0, start.Location())
}
