// Package revlog generates review logs of a simulated learner whose
// memory follows FSRS-6 with known weights, to test and measure the
// optimizer against them.
package revlog

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/optimize"
)

// newPerDay is how many new items the learner takes up a day.
const newPerDay = 20

// Generate returns n reviews, oldest first, of a learner whose memory
// follows FSRS-6 with weights w: each day they take up new items and
// review the due ones (interval for 90% recall), recalling each with its
// retrievability; a first Again or Hard and every lapse get a same-day
// step, as learning steps do. The same seed gives the same log.
func Generate(w optimize.Weights, n int, seed uint64) []optimize.Review {
	p := fsrs.DefaultParam()
	p.W = w
	g := &gen{p: p, rng: rand.New(rand.NewPCG(seed, 0x7265766c6f67))}
	for day := 0; len(g.out) < n; day++ {
		for i := range g.items {
			if g.items[i].due == day && len(g.out) < n {
				g.review(i, day)
			}
		}
		for range newPerDay {
			if len(g.out) >= n {
				break
			}
			g.items = append(g.items, item{})
			g.review(len(g.items)-1, day)
		}
	}
	return g.out[:n]
}

// gen is the simulation's state.
type gen struct {
	p     fsrs.Parameters
	rng   *rand.Rand
	items []item
	out   []optimize.Review
}

// item is one simulated item's true memory.
type item struct {
	mem       *fsrs.MemoryState
	last, due int
}

// review reviews item i on day, with a same-day step after a failure.
func (g *gen) review(i, day int) {
	it := &g.items[i]
	rating := g.firstRating()
	if it.mem != nil {
		elapsed := float64(day - it.last)
		rating = fsrs.Again
		if g.rng.Float64() < g.p.ForgettingCurve(elapsed, it.mem.Stability) {
			rating = g.passRating()
		}
	}
	g.record(i, day, rating)
	if rating <= fsrs.Hard {
		g.record(i, day, fsrs.Good)
	}
	// at 90% desired retention FSRS-6's interval is the stability
	it.due = day + max(1, int(math.Round(it.mem.Stability)))
}

// record logs a review of item i on day and updates its memory.
func (g *gen) record(i, day int, rating fsrs.Rating) {
	it := &g.items[i]
	elapsed := uint64(0)
	if it.mem != nil {
		elapsed = uint64(day - it.last)
	}
	st := g.p.NextState(it.mem, 0.9, elapsed, rating)
	it.mem = &st.Memory
	it.last = day
	g.out = append(g.out, optimize.Review{Item: fmt.Sprint(i), Day: day, Rating: int(rating)})
}

// firstRating draws a first rating: Again 20%, Hard 10%, Good 55%, Easy 15%.
func (g *gen) firstRating() fsrs.Rating {
	return pick(g.rng.Float64(), []float64{0.20, 0.10, 0.55, 0.15})
}

// passRating draws a passing rating: Hard 15%, Good 75%, Easy 10%.
func (g *gen) passRating() fsrs.Rating {
	return 1 + pick(g.rng.Float64(), []float64{0.15, 0.75, 0.10})
}

// pick is the 1-based index of the share u falls in.
func pick(u float64, shares []float64) fsrs.Rating {
	for i, s := range shares {
		if u < s {
			return fsrs.Rating(i + 1)
		}
		u -= s
	}
	return fsrs.Rating(len(shares))
}

// Learner is a simulated learner's weights: they forget faster than
// FSRS-6's defaults assume, and their same-day reviews help less.
var Learner = optimize.Weights{0.15, 0.9, 1.6, 5.5, 6.8, 0.6, 2.4, 0.01, 1.3, 0.2, 0.9, 1.7, 0.1, 0.35, 1.6, 0.5, 1.6, 0.3, 0.2, 0.1, 0.25}

// Items are the predictions of reviews as fsrs-rs takes them (its
// FSRSItems), oldest first: for each review on a later day than its
// item's previous review, the item's reviews up to it as (rating, days
// since the previous review).
func Items(reviews []optimize.Review) [][][2]int {
	type past struct {
		day     int
		reviews [][2]int
	}
	seen := map[string]*past{}
	var items [][][2]int
	for _, r := range reviews {
		p := seen[r.Item]
		if p == nil {
			seen[r.Item] = &past{day: r.Day, reviews: [][2]int{{r.Rating, 0}}}
			continue
		}
		dt := r.Day - p.day
		p.day = r.Day
		p.reviews = append(p.reviews, [2]int{r.Rating, dt})
		if dt > 0 {
			items = append(items, append([][2]int(nil), p.reviews...))
		}
	}
	return items
}
