package interop

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
)

// deckJSON is the deck file an import writes; it fails the test unless
// the file loads as the deck the import checked.
func deckJSON(t testing.TB, res *Result) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := res.WriteDeck(&out); err != nil {
		t.Fatal(err)
	}
	d, err := deckfile.Load(res.Deck.ID+".json", out.Bytes())
	if err != nil {
		t.Fatalf("the deck written does not load: %v", err)
	}
	if !reflect.DeepEqual(d.Cards, res.Deck.Cards) {
		t.Fatalf("the deck written loads as other cards than the import checked")
	}
	return out.Bytes()
}
