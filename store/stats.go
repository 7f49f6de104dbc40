package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// The figures' fixed parameters.
const (
	// MatureDays is the interval from which an item counts as mature
	// (Anki: 21 days); below it, it is young.
	MatureDays = 21
	// ForecastDays is how many study days the due forecast covers, today
	// first.
	ForecastDays = 30
	// MostLapsedCount is how many items Stats.MostLapsed lists at most.
	MostLapsedCount = 10
)

// RetentionPeriods are the periods, in study days ending today, over
// which Stats gives the true retention.
var RetentionPeriods = []int{7, 30, 365}

// slotMS is the width of the buckets in which the review log is counted
// before the buckets are assigned to the learner's study days: 15
// minutes, since every time zone in use is a whole number of quarter
// hours from UTC, so no bucket straddles a study day's start, whatever
// the zone and its daylight saving time.
const slotMS = 15 * 60 * 1000

// StatsQuery says whose figures Stats computes, and when.
type StatsQuery struct {
	// Deck is the id of the one deck to count, or "" for all decks.
	Deck string
	// Decks are the decks' contents: which items exist (the items without
	// a stored state are new), the cards' tags, and the deck titles and
	// item labels shown. Items of cards no longer in their deck are left
	// out of the item counts, the forecast and the lapse lists; their
	// reviews still count in the review figures.
	Decks []*quiz.Deck
	// Now is the current time in the learner's time zone: study days are
	// counted in Now.Location().
	Now time.Time
	// Scheduling gives RolloverHour, the local hour a study day starts.
	Scheduling quiz.Scheduling
}

// Stats are the figures of the review log and the item states, as
// `moatquiz stats --json` prints them (docs/stats.md describes the
// shape). Dates are study days, "YYYY-MM-DD": a review made before the
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
	Suspended bool   `json:"suspended"`
}

// Stats computes every figure for q from the review log and the item
// states. It only reads, so it works on a store opened read-only.
func (db *DB) Stats(q StatsQuery) (*Stats, error) {
	s, err := db.stats(newCounter(q))
	if err != nil {
		return nil, fmt.Errorf("stats from %s: %w", db.path, explain(err))
	}
	return s, nil
}

// counter computes the figures of one query.
type counter struct {
	q     StatsQuery
	sch   quiz.Scheduling
	loc   *time.Location
	today time.Time    // the start of the current study day
	items string       // the scope's items, a JSON array of [deck, card, item]
	cards cardIndex    // the scope's cards
	decks []*quiz.Deck // the decks in scope
}

// cardIndex finds a card by deck and card id.
type cardIndex map[[2]string]*quiz.Card

// newCounter prepares q's scope.
func newCounter(q StatsQuery) *counter {
	c := &counter{q: q, sch: q.Scheduling, loc: q.Now.Location(), cards: cardIndex{}}
	c.today = c.sch.DayStart(q.Now)
	var ids [][3]string
	for _, d := range q.Decks {
		if d == nil || (q.Deck != "" && d.ID != q.Deck) {
			continue
		}
		c.decks = append(c.decks, d)
		for i := range d.Cards {
			c.cards[[2]string{d.ID, d.Cards[i].ID}] = &d.Cards[i]
		}
		for _, it := range d.Items() {
			ids = append(ids, [3]string{it.ID.Deck, it.ID.Card, it.ID.Item})
		}
	}
	b, _ := json.Marshal(ids) // strings only: cannot fail
	if ids == nil {
		b = []byte("[]")
	}
	c.items = string(b)
	return c
}

// stats runs the queries.
func (db *DB) stats(c *counter) (*Stats, error) {
	s := &Stats{
		Deck: c.q.Deck, Now: c.q.Now, Timezone: zoneName(c.q.Now),
		RolloverHour: c.sch.RolloverHour, Today: date(c.today),
	}
	steps := []func(*DB, *Stats) error{
		c.days, c.retention, c.itemCounts, c.forecast, c.ratios, c.lapsed,
	}
	for _, step := range steps {
		if err := step(db, s); err != nil {
			return nil, err
		}
	}
	return s, nil
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

// deckFilter is the SQL condition restricting a table's rows to the
// query's deck ("1" for all decks) and its arguments.
func (c *counter) deckFilter() (string, []any) {
	if c.q.Deck == "" {
		return "1", nil
	}
	return "deck = ?", []any{c.q.Deck}
}

// sqlDays counts the review log in slotMS buckets.
const sqlDays = "SELECT reviewed_at / %d AS slot, COUNT(*), SUM(duration_ms) FROM review " +
	"WHERE %s GROUP BY slot ORDER BY slot"

// days fills Days, Reviews, TimeMS and Streak: every answer counts,
// practice too.
func (c *counter) days(db *DB, s *Stats) error {
	where, args := c.deckFilter()
	rows, err := db.sql.Query(fmt.Sprintf(sqlDays, slotMS, where), args...)
	if err != nil {
		return fmt.Errorf("count reviews per day: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var slot, n, ms int64
		if err := rows.Scan(&slot, &n, &ms); err != nil {
			return fmt.Errorf("count reviews per day: %w", err)
		}
		c.addSlot(s, fromMS(slot*slotMS), int(n), ms)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("count reviews per day: %w", err)
	}
	s.Streak = streak(s.Days, s.Today, date(c.addDays(c.today, -1)))
	if s.Days == nil {
		s.Days = []Day{}
	}
	return nil
}

// addSlot adds a bucket's answers to its study day; buckets come in time
// order, so the days do too.
func (c *counter) addSlot(s *Stats, at time.Time, n int, ms int64) {
	d := date(c.sch.DayStart(at.In(c.loc)))
	if len(s.Days) == 0 || s.Days[len(s.Days)-1].Date != d {
		s.Days = append(s.Days, Day{Date: d})
	}
	day := &s.Days[len(s.Days)-1]
	day.Reviews += n
	day.TimeMS += ms
	s.Reviews.Total += int64(n)
	s.TimeMS.Total += ms
	if d == s.Today {
		s.Reviews.Today += int64(n)
		s.TimeMS.Today += ms
	}
}

// streak finds the current and longest runs of consecutive dates in days
// (sorted, distinct), up to today: days after it (reviews made with a
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

// sqlRetention counts, in one pass, the answers on items in the review
// state by maturity; %s are a pair of sums per period (answers and
// correct answers since the period's start), then the deck filter.
var sqlRetention = "SELECT before_scheduled_days >= " + fmt.Sprint(MatureDays) +
	" AS mature%s FROM review WHERE before_state = " + fmt.Sprint(int(fsrs.Review)) +
	" AND mode != '" + string(quiz.ModePractice) + "' AND reviewed_at >= ? AND reviewed_at < ? " +
	"AND %s GROUP BY mature"

// retention fills Retention, one entry per period.
func (c *counter) retention(db *DB, s *Stats) error {
	var sums strings.Builder
	var args []any
	since := make([]time.Time, len(RetentionPeriods))
	for i, days := range RetentionPeriods {
		since[i] = c.addDays(c.today, 1-days)
		sums.WriteString(", SUM(reviewed_at >= ?), SUM(reviewed_at >= ? AND rating > 1)")
		args = append(args, since[i].UnixMilli(), since[i].UnixMilli())
	}
	oldest := slices.MinFunc(since, func(a, b time.Time) int { return a.Compare(b) })
	args = append(args, oldest.UnixMilli(), c.addDays(c.today, 1).UnixMilli())
	where, deck := c.deckFilter()
	n, err := scanRetention(db, fmt.Sprintf(sqlRetention, sums.String(), where), append(args, deck...))
	if err != nil {
		return fmt.Errorf("true retention: %w", err)
	}
	for i, days := range RetentionPeriods {
		young, mature := n[0][2*i:2*i+2], n[1][2*i:2*i+2]
		s.Retention = append(s.Retention, Retention{Days: days, Since: since[i],
			Young: newRatio(young[0], young[1]), Mature: newRatio(mature[0], mature[1]),
			All: newRatio(young[0]+mature[0], young[1]+mature[1])})
	}
	return nil
}

// scanRetention reads sqlRetention's rows: for young ([0]) and mature
// ([1]) items, the answers and correct answers of each period in turn.
func scanRetention(db *DB, query string, args []any) ([2][]int, error) {
	sums := 2 * len(RetentionPeriods)
	n := [2][]int{make([]int, sums), make([]int, sums)}
	rows, err := db.sql.Query(query, args...)
	if err != nil {
		return n, err
	}
	defer rows.Close()
	for rows.Next() {
		var mature bool
		row := make([]int, sums)
		dest := []any{&mature}
		for i := range row {
			dest = append(dest, &row[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return n, err
		}
		if mature {
			n[1] = row
		} else {
			n[0] = row
		}
	}
	return n, rows.Err()
}

// scopeItems is a common table expression of the scope's items, from the
// JSON array bound to its one parameter.
const scopeItems = "WITH d (deck, card, item) AS (SELECT value ->> 0, value ->> 1, value ->> 2 " +
	"FROM json_each(?)) "

// joinItems joins item_state s to the scope's items.
const joinItems = "FROM d JOIN item_state s ON s.deck = d.deck AND s.card = d.card AND s.item = d.item "

// sqlItemCounts counts the scope's stored item states.
const sqlItemCounts = scopeItems + "SELECT s.state, s.suspended, COUNT(*) " + joinItems +
	"GROUP BY s.state, s.suspended"

// itemCounts fills Items: the scope's items without a stored state are new.
func (c *counter) itemCounts(db *DB, s *Stats) error {
	rows, err := db.sql.Query(sqlItemCounts, c.items)
	if err != nil {
		return fmt.Errorf("count items by state: %w", err)
	}
	defer rows.Close()
	stored := 0
	for rows.Next() {
		var state, n int
		var suspended bool
		if err := rows.Scan(&state, &suspended, &n); err != nil {
			return fmt.Errorf("count items by state: %w", err)
		}
		stored += n
		s.Items.add(fsrs.State(state), suspended, n)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("count items by state: %w", err)
	}
	var total int
	for _, d := range c.decks {
		total += len(d.Items())
	}
	s.Items.Total = total
	s.Items.New += total - stored
	return nil
}

// add counts n items of a state.
func (ic *ItemCounts) add(state fsrs.State, suspended bool, n int) {
	switch {
	case suspended:
		ic.Suspended += n
	case state == fsrs.Learning:
		ic.Learning += n
	case state == fsrs.Review:
		ic.Review += n
	case state == fsrs.Relearning:
		ic.Relearning += n
	default:
		ic.New += n
	}
}

// sqlForecast counts the scope's scheduled items by due time, in slotMS
// buckets.
var sqlForecast = scopeItems + fmt.Sprintf("SELECT s.due / %d AS slot, COUNT(*) ", slotMS) + joinItems +
	"WHERE s.suspended = 0 AND s.state != " + fmt.Sprint(int(fsrs.New)) +
	" AND s.due < ? GROUP BY slot ORDER BY slot"

// forecast fills Forecast.
func (c *counter) forecast(db *DB, s *Stats) error {
	end := c.addDays(c.today, ForecastDays)
	index := make(map[string]int, ForecastDays)
	s.Forecast.Days = make([]ForecastDay, ForecastDays)
	for i := range s.Forecast.Days {
		d := date(c.addDays(c.today, i))
		s.Forecast.Days[i].Date = d
		index[d] = i
	}
	rows, err := db.sql.Query(sqlForecast, c.items, end.UnixMilli())
	if err != nil {
		return fmt.Errorf("forecast: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var slot int64
		var n int
		if err := rows.Scan(&slot, &n); err != nil {
			return fmt.Errorf("forecast: %w", err)
		}
		at := fromMS(slot * slotMS)
		if at.Before(c.today) {
			s.Forecast.Overdue += n
			s.Forecast.Days[0].Due += n
			continue
		}
		if i, ok := index[date(c.sch.DayStart(at.In(c.loc)))]; ok {
			s.Forecast.Days[i].Due += n
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("forecast: %w", err)
	}
	return nil
}

// sqlCardRatios is the accuracy of every answer, per card.
const sqlCardRatios = "SELECT deck, card, COUNT(*), SUM(rating > 1) FROM review WHERE %s GROUP BY deck, card"

// ratios fills Decks and Tags from one pass over the log: the answers
// per card, added up per deck, and per tag of the card's deck file
// (cards no longer in their deck have no tags).
func (c *counter) ratios(db *DB, s *Stats) error {
	where, args := c.deckFilter()
	rows, err := db.sql.Query(fmt.Sprintf(sqlCardRatios, where), args...)
	if err != nil {
		return fmt.Errorf("accuracy per deck and tag: %w", err)
	}
	defer rows.Close()
	decks, tags := newTally(), newTally()
	for rows.Next() {
		var deck, card string
		var answers, correct int
		if err := rows.Scan(&deck, &card, &answers, &correct); err != nil {
			return fmt.Errorf("accuracy per deck and tag: %w", err)
		}
		decks.add(deck, answers, correct)
		if c := c.cards[[2]string{deck, card}]; c != nil {
			for _, tag := range distinct(c.Tags) {
				tags.add(oneLine(tag), answers, correct)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("accuracy per deck and tag: %w", err)
	}
	titles := make(map[string]string)
	for _, d := range c.q.Decks {
		if d != nil {
			titles[d.ID] = oneLine(d.Title)
		}
	}
	s.Decks, s.Tags = []DeckRatio{}, []TagRatio{}
	for _, deck := range decks.keys() {
		s.Decks = append(s.Decks, DeckRatio{Deck: deck, Title: titles[deck], Ratio: decks.ratio(deck)})
	}
	for _, tag := range tags.keys() {
		s.Tags = append(s.Tags, TagRatio{Tag: tag, Ratio: tags.ratio(tag)})
	}
	return nil
}

// tally adds up answers by key.
type tally struct{ answers, correct map[string]int }

func newTally() tally { return tally{map[string]int{}, map[string]int{}} }

// add counts answers under key.
func (t tally) add(key string, answers, correct int) {
	t.answers[key] += answers
	t.correct[key] += correct
}

// keys are the keys counted, sorted.
func (t tally) keys() []string {
	keys := make([]string, 0, len(t.answers))
	for k := range t.answers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ratio is key's count.
func (t tally) ratio(key string) Ratio { return newRatio(t.answers[key], t.correct[key]) }

// distinct is tags without repeats.
func distinct(tags []string) []string {
	seen := make(map[string]bool, len(tags))
	var out []string
	for _, t := range tags {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// sqlLapsed lists the scope's items that lapsed, most lapses first.
const sqlLapsed = scopeItems + "SELECT s.deck, s.card, s.item, s.lapses, s.suspended " + joinItems +
	"WHERE s.lapses > 0 ORDER BY s.lapses DESC, s.deck, s.card, s.item"

// lapsed fills Lapsed and Leeches.
func (c *counter) lapsed(db *DB, s *Stats) error {
	rows, err := db.sql.Query(sqlLapsed, c.items)
	if err != nil {
		return fmt.Errorf("most lapsed items: %w", err)
	}
	defer rows.Close()
	s.Lapsed, s.Leeches = []Lapsed{}, []Lapsed{}
	for rows.Next() {
		var id quiz.ItemID
		var l Lapsed
		if err := rows.Scan(&id.Deck, &id.Card, &id.Item, &l.Lapses, &l.Suspended); err != nil {
			return fmt.Errorf("most lapsed items: %w", err)
		}
		l.Item = id.String()
		l.Label = ItemLabel(c.cards[[2]string{id.Deck, id.Card}], id.Item)
		if len(s.Lapsed) < MostLapsedCount {
			s.Lapsed = append(s.Lapsed, l)
		}
		if l.Lapses >= quiz.LeechThreshold {
			s.Leeches = append(s.Leeches, l)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("most lapsed items: %w", err)
	}
	return nil
}

// ItemLabel names an item for a list: a fact card's prompt, a vocab
// card's word with the direction, a cloze card's text with the item's
// deletions shown as [...]; sanitised and on one line. A nil card (no
// longer in its deck) gives "".
func ItemLabel(c *quiz.Card, item string) string {
	if c == nil {
		return ""
	}
	switch c.Kind {
	case quiz.KindFact:
		if c.Prompt == "" {
			return oneLine(c.PromptEn)
		}
		return oneLine(c.Prompt)
	case quiz.KindVocab:
		return oneLine(c.Word) + " (" + item + ")"
	case quiz.KindCloze:
		return oneLine(clozeLabel(c.Text, item))
	}
	return ""
}

// clozeLabel is a cloze text with deletion item hidden.
func clozeLabel(text, item string) string {
	parts, err := quiz.ParseCloze(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	for _, p := range parts {
		if p.Num > 0 && fmt.Sprintf("c%d", p.Num) == item {
			b.WriteString("[...]")
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// oneLine is s sanitised, with its runs of white space made single
// spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(quiz.Sanitize(s)), " ")
}

// ParseItemID reads an item id written "deck/card/item", as
// quiz.ItemID.String writes it.
func ParseItemID(s string) (quiz.ItemID, error) {
	parts := strings.Split(s, "/")
	if len(parts) != 3 || slices.Contains(parts, "") {
		return quiz.ItemID{}, fmt.Errorf("item %q: want deck/card/item, like article/moat/fact", s)
	}
	return quiz.ItemID{Deck: parts[0], Card: parts[1], Item: parts[2]}, nil
}

// ErrNoItem is returned by Unsuspend for an item with no stored state.
var ErrNoItem = errors.New("no such item in the progress")

// Unsuspend schedules a suspended item (a leech) again. It reports
// whether the item was suspended, and ErrNoItem when it has no stored
// state.
func (db *DB) Unsuspend(id quiz.ItemID) (bool, error) {
	if err := db.writable(); err != nil {
		return false, fmt.Errorf("unsuspend %s: %w", id, err)
	}
	res, err := db.sql.Exec("UPDATE item_state SET suspended = 0 WHERE deck = ? AND card = ? AND item = ? AND suspended = 1",
		id.Deck, id.Card, id.Item)
	if err != nil {
		return false, fmt.Errorf("unsuspend %s: %w", id, explain(err))
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return n > 0, err
	}
	var exists bool
	err = db.sql.QueryRow("SELECT EXISTS (SELECT 1 FROM item_state WHERE deck = ? AND card = ? AND item = ?)",
		id.Deck, id.Card, id.Item).Scan(&exists)
	switch {
	case err != nil:
		return false, fmt.Errorf("unsuspend %s: %w", id, explain(err))
	case !exists:
		return false, fmt.Errorf("unsuspend %s: %w", id, ErrNoItem)
	}
	return false, nil
}
