package hangul

import (
	"fmt"
	"unicode"
)

// Op is the kind of one step of a Diff.
type Op int

// The kinds of Edit, as steps that turn the typed text into the expected one.
const (
	Equal      Op = iota // the jamo is right
	Substitute           // Typed was typed where Expected belongs
	Insert               // Expected is missing from what was typed
	Delete               // Typed is extra: it is not in the expected text
	Transpose            // Typed and Expected were typed in the wrong order
)

var opNames = [...]string{"equal", "substitute", "insert", "delete", "transpose"}

// String returns the op's name in lower case ("substitute").
func (o Op) String() string {
	if o < 0 || int(o) >= len(opNames) {
		return fmt.Sprintf("Op(%d)", int(o))
	}
	return opNames[o]
}

// Edit is one step of the alignment of a typed text with the expected one,
// at the level of letters for Hangul (the jamo of Decompose, except that a
// compound vowel such as ㅘ or ㅙ is one letter) and of runes otherwise.
//
// TypedAt and ExpectedAt are rune indexes, in the NFC form of each text,
// of the character (syllable) that holds the jamo; a renderer marks those
// characters. They are -1 where the edit has no jamo in that text:
// TypedAt for Insert, ExpectedAt for Delete.
type Edit struct {
	Op Op
	// Typed is the jamo typed (0 for Insert). For Transpose it is the first
	// of the two jamo, which was typed before Expected.
	Typed rune
	// Expected is the jamo expected (0 for Delete). For Transpose it is the
	// first of the two jamo as they should be typed.
	Expected   rune
	TypedAt    int
	ExpectedAt int
}

// String describes the edit for a learner: "ㅓ should be ㅏ", "missing ㄴ",
// "extra ㄴ", "ㅏㄴ should be ㄴㅏ"; "" for Equal.
func (e Edit) String() string {
	t, x := showRune(e.Typed), showRune(e.Expected)
	switch e.Op {
	case Substitute:
		return t + " should be " + x
	case Insert:
		return "missing " + x
	case Delete:
		return "extra " + t
	case Transpose:
		return t + x + " should be " + x + t
	}
	return ""
}

// showRune writes r for a message: spaces are named and other invisible
// runes become U+XXXX, so nothing unprintable reaches a terminal.
func showRune(r rune) string {
	switch {
	case r == ' ':
		return "a space"
	case unicode.IsGraphic(r) && !unicode.IsSpace(r):
		return string(r)
	}
	return fmt.Sprintf("U+%04X", r)
}

// Distance is the optimal-string-alignment (restricted Damerau-Levenshtein)
// distance between a and b, counted in letters: Hangul is compared as the
// jamo of Decompose, except that a compound vowel is one letter, so 해저
// and 해자 are 1 apart, and so are 왠지 and 웬지 (ㅙ, ㅞ) or 돼 and 되;
// swapping two neighbouring jamo counts as 1. Other runes count one each.
// The texts are NFC-normalised first. It takes time proportional to the product of
// the lengths and memory proportional to the shorter.
func Distance(a, b string) int {
	x, y := letters(a), letters(b)
	if len(x) < len(y) {
		x, y = y, x
	}
	// Three rows of the dynamic programme: two back (for transpositions),
	// one back and the current one.
	prev2, prev, cur := make([]int, len(y)+1), make([]int, len(y)+1), make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cur[j] = step(x, y, i, j, prev2, prev, cur)
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}

// letters decomposes s as Distance and Diff compare it: jamo, with
// compound vowels whole.
func letters(s string) []rune { return runesOf(decomposeAt(NFC(s), false)) }

// step returns the distance of x[:i] and y[:j] from the rows around it.
func step(x, y []rune, i, j int, prev2, prev, cur []int) int {
	cost := 1
	if x[i-1] == y[j-1] {
		cost = 0
	}
	d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
	if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] && x[i-1] != x[i-2] {
		d = min(d, prev2[j-2]+1)
	}
	return d
}

// maxDiffCells bounds the table Diff builds (about 8 MB); texts whose
// differing middles are larger get a plain positional alignment instead.
const maxDiffCells = 1 << 20

// Diff aligns typed with expected jamo by jamo, with the fewest edits as
// Distance counts them, and returns every step in order: Equal steps for
// jamo typed right and one step per error. Both texts are NFC-normalised
// first. A renderer can show the typed and expected texts with the
// syllables of the non-Equal steps marked, and each such step's String:
// for 해저 and 해자, the one error is Substitute ㅓ → ㅏ at syllable 1 of
// both, "ㅓ should be ㅏ".
func Diff(typed, expected string) []Edit {
	x, y := decomposeAt(NFC(typed), false), decomposeAt(NFC(expected), false)
	head := 0
	for head < len(x) && head < len(y) && x[head].r == y[head].r {
		head++
	}
	tail := 0
	for tail < len(x)-head && tail < len(y)-head && x[len(x)-1-tail].r == y[len(y)-1-tail].r {
		tail++
	}
	edits := make([]Edit, 0, max(len(x), len(y)))
	edits = appendEqual(edits, x[:head], y[:head])
	edits = append(edits, align(x[head:len(x)-tail], y[head:len(y)-tail])...)
	return appendEqual(edits, x[len(x)-tail:], y[len(y)-tail:])
}

func appendEqual(edits []Edit, x, y []jamoAt) []Edit {
	for i := range x {
		edits = append(edits, Edit{Op: Equal, Typed: x[i].r, Expected: y[i].r, TypedAt: x[i].at, ExpectedAt: y[i].at})
	}
	return edits
}

// align returns an optimal alignment of x with y.
func align(x, y []jamoAt) []Edit {
	if (len(x)+1)*(len(y)+1) > maxDiffCells {
		return alignPlain(x, y)
	}
	d := table(x, y)
	var rev []Edit
	i, j := len(x), len(y)
	for i > 0 || j > 0 {
		var e Edit
		e, i, j = back(d, x, y, i, j)
		rev = append(rev, e)
	}
	out := make([]Edit, len(rev))
	for k, e := range rev {
		out[len(rev)-1-k] = e
	}
	return out
}

// table fills the optimal-string-alignment table of x and y.
func table(x, y []jamoAt) [][]int {
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	xr, yr := runesOf(x), runesOf(y)
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			var prev2 []int
			if i > 1 {
				prev2 = d[i-2]
			}
			d[i][j] = step(xr, yr, i, j, prev2, d[i-1], d[i])
		}
	}
	return d
}

func runesOf(js []jamoAt) []rune {
	rs := make([]rune, len(js))
	for i, j := range js {
		rs[i] = j.r
	}
	return rs
}

// back takes one step back through table d from (i, j), preferring a
// match, then a substitution, a transposition, a missing and an extra
// jamo, and returns the edit and where it leads.
func back(d [][]int, x, y []jamoAt, i, j int) (Edit, int, int) {
	here := d[i][j]
	if i > 0 && j > 0 {
		a, b := x[i-1], y[j-1]
		switch {
		case a.r == b.r && d[i-1][j-1] == here:
			return Edit{Op: Equal, Typed: a.r, Expected: b.r, TypedAt: a.at, ExpectedAt: b.at}, i - 1, j - 1
		case d[i-1][j-1]+1 == here:
			return Edit{Op: Substitute, Typed: a.r, Expected: b.r, TypedAt: a.at, ExpectedAt: b.at}, i - 1, j - 1
		case i > 1 && j > 1 && a.r == y[j-2].r && x[i-2].r == b.r && a.r != x[i-2].r && d[i-2][j-2]+1 == here:
			first, want := x[i-2], y[j-2]
			return Edit{Op: Transpose, Typed: first.r, Expected: want.r, TypedAt: first.at, ExpectedAt: want.at}, i - 2, j - 2
		}
	}
	if j > 0 && d[i][j-1]+1 == here {
		b := y[j-1]
		return Edit{Op: Insert, Expected: b.r, TypedAt: -1, ExpectedAt: b.at}, i, j - 1
	}
	a := x[i-1]
	return Edit{Op: Delete, Typed: a.r, TypedAt: a.at, ExpectedAt: -1}, i - 1, j
}

// alignPlain pairs x and y position by position, for texts too long to
// align optimally.
func alignPlain(x, y []jamoAt) []Edit {
	out := make([]Edit, 0, max(len(x), len(y)))
	for k := 0; k < max(len(x), len(y)); k++ {
		switch {
		case k >= len(x):
			out = append(out, Edit{Op: Insert, Expected: y[k].r, TypedAt: -1, ExpectedAt: y[k].at})
		case k >= len(y):
			out = append(out, Edit{Op: Delete, Typed: x[k].r, TypedAt: x[k].at, ExpectedAt: -1})
		case x[k].r == y[k].r:
			out = append(out, Edit{Op: Equal, Typed: x[k].r, Expected: y[k].r, TypedAt: x[k].at, ExpectedAt: y[k].at})
		default:
			out = append(out, Edit{Op: Substitute, Typed: x[k].r, Expected: y[k].r, TypedAt: x[k].at, ExpectedAt: y[k].at})
		}
	}
	return out
}
