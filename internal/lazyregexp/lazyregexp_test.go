package lazyregexp

import "testing"

// TestNew: the pattern is compiled at the first call, not before (a bad
// one panics only then), and every call returns the same Regexp.
func TestNew(t *testing.T) {
	bad := New(`(`) // would panic if compiled here
	re := New(`^a{1,3}$`)
	if first := re(); first != re() || !first.MatchString("aa") || first.MatchString("aaaa") {
		t.Errorf("New(`^a{1,3}$`)() = %v; want one Regexp matching 1 to 3 a's", first)
	}
	defer func() {
		if recover() == nil {
			t.Errorf("New(`(`)() did not panic")
		}
	}()
	bad()
}
