package config

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// Limits of the values.
const (
	minRetention = 0.7
	maxRetention = 0.99
	maxInterval  = 36500 // days
	minStep      = time.Second
	maxStep      = 30 * 24 * time.Hour
	minAnswerCap = time.Second
	maxAnswerCap = 2 * time.Hour // Anki's largest maximum answer time
)

// key is one config key: its name, what it allows (for messages), and
// how it sets the scheduling from the decoded file.
type key struct {
	name string
	want string
	// apply sets s from f when the key was given; it returns what is
	// wrong with the value, "" when nothing is.
	apply func(f *file, s *quiz.Scheduling, want string) string
}

// keys are every key, in the order of docs/config.md.
var keys = []key{
	{"desired_retention", fmt.Sprintf("a number from %v to %v", minRetention, maxRetention), applyRetention},
	{"learning_steps", `a list of durations from 1s to 30d, like ["1m", "10m"]`, applyLearningSteps},
	{"relearning_steps", `a list of durations from 1s to 30d, like ["10m"]`, applyRelearningSteps},
	{"maximum_interval", fmt.Sprintf("a whole number of days from 1 to %d", maxInterval), applyMaxInterval},
	{"fuzz", "true or false", applyFuzz},
	{"new_per_day", "a whole number, 0 or more", applyNewPerDay},
	{"reviews_per_day", "a whole number, 0 or more", applyReviewsPerDay},
	{"rollover_hour", "a whole number from 0 to 23", applyRolloverHour},
	{"answer_time_cap", `a duration from 1s to 2h, like "60s" or "2m"`, applyAnswerTimeCap},
	{"bury_siblings", "true or false", applyBurySiblings},
	{"weights", "a list of 21 FSRS-6 weights (or the 19 of FSRS-5, or the 17 of FSRS-4.5)", applyWeights},
	{"sync_dir", `a folder's full path, like "/home/me/Sync/moatquiz" or "~/Sync/moatquiz"`, checkSyncDir},
}

// checkSyncDir checks the sync folder's path; Parse sets it.
func checkSyncDir(f *file, _ *quiz.Scheduling, want string) string {
	if f.SyncDir != nil && !filepath.IsAbs(expandHome(*f.SyncDir)) {
		return fmt.Sprintf("%q is not allowed: must be %s", *f.SyncDir, want)
	}
	return ""
}

// expandHome replaces a leading ~/ of path by the home folder.
func expandHome(path string) string {
	rest, ok := strings.CutPrefix(path, "~/")
	if home, err := os.UserHomeDir(); ok && err == nil {
		return filepath.Join(home, rest)
	}
	return path
}

// keyNames lists the keys for the unknown-key message.
func keyNames() string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.name
	}
	return strings.Join(names, ", ")
}

// wantOf is what key name allows, "" for an unknown key.
func wantOf(name string) string {
	for _, k := range keys {
		if k.name == name {
			return k.want
		}
	}
	return ""
}

// bad is the message for value v of a key that allows want.
func bad(v any, want string) string { return fmt.Sprintf("%v is not allowed: must be %s", v, want) }

func applyRetention(f *file, s *quiz.Scheduling, want string) string {
	if f.DesiredRetention == nil {
		return ""
	}
	v := *f.DesiredRetention
	if !(v >= minRetention && v <= maxRetention) { // also catches NaN
		return bad(v, want)
	}
	s.Params.RequestRetention = v
	return ""
}

func applyLearningSteps(f *file, s *quiz.Scheduling, want string) string {
	return applySteps(f.LearningSteps, &s.Params.LearningSteps, want)
}

func applyRelearningSteps(f *file, s *quiz.Scheduling, want string) string {
	return applySteps(f.RelearningSteps, &s.Params.RelearningSteps, want)
}

// applySteps sets dst (minutes, as go-fsrs wants them) from durations.
func applySteps(steps *[]string, dst *[]float64, want string) string {
	if steps == nil {
		return ""
	}
	minutes := make([]float64, 0, len(*steps))
	for _, step := range *steps {
		d, ok := parseStep(step)
		if !ok {
			return bad(strconv.Quote(step), want)
		}
		minutes = append(minutes, d.Minutes())
	}
	*dst = minutes
	return ""
}

// parseStep reads a step: a Go duration ("1m", "1h30m", "90s") or a
// number of days ("1d", "2.5d"), from minStep to maxStep.
func parseStep(s string) (time.Duration, bool) {
	d, err := time.ParseDuration(s)
	if err != nil {
		var ok bool
		if d, ok = parseDays(s); !ok {
			return 0, false
		}
	}
	return d, d >= minStep && d <= maxStep
}

// parseDays reads a plain decimal number of days with a "d" suffix.
func parseDays(s string) (time.Duration, bool) {
	num, ok := strings.CutSuffix(s, "d")
	if !ok || num == "" || strings.Trim(num, "0123456789.") != "" {
		return 0, false
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || n > maxStep.Hours()/24 {
		return 0, false
	}
	return time.Duration(n * float64(24*time.Hour)), true
}

func applyMaxInterval(f *file, s *quiz.Scheduling, want string) string {
	if f.MaximumInterval == nil {
		return ""
	}
	v := *f.MaximumInterval
	if v < 1 || v > maxInterval {
		return bad(v, want)
	}
	s.Params.MaximumInterval = float64(v)
	return ""
}

func applyFuzz(f *file, s *quiz.Scheduling, _ string) string {
	if f.Fuzz != nil {
		s.Params.EnableFuzz = *f.Fuzz
	}
	return ""
}

// applyBurySiblings sets whether the cards related to one studied today
// wait for the next day.
func applyBurySiblings(f *file, s *quiz.Scheduling, _ string) string {
	if f.BurySiblings != nil {
		s.BurySiblings = *f.BurySiblings
	}
	return ""
}

func applyNewPerDay(f *file, s *quiz.Scheduling, want string) string {
	return applyCount(f.NewPerDay, &s.NewPerDay, 0, math.MaxInt32, want)
}

func applyReviewsPerDay(f *file, s *quiz.Scheduling, want string) string {
	return applyCount(f.ReviewsPerDay, &s.ReviewsPerDay, 0, math.MaxInt32, want)
}

func applyRolloverHour(f *file, s *quiz.Scheduling, want string) string {
	return applyCount(f.RolloverHour, &s.RolloverHour, 0, 23, want)
}

// applyAnswerTimeCap sets the longest time an answer is logged as taking.
func applyAnswerTimeCap(f *file, s *quiz.Scheduling, want string) string {
	if f.AnswerTimeCap == nil {
		return ""
	}
	d, err := time.ParseDuration(*f.AnswerTimeCap)
	if err != nil || d < minAnswerCap || d > maxAnswerCap {
		return bad(strconv.Quote(*f.AnswerTimeCap), want)
	}
	s.AnswerTimeCap = d
	return ""
}

// applyCount sets dst from v when v is given and within [lo, hi].
func applyCount(v *int64, dst *int, lo, hi int64, want string) string {
	if v == nil {
		return ""
	}
	if *v < lo || *v > hi {
		return bad(*v, want)
	}
	*dst = int(*v)
	return ""
}

// applyWeights sets the FSRS weights, converting older ones, and derives
// the decay from them as go-fsrs's scheduler will.
func applyWeights(f *file, s *quiz.Scheduling, want string) string {
	if f.Weights == nil {
		return ""
	}
	w, err := fsrs.MigrateWeights(*f.Weights)
	if err != nil {
		return fmt.Sprintf("%d numbers are not allowed: must be %s (%v)", len(*f.Weights), want, err)
	}
	p := s.Params
	p.W = w
	if err := p.Validate(); err != nil {
		return fmt.Sprintf("must be %s (%v)", want, err)
	}
	s.Params = withFSRS(p)
	return ""
}
