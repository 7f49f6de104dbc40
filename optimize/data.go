package optimize

// Review is one review of an item, as the optimizer sees it.
type Review struct {
	Item   string // which item (any key that is the same for its reviews)
	Day    int    // the learner's study day of the review (a day number)
	Rating int    // 1 Again, 2 Hard, 3 Good, 4 Easy
}

// step is one review in an item's history.
type step struct {
	rating int8
	dt     int32   // days since the item's previous review (0 for the first)
	weight float32 // recency weight of the prediction of this review in training
	rank   int32   // the prediction's place in the log (predictions only)
}

// history is one item's reviews, oldest first.
type history []step

// Dataset is a review log grouped per item into histories, as fsrs-rs
// groups it: every review on a later day than the item's previous review
// is a prediction to fit (an "item" in fsrs-rs's words), made from the
// reviews before it; same-day reviews shape the memory state (short-term
// stability) but are not predicted.
type Dataset struct {
	histories []history
	order     [][2]int32 // (history, position) of each prediction, in log order
	items     int        // predictions in all
	recall    float64    // share of predictions recalled (rating > 1)
}

// maxSeqLen is fsrs-rs's longest history trained on: a prediction made
// from more reviews is left out of training (not of evaluation).
const maxSeqLen = 64

// NewDataset groups reviews, oldest first, into histories. Ratings
// outside 1-4 are skipped.
func NewDataset(reviews []Review) *Dataset {
	index := map[string]int{}
	last := []int{}
	ds := &Dataset{}
	for _, r := range reviews {
		if r.Rating < 1 || r.Rating > 4 {
			continue
		}
		h, ok := index[r.Item]
		if !ok {
			h = len(ds.histories)
			index[r.Item] = h
			ds.histories = append(ds.histories, nil)
			last = append(last, r.Day)
		}
		dt := max(r.Day-last[h], 0)
		if len(ds.histories[h]) > 0 && dt > 0 {
			ds.order = append(ds.order, [2]int32{int32(h), int32(len(ds.histories[h]))})
			if r.Rating > 1 {
				ds.recall++
			}
		}
		ds.histories[h] = append(ds.histories[h], step{rating: int8(r.Rating), dt: int32(dt), rank: int32(len(ds.order) - 1)})
		last[h] = r.Day
	}
	ds.items = len(ds.order)
	if ds.items > 0 {
		ds.recall /= float64(ds.items)
	}
	return ds
}

// weigh weights each prediction of the histories not left out by its
// place among them in the log as fsrs-rs weights it, 0.25 +
// 0.75·(i/(n-1))³ for the i-th of n, so recent reviews count most, and
// returns n.
func (ds *Dataset) weigh(out []bool) int {
	n := 0
	for _, at := range ds.order {
		if !out[at[0]] {
			n++
		}
	}
	i := 0
	for _, at := range ds.order {
		if !out[at[0]] {
			ds.histories[at[0]][at[1]].weight = float32(recency(i, n))
			i++
		}
	}
	return n
}

// recency is fsrs-rs's weight of the i-th of n predictions in log order.
func recency(i, n int) float64 {
	x := float64(i) / float64(max(n-1, 1))
	return 0.25 + 0.75*x*x*x
}

// Predictions is the number of reviews the model predicts: those on a
// later day than the item's previous review.
func (ds *Dataset) Predictions() int { return ds.items }

// isItem reports whether the review at position i of h is predicted.
func (h history) isItem(i int) bool { return i > 0 && h[i].dt > 0 }
