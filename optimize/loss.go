package optimize

import (
	"maps"
	"math"
	"slices"
)

// predict runs the model over h and calls fn with each prediction: the
// retrievability given the reviews before it, and the review's position.
// Only the first limit reviews are followed.
func predict(w *Weights, h history, limit int, fn func(r dual, i int)) {
	var m memory
	for i, s := range h {
		if i >= limit {
			return
		}
		if i == 0 {
			m = first(w, int(s.rating))
			continue
		}
		if h.isItem(i) {
			fn(retrievability(w, float64(s.dt), m.s), i)
		}
		m = next(w, m, float64(s.dt), int(s.rating))
	}
}

// pEps keeps predictions off 0 and 1, where the log loss is infinite.
const pEps = 1e-7

// logLoss is the binary log loss of predicting recall with probability p.
func logLoss(p float64, recalled bool) float64 {
	p = min(max(p, pEps), 1-pEps)
	if recalled {
		return -math.Log(p)
	}
	return -math.Log(1 - p)
}

// weightedLoss adds the gradient of h's recency-weighted log loss (over
// histories of up to maxSeqLen reviews, as trained) to grad and returns
// the loss.
func weightedLoss(w *Weights, h history, grad *Weights) float64 {
	loss := 0.0
	predict(w, h, maxSeqLen, func(r dual, i int) {
		s := h[i]
		p := min(max(r.v, pEps), 1-pEps)
		wt := float64(s.weight)
		var dp float64 // d loss / d p
		if s.rating > 1 {
			loss -= wt * math.Log(p)
			dp = -wt / p
		} else {
			loss -= wt * math.Log(1-p)
			dp = wt / (1 - p)
		}
		if p == r.v {
			for i := range grad {
				grad[i] += dp * r.d[i]
			}
		}
	})
	return loss
}

// Metrics are how well weights predict a review log, as fsrs-rs 6
// reports them: every prediction weighted by its place in the log as in
// training, so recent reviews count most.
type Metrics struct {
	LogLoss float64 // weighted mean binary log loss (lower is better)
	RMSE    float64 // RMSE (bins): predicted vs actual recall in bins of similar reviews
}

// Evaluate computes the metrics of weights w on ds.
func Evaluate(ds *Dataset, w Weights) Metrics {
	type bin struct{ p, y, n, w float64 }
	bins := map[[3]int]*bin{}
	var loss, total float64
	for _, h := range ds.histories {
		var lt, lapses, seen int // before the prediction: reviews on later days, lapses among them
		predict(&w, h, len(h), func(r dual, i int) {
			for ; seen < i; seen++ {
				if h.isItem(seen) {
					lt++
					if h[seen].rating == 1 {
						lapses++
					}
				}
			}
			wt := recency(int(h[i].rank), ds.items)
			y := 0.0
			if h[i].rating > 1 {
				y = 1
			}
			loss += wt * logLoss(r.v, y == 1)
			total += wt
			k := binOf(h[i].dt, lt+1, lapses)
			b := bins[k]
			if b == nil {
				b = &bin{}
				bins[k] = b
			}
			b.p += r.v
			b.y += y
			b.n++
			b.w += wt
		})
	}
	if total == 0 {
		return Metrics{}
	}
	keys := slices.SortedFunc(maps.Keys(bins), func(a, b [3]int) int { return slices.Compare(a[:], b[:]) })
	sq := 0.0
	for _, k := range keys { // in order, so that the same log gives the same figures to the last bit
		b := bins[k]
		d := (b.p - b.y) / b.n
		sq += d * d * b.w
	}
	return Metrics{LogLoss: loss / total, RMSE: math.Sqrt(sq / total)}
}

// binOf is fsrs-rs's RMSE bin of a prediction dt days after the previous
// review, the longTerm-th review on a later day than the one before (the
// first review counting as one), after lapses lapses: each on a
// logarithmic scale.
func binOf(dt int32, longTerm, lapses int) [3]int {
	logBin := func(x, base, scale float64) int {
		return int(math.Round(scale * math.Pow(base, math.Floor(math.Log(x)/math.Log(base)))))
	}
	k := [3]int{logBin(float64(dt), 3.62, 248), logBin(float64(longTerm+1), 1.89, 1.99), 0}
	if lapses > 0 {
		k[2] = logBin(float64(lapses), 1.73, 1.65)
	}
	return k
}
