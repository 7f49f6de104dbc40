// Package optimize fits the 21 FSRS-6 weights to a learner's review log,
// in pure Go, the way fsrs-rs (Anki's optimizer) does, and measures how
// well weights predict a log (log loss, RMSE in bins).
//
// Its model is FSRS-6 as go-fsrs v4 computes it: the same stability and
// difficulty after the same history. docs/optimizer.md describes the
// method and how it compares with fsrs-rs.
package optimize
