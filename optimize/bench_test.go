package optimize_test

import (
	"context"
	"testing"

	"github.com/moatquiz/moatquiz/internal/revlog"
	"github.com/moatquiz/moatquiz/optimize"
)

// BenchmarkOptimize fits a generated log of 100,000 reviews.
func BenchmarkOptimize(b *testing.B) {
	ds := optimize.NewDataset(revlog.Generate(revlog.Learner, 100_000, 1))
	b.ResetTimer()
	for range b.N {
		if _, err := optimize.Optimize(context.Background(), ds, optimize.Options{RelearningSteps: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
