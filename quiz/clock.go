package quiz

import "time"

// Clock tells the current time. Sessions take one so that tests and demos
// can study across days in seconds.
type Clock func() time.Time

// SystemClock is the real time.
func SystemClock() time.Time { return time.Now() }

// ClockFrom returns a clock that reads start now and then runs forward
// with the real time.
func ClockFrom(start time.Time) Clock {
	began := time.Now()
	return func() time.Time { return start.Add(time.Since(began)) }
}
