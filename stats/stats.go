// Package stats turns the rows of the progress store into the figures
// `moatquiz stats` and the stats screen show: answers per study day and
// streaks, true retention, items by state, the due forecast, accuracy
// per deck and per tag, and the most lapsed items. It is pure: the
// caller reads the rows (store.DB.StatsRows) and passes them in. The
// JSON form of Stats is `moatquiz stats --json` (docs/stats.md).
package stats

import (
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// The figures' fixed parameters.
const (
	// MatureDays is the interval from which an item counts as mature
	// (Anki: 21 days); below it, it is young. The store counts answers
	// by it (store's migration 2).
	MatureDays = 21
	// ForecastDays is how many study days the due forecast covers, today
	// first.
	ForecastDays = 30
	// MostLapsedCount is how many items Stats.Lapsed lists at most.
	MostLapsedCount = 10
)

// RetentionPeriods are the periods, in study days ending today, over
// which Stats gives the true retention.
var RetentionPeriods = []int{7, 30, 365}

// Query says whose figures Compute computes, and when.
type Query struct {
	// Deck is the id of the one deck to count, or "" for all decks.
	Deck string
	// Decks are the decks' contents, as their indexes hold them: which
	// items exist (the items without a stored state are new), the cards'
	// tags, and the deck titles and item labels shown. The library fills
	// them in; the screens leave them empty. Items of cards no longer in their deck are left
	// out of the item counts, the forecast and the lapse lists; their
	// answers still count in the answer figures.
	Decks []Deck
	// Now is the current time in the learner's time zone: study days are
	// counted in Now.Location().
	Now time.Time
	// Scheduling gives RolloverHour, the local hour a study day starts.
	Scheduling quiz.Scheduling
}

// Rows are what the figures are computed from: the store's rows of the
// query's deck, or of every deck (Query.Scope says which).
type Rows struct {
	Slots     []Slot          // answers per quarter hour, in any order
	Retention []ReviewAnswers // answers on items in review, one per RetentionPeriods entry
	Cards     []CardAnswers   // answers per card
	Items     []Item          // stored item states, of any deck
}

// Slot counts the answers given in one quarter hour of UTC time, which
// never straddles the start of a study day.
type Slot struct {
	Start   time.Time
	Answers int
	TimeMS  int64 // time spent answering
}

// ReviewAnswers count the answers on items in review over a period,
// practice left out, by maturity, and how many of them were correct
// (not Again).
type ReviewAnswers struct {
	Young, YoungCorrect   int
	Mature, MatureCorrect int
}

// CardAnswers counts the answers on one card's items, and the correct
// ones (not Again).
type CardAnswers struct {
	Deck, Card       string
	Answers, Correct int
}

// Item is a stored item state, as far as the figures need it.
type Item struct {
	ID        quiz.ItemID
	State     fsrs.State
	Suspended bool
	Due       time.Time
	Lapses    int
}

// Stats are the figures of the answers and the item states, as
// `moatquiz stats --json` prints them (docs/stats.md describes the
// shape). Dates are study days, "YYYY-MM-DD": an answer given before the
// rollover hour counts for the day before.
type Stats struct {
	Deck         string    `json:"deck"`          // the deck counted; "" for all decks
	Now          time.Time `json:"now"`           // when the figures were computed
	Timezone     string    `json:"timezone"`      // the zone study days are counted in: "Asia/Seoul", or "KST" for the system's zone
	RolloverHour int       `json:"rollover_hour"` // the local hour a study day starts
	Today        string    `json:"today"`         // the current study day

	Reviews   Totals      `json:"reviews"`     // answers today and in all
	TimeMS    Totals      `json:"time_ms"`     // time spent answering, in milliseconds
	Days      []Day       `json:"days"`        // every study day with an answer, oldest first
	Streak    Streak      `json:"streak"`      // consecutive study days
	Retention []Retention `json:"retention"`   // one per RetentionPeriods entry
	Items     ItemCounts  `json:"items"`       // the items by state
	Forecast  Forecast    `json:"forecast"`    // items falling due
	Decks     []DeckRatio `json:"decks"`       // accuracy per deck
	Tags      []TagRatio  `json:"tags"`        // accuracy per card tag
	Lapsed    []Lapsed    `json:"most_lapsed"` // the items with most lapses
	Leeches   []Lapsed    `json:"leeches"`     // the items with quiz.LeechThreshold lapses or more
}

// Totals is a figure for today and for all time.
type Totals struct {
	Today int64 `json:"today"`
	Total int64 `json:"total"`
}

// Day is one study day's activity.
type Day struct {
	Date    string `json:"date"`
	Reviews int    `json:"reviews"`
	TimeMS  int64  `json:"time_ms"`
}

// Streak counts consecutive study days with at least one answer.
type Streak struct {
	// Current ends today, or yesterday when nothing was answered yet
	// today (the streak is not lost before the day is over).
	Current int `json:"current"`
	// Longest is the longest run ever; LongestEnd its last day ("" when
	// there were no answers).
	Longest    int    `json:"longest"`
	LongestEnd string `json:"longest_end"`
}

// Ratio is how many of some answers were right (not Again).
type Ratio struct {
	Answers int      `json:"answers"`
	Correct int      `json:"correct"`
	Rate    *float64 `json:"rate"` // Correct/Answers; null when there were no answers
}

// newRatio fills Rate in.
func newRatio(answers, correct int) Ratio {
	r := Ratio{Answers: answers, Correct: correct}
	if answers > 0 {
		v := float64(correct) / float64(answers)
		r.Rate = &v
	}
	return r
}

// Retention is the true retention over a period: of the answers on items
// in the review state, the share that were not Again. Practice answers do
// not count. An item is mature when the interval it was reviewed at was
// MatureDays or more.
type Retention struct {
	Days   int       `json:"days"`  // the period: this many study days ending today
	Since  time.Time `json:"since"` // the start of the period's first day
	Young  Ratio     `json:"young"`
	Mature Ratio     `json:"mature"`
	All    Ratio     `json:"all"`
}

// ItemCounts are the items of the decks by state. Suspended items are
// counted only as suspended; Total is the sum of the others and Suspended.
type ItemCounts struct {
	Total      int `json:"total"`
	New        int `json:"new"` // never studied
	Learning   int `json:"learning"`
	Review     int `json:"review"`
	Relearning int `json:"relearning"`
	Suspended  int `json:"suspended"`
}

// Forecast is how many items fall due on each of the next ForecastDays
// study days. Overdue items (due before today) are counted today too.
type Forecast struct {
	Overdue int           `json:"overdue"`
	Days    []ForecastDay `json:"days"`
}

// ForecastDay is the number of items due on one study day.
type ForecastDay struct {
	Date string `json:"date"`
	Due  int    `json:"due"`
}

// DeckRatio is the accuracy of all the answers on one deck's items.
type DeckRatio struct {
	Deck  string `json:"deck"`
	Title string `json:"title"` // "" when the deck is not loaded
	Ratio
}

// TagRatio is the accuracy of all the answers on the cards with one tag.
type TagRatio struct {
	Tag string `json:"tag"`
	Ratio
}

// Lapsed is an item and how often it was forgotten.
type Lapsed struct {
	Item      string `json:"item"`  // "deck/card/item"
	Label     string `json:"label"` // the card's prompt, word or text, sanitised, on one line
	Lapses    int    `json:"lapses"`
	Leech     bool   `json:"leech"` // quiz.LeechThreshold lapses or more: tagged a leech, suspended or not
	Suspended bool   `json:"suspended"`
}

// Scope is what Rows must hold for q: the answers of q.Deck ("" for
// all decks), the item states of decks, and the answers on items in
// review from each retention period's start (since) to the end of today
// (until).
func (q Query) Scope() (deck string, decks []string, since []time.Time, until time.Time) {
	c := newCounter(q)
	for _, d := range c.decks {
		decks = append(decks, d.Header().ID)
	}
	for _, days := range RetentionPeriods {
		since = append(since, c.addDays(c.today, 1-days))
	}
	return q.Deck, decks, since, c.addDays(c.today, 1)
}

// Compute computes every figure of q from rows.
func Compute(q Query, rows Rows) *Stats {
	c := newCounter(q)
	s := &Stats{
		Deck: q.Deck, Now: q.Now, Timezone: zoneName(q.Now),
		RolloverHour: c.sch.RolloverHour, Today: date(c.today),
	}
	c.days(s, rows.Slots)
	c.retention(s, rows.Retention)
	c.items(s, rows.Items)
	c.ratios(s, rows.Cards)
	return s
}

// counter computes the figures of one query.
type counter struct {
	q     Query
	sch   quiz.Scheduling
	loc   *time.Location
	today time.Time       // the start of the current study day
	decks []Deck          // the decks in scope
	byID  map[string]Deck // the decks in scope by id
}

// newCounter prepares q's scope.
func newCounter(q Query) *counter {
	c := &counter{q: q, sch: q.Scheduling, loc: q.Now.Location()}
	c.today = c.sch.DayStart(q.Now)
	c.byID = make(map[string]Deck)
	for _, d := range q.Decks {
		if d != nil && (q.Deck == "" || d.Header().ID == q.Deck) {
			c.decks = append(c.decks, d)
			c.byID[d.Header().ID] = d
		}
	}
	return c
}

// find is the scope's deck with the id and the position of its card with
// the id; false when there is none.
func (c *counter) find(deck, card string) (Deck, int, bool) {
	d := c.byID[deck]
	if d == nil {
		return nil, 0, false
	}
	pos, ok := d.Find(card)
	return d, pos, ok
}

// zoneName names t's time zone: its IANA name when known ("Asia/Seoul"),
// else its abbreviation ("KST") for the system's zone, else its offset.
func zoneName(t time.Time) string {
	if name := t.Location().String(); name != "Local" && name != "" {
		return name
	}
	if abbr, _ := t.Zone(); abbr != "" {
		return abbr
	}
	return t.Format("-07:00")
}

// date is the calendar date of a study day's start.
func date(dayStart time.Time) string { return dayStart.Format(time.DateOnly) }

// addDays is the start of the study day n days after the one starting at
// dayStart (n may be negative), in local time: across a change to or
// from daylight saving time the day is 23 or 25 hours long.
func (c *counter) addDays(dayStart time.Time, n int) time.Time {
	return time.Date(dayStart.Year(), dayStart.Month(), dayStart.Day()+n, c.sch.RolloverHour, 0, 0, 0, c.loc)
}
