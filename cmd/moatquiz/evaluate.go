package main

import (
	"fmt"
	"io"
	"os"
)

// evaluateCmd is `moatquiz evaluate`.
type evaluateCmd struct {
	Deck string `name:"deck" placeholder:"ID" help:"Only this deck's reviews (default: all decks)."`
	JSON bool   `name:"json" help:"Print the result as one JSON object (docs/optimizer.md describes it)."`
}

// evaluateJSON is the output of `evaluate --json`.
type evaluateJSON struct {
	logJSON
	fitJSON
}

// Run prints how well the weights in use predict the review log.
func (c *evaluateCmd) Run(g *Globals) error { return c.run(g, os.Stdout) }

// run is Run with the result written to w.
func (c *evaluateCmd) run(g *Globals, w io.Writer) error {
	cfg, log, err := readLog(g, c.Deck)
	if err != nil {
		return err
	}
	if log.data.Predictions() == 0 {
		return fmt.Errorf("evaluate: none of the reviews of %s can be predicted yet: a review counts once it comes a day or more after the item's previous one", log.scope())
	}
	out := evaluateJSON{logJSON: log.summary(), fitJSON: fitOf(log.data, cfg.Scheduling.Params.W)}
	if c.JSON {
		return writeResultJSON(w, out)
	}
	_, err = fmt.Fprintf(w, "The FSRS weights in use predict %d reviews of %s (of %d) with\n"+
		"log loss %.4f and RMSE (bins) %.2f%% (lower is better for both).\n",
		out.Predictions, log.scope(), out.Reviews, out.LogLoss, 100*out.RMSE)
	return err
}
