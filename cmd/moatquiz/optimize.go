package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/moatquiz/moatquiz/config"
	"github.com/moatquiz/moatquiz/optimize"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
	"github.com/moatquiz/moatquiz/termtext"
)

// optimizeCmd is `moatquiz optimize`.
type optimizeCmd struct {
	Deck string `name:"deck" placeholder:"ID" help:"Fit to this deck's reviews only (the weights are still the ones every deck uses)."`
	JSON bool   `name:"json" help:"Print the result as one JSON object (docs/optimizer.md describes it)."`
}

// Run fits the weights to the review log, compares them with the
// current ones and saves them in the config file when they predict
// better.
func (c *optimizeCmd) Run(g *Globals) error { return c.run(g, os.Stdout) }

// run is Run with the result written to w.
func (c *optimizeCmd) run(g *Globals, w io.Writer) error {
	cfg, log, err := readLog(g, c.Deck)
	if err != nil {
		return err
	}
	res, err := optimize.Optimize(context.Background(), log.data, optimize.Options{
		RelearningSteps: len(cfg.Scheduling.Params.RelearningSteps),
		Progress:        progress(os.Stderr),
	})
	var few *optimize.TooFewError
	if errors.As(err, &few) {
		return fmt.Errorf("optimize: %s: %w; study more and try again. Nothing was changed", log.scope(), err)
	}
	if err != nil {
		return err
	}
	out := optimizeJSON{
		logJSON:      log.summary(),
		Current:      fitOf(log.data, cfg.Scheduling.Params.W),
		Optimized:    fitOf(log.data, rounded(res.Weights)),
		PretrainOnly: res.PretrainOnly,
		Config:       cfg.Path,
	}
	if out.Optimized.LogLoss < out.Current.LogLoss {
		stamp := time.Now().Format("2006-01-02")
		if err := config.SaveWeights(cfg.Path, out.Optimized.Weights[:], "Fitted to your reviews by `moatquiz optimize` on "+stamp); err != nil {
			return err
		}
		out.Saved = true
	}
	if c.JSON {
		return writeResultJSON(w, out)
	}
	return writeOptimizeText(w, out, cfg.Scheduling.Params.RequestRetention)
}

// reviewLog is the review log as the optimizer takes it.
type reviewLog struct {
	deck    string // "" for all decks
	reviews int
	data    *optimize.Dataset
}

// scope names what was read, for messages.
func (l *reviewLog) scope() string {
	if l.deck == "" {
		return "all decks"
	}
	return "deck " + termtext.QuoteIfUnsafe(l.deck)
}

// summary is the log's part of the JSON output.
func (l *reviewLog) summary() logJSON {
	return logJSON{Deck: l.deck, Reviews: l.reviews, Predictions: l.data.Predictions()}
}

// readLog reads the config and the review log of deck ("" for all
// decks) from the store, opened read-only, so that it works while the
// app runs. Practice answers are left out: they never change a schedule.
func readLog(g *Globals, deck string) (config.Config, *reviewLog, error) {
	cfg, err := g.loadConfig()
	if err != nil {
		return cfg, nil, err
	}
	if deck != "" {
		if _, err := g.library().Deck(deck); err != nil {
			return cfg, nil, err
		}
	}
	log := &reviewLog{deck: deck}
	var reviews []optimize.Review
	db, err := openStore(g, true)
	if errors.Is(err, store.ErrNoProgress) {
		log.data = optimize.NewDataset(nil)
		return cfg, log, nil
	}
	if err != nil {
		return cfg, nil, err
	}
	defer db.Close()
	err = db.Reviews(func(r quiz.Review) error {
		if r.Mode == quiz.ModePractice || (deck != "" && r.Item.Deck != deck) {
			return nil
		}
		reviews = append(reviews, optimize.Review{
			Item:   r.Item.Deck + "\x00" + r.Item.Card + "\x00" + r.Item.Item,
			Day:    studyDay(cfg.Scheduling, r.ReviewedAt),
			Rating: int(r.Rating),
		})
		return nil
	})
	if err != nil {
		return cfg, nil, err
	}
	log.reviews = len(reviews)
	log.data = optimize.NewDataset(reviews)
	return cfg, log, nil
}

// studyDay numbers the learner's study day of t (local time, starting at
// the rollover hour, as Anki counts days for its optimizer).
func studyDay(s quiz.Scheduling, t time.Time) int {
	d := s.DayStart(t.In(time.Local))
	return int(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// rounded is w with 4 decimals, as Anki shows and saves weights.
func rounded(w optimize.Weights) optimize.Weights {
	for i, x := range w {
		w[i] = math.Round(x*1e4) / 1e4
	}
	return w
}

// progress reports the optimizer's steps on w when it is a terminal, in
// place on one line, and clears the line when done; nil otherwise.
func progress(w *os.File) func(done, total int) {
	if !term.IsTerminal(w.Fd()) {
		return nil
	}
	last := -1
	return func(done, total int) {
		pct := 100 * done / total
		if pct == last {
			return
		}
		last = pct
		fmt.Fprintf(w, "\rOptimizing your FSRS weights: %3d%%", pct)
		if done == total {
			fmt.Fprint(w, "\r\033[K")
		}
	}
}

// logJSON is the review log's part of the JSON output.
type logJSON struct {
	Deck        string `json:"deck,omitempty"` // "" for all decks
	Reviews     int    `json:"reviews"`        // reviews read (practice left out)
	Predictions int    `json:"predictions"`    // reviews a day or more after the item's previous one
}

// fitJSON is a set of weights and how well it predicts the log.
type fitJSON struct {
	Weights optimize.Weights `json:"weights"`
	LogLoss float64          `json:"log_loss"`
	RMSE    float64          `json:"rmse_bins"`
}

// fitOf evaluates w on data.
func fitOf(data *optimize.Dataset, w optimize.Weights) fitJSON {
	m := optimize.Evaluate(data, w)
	return fitJSON{Weights: w, LogLoss: m.LogLoss, RMSE: m.RMSE}
}

// optimizeJSON is the output of `optimize --json`.
type optimizeJSON struct {
	logJSON
	Current      fitJSON `json:"current"`
	Optimized    fitJSON `json:"optimized"`
	PretrainOnly bool    `json:"pretrain_only"` // too few predictions for more than w0-w3
	Saved        bool    `json:"saved"`         // the optimized weights were saved in Config
	Config       string  `json:"config"`
}

// writeResultJSON writes v as indented JSON, escaped for the terminal.
func writeResultJSON(w io.Writer, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(termtext.EscapeJSON(append(data, '\n')))
	return err
}

// writeOptimizeText writes the result for a reader.
func writeOptimizeText(w io.Writer, o optimizeJSON, retention float64) error {
	scope := (&reviewLog{deck: o.Deck}).scope()
	fmt.Fprintf(w, "Fitted FSRS-6 to %d reviews of %s (%d of them predicted).\n", o.Reviews, scope, o.Predictions)
	if o.PretrainOnly {
		fmt.Fprintf(w, "Only the first-review stabilities (w0-w3) were fitted: the rest needs 64 predicted reviews.\n")
	}
	fmt.Fprintf(w, "\n%-12s %9s %12s\n", "", "log loss", "RMSE (bins)")
	fmt.Fprintf(w, "%-12s %9.4f %11.2f%%\n", "current", o.Current.LogLoss, 100*o.Current.RMSE)
	fmt.Fprintf(w, "%-12s %9.4f %11.2f%%\n\n", "optimized", o.Optimized.LogLoss, 100*o.Optimized.RMSE)
	if !o.Saved {
		_, err := fmt.Fprintln(w, "The current weights predict your reviews at least as well: kept them. Nothing was changed.")
		return err
	}
	_, err := fmt.Fprintf(w, "The optimized weights predict better: saved them (key weights) in\n%s.\n"+
		"moatquiz schedules with them from its next start.\nDesired retention is unchanged (%.2f).\n",
		termtext.QuoteIfUnsafe(o.Config), retention)
	return err
}
