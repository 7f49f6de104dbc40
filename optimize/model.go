package optimize

import (
	"math"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// NumWeights is the number of FSRS-6 weights.
const NumWeights = 21

// Weights are the 21 FSRS-6 weights w0..w20, as go-fsrs has them.
type Weights = fsrs.Weights

// DefaultWeights are FSRS-6's defaults.
func DefaultWeights() Weights { return fsrs.DefaultWeights() }

// The stability limits of go-fsrs and fsrs-rs.
const (
	sMin = 0.001
	sMax = 36500.0
)

// memory is an item's memory state as the model tracks it.
type memory struct {
	s, d dual // stability (days) and difficulty (1-10)
}

// retrievability is FSRS-6's forgetting curve: the probability of recall
// t days after a review that left stability s, (1 + f·t/s)^-w20 with f
// chosen so that R(s) = 0.9.
func retrievability(w *Weights, t float64, s dual) dual {
	w20 := weight(w, 20)
	// f = 0.9^(-1/w20) - 1 = e^(-ln 0.9 / w20) - 1
	f := affine(1, exp(div(konst(-math.Log(0.9)), w20)), -1)
	base := affine(1, mul(f, div(konst(t), s)), 1)
	return exp(mul(affine(-1, w20, 0), log(base)))
}

// first is the memory state after an item's first review.
func first(w *Weights, rating int) memory {
	return memory{
		s: clamp(weight(w, rating-1), sMin, sMax),
		d: clamp(initDifficulty(w, rating), 1, 10),
	}
}

// initDifficulty is w4 - e^(w5·(rating-1)) + 1, not clamped.
func initDifficulty(w *Weights, rating int) dual {
	return sub(affine(1, weight(w, 4), 1), exp(affine(float64(rating-1), weight(w, 5), 0)))
}

// next is the memory state after a review t days after the last one
// (t = 0: the same day, FSRS-6's short-term stability, w17-w19).
func next(w *Weights, m memory, t float64, rating int) memory {
	var s dual
	switch {
	case t == 0:
		s = shortTerm(w, m.s, rating)
	case rating == 1:
		s = afterLapse(w, m, retrievability(w, t, m.s))
	default:
		s = afterRecall(w, m, retrievability(w, t, m.s), rating)
	}
	return memory{s: clamp(s, sMin, sMax), d: nextDifficulty(w, m.d, rating)}
}

// shortTerm is s·e^(w17·(rating-3+w18))·s^-w19, never less than s for a
// passing grade.
func shortTerm(w *Weights, s dual, rating int) dual {
	sinc := mul(
		exp(mul(weight(w, 17), affine(1, weight(w, 18), float64(rating-3)))),
		pow(s, affine(-1, weight(w, 19), 0)))
	if rating >= 2 && sinc.v < 1 {
		sinc = konst(1)
	}
	return mul(s, sinc)
}

// afterRecall is the stability after a successful review at
// retrievability r.
func afterRecall(w *Weights, m memory, r dual, rating int) dual {
	inc := mul(exp(weight(w, 8)), affine(-1, m.d, 11))
	inc = mul(inc, pow(m.s, affine(-1, weight(w, 9), 0)))
	inc = mul(inc, affine(1, exp(mul(affine(-1, r, 1), weight(w, 10))), -1))
	switch rating {
	case 2:
		inc = mul(inc, weight(w, 15))
	case 4:
		inc = mul(inc, weight(w, 16))
	}
	return mul(m.s, affine(1, inc, 1))
}

// afterLapse is the stability after a lapse at retrievability r, no more
// than the stability a same-day relearning step could reach.
func afterLapse(w *Weights, m memory, r dual) dual {
	s := mul(weight(w, 11), pow(m.d, affine(-1, weight(w, 12), 0)))
	s = mul(s, affine(1, pow(affine(1, m.s, 1), weight(w, 13)), -1))
	s = mul(s, exp(mul(affine(-1, r, 1), weight(w, 14))))
	ceiling := div(m.s, exp(mul(weight(w, 17), weight(w, 18))))
	if ceiling.v < s.v {
		return ceiling
	}
	return s
}

// nextDifficulty moves d by -w6·(rating-3), damped near 10, then reverts
// it by w7 towards the difficulty of a first Easy.
func nextDifficulty(w *Weights, d dual, rating int) dual {
	delta := affine(-float64(rating-3), weight(w, 6), 0)
	d = add(d, mul(delta, affine(-1.0/9, d, 10.0/9)))
	w7 := weight(w, 7)
	d = add(mul(w7, initDifficulty(w, 4)), mul(affine(-1, w7, 1), d))
	return clamp(d, 1, 10)
}
