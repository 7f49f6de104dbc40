package search

import (
	"slices"
	"strings"
)

// Narrows reports whether q matches only cards that prev matches, as a
// query typed on usually does: it keeps prev's parts, and adds parts or
// lengthens prev's last word in a way that finds nothing the shorter word
// missed. A search may then match q against prev's results alone. False
// when that is not sure (m after nothing: romanization starts at two
// letters; 헤자 after 헤: near matches start at two syllables).
func (q *Query) Narrows(prev *Query) bool {
	if prev == nil || prev.root == nil {
		return true
	}
	if q == nil || q.root == nil {
		return false
	}
	now, before := conjuncts(q.root), conjuncts(prev.root)
	if len(now) < len(before) {
		return false
	}
	last := len(before) - 1
	if !slices.EqualFunc(now[:last], before[:last], same) {
		return false
	}
	n, ok1 := now[last].(*textNode)
	o, ok2 := before[last].(*textNode)
	return same(now[last], before[last]) || ok1 && ok2 && n.narrows(o)
}

// conjuncts are the parts of n that must all match.
func conjuncts(n node) []node {
	if a, ok := n.(andNode); ok {
		return a
	}
	return []node{n}
}

// same reports whether a and b are the same query part.
func same(a, b node) bool {
	switch a := a.(type) {
	case andNode:
		b, ok := b.(andNode)
		return ok && slices.EqualFunc(a, b, same)
	case orNode:
		b, ok := b.(orNode)
		return ok && slices.EqualFunc(a, b, same)
	case notNode:
		b, ok := b.(notNode)
		return ok && same(a.n, b.n)
	case *textNode:
		b, ok := b.(*textNode)
		return ok && a.plain == b.plain
	}
	return a == b // comparable: filters by value, *funcNode by pointer
}

// narrows reports whether every card n matches, o matches too: each way
// n can match (as textNode.match tries them) implies one way o does.
func (n *textNode) narrows(o *textNode) bool {
	// Exact: a text with n.plain has o.plain, or, n.plain being Korean
	// (and on one line), the jamo of n.plain and so o's keys.
	exact := strings.Contains(n.plain, o.plain) ||
		o.jamoKind() && !strings.Contains(n.plain, "\n") && strings.Contains(n.keys, o.keys)
	initials := !n.initials || o.initials && strings.HasPrefix(n.squeezed, o.squeezed)
	jamo := !n.jamoKind() || o.jamoKind() && strings.Contains(n.keys, o.keys)
	roman := !n.roman || o.roman && strings.Contains(n.squeezed, o.squeezed)
	// Near: a run within n.near vowels of n's jamo holds one within as
	// many of o's, when o's are part of n's and o allows as many.
	near := n.near == 0 || o.near >= n.near && strings.Contains(n.keys, o.keys)
	return exact && initials && jamo && roman && near
}

// jamoKind reports whether n matches a text's jamo (해ㅈ for 해자).
func (n *textNode) jamoKind() bool { return n.jamo != nil && !n.initials }
