package optimize

import (
	"math"
	"sort"
)

// initSMax is fsrs-rs's largest initial stability.
const initSMax = 100.0

// firstOutcomes are, per first rating, the outcomes of the first review
// on a later day, grouped by how many days later it came.
type firstOutcomes map[int]map[int32]*outcomes

// outcomes count first reviews on a later day and those recalled.
type outcomes struct{ n, recalled float64 }

// firstLongTerm is the position of h's first review on a later day than
// the one before it, 0 for none.
func (h history) firstLongTerm() int {
	for i := range h {
		if h.isItem(i) {
			return i
		}
	}
	return 0
}

// prepare readies ds for fitting as fsrs-rs does: it collects each
// item's first rating and the outcome of its first review on a later
// day, leaves out the outliers (and the histories behind them) and
// weights the remaining predictions by recency. It returns the outcomes,
// which histories are left out, and the number of predictions left.
func prepare(ds *Dataset) (firstOutcomes, []bool, int) {
	out := firstOutcomes{}
	for _, h := range ds.histories {
		if i := h.firstLongTerm(); i > 0 {
			r := int(h[0].rating)
			if out[r] == nil {
				out[r] = map[int32]*outcomes{}
			}
			g := out[r][h[i].dt]
			if g == nil {
				g = &outcomes{}
				out[r][h[i].dt] = g
			}
			g.n++
			if h[i].rating > 1 {
				g.recalled++
			}
		}
	}
	dropped := dropOutliers(out)
	left := make([]bool, len(ds.histories))
	for k, h := range ds.histories {
		if i := h.firstLongTerm(); i > 0 && dropped[[2]int32{int32(h[0].rating), h[i].dt}] {
			left[k] = true
		}
	}
	return out, left, ds.weigh(left)
}

// dropOutliers removes from out, for each first rating, the rarest
// delays of the first review on a later day, about 5% of the items (20
// at least), and any group of fewer than 6 items or delayed more than
// 100 days (365 after a first Easy), as fsrs-rs's filter_outlier does.
// It returns the (rating, days) pairs removed.
func dropOutliers(out firstOutcomes) map[[2]int32]bool {
	dropped := map[[2]int32]bool{}
	for rating, groups := range out {
		dts := make([]int32, 0, len(groups))
		total := 0
		for dt, g := range groups {
			dts = append(dts, dt)
			total += int(g.n)
		}
		// smallest groups first, the shorter delay first among equals
		sort.Slice(dts, func(i, j int) bool {
			ni, nj := groups[dts[i]].n, groups[dts[j]].n
			return ni < nj || ni == nj && dts[i] < dts[j]
		})
		limit := int32(100)
		if rating == 4 {
			limit = 365
		}
		removed := 0
		for _, dt := range dts {
			n := int(groups[dt].n)
			if removed+n >= max(20, total/20) && n >= 6 && dt <= limit {
				continue
			}
			if removed+n < max(20, total/20) {
				removed += n
			}
			dropped[[2]int32{int32(rating), dt}] = true
			delete(groups, dt)
		}
		if len(groups) == 0 {
			delete(out, rating)
		}
	}
	return dropped
}

// pretrain fits the initial stabilities w0-w3 as fsrs-rs does: for each
// first rating, the stability whose forgetting curve (with the default
// decay) best fits the recall of the first review on a later day, by
// ternary search on the count-weighted log loss, recall smoothed towards
// the log's average and an L1 pull towards the default; then ratings
// that disagree in order are reconciled and missing ones filled in. It
// returns the stabilities and the number of items behind each.
func pretrain(out firstOutcomes, avgRecall float64) ([4]float64, map[int]float64) {
	def := DefaultWeights()
	counts := map[int]float64{}
	found := map[int]float64{}
	for rating, groups := range out {
		dts := make([]int32, 0, len(groups))
		for dt, g := range groups {
			dts = append(dts, dt)
			counts[rating] += g.n
		}
		sort.Slice(dts, func(i, j int) bool { return dts[i] < dts[j] })
		found[rating] = searchStability(groups, dts, avgRecall, def[rating-1], def[20])
	}
	return smoothAndFill(found, counts), counts
}

// searchStability is the initial stability that best fits one first
// rating's outcomes.
func searchStability(groups map[int32]*outcomes, dts []int32, avgRecall, defS, decay float64) float64 {
	factor := math.Pow(0.9, -1/decay) - 1
	loss := func(s float64) float64 {
		l := math.Abs(s-defS) / 16
		for _, dt := range dts {
			g := groups[dt]
			y := (g.recalled + avgRecall) / (g.n + 1) // Laplace smoothing
			p := math.Pow(1+factor*float64(dt)/s, -decay)
			l -= g.n * (y*math.Log(p) + (1-y)*math.Log(1-p))
		}
		return l
	}
	lo, hi, best := sMin, initSMax, defS
	for it := 0; hi-lo > 2.220446049250313e-16 && it < 1000; it++ {
		m1, m2 := lo+(hi-lo)/3, hi-(hi-lo)/3
		if loss(m1) < loss(m2) {
			hi = m2
		} else {
			lo = m1
		}
		best = (lo + hi) / 2
	}
	return best
}

// smoothAndFill makes the initial stabilities grow with the rating
// (where two disagree, the better-supported one wins) and fills in those
// of ratings never given first, from their neighbours, as fsrs-rs does.
// With none found it keeps the defaults.
func smoothAndFill(found map[int]float64, counts map[int]float64) [4]float64 {
	for _, p := range [][2]int{{1, 2}, {2, 3}, {3, 4}, {1, 3}, {2, 4}, {1, 4}} {
		small, okS := found[p[0]]
		big, okB := found[p[1]]
		if okS && okB && small > big {
			if counts[p[0]] > counts[p[1]] {
				found[p[1]] = small
			} else {
				found[p[0]] = big
			}
		}
	}
	def := DefaultWeights()
	var s [5]float64 // by rating, 0 for missing
	for r, v := range found {
		s[r] = v
	}
	const w1, w2 = 3.0 / 5, 3.0 / 5
	p := math.Pow
	switch len(found) {
	case 0:
		copy(s[1:], def[:4])
	case 1:
		for r, v := range found {
			for i := 1; i <= 4; i++ {
				s[i] = def[i-1] * v / def[r-1]
			}
		}
	case 2:
		switch {
		case s[1] == 0 && s[2] == 0:
			s[2] = p(s[3], 1/(1-w2)) * p(s[4], 1-1/(1-w2))
			s[1] = p(s[2], 1/w1) * p(s[3], 1-1/w1)
		case s[1] == 0 && s[3] == 0:
			s[3] = p(s[2], 1-w2) * p(s[4], w2)
			s[1] = p(s[2], 1/w1) * p(s[3], 1-1/w1)
		case s[1] == 0 && s[4] == 0:
			s[4] = p(s[2], 1-1/w2) * p(s[3], 1/w2)
			s[1] = p(s[2], 1/w1) * p(s[3], 1-1/w1)
		case s[2] == 0 && s[3] == 0:
			k := w1 + w2 - w1*w2
			s[2] = p(s[1], w1/k) * p(s[4], 1-w1/k)
			s[3] = p(s[1], 1-w2/k) * p(s[4], w2/k)
		case s[2] == 0 && s[4] == 0:
			s[2] = p(s[1], w1) * p(s[3], 1-w1)
			s[4] = p(s[2], 1-1/w2) * p(s[3], 1/w2)
		case s[3] == 0 && s[4] == 0:
			s[3] = p(s[1], 1-1/(1-w1)) * p(s[2], 1/(1-w1))
			s[4] = p(s[2], 1-1/w2) * p(s[3], 1/w2)
		}
	case 3:
		switch {
		case s[1] == 0:
			s[1] = p(s[2], 1/w1) * p(s[3], 1-1/w1)
		case s[2] == 0:
			s[2] = p(s[1], w1) * p(s[3], 1-w1)
		case s[3] == 0:
			s[3] = p(s[2], 1-w2) * p(s[4], w2)
		case s[4] == 0:
			s[4] = p(s[2], 1-1/w2) * p(s[3], 1/w2)
		}
	}
	var out [4]float64
	for i := range out {
		out[i] = min(max(s[i+1], sMin), initSMax)
	}
	return out
}
