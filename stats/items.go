package stats

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// items fills Items, Forecast, Lapsed and Leeches from the stored states
// of the scope's items; the scope's items without one are new, and the
// states of other items are left out.
func (c *counter) items(s *Stats, rows []Item) {
	found, total := c.members(rows)
	s.Items.Total, s.Items.New = total, total-len(found)
	for _, st := range found {
		s.Items.add(st.State, st.Suspended)
	}
	c.forecast(s, found)
	c.lapsed(s, found)
}

// members are the rows of the scope's items, of which there are total:
// rows are linked to their card, then each card's items looked up among
// them.
func (c *counter) members(rows []Item) (found []*Item, total int) {
	heads := make(map[string][]int, len(c.decks)) // deck → card position → its first row + 1 (0: none)
	for _, d := range c.decks {
		heads[d.Header().ID] = make([]int, d.Len())
	}
	next := make([]int, len(rows)) // the card's row after each row, + 1
	for i, r := range rows {
		if _, pos, ok := c.find(r.ID.Deck, r.ID.Card); ok {
			next[i], heads[r.ID.Deck][pos] = heads[r.ID.Deck][pos], i+1
		}
	}
	for _, d := range c.decks {
		first := heads[d.Header().ID]
		for pos := range d.Len() {
			for _, name := range d.ItemNames(pos) {
				total++
				for j := first[pos]; j > 0; j = next[j-1] {
					if rows[j-1].ID.Item == name {
						found = append(found, &rows[j-1])
						break
					}
				}
			}
		}
	}
	return found, total
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
	floor := lapseFloor(items)
	var lapsed []*Item
	for _, it := range items {
		if it.Lapses >= floor {
			lapsed = append(lapsed, it)
		}
	}
	slices.SortFunc(lapsed, func(a, b *Item) int {
		if a.Lapses != b.Lapses {
			return cmp.Compare(b.Lapses, a.Lapses)
		}
		return cmp.Or(strings.Compare(a.ID.Deck, b.ID.Deck), strings.Compare(a.ID.Card, b.ID.Card),
			strings.Compare(a.ID.Item, b.ID.Item))
	})
	labels := c.labels(lapsed)
	s.Lapsed, s.Leeches = []Lapsed{}, []Lapsed{}
	for i, it := range lapsed {
		l := Lapsed{Item: it.ID.String(), Lapses: it.Lapses, Suspended: it.Suspended,
			Leech: it.Lapses >= quiz.LeechThreshold, Label: labels[i]}
		if len(s.Lapsed) < MostLapsedCount {
			s.Lapsed = append(s.Lapsed, l)
		}
		if l.Leech {
			s.Leeches = append(s.Leeches, l)
		}
	}
}

// lapseFloor is the fewest lapses an item needs to be listed: to be
// among the MostLapsedCount most lapsed, or a leech; never under 1.
func lapseFloor(items []*Item) int {
	count := make(map[int]int)
	for _, it := range items {
		if it.Lapses > 0 {
			count[it.Lapses]++
		}
	}
	floor, n := quiz.LeechThreshold, 0
	for _, lapses := range slices.Backward(slices.Sorted(maps.Keys(count))) {
		if n >= MostLapsedCount {
			break
		}
		floor, n = min(floor, lapses), n+count[lapses]
	}
	return max(floor, 1)
}

// labels are the items' labels, their cards decoded in one read per
// deck; a deck whose cards cannot be read leaves its labels empty.
func (c *counter) labels(items []*Item) []string {
	labels := make([]string, len(items))
	for _, d := range c.decks {
		var at, pos []int // the items of d and their cards' positions
		for i, it := range items {
			if p, ok := d.Find(it.ID.Card); it.ID.Deck == d.Header().ID && ok {
				at, pos = append(at, i), append(pos, p)
			}
		}
		if len(pos) == 0 {
			continue
		}
		cards, err := d.Cards(pos)
		if err != nil {
			continue
		}
		for j, i := range at {
			labels[i] = quiz.ItemLabel(&cards[j], items[i].ID.Item)
		}
	}
	return labels
}
