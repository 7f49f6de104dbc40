package search

import (
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/moatquiz/moatquiz/quiz"
)

// State is where a card's study stands, for is: filters.
type State int

// The states, as is:new, is:learning and is:review name them.
const (
	New State = iota
	Learning
	Review
)

// Card is what a query is matched against: one card of a deck, with its
// study state summed over its items.
type Card struct {
	Deck, ID  string
	Kind      quiz.Kind
	Tags      []string
	Text      *Text // the card's words (see NewText)
	State     State // the least advanced of its items
	Due       bool  // an item is due by the end of today
	Suspended bool  // an item is suspended
	Leech     bool  // an item is suspended with LeechThreshold lapses or more
	Buried    bool  // buried until the next study day
	Flag      int   // 0 (none) to 4
	// The properties prop: compares: days until due (negative: overdue),
	// interval in days, lapses and reps (the most of any item), FSRS
	// difficulty (1 to 10) and stability (days).
	DueDays, Ivl, Lapses, Reps float64
	Difficulty, Stability      float64
}

type andNode []node
type orNode []node
type notNode struct{ n node }

// An and matches when every part does, as well as its worst part.
func (a andNode) match(c *Card) (int, bool) {
	worst := 0
	for _, n := range a {
		r, ok := n.match(c)
		if !ok {
			return 0, false
		}
		worst = max(worst, r)
	}
	return worst, true
}

// An or matches when a part does, as well as its best part.
func (o orNode) match(c *Card) (int, bool) {
	best, any := 0, false
	for _, n := range o {
		if r, ok := n.match(c); ok && (!any || r < best) {
			best, any = r, true
		}
	}
	return best, any
}

func (n notNode) match(c *Card) (int, bool) {
	_, ok := n.n.match(c)
	return 0, !ok
}

// pattern is a filter's value, lower-cased; * matches any run.
type pattern string

func (p pattern) matches(s string) bool {
	ok, err := path.Match(strings.ToLower(string(p)), strings.ToLower(s))
	return ok && err == nil
}

type deckNode struct{ p pattern }

func (d deckNode) match(c *Card) (int, bool) { return 0, d.p.matches(c.Deck) }

type tagNode struct{ p pattern }

func (t tagNode) match(c *Card) (int, bool) {
	return 0, slices.ContainsFunc(c.Tags, t.p.matches)
}

// funcNode is a filter given by a function of the card. Each is made
// once, so that the same filter in two queries is the same pointer.
type funcNode struct{ f func(c *Card) bool }

func (f *funcNode) match(c *Card) (int, bool) { return 0, f.f(c) }

var kinds = map[string]node{
	"vocab": &funcNode{func(c *Card) bool { return c.Kind == quiz.KindVocab }},
	"fact":  &funcNode{func(c *Card) bool { return c.Kind == quiz.KindFact }},
	"cloze": &funcNode{func(c *Card) bool { return c.Kind == quiz.KindCloze }},
}

var states = map[string]node{
	"new":       &funcNode{func(c *Card) bool { return c.State == New }},
	"learning":  &funcNode{func(c *Card) bool { return c.State == Learning }},
	"review":    &funcNode{func(c *Card) bool { return c.State == Review }},
	"due":       &funcNode{func(c *Card) bool { return c.Due }},
	"suspended": &funcNode{func(c *Card) bool { return c.Suspended }},
	"leech":     &funcNode{func(c *Card) bool { return c.Leech }},
	"buried":    &funcNode{func(c *Card) bool { return c.Buried }},
}

// flags are the values of flag: (0: no flag; Anki's 1 red, 2 orange,
// 3 green, 4 blue).
var flags = map[string]node{}

func init() {
	for f := range 5 {
		flags[strconv.Itoa(f)] = &funcNode{func(c *Card) bool { return c.Flag == f }}
	}
}

// propNames are the properties prop: compares, longest first where one
// starts another.
var propNames = []string{"due", "ivl", "lapses", "reps", "difficulty", "stability"}

type propNode struct {
	name, op string
	v        float64
}

func (p propNode) match(c *Card) (int, bool) {
	var x float64
	switch p.name {
	case "due":
		x = c.DueDays
	case "ivl":
		x = c.Ivl
	case "lapses":
		x = c.Lapses
	case "reps":
		x = c.Reps
	case "difficulty":
		x = c.Difficulty
	case "stability":
		x = c.Stability
	}
	switch p.op {
	case "<":
		return 0, x < p.v
	case "<=":
		return 0, x <= p.v
	case ">":
		return 0, x > p.v
	case ">=":
		return 0, x >= p.v
	case "=":
		return 0, x == p.v
	}
	return 0, x != p.v
}

// sortedKeys returns m's keys in order, for messages.
func sortedKeys(m map[string]node) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
