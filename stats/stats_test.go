package stats

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"
	_ "time/tzdata" // the tests' time zones, whatever the machine has

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// zone loads a time zone or fails the test.
func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// statsDecks are the decks of the stats fixture: article has 6 items
// (f1, f2, v1 ko-en and en-ko, z1 c1 and c2), other has 1 (o1).
func statsDecks() []Deck {
	return wholeDecks(
		&quiz.Deck{ID: "article", Title: "구글 메모\x1b[31m", Cards: []quiz.Card{
			{ID: "f1", Kind: quiz.KindFact, Tags: []string{"people", "memo"}, Prompt: "누가 메모를\n유출했나?"},
			{ID: "f2", Kind: quiz.KindFact, Tags: []string{"memo", "memo"}, Prompt: "해자란?"},
			{ID: "v1", Kind: quiz.KindVocab, Tags: []string{"vocab"}, Word: "해자"},
			{ID: "z1", Kind: quiz.KindCloze, Text: "{{c1::구글}}의 {{c2::메모}}"},
		}},
		&quiz.Deck{ID: "other", Title: "Other", Cards: []quiz.Card{
			{ID: "o1", Kind: quiz.KindFact, Tags: []string{"memo"}, PromptEn: "Who?"},
		}},
	)
}

// wholeDecks are the decks held whole.
func wholeDecks(decks ...*quiz.Deck) []Deck {
	out := make([]Deck, len(decks))
	for i, d := range decks {
		out[i] = WholeDeck(d)
	}
	return out
}

// itemState is an item state for the fixture.
func itemState(s fsrs.State, sched, lapses uint64, due time.Time, suspended bool) quiz.ItemState {
	return quiz.ItemState{
		Card:      fsrs.Card{Due: due, Stability: 3, Difficulty: 5, ScheduledDays: sched, Reps: 1, Lapses: lapses, State: s},
		Suspended: suspended,
	}
}

// logged is one review of the fixture.
type logged struct {
	id     string // "deck/card/item"
	at     time.Time
	rating fsrs.Rating
	ms     int64
	mode   quiz.Mode
	before *quiz.ItemState
	after  quiz.ItemState
}

// rowsOf is what the store's rows of q.Scope are after the log: the
// answers per quarter hour, per retention period and per card, and each
// item's state after its last answer.
func rowsOf(log []logged, q Query) Rows {
	deck, _, since, until := q.Scope()
	r := Rows{Retention: make([]ReviewAnswers, len(since))}
	slots := map[int64]int{}
	cards := map[[2]string]int{}
	items := map[quiz.ItemID]int{}
	for _, l := range log {
		id, err := quiz.ParseItemID(l.id)
		if err != nil {
			panic(err)
		}
		if deck != "" && id.Deck != deck {
			continue
		}
		start := l.at.UTC().Truncate(15 * time.Minute)
		i, ok := slots[start.UnixMilli()]
		if !ok {
			i = len(r.Slots)
			slots[start.UnixMilli()] = i
			r.Slots = append(r.Slots, Slot{Start: start})
		}
		r.Slots[i].Answers++
		r.Slots[i].TimeMS += l.ms
		correct := l.rating > fsrs.Again
		for p := range since {
			if l.before != nil && l.before.Card.State == fsrs.Review && l.mode != quiz.ModePractice &&
				!l.at.Before(since[p]) && l.at.Before(until) {
				a := &r.Retention[p]
				if l.before.Card.ScheduledDays >= MatureDays {
					a.Mature, a.MatureCorrect = a.Mature+1, a.MatureCorrect+count(correct)
				} else {
					a.Young, a.YoungCorrect = a.Young+1, a.YoungCorrect+count(correct)
				}
			}
		}
		key := [2]string{id.Deck, id.Card}
		if _, ok := cards[key]; !ok {
			cards[key] = len(r.Cards)
			r.Cards = append(r.Cards, CardAnswers{Deck: id.Deck, Card: id.Card})
		}
		ca := &r.Cards[cards[key]]
		ca.Answers, ca.Correct = ca.Answers+1, ca.Correct+count(correct)
		if l.mode == quiz.ModePractice {
			continue // practice keeps the item's state
		}
		if _, ok := items[id]; !ok {
			items[id] = len(r.Items)
			r.Items = append(r.Items, Item{ID: id})
		}
		r.Items[items[id]] = Item{ID: id, State: l.after.Card.State, Suspended: l.after.Suspended,
			Due: l.after.Card.Due, Lapses: int(l.after.Card.Lapses)}
	}
	return r
}

// count is 1 for true.
func count(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fixture is the fixed review log described in the comments
// (times in Seoul, rollover at 4 am, now 2026-03-10 15:00) and the query
// for all decks.
func fixture(t *testing.T) ([]logged, Query) {
	seoul := zone(t, "Asia/Seoul")
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, seoul) }
	learning := itemState(fsrs.Learning, 0, 0, at(2026, 2, 1, 10, 10), false)
	young := itemState(fsrs.Review, 5, 0, at(2026, 3, 9, 4, 0), false)
	var log []logged
	// 2025-01-01: o1, mature, Good: older than 365 days, no retention.
	log = append(log, logged{id: "other/o1/fact", at: at(2025, 1, 1, 10, 0), rating: fsrs.Good, ms: 1000,
		before: ptr(itemState(fsrs.Review, 50, 8, at(2025, 1, 1, 9, 0), false)),
		after:  itemState(fsrs.Review, 80, 8, at(2025, 3, 1, 10, 0), false)})
	// 2025-06-01: o1, young, Again: its 9th lapse, suspended (a leech).
	log = append(log, logged{id: "other/o1/fact", at: at(2025, 6, 1, 10, 0), rating: fsrs.Again, ms: 1000,
		before: ptr(itemState(fsrs.Review, 3, 8, at(2025, 6, 1, 9, 0), false)),
		after:  itemState(fsrs.Relearning, 0, 9, at(2025, 6, 1, 10, 10), true)})
	// 2026-02-01..06: f2 daily, Good, from learning: 6 study days in a row.
	for d := 1; d <= 6; d++ {
		log = append(log, logged{id: "article/f2/fact", at: at(2026, 2, d, 10, 0), rating: fsrs.Good, ms: 1000,
			before: &learning, after: itemState(fsrs.Review, 10, 0, at(2026, 2, 16, 10, 0), false)})
	}
	// 2026-02-20: z1 c2, mature, Good; due 2026-03-11 03:59, before the rollover: today.
	log = append(log, logged{id: "article/z1/c2", at: at(2026, 2, 20, 10, 0), rating: fsrs.Good, ms: 2000,
		before: ptr(itemState(fsrs.Review, 25, 3, at(2026, 2, 20, 9, 0), false)),
		after:  itemState(fsrs.Review, 19, 3, at(2026, 3, 11, 3, 59), false)})
	// 2026-03-07 21:00 and 03-08 23:00: v1 ko-en new then learning; due today 16:00.
	log = append(log, logged{id: "article/v1/ko-en", at: at(2026, 3, 7, 21, 0), rating: fsrs.Good, ms: 3000,
		after: learning})
	log = append(log, logged{id: "article/v1/ko-en", at: at(2026, 3, 8, 23, 0), rating: fsrs.Again, ms: 3000,
		before: &learning, after: itemState(fsrs.Learning, 0, 0, at(2026, 3, 10, 16, 0), false)})
	// 2026-03-09 04:00 (the day's first minute): f1 young Good.
	log = append(log, logged{id: "article/f1/fact", at: at(2026, 3, 9, 4, 0), rating: fsrs.Good, ms: 4000,
		before: &young, after: young})
	// 2026-03-09 12:00: a card since removed from the deck.
	log = append(log, logged{id: "article/gone/fact", at: at(2026, 3, 9, 12, 0), rating: fsrs.Good, ms: 500,
		after: itemState(fsrs.Review, 3, 12, at(2026, 3, 12, 0, 0), false)})
	// 2026-03-10 03:30: f1 young Again: counts for 2026-03-09.
	log = append(log, logged{id: "article/f1/fact", at: at(2026, 3, 10, 3, 30), rating: fsrs.Again, ms: 5000,
		before: &young, after: itemState(fsrs.Relearning, 0, 1, at(2026, 3, 10, 3, 40), false)})
	// 2026-03-10 10:00: f1 mature Good; due 2026-04-08, the forecast's last day.
	log = append(log, logged{id: "article/f1/fact", at: at(2026, 3, 10, 10, 0), rating: fsrs.Good, ms: 6000,
		before: ptr(itemState(fsrs.Review, 30, 1, at(2026, 3, 10, 9, 0), false)),
		after:  itemState(fsrs.Review, 29, 1, at(2026, 4, 8, 10, 0), false)})
	// 2026-03-10 11:00: z1 c1 practice, Hard: no retention, no state.
	log = append(log, logged{id: "article/z1/c1", at: at(2026, 3, 10, 11, 0), rating: fsrs.Hard, ms: 7000,
		mode: quiz.ModePractice, before: ptr(itemState(fsrs.Review, 40, 0, at(2026, 3, 10, 9, 0), false)),
		after: itemState(fsrs.Review, 40, 0, at(2026, 4, 20, 9, 0), false)})
	q := Query{Decks: statsDecks(), Now: at(2026, 3, 10, 15, 0), Scheduling: quiz.DefaultScheduling()}
	return log, q
}

func ptr[T any](v T) *T { return &v }

func rate(v float64) *float64 { return &v }

func TestStatsDays(t *testing.T) {
	log, q := fixture(t)
	s := Compute(q, rowsOf(log, q))
	want := []Day{
		{"2025-01-01", 1, 1000}, {"2025-06-01", 1, 1000},
		{"2026-02-01", 1, 1000}, {"2026-02-02", 1, 1000}, {"2026-02-03", 1, 1000},
		{"2026-02-04", 1, 1000}, {"2026-02-05", 1, 1000}, {"2026-02-06", 1, 1000},
		{"2026-02-20", 1, 2000}, {"2026-03-07", 1, 3000}, {"2026-03-08", 1, 3000},
		{"2026-03-09", 3, 9500}, // 04:00, 12:00, and 03:30 the next morning
		{"2026-03-10", 2, 13000},
	}
	if !reflect.DeepEqual(s.Days, want) {
		t.Errorf("Days =\n%v\nwant\n%v", s.Days, want)
	}
	if want := (Totals{Today: 2, Total: 16}); s.Reviews != want {
		t.Errorf("Reviews = %+v, want %+v", s.Reviews, want)
	}
	if want := (Totals{Today: 13000, Total: 38500}); s.TimeMS != want {
		t.Errorf("TimeMS = %+v, want %+v", s.TimeMS, want)
	}
	if want := (Streak{Current: 4, Longest: 6, LongestEnd: "2026-02-06"}); s.Streak != want {
		t.Errorf("Streak = %+v, want %+v", s.Streak, want)
	}
	if s.Today != "2026-03-10" || s.Timezone != "Asia/Seoul" || s.RolloverHour != 4 {
		t.Errorf("Today, Timezone, RolloverHour = %q, %q, %d", s.Today, s.Timezone, s.RolloverHour)
	}
}

func TestStatsOneDeck(t *testing.T) {
	log, q := fixture(t)
	q.Deck = "article"
	s := Compute(q, rowsOf(log, q))
	if len(s.Days) != 11 || s.Days[0].Date != "2026-02-01" {
		t.Errorf("Days = %v, want the 11 days of article's reviews", s.Days)
	}
	if want := (ItemCounts{Total: 6, New: 2, Learning: 1, Review: 3}); s.Items != want {
		t.Errorf("Items = %+v, want %+v", s.Items, want)
	}
	if len(s.Decks) != 1 || s.Decks[0].Deck != "article" {
		t.Errorf("Decks = %+v, want article only", s.Decks)
	}
	if len(s.Leeches) != 0 {
		t.Errorf("Leeches = %+v, want none", s.Leeches)
	}
	if y := s.Retention[2].Young; y.Answers != 2 {
		t.Errorf("365-day young answers = %d, want 2 (other's review left out)", y.Answers)
	}
}

func TestStatsStreakAfterToday(t *testing.T) {
	log, q := fixture(t)
	for _, tc := range []struct {
		now     time.Time
		current int
	}{
		{q.Now.AddDate(0, 0, 1), 4}, // nothing yet on 03-11: the streak holds
		{q.Now.AddDate(0, 0, 2), 0}, // 03-11 missed
		{q.Now.AddDate(0, 0, -1), 3},
	} {
		q.Now = tc.now
		if s := Compute(q, rowsOf(log, q)); s.Streak.Current != tc.current {
			t.Errorf("at %v: current streak %d, want %d", tc.now, s.Streak.Current, tc.current)
		}
	}
}

func TestStatsRetention(t *testing.T) {
	log, q := fixture(t)
	s := Compute(q, rowsOf(log, q))
	seoul := q.Now.Location()
	want := []Retention{
		{Days: 7, Since: time.Date(2026, 3, 4, 4, 0, 0, 0, seoul),
			Young: Ratio{2, 1, rate(0.5)}, Mature: Ratio{1, 1, rate(1)}, All: Ratio{3, 2, rate(2.0 / 3)}},
		{Days: 30, Since: time.Date(2026, 2, 9, 4, 0, 0, 0, seoul),
			Young: Ratio{2, 1, rate(0.5)}, Mature: Ratio{2, 2, rate(1)}, All: Ratio{4, 3, rate(0.75)}},
		{Days: 365, Since: time.Date(2025, 3, 11, 4, 0, 0, 0, seoul),
			Young: Ratio{3, 1, rate(1.0 / 3)}, Mature: Ratio{2, 2, rate(1)}, All: Ratio{5, 3, rate(0.6)}},
	}
	if !reflect.DeepEqual(s.Retention, want) {
		got, _ := json.Marshal(s.Retention)
		exp, _ := json.Marshal(want)
		t.Errorf("Retention =\n%s\nwant\n%s", got, exp)
	}
}

func TestStatsItemsAndLapses(t *testing.T) {
	log, q := fixture(t)
	s := Compute(q, rowsOf(log, q))
	if want := (ItemCounts{Total: 7, New: 2, Learning: 1, Review: 3, Suspended: 1}); s.Items != want {
		t.Errorf("Items = %+v, want %+v", s.Items, want)
	}
	lapsed := []Lapsed{
		{Item: "other/o1/fact", Label: "Who?", Lapses: 9, Leech: true, Suspended: true},
		{Item: "article/z1/c2", Label: "구글의 [...]", Lapses: 3},
		{Item: "article/f1/fact", Label: "누가 메모를 유출했나?", Lapses: 1},
	}
	if !reflect.DeepEqual(s.Lapsed, lapsed) {
		t.Errorf("Lapsed = %+v, want %+v", s.Lapsed, lapsed)
	}
	if !reflect.DeepEqual(s.Leeches, lapsed[:1]) {
		t.Errorf("Leeches = %+v, want %+v", s.Leeches, lapsed[:1])
	}
}

func TestStatsForecast(t *testing.T) {
	log, q := fixture(t)
	s := Compute(q, rowsOf(log, q))
	if s.Forecast.Overdue != 1 {
		t.Errorf("Overdue = %d, want 1 (f2)", s.Forecast.Overdue)
	}
	if len(s.Forecast.Days) != ForecastDays {
		t.Fatalf("%d forecast days, want %d", len(s.Forecast.Days), ForecastDays)
	}
	want := map[int]ForecastDay{
		0:  {"2026-03-10", 3}, // f2 overdue, v1 at 16:00, z1 c2 at 03:59 tomorrow
		1:  {"2026-03-11", 0},
		29: {"2026-04-08", 1}, // f1
	}
	total := 0
	for i, d := range s.Forecast.Days {
		total += d.Due
		if w, ok := want[i]; ok && d != w {
			t.Errorf("forecast day %d = %+v, want %+v", i, d, w)
		}
	}
	if total != 4 {
		t.Errorf("forecast total %d, want 4 (no suspended, removed or new items)", total)
	}
}

func TestStatsAccuracy(t *testing.T) {
	log, q := fixture(t)
	s := Compute(q, rowsOf(log, q))
	decks := []DeckRatio{
		{Deck: "article", Title: "구글 메모", Ratio: Ratio{14, 12, rate(12.0 / 14)}},
		{Deck: "other", Title: "Other", Ratio: Ratio{2, 1, rate(0.5)}},
	}
	if !reflect.DeepEqual(s.Decks, decks) {
		t.Errorf("Decks = %+v, want %+v", s.Decks, decks)
	}
	tags := []TagRatio{
		{Tag: "memo", Ratio: Ratio{11, 9, rate(9.0 / 11)}},
		{Tag: "people", Ratio: Ratio{3, 2, rate(2.0 / 3)}},
		{Tag: "vocab", Ratio: Ratio{2, 1, rate(0.5)}},
	}
	if !reflect.DeepEqual(s.Tags, tags) {
		t.Errorf("Tags = %+v, want %+v", s.Tags, tags)
	}
}

// TestStatsDayBoundaries checks which study day a review counts for,
// across the rollover and a change to daylight saving time.
func TestStatsDayBoundaries(t *testing.T) {
	ny := zone(t, "America/New_York")
	seoul := zone(t, "Asia/Seoul")
	kathmandu := zone(t, "Asia/Kathmandu") // UTC+5:45
	utc := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, time.UTC) }
	tests := []struct {
		name     string
		loc      *time.Location
		rollover int
		at       time.Time
		day      string
	}{
		{"Seoul 03:30 is the day before", seoul, 4, time.Date(2026, 3, 10, 3, 30, 0, 0, seoul), "2026-03-09"},
		{"Seoul 03:59:59.999", seoul, 4, time.Date(2026, 3, 10, 3, 59, 59, 999e6, seoul), "2026-03-09"},
		{"Seoul 04:00 starts the day", seoul, 4, time.Date(2026, 3, 10, 4, 0, 0, 0, seoul), "2026-03-10"},
		{"Seoul midnight rollover", seoul, 0, time.Date(2026, 3, 10, 0, 0, 0, 0, seoul), "2026-03-10"},
		{"Seoul 23:59 is that day", seoul, 0, time.Date(2026, 3, 10, 23, 59, 0, 0, seoul), "2026-03-10"},
		// New York springs forward on 2026-03-08 at 2:00: 08:30 UTC is
		// 04:30 EDT (a fixed EST offset would say 03:30, the day before).
		{"New York 04:30 EDT", ny, 4, utc(8, 8, 30), "2026-03-08"},
		{"New York 03:30 EDT", ny, 4, utc(8, 7, 30), "2026-03-07"},
		{"New York 04:00 EST", ny, 4, utc(7, 9, 0), "2026-03-07"},
		{"New York 03:59 EST", ny, 4, utc(7, 8, 59), "2026-03-06"},
		{"Kathmandu 04:00", kathmandu, 4, utc(9, 22, 15), "2026-03-10"},
		{"Kathmandu 03:59", kathmandu, 4, utc(9, 22, 14), "2026-03-09"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			log := []logged{{id: "d/c/fact", at: tc.at, rating: fsrs.Good,
				after: itemState(fsrs.Learning, 0, 0, tc.at, false)}}
			sch := quiz.DefaultScheduling()
			sch.RolloverHour = tc.rollover
			q := Query{Now: time.Date(2026, 3, 20, 12, 0, 0, 0, tc.loc), Scheduling: sch}
			s := Compute(q, rowsOf(log, q))
			if len(s.Days) != 1 || s.Days[0].Date != tc.day {
				t.Errorf("review at %v counts for %v, want %s", tc.at.In(tc.loc), s.Days, tc.day)
			}
		})
	}
}

// TestStatsForecastDST checks that the forecast's days follow local days
// across a change of offset.
func TestStatsForecastDST(t *testing.T) {
	ny := zone(t, "America/New_York")
	now := time.Date(2026, 3, 6, 12, 0, 0, 0, ny)
	due := []time.Time{
		time.Date(2026, 3, 8, 3, 59, 0, 0, ny), // 2026-03-07's study day (EDT already)
		time.Date(2026, 3, 8, 4, 0, 0, 0, ny),  // 2026-03-08
		time.Date(2026, 3, 8, 23, 0, 0, 0, ny), // 2026-03-08
	}
	var log []logged
	deck := &quiz.Deck{ID: "d"}
	for i, d := range due {
		id := string(rune('a' + i))
		deck.Cards = append(deck.Cards, quiz.Card{ID: id, Kind: quiz.KindFact})
		log = append(log, logged{id: "d/" + id + "/fact", at: now, rating: fsrs.Good,
			after: itemState(fsrs.Review, 2, 0, d, false)})
	}
	q := Query{Decks: wholeDecks(deck), Now: now, Scheduling: quiz.DefaultScheduling()}
	s := Compute(q, rowsOf(log, q))
	got := []ForecastDay{s.Forecast.Days[1], s.Forecast.Days[2]}
	want := []ForecastDay{{"2026-03-07", 1}, {"2026-03-08", 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("forecast days 1-2 = %+v, want %+v", got, want)
	}
}

func TestStatsEmpty(t *testing.T) {
	s := Compute(Query{Decks: statsDecks(), Now: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC),
		Scheduling: quiz.DefaultScheduling()}, Rows{})
	if s.Items.New != 7 || s.Items.Total != 7 || s.Reviews.Total != 0 || s.Streak != (Streak{}) {
		t.Errorf("no rows: Items %+v, Reviews %+v, Streak %+v", s.Items, s.Reviews, s.Streak)
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"days", "decks", "tags", "most_lapsed", "leeches"} {
		if _, ok := m[k].([]any); !ok {
			t.Errorf("%s is %v in JSON, want an empty array", k, m[k])
		}
	}
	if r := m["retention"].([]any)[0].(map[string]any)["all"].(map[string]any)["rate"]; r != nil {
		t.Errorf("rate with no answers = %v, want null", r)
	}
}

// TestStatsMostLapsedOfMany: of many lapsed items, the 10 with most
// lapses are listed (ties by id), and every leech.
func TestStatsMostLapsedOfMany(t *testing.T) {
	deck := &quiz.Deck{ID: "d"}
	var rows Rows
	for i := range 30 {
		id := fmt.Sprintf("c%02d", i)
		deck.Cards = append(deck.Cards, quiz.Card{ID: id, Kind: quiz.KindFact, Prompt: id})
		rows.Items = append(rows.Items, Item{ID: quiz.ItemID{Deck: "d", Card: id, Item: quiz.ItemFact},
			State: fsrs.Review, Lapses: i / 3}) // 0, 0, 0, 1, 1, 1, ... 9, 9, 9
	}
	s := Compute(Query{Decks: wholeDecks(deck), Now: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)}, rows)
	var lapsed, leeches []string
	for _, l := range s.Lapsed {
		lapsed = append(lapsed, fmt.Sprintf("%s:%d", l.Label, l.Lapses))
	}
	for _, l := range s.Leeches {
		leeches = append(leeches, l.Label)
	}
	want := []string{"c27:9", "c28:9", "c29:9", "c24:8", "c25:8", "c26:8", "c21:7", "c22:7", "c23:7", "c18:6"}
	if !reflect.DeepEqual(lapsed, want) {
		t.Errorf("Lapsed = %v, want %v", lapsed, want)
	}
	if want := []string{"c27", "c28", "c29", "c24", "c25", "c26"}; !reflect.DeepEqual(leeches, want) {
		t.Errorf("Leeches = %v, want %v", leeches, want)
	}
}
