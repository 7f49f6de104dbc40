package main

import (
	"strings"
	"testing"
)

func TestStudyValidate(t *testing.T) {
	for _, tc := range []struct {
		limit int
		ok    bool
	}{{0, true}, {20, true}, {-3, false}} {
		err := (&studyCmd{Deck: "article", Limit: tc.limit}).Validate()
		if (err == nil) != tc.ok {
			t.Errorf("--limit=%d: error %v, want ok=%v", tc.limit, err, tc.ok)
		}
	}
}

// TestStudyNamesBrokenDecks: a deck that failed to load is not just "no
// such deck": the learner is told which files could not be loaded, and
// why.
func TestStudyNamesBrokenDecks(t *testing.T) {
	g, dir := userDir(t)
	err := (&studyCmd{Deck: "broken"}).Run(g)
	if err == nil {
		t.Fatal("study of a broken deck started")
	}
	msg := err.Error()
	if !strings.Contains(msg, `there is no deck "broken"`) || !strings.Contains(msg, dir+"/b-broken.json:4:12") {
		t.Errorf("error %q does not say the deck is missing and where its file is broken", msg)
	}
}
