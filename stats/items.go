package stats

import (
	"cmp"
	"slices"
	"sort"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// items fills Items, Forecast, Lapsed and Leeches from the stored states
// of the scope's items; the scope's items without one are new, and the
// states of other items are left out.
func (c *counter) items(s *Stats, rows []Item) {
	stored := make(map[quiz.ItemID]*Item, len(rows))
	for i := range rows {
		stored[rows[i].ID] = &rows[i]
	}
	var found []*Item
	for _, d := range c.decks {
		for _, it := range d.Items() {
			s.Items.Total++
			if st := stored[it.ID]; st != nil {
				found = append(found, st)
			}
		}
	}
	s.Items.New = s.Items.Total - len(found)
	for _, st := range found {
		s.Items.add(st.State, st.Suspended)
	}
	c.forecast(s, found)
	c.lapsed(s, found)
}

// add counts an item of a state.
func (ic *ItemCounts) add(state fsrs.State, suspended bool) {
	switch {
	case suspended:
		ic.Suspended++
	case state == fsrs.Learning:
		ic.Learning++
	case state == fsrs.Review:
		ic.Review++
	case state == fsrs.Relearning:
		ic.Relearning++
	default:
		ic.New++
	}
}

// forecast fills Forecast: the scheduled items by the study day they
// fall due, the overdue ones today.
func (c *counter) forecast(s *Stats, items []*Item) {
	starts := make([]int64, ForecastDays+1) // each day's start, and the last one's end
	s.Forecast.Days = make([]ForecastDay, ForecastDays)
	for i := range starts {
		day := c.addDays(c.today, i)
		starts[i] = day.UnixMilli()
		if i < ForecastDays {
			s.Forecast.Days[i].Date = date(day)
		}
	}
	for _, it := range items {
		due := it.Due.UnixMilli()
		switch {
		case it.Suspended || it.State == fsrs.New || due >= starts[ForecastDays]:
		case due < starts[0]:
			s.Forecast.Overdue++
			s.Forecast.Days[0].Due++
		default:
			s.Forecast.Days[sort.Search(ForecastDays, func(i int) bool { return starts[i+1] > due })].Due++
		}
	}
}

// lapsed fills Lapsed and Leeches: most lapses first, then by id.
func (c *counter) lapsed(s *Stats, items []*Item) {
	var lapsed []*Item
	for _, it := range items {
		if it.Lapses > 0 {
			lapsed = append(lapsed, it)
		}
	}
	slices.SortFunc(lapsed, func(a, b *Item) int {
		return cmp.Or(cmp.Compare(b.Lapses, a.Lapses), cmp.Compare(a.ID.Deck, b.ID.Deck),
			cmp.Compare(a.ID.Card, b.ID.Card), cmp.Compare(a.ID.Item, b.ID.Item))
	})
	s.Lapsed, s.Leeches = []Lapsed{}, []Lapsed{}
	for _, it := range lapsed {
		if len(s.Lapsed) == MostLapsedCount && it.Lapses < quiz.LeechThreshold {
			break
		}
		l := Lapsed{Item: it.ID.String(), Lapses: it.Lapses, Suspended: it.Suspended,
			Label: quiz.ItemLabel(c.cards[[2]string{it.ID.Deck, it.ID.Card}], it.ID.Item)}
		if len(s.Lapsed) < MostLapsedCount {
			s.Lapsed = append(s.Lapsed, l)
		}
		if l.Lapses >= quiz.LeechThreshold {
			s.Leeches = append(s.Leeches, l)
		}
	}
}
