package optimize

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
)

// MinPredictions is fsrs-rs's minimum: with fewer predictions (reviews
// on a later day than the item's previous review) left after the outlier
// filter it keeps the defaults.
const MinPredictions = 8

// minTrain is fsrs-rs's minimum for gradient steps: with fewer
// predictions only the initial stabilities are fitted.
const minTrain = 64

// fsrs-rs's training settings.
const (
	epochs       = 5
	batchSize    = 512
	learningRate = 4e-2
	gamma        = 1.0 // strength of the pull towards the starting weights
	seed         = 2023
)

// paramsStddev is fsrs-rs's spread of each weight across users: the L2
// pull towards the starting weights is scaled by it.
var paramsStddev = Weights{
	6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
	1.03, 0.31, 0.32, 0.14, 0.27,
}

// TooFewError is the error of a log too small to fit.
type TooFewError struct {
	Predictions int // reviews a day or more after the item's previous one
	Have, Need  int // those usable for fitting (outliers left out), and needed
}

func (e *TooFewError) Error() string {
	return fmt.Sprintf("the optimizer needs at least %d reviews that come a day or more after the item's previous one; "+
		"you have %d, of which %d count (those after a rare first interval are left out, as in Anki)", e.Need, e.Predictions, e.Have)
}

// Options tune an optimization.
type Options struct {
	// RelearningSteps is the number of relearning steps in use: with more
	// than one, w17 and w18 are capped so that relearning cannot raise a
	// lapsed item's stability above where it was (as fsrs-rs does).
	RelearningSteps int
	// Progress, if set, is called after each gradient step with the steps
	// done and the steps in all.
	Progress func(done, total int)
}

// Result is the outcome of Optimize.
type Result struct {
	Weights      Weights
	PretrainOnly bool // too few predictions for gradient steps: only w0-w3 fitted
}

// Optimize fits the 21 FSRS-6 weights to ds the way fsrs-rs does:
// pre-training of w0-w3 from first-review outcomes, then five epochs of
// Adam steps (learning rate 0.04, cosine annealing) on batches of about
// 512 predictions, minimising the recency-weighted log loss plus an L2
// pull towards the pre-trained start, the weights clipped to fsrs-rs's
// ranges after each step; the epoch with the lowest loss wins. It is
// deterministic: the same log gives the same weights.
func Optimize(ctx context.Context, ds *Dataset, opt Options) (Result, error) {
	out, left, n := prepare(ds)
	if n < MinPredictions {
		return Result{}, &TooFewError{Predictions: ds.items, Have: n, Need: MinPredictions}
	}
	init, counts := pretrain(out, ds.recall)
	w := DefaultWeights()
	copy(w[:4], init[:])
	if n < minTrain {
		return Result{Weights: w, PretrainOnly: true}, nil
	}
	t := newTrainer(ds, left, w, opt)
	best, err := t.run(ctx)
	if err != nil {
		return Result{}, err
	}
	found := map[int]float64{}
	for r := range counts {
		found[r] = best[r-1]
	}
	s0 := smoothAndFill(found, counts)
	copy(best[:4], s0[:])
	return Result{Weights: best}, nil
}

// trainer holds the state of the gradient steps.
type trainer struct {
	ds      *Dataset
	start   Weights
	batches [][]int // histories per batch
	total   int     // predictions trained on
	opt     Options
}

// newTrainer splits the histories not left out, in a seeded random
// order, into batches of about batchSize predictions each.
func newTrainer(ds *Dataset, left []bool, start Weights, opt Options) *trainer {
	t := &trainer{ds: ds, start: start, opt: opt}
	order := rand.New(rand.NewPCG(seed, seed)).Perm(len(ds.histories))
	var batch []int
	n := 0
	for _, h := range order {
		k := trainedItems(ds.histories[h])
		if k == 0 || left[h] {
			continue
		}
		batch = append(batch, h)
		n += k
		t.total += k
		if n >= batchSize {
			t.batches = append(t.batches, batch)
			batch, n = nil, 0
		}
	}
	if len(batch) > 0 {
		t.batches = append(t.batches, batch)
	}
	return t
}

// trainedItems is the number of h's predictions trained on.
func trainedItems(h history) int {
	n := 0
	for i := 1; i < min(len(h), maxSeqLen); i++ {
		if h.isItem(i) {
			n++
		}
	}
	return n
}

// run does the epochs and returns the weights of the best one.
func (t *trainer) run(ctx context.Context) (Weights, error) {
	w := t.start
	var adam adam
	rng := rand.New(rand.NewPCG(seed, seed+1))
	steps := epochs * len(t.batches)
	bestLoss, best := math.Inf(1), w
	done := 0
	for range epochs {
		for _, b := range rng.Perm(len(t.batches)) {
			if err := ctx.Err(); err != nil {
				return Weights{}, err
			}
			done++
			lr := learningRate * 0.5 * (1 + math.Cos(math.Pi*float64(done)/float64(steps)))
			var grad Weights
			n := 0
			for _, h := range t.batches[b] {
				weightedLoss(&w, t.ds.histories[h], &grad)
				n += trainedItems(t.ds.histories[h])
			}
			t.penalty(&w, n, &grad)
			adam.step(&w, &grad, lr)
			clip(&w, t.opt.RelearningSteps)
			if t.opt.Progress != nil {
				t.opt.Progress(done, steps)
			}
		}
		if loss := t.loss(&w); loss < bestLoss {
			bestLoss, best = loss, w
		}
	}
	return best, nil
}

// loss is the training objective over every batch, per prediction.
func (t *trainer) loss(w *Weights) float64 {
	var grad Weights
	sum := 0.0
	for _, b := range t.batches {
		for _, h := range b {
			sum += weightedLoss(w, t.ds.histories[h], &grad)
		}
	}
	return (sum + t.penalty(w, t.total, &grad)) / float64(t.total)
}

// penalty adds the gradient of the L2 pull towards the start for a batch
// of n predictions to grad, and returns the pull.
func (t *trainer) penalty(w *Weights, n int, grad *Weights) float64 {
	scale := gamma * float64(n) / float64(t.total)
	sum := 0.0
	for i := range w {
		v := paramsStddev[i] * paramsStddev[i]
		d := w[i] - t.start[i]
		sum += d * d / v * scale
		grad[i] += 2 * d / v * scale
	}
	return sum
}

// adam is the Adam optimizer's state (β1 0.9, β2 0.999, ε 1e-8).
type adam struct {
	m, v Weights
	t    int
}

// step moves w against grad with learning rate lr.
func (a *adam) step(w, grad *Weights, lr float64) {
	const b1, b2, eps = 0.9, 0.999, 1e-8
	a.t++
	c1 := 1 - math.Pow(b1, float64(a.t))
	c2 := 1 - math.Pow(b2, float64(a.t))
	for i := range w {
		g := grad[i]
		if math.IsNaN(g) || math.IsInf(g, 0) {
			continue
		}
		a.m[i] = b1*a.m[i] + (1-b1)*g
		a.v[i] = b2*a.v[i] + (1-b2)*g*g
		w[i] -= lr * (a.m[i] / c1) / (math.Sqrt(a.v[i]/c2) + eps)
	}
}

// clip limits each weight to fsrs-rs's range for it.
func clip(w *Weights, relearningSteps int) {
	ceiling := 2.0
	if relearningSteps > 1 {
		v := -(math.Log(w[11]) + math.Log(math.Pow(2, w[13])-1) + w[14]*0.3) / float64(relearningSteps)
		ceiling = min(math.Sqrt(max(v, 0.01)), 2)
	}
	ranges := [NumWeights][2]float64{
		{sMin, initSMax}, {sMin, initSMax}, {sMin, initSMax}, {sMin, initSMax},
		{1, 10}, {0.001, 4}, {0.001, 4}, {0.001, 0.75}, {0, 4.5}, {0, 0.8},
		{0.001, 3.5}, {0.001, 5}, {0.001, 0.25}, {0.001, 0.9}, {0, 4}, {0, 1}, {1, 6},
		{0, ceiling}, {0, ceiling}, {0.01, 0.8}, {0.1, 0.8},
	}
	for i, r := range ranges {
		w[i] = min(max(w[i], r[0]), r[1])
	}
}
