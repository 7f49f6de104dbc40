package optimize

import "math"

// predict runs the model over h and calls fn with each prediction: the
// retrievability given the reviews before it, and the review. Only the
// first limit reviews are followed.
func predict(w *Weights, h history, limit int, fn func(r dual, s step)) {
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
			fn(retrievability(w, float64(s.dt), m.s), s)
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
	predict(w, h, maxSeqLen, func(r dual, s step) {
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

// Metrics are how well weights predict a review log, as fsrs-rs reports
// them.
type Metrics struct {
	LogLoss float64 // mean binary log loss of the predictions (lower is better)
	RMSE    float64 // RMSE (bins): predictions binned, mean predicted vs actual recall
}

// Evaluate computes the metrics of weights w on ds, over every
// prediction, unweighted.
func Evaluate(ds *Dataset, w Weights) Metrics {
	var bins [rmseBins]struct{ n, p, y float64 }
	loss, n := 0.0, 0
	for _, h := range ds.histories {
		predict(&w, h, len(h), func(r dual, s step) {
			y := 0.0
			if s.rating > 1 {
				y = 1
			}
			loss += logLoss(r.v, y == 1)
			n++
			b := &bins[bin(r.v)]
			b.n++
			b.p += r.v
			b.y += y
		})
	}
	if n == 0 {
		return Metrics{}
	}
	sq := 0.0
	for _, b := range bins {
		if b.n > 0 {
			d := (b.p - b.y) / b.n
			sq += d * d * b.n
		}
	}
	return Metrics{LogLoss: loss / float64(n), RMSE: math.Sqrt(sq / float64(n))}
}

// rmseBins is the number of bins of fsrs-rs's RMSE (bins).
const rmseBins = 20

// bin is fsrs-rs's bin of a prediction p: ⌊21^p⌋ - 1, in 0-19, finer
// near 1 where most predictions are.
func bin(p float64) int {
	b := int(math.Floor(math.Exp(p*math.Log(rmseBins+1)))) - 1
	return min(max(b, 0), rmseBins-1)
}
