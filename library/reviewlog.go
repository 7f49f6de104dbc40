package library

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/store"
	"github.com/moatquiz/moatquiz/termtext"
)

// reviewJSON is one line of the review log as JSON Lines (`export
// reviews`, `import reviews`): the review and the item's FSRS state after
// it. An import reads the review and its uid; it replays the states.
type reviewJSON struct {
	ID            int64   `json:"id"`
	UID           string  `json:"uid"`
	Deck          string  `json:"deck"`
	Card          string  `json:"card"`
	Item          string  `json:"item"`
	Rating        int     `json:"rating"`
	ReviewedAt    string  `json:"reviewed_at"`
	DurationMS    int64   `json:"duration_ms"`
	Mode          string  `json:"mode"`
	Question      string  `json:"question"`
	Typed         string  `json:"typed,omitempty"`
	State         string  `json:"state"`
	Due           string  `json:"due"`
	Stability     float64 `json:"stability"`
	Difficulty    float64 `json:"difficulty"`
	ScheduledDays uint64  `json:"scheduled_days"`
	Reps          uint64  `json:"reps"`
	Lapses        uint64  `json:"lapses"`
	Leech         bool    `json:"leech,omitempty"` // this review suspended the item as a leech
}

// reviewLine is the JSON of r.
func reviewLine(r quiz.Review) reviewJSON {
	c := r.After.Card
	return reviewJSON{
		ID: r.ID, UID: r.UID, Deck: r.Item.Deck, Card: r.Item.Card, Item: r.Item.Item,
		Rating: int(r.Rating), ReviewedAt: rfc3339ms(r.ReviewedAt), DurationMS: r.Duration.Milliseconds(),
		Mode: string(r.Mode), Question: string(r.Question), Typed: r.Typed,
		State: strings.ToLower(c.State.String()), Due: rfc3339ms(c.Due),
		Stability: c.Stability, Difficulty: c.Difficulty,
		ScheduledDays: c.ScheduledDays, Reps: c.Reps, Lapses: c.Lapses, Leech: r.Leech(),
	}
}

// rfc3339ms formats t as RFC 3339 in UTC with milliseconds.
func rfc3339ms(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// WriteReviewLog writes every review of db's log to w as a line of JSON,
// oldest first, with whatever would steer a terminal escaped.
func WriteReviewLog(w io.Writer, db *store.DB) error {
	return db.Reviews(func(r quiz.Review) error { return writeLine(w, r) })
}

// writeLine writes r to w as a line of JSON.
func writeLine(w io.Writer, r quiz.Review) error {
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(reviewLine(r)); err != nil {
		return fmt.Errorf("review %d: %w", r.ID, err)
	}
	_, err := w.Write(termtext.EscapeJSON(line.Bytes()))
	return err
}

// maxReviewLine is the longest line ReadReviewLog reads: far more than
// any review (its typed answer is a line of the deck format's size).
const maxReviewLine = 1 << 20

// maxBadLines is how many bad lines ReadReviewLog's error lists.
const maxBadLines = 10

// ReadReviewLog reads a review log as WriteReviewLog writes it, file
// naming it in messages. Blank lines are skipped. A line that is not a
// review is an error saying file:line and what is wrong; the error lists
// every such line (the first ten) and no review is returned.
func ReadReviewLog(file string, r io.Reader) ([]quiz.Review, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, maxReviewLine)
	var out []quiz.Review
	var bad []string
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		rev, err := parseReview(line)
		if err != nil {
			bad = append(bad, termtext.Strip(fmt.Sprintf("%s:%d: %v", file, n, err)))
			continue
		}
		out = append(out, rev)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("a line is over %d MiB: is it a review log?", maxReviewLine>>20)
		}
		return nil, fmt.Errorf("read %s: %w", termtext.QuoteIfUnsafe(file), err)
	}
	if n := len(bad); n > 0 {
		more := ""
		if n > maxBadLines {
			more = fmt.Sprintf("\n  (and %d more)", n-maxBadLines)
			bad = bad[:maxBadLines]
		}
		return nil, fmt.Errorf("%d of the lines of %s are not reviews: nothing was imported; fix or remove them:\n  %s%s",
			n, termtext.QuoteIfUnsafe(file), strings.Join(bad, "\n  "), more)
	}
	return out, nil
}

// parseReview reads one line of the log, or says what is wrong with it.
func parseReview(line []byte) (quiz.Review, error) {
	var j reviewJSON
	if err := json.Unmarshal(line, &j); err != nil {
		return quiz.Review{}, fmt.Errorf("not a JSON review: %v", err)
	}
	r := quiz.Review{
		Item:   quiz.ItemID{Deck: j.Deck, Card: j.Card, Item: j.Item},
		Rating: fsrs.Rating(j.Rating), Duration: time.Duration(j.DurationMS) * time.Millisecond,
		Typed: j.Typed, Mode: quiz.Mode(j.Mode), Question: quiz.QuestionKind(j.Question),
	}
	at, err := time.Parse(time.RFC3339, j.ReviewedAt)
	switch {
	case j.Deck == "" || j.Card == "" || j.Item == "":
		return r, errors.New(`"deck", "card" and "item" are needed`)
	case j.Rating < 1 || j.Rating > 4:
		return r, fmt.Errorf(`"rating" is %d: must be 1 (again) to 4 (easy)`, j.Rating)
	case err != nil || at.Year() < 1:
		return r, fmt.Errorf(`"reviewed_at" %q is not an RFC 3339 time like 2026-03-01T09:30:00.000Z`, j.ReviewedAt)
	case j.DurationMS < 0:
		return r, fmt.Errorf(`"duration_ms" is %d: must be 0 or more`, j.DurationMS)
	case r.Mode != quiz.ModeReview && r.Mode != quiz.ModePractice && r.Mode != quiz.ModeAhead:
		return r, fmt.Errorf(`"mode" %q is not review, practice or ahead`, j.Mode)
	case !knownQuestion(r.Question):
		return r, fmt.Errorf(`"question" %q is not flip, choice, typed or cloze`, j.Question)
	}
	r.ReviewedAt = at.UTC()
	r.UID = quiz.ReviewUID(r.Item, r.ReviewedAt, r.Rating)
	if j.UID != "" && j.UID != r.UID {
		return r, fmt.Errorf(`"uid" %q is not the id of this item, time and rating (%s): was the line edited?`, j.UID, r.UID)
	}
	return r, nil
}

// knownQuestion reports whether k is a question kind a review can have.
func knownQuestion(k quiz.QuestionKind) bool {
	switch k {
	case quiz.QuestionFlip, quiz.QuestionChoice, quiz.QuestionTyped, quiz.QuestionCloze:
		return true
	}
	return false
}

// ReviewImport says what an import of reviews did.
type ReviewImport struct {
	Read    int // reviews given
	Added   int // reviews the log did not have
	Orphans int // of those added, reviews of items no deck has now: kept all the same
	Items   int // items whose history was replayed
}

// ImportReviews adds the reviews the log of db does not have (by their
// stable id) and sets each affected item's state by replaying its whole
// history with sch, in one transaction (see store.DB.ImportReviews).
// Reviews of items that no deck has now (a deck or card removed) are
// kept, and counted.
func (l *Library) ImportReviews(db *store.DB, reviews []quiz.Review, sch quiz.Scheduling) (ReviewImport, error) {
	res := ReviewImport{Read: len(reviews)}
	added, err := db.ImportReviews(reviews, quiz.NewReplayer(sch).Replay)
	if err != nil {
		return res, err
	}
	res.Added = len(added)
	known := l.itemSet()
	items := map[quiz.ItemID]bool{}
	for _, r := range added {
		items[r.Item] = true
		if !known[r.Item] {
			res.Orphans++
		}
	}
	res.Items = len(items)
	return res, nil
}

// itemSet is every item of the decks that load.
func (l *Library) itemSet() map[quiz.ItemID]bool {
	set := map[quiz.ItemID]bool{}
	for _, f := range l.Files() {
		if f.Deck == nil {
			continue
		}
		for _, it := range f.Deck.Items() {
			set[it.ID] = true
		}
	}
	return set
}
