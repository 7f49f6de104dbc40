package stats

import (
	"slices"
	"strings"
	"time"
)

// days fills Days, Reviews, TimeMS and Streak: every answer counts,
// practice too.
func (c *counter) days(s *Stats, slots []Slot) {
	byDate := make(map[string]*Day)
	var start, end time.Time // the study day of the slot before
	var day *Day
	for _, sl := range slots {
		if sl.Start.Before(start) || !sl.Start.Before(end) {
			start = c.sch.DayStart(sl.Start.In(c.loc))
			end = c.addDays(start, 1)
			d := date(start)
			if day = byDate[d]; day == nil {
				day = &Day{Date: d}
				byDate[d] = day
			}
		}
		day.Reviews += sl.Answers
		day.TimeMS += sl.TimeMS
		s.Reviews.Total += int64(sl.Answers)
		s.TimeMS.Total += sl.TimeMS
		if day.Date == s.Today {
			s.Reviews.Today += int64(sl.Answers)
			s.TimeMS.Today += sl.TimeMS
		}
	}
	s.Days = make([]Day, 0, len(byDate))
	for _, d := range byDate {
		s.Days = append(s.Days, *d)
	}
	slices.SortFunc(s.Days, func(a, b Day) int { return strings.Compare(a.Date, b.Date) })
	s.Streak = streak(s.Days, s.Today, date(c.addDays(c.today, -1)))
}

// streak finds the current and longest runs of consecutive dates in days
// (sorted, distinct), up to today: days after it (answers given with a
// clock set later) are left out.
func streak(days []Day, today, yesterday string) Streak {
	var st Streak
	run := 0
	prev := ""
	for _, d := range days {
		if d.Date > today {
			break
		}
		if prev != "" && nextDate(prev) == d.Date {
			run++
		} else {
			run = 1
		}
		prev = d.Date
		if run > st.Longest {
			st.Longest, st.LongestEnd = run, d.Date
		}
	}
	if prev == today || prev == yesterday {
		st.Current = run
	}
	return st
}

// nextDate is the calendar date after d ("YYYY-MM-DD").
func nextDate(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, 1).Format(time.DateOnly)
}

// retention fills Retention from the answers of each period.
func (c *counter) retention(s *Stats, periods []ReviewAnswers) {
	for i, days := range RetentionPeriods {
		var a ReviewAnswers
		if i < len(periods) {
			a = periods[i]
		}
		s.Retention = append(s.Retention, Retention{Days: days, Since: c.addDays(c.today, 1-days),
			Young: newRatio(a.Young, a.YoungCorrect), Mature: newRatio(a.Mature, a.MatureCorrect),
			All: newRatio(a.Young+a.Mature, a.YoungCorrect+a.MatureCorrect)})
	}
}
