package optimize_test

import (
	"context"
	"errors"
	"testing"

	"github.com/moatquiz/moatquiz/internal/revlog"
	"github.com/moatquiz/moatquiz/optimize"
)

var trueWeights = revlog.Learner

// TestOptimizeBeatsDefaults fits a generated log of 10,000 reviews and
// checks that the fitted weights predict it better than the defaults, and
// that the fit is the same when run again.
func TestOptimizeBeatsDefaults(t *testing.T) {
	ds := optimize.NewDataset(revlog.Generate(trueWeights, 10000, 1))
	res, err := optimize.Optimize(context.Background(), ds, optimize.Options{RelearningSteps: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.PretrainOnly {
		t.Fatal("only pre-trained with 10,000 reviews")
	}
	def := optimize.Evaluate(ds, optimize.DefaultWeights())
	fit := optimize.Evaluate(ds, res.Weights)
	truth := optimize.Evaluate(ds, trueWeights)
	t.Logf("log loss: defaults %.4f, fitted %.4f, true weights %.4f; RMSE %.4f %.4f %.4f",
		def.LogLoss, fit.LogLoss, truth.LogLoss, def.RMSE, fit.RMSE, truth.RMSE)
	if fit.LogLoss >= def.LogLoss || fit.RMSE >= def.RMSE {
		t.Errorf("fitted weights %v predict no better than the defaults: log loss %.4f vs %.4f, RMSE %.4f vs %.4f",
			res.Weights, fit.LogLoss, def.LogLoss, fit.RMSE, def.RMSE)
	}
	if fit.LogLoss > truth.LogLoss*1.01 {
		t.Errorf("fitted log loss %.4f is more than 1%% above the true weights' %.4f", fit.LogLoss, truth.LogLoss)
	}
	again, _ := optimize.Optimize(context.Background(), ds, optimize.Options{RelearningSteps: 1})
	if again.Weights != res.Weights {
		t.Errorf("a second fit of the same log gave %v, the first %v", again.Weights, res.Weights)
	}
}

// TestOptimizeTooFew checks that a log with fewer predictions than
// fsrs-rs needs is refused with the number needed.
func TestOptimizeTooFew(t *testing.T) {
	ds := optimize.NewDataset(revlog.Generate(trueWeights, 12, 1))
	_, err := optimize.Optimize(context.Background(), ds, optimize.Options{})
	var few *optimize.TooFewError
	if !errors.As(err, &few) || few.Need != optimize.MinPredictions || few.Have != ds.Predictions() {
		t.Fatalf("error %v: want a TooFewError with %d of %d", err, ds.Predictions(), optimize.MinPredictions)
	}
}
