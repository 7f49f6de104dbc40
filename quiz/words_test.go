package quiz

import "testing"

// The embedded lists unpack to what tools/wordlists wrote: strictly
// sorted (binary search relies on it), with the words B3 is about.
func TestWordLists(t *testing.T) {
	for name, l := range map[string]*wordList{"ko": koreanWords(), "en": englishWords()} {
		for i := 1; i < len(l.ends); i++ {
			if l.at(i-1) >= l.at(i) {
				t.Fatalf("%s: %q before %q", name, l.at(i-1), l.at(i))
			}
		}
	}
	for w, want := range map[string]bool{"장점": true, "강점": true, "해지": true, "강졈": false, "웬지": false, "사다": true, "horse": true, "house": true, "strenght": false, "colour": false} {
		if got := isDictionaryWord(w); got != want {
			t.Errorf("isDictionaryWord(%q) = %v, want %v", w, got, want)
		}
	}
}
