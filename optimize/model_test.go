package optimize

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// randomHistory is n reviews of one item with random ratings, a third of
// them on the same day as the one before.
func randomHistory(rng *rand.Rand, n int) history {
	h := make(history, n)
	for i := range h {
		h[i] = step{rating: int8(1 + rng.IntN(4)), weight: 1}
		if i > 0 && rng.IntN(3) > 0 {
			h[i].dt = int32(1 + rng.IntN(40))
		}
	}
	return h
}

// someWeights are FSRS-6 weights away from the defaults and from every
// clip limit.
func someWeights() Weights {
	return Weights{0.4, 1.5, 3.1, 12, 6.2, 0.7, 2.2, 0.02, 1.6, 0.2, 0.9, 1.7, 0.09, 0.35, 1.5, 0.55, 2.1, 0.4, 0.3, 0.12, 0.2}
}

// TestModelMatchesGoFSRS checks that the model's stability, difficulty
// and retrievability after a history are go-fsrs's, whose scheduler
// moatquiz uses, for the default weights and others.
func TestModelMatchesGoFSRS(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, w := range []Weights{DefaultWeights(), someWeights()} {
		p := fsrs.DefaultParam()
		p.W = w
		f := fsrs.NewFSRS(p)
		for range 200 {
			h := randomHistory(rng, 2+rng.IntN(15))
			var entries fsrs.ReviewEntries
			for _, s := range h {
				entries = append(entries, fsrs.ReviewEntry{Rating: fsrs.Rating(s.rating), DeltaT: float64(s.dt)})
			}
			want, err := f.MemoryState(entries, nil)
			if err != nil {
				t.Fatal(err)
			}
			m := first(&w, int(h[0].rating))
			for _, s := range h[1:] {
				m = next(&w, m, float64(s.dt), int(s.rating))
			}
			if !close(m.s.v, want.Stability) || !close(m.d.v, want.Difficulty) {
				t.Fatalf("weights %v, history %v: S %v D %v, go-fsrs S %v D %v", w, h, m.s.v, m.d.v, want.Stability, want.Difficulty)
			}
			r := retrievability(&w, 7, m.s)
			if wantR := p.ForgettingCurve(7, want.Stability); !close(r.v, wantR) {
				t.Fatalf("R after 7 days %v, go-fsrs %v", r.v, wantR)
			}
		}
	}
}

// close reports whether a and b agree to 1e-9, relatively.
func close(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// TestGradientMatchesFiniteDifferences checks the weighted log loss's
// gradient, computed along with the loss, against central differences of
// the loss itself, for every weight.
func TestGradientMatchesFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var hs []history
	for range 40 {
		hs = append(hs, randomHistory(rng, 2+rng.IntN(12)))
	}
	loss := func(w Weights) (float64, Weights) {
		var g Weights
		l := 0.0
		for _, h := range hs {
			l += weightedLoss(&w, h, &g)
		}
		return l, g
	}
	w := someWeights()
	l, grad := loss(w)
	if l <= 0 {
		t.Fatalf("loss %v: want a positive loss", l)
	}
	for i := range w {
		const eps = 1e-6
		up, down := w, w
		up[i] += eps
		down[i] -= eps
		lu, _ := loss(up)
		ld, _ := loss(down)
		fd := (lu - ld) / (2 * eps)
		if math.Abs(fd-grad[i]) > 1e-5*math.Max(1, math.Abs(fd)) {
			t.Errorf("d loss / d w%d = %v, finite differences give %v", i, grad[i], fd)
		}
	}
}

// TestBinOf checks fsrs-rs's RMSE bins on both sides of their edges.
func TestBinOf(t *testing.T) {
	for _, c := range []struct {
		dt               int32
		longTerm, lapses int
		want             [3]int
	}{
		{1, 1, 0, [3]int{248, 4, 0}},
		{3, 1, 0, [3]int{248, 4, 0}},
		{4, 2, 1, [3]int{898, 4, 2}},
		{14, 3, 2, [3]int{3250, 7, 3}},
	} {
		if got := binOf(c.dt, c.longTerm, c.lapses); got != c.want {
			t.Errorf("binOf(%d, %d, %d) = %v, want %v", c.dt, c.longTerm, c.lapses, got, c.want)
		}
	}
}

// TestDropOutliers checks fsrs-rs's outlier filter: per first rating, the
// rarest first intervals up to 20 items, then groups under 6 items or
// beyond 100 days, are left out of pre-training.
func TestDropOutliers(t *testing.T) {
	out := firstOutcomes{3: {}, 1: {}}
	for dt, n := range map[int32]float64{1: 100, 2: 50, 3: 5, 4: 10, 200: 30} {
		out[3][dt] = &outcomes{n: n}
	}
	out[1][1] = &outcomes{n: 12} // all of rating 1 is fewer than 20 items
	dropped := dropOutliers(out)
	want := map[[2]int32]bool{{3, 3}: true, {3, 4}: true, {3, 200}: true, {1, 1}: true}
	if len(dropped) != len(want) {
		t.Fatalf("dropped %v, want %v", dropped, want)
	}
	for k := range want {
		if !dropped[k] {
			t.Errorf("dropped %v, want %v", dropped, want)
		}
	}
	if len(out[3]) != 2 || out[1] != nil {
		t.Errorf("left %v, want rating 3 at 1 and 2 days only", out)
	}
}
