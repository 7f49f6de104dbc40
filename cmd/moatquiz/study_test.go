package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/alecthomas/kong"
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

// TestStudyCustomFlags: --cards, --tag and --more-new reach the session,
// and what they cannot study is a usage error that says what to give
// instead, before the app opens.
func TestStudyCustomFlags(t *testing.T) {
	t.Setenv("MOATQUIZ_DATA_DIR", t.TempDir())
	t.Setenv("MOATQUIZ_CONFIG", os.DevNull)
	var c cli
	parser, err := kong.New(&c, kong.Bind(&c.Globals))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.Parse([]string{"study", "--deck", "article", "--cards", "vocab", "--tag", "memo", "--more-new", "10", "--kind", "typed"}); err != nil {
		t.Fatal(err)
	}
	if s := c.Study; s.Cards != "vocab" || s.Tag != "memo" || s.MoreNew != 10 || s.Kind != "typed" {
		t.Errorf("parsed %+v", s)
	}
	if _, err := parser.Parse([]string{"study", "--deck", "article"}); err != nil || c.Study.Cards != "all" || c.Study.MoreNew != 0 {
		t.Errorf("defaults: %+v, %v; want all cards and no more new", c.Study, err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"study", "--deck", "article", "--tag", "nope"},
			`moatquiz: --tag nope: no card of deck "article" has it; its tags: adjective, adverb,`},
		{[]string{"study", "--deck", "article", "--cards", "words"}, "--cards words: unknown value; use all, vocab or facts"},
		{[]string{"study", "--deck", "article", "--more-new=-5"}, "--more-new=-5: give how many more new cards to study today, from 1 to 9999"},
		{[]string{"study", "--deck", "article", "--more-new", "10000"}, "--more-new=10000: give how many"},
	} {
		var stderr bytes.Buffer
		if code := run(tc.args, &stderr); code != 2 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("moatquiz %s: exit %d, stderr %q; want 2 and %q", strings.Join(tc.args, " "), code, stderr.String(), tc.want)
		}
	}
}
