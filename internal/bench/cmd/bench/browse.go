package main

import (
	"time"

	"github.com/moatquiz/moatquiz/library"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/search"
	"github.com/moatquiz/moatquiz/store"
)

// keystrokes are what a learner types into the browser's search line,
// one query per keystroke: 초성, romanization, Hangul as an IME composes
// it, a near miss (헤자), English, and filters.
var keystrokes = []string{
	"ㅎ", "ㅎㅈ",
	"h", "ha", "hae", "haej", "haeja",
	"ㅎ", "해", "햊", "해자",
	"헤", "헤자",
	"m", "mo", "moa", "moat",
	"is:due", "is:due lapses>3", "is:due lapses>3 -kind:cloze",
}

// browse times, in this process, opening the browser (reading every deck
// and state, and the search text from the deck cache once a first opening
// prepared it) and each keystroke's search
// over every card (parse and match all of them, sorted by due).
func (r *result) browse(c collection, warm bool) error {
	db, err := store.Open(c.dir, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	b, err := library.New(c.dir).OpenBrowser(db, quiz.DefaultScheduling(), c.now)
	if err != nil {
		return err
	}
	open := time.Since(start)
	var keys []time.Duration
	for _, k := range keystrokes {
		start := time.Now()
		q, err := search.Parse(k)
		if err != nil {
			return err
		}
		b.Search(q, library.SortDue)
		keys = append(keys, time.Since(start))
	}
	if !warm {
		r.browseOpen = append(r.browseOpen, open)
		r.browseKey = append(r.browseKey, keys...)
	}
	return nil
}
