package mine

import (
	"slices"
	"sync"
	"testing"
	"weak"
)

// analyzer is the analyzer the tests share: loading the dictionary for
// every test would take seconds each.
var analyzer = sync.OnceValue(Load)

// TestDictionaryReleased mines a text, drops the analyzer, frees memory
// as the app does, and checks that nothing holds its dictionary any more (the app would otherwise keep
// its 300 MB until it quits); then mines the text again with a dictionary
// loaded anew, and finds the same words.
func TestDictionaryReleased(t *testing.T) {
	const text = "구글 직원이 쓴 메모가 유출됐다. 학생들은 사과를 먹었다."
	d := loadDict(true)
	a := newAnalyzer(d)
	dictRef, analyzerRef := weak.Make(d), weak.Make(a)
	first := a.Mine(text)
	d, a = nil, nil
	FreeMemory()
	if dictRef.Value() != nil || analyzerRef.Value() != nil {
		t.Fatal("the dictionary is still held after its analyzer was dropped")
	}
	again := Load().Mine(text)
	if len(first) == 0 || !slices.EqualFunc(first, again, func(x, y Word) bool { return x.Word == y.Word && x.Count == y.Count }) {
		t.Errorf("mining again found %v, the first time %v", again, first)
	}
}
