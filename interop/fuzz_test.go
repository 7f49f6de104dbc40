package interop

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// The fuzz targets' seed corpora are in testdata/fuzz, written by
// TestWriteFuzzSeeds from the generators below:
//
//	MOATQUIZ_WRITE_SEEDS=1 go test ./interop -run TestWriteFuzzSeeds

// fuzzLimits keep a fuzzed input from running long.
var fuzzLimits = Limits{MaxText: 1 << 20, MaxCollection: 4 << 20, MaxSmall: 1 << 16, MaxCards: 2000}

// FuzzCSV feeds the CSV/TSV importer arbitrary text: it must not panic,
// and whatever it imports must be a deck the loader accepts, with
// messages safe to print.
func FuzzCSV(f *testing.F) {
	for _, s := range csvSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := ImportCSV("fuzz.csv", data, Options{Limits: fuzzLimits})
		checkImport(t, res, err)
	})
}

// FuzzAPKG feeds the Anki package importer arbitrary bytes; its seeds hold
// their collections uncompressed and without checksums, so that changes
// reach the SQLite and note readers.
func FuzzAPKG(f *testing.F) {
	for _, seed := range apkgSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := ImportAPKG("fuzz.apkg", bytes.NewReader(data), int64(len(data)), Options{Limits: fuzzLimits})
		checkImport(t, res, err)
	})
}

// checkImport checks what an import of any input gave.
func checkImport(t *testing.T, res *Result, err error) {
	if err != nil {
		if !strings.Contains(err.Error(), "fuzz.") {
			t.Errorf("error %q does not name the file", err)
		}
		if termtext.Strip(err.Error()) != err.Error() {
			t.Errorf("error %q is not safe to print", err)
		}
		return
	}
	if _, err := deckfile.Load("fuzz.json", deckJSON(t, res)); err != nil {
		t.Fatalf("the imported deck does not load: %v", err)
	}
	items := map[quiz.ItemID]bool{}
	for _, it := range res.Deck.Items() {
		items[it.ID] = true
	}
	for _, r := range res.History.Reviews {
		if !items[r.Item] || r.Rating < 1 || r.Rating > 4 {
			t.Errorf("history review %+v is not a rated review of an item of the deck", r)
		}
	}
	for _, p := range append(res.Skipped, res.Warnings...) {
		if s := p.String(); strings.ContainsFunc(s, func(r rune) bool { return termtext.IsControl(r) || termtext.IsInvisible(r) }) {
			t.Errorf("message %q holds control or invisible characters", s)
		}
	}
}

// csvSeeds cover the shapes of text files people import.
var csvSeeds = []string{
	"korean\tenglish\tlevel\n호주\tAustralia\tD\n남산\tMountain in south central seoul \tD\n기구\tA utensil or  tool\tC\n" +
		"꼼꼼하다\tvery careful or meticulous, doing it in a very detailed manner\tC\n쏘다\t(1) To shoot  (2) to sting, bite (an insect, animal)\tB\ncute\tcute\t\\N\n",
	"\ufefffront,back,tags\n\"Who leaked the memo?\nName it.\",Google,memo leak\n\"say \"\"hi\"\"\",hello,\n",
	"question;answer\nWhat is a moat?;a lasting edge\n{{c1::Llama}} leaked;in March\n",
	"#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n" +
		"cU1%zNUzk1\tBasic\tDeck\tWhat is <b>1 + 1</b>?\t2&nbsp;<br><img src='two.png'>\tmath\n" +
		"zz9\tCloze\tDeck\t{{c1::Seoul}} is big\t<div>a city</div>\t\n",
	"#separator:comma\n#html:false\n#deck:왕복\n#columns:guid,notetype,front,back,front_en,back_en,pos,tags\n#guid column:1\n#notetype column:2\n#tags column:8\n" +
		"haeja,vocab,해자,moat; to be,,,noun,\nmoat,fact,해자란?,기술력,What is a moat?,an edge,,moat ai\n",
	"front\tback\na\x1b]52;c;cGF5bG9hZA==\x07b\tc\x1b[2Jd\x1b[201~\n\u202eevil\u200b\tx\u0085y\n",
	"\"unclosed,quote\nnext,row\n",
	"a,b\r\nc,d\re,f\r\n,,\n\n",
}

// apkgSeeds are packages of every layout, and damaged ones.
func apkgSeeds(t testing.TB) [][]byte {
	raw := func(tc testCollection) []byte {
		return zipOf(t, member{name: memberAnki2, data: tc.sqlite(t), raw: true}, member{name: memberMedia, data: []byte(legacyMedia), raw: true})
	}
	good := packageAnki2(t, sampleCollection(11))
	return [][]byte{
		raw(sampleCollection(11)),
		raw(koreanCollection(11)),
		raw(historyCollection(11)),
		zipOf(t, member{name: memberAnki21, data: sampleCollection(11).sqlite(t), raw: true}, member{name: memberMeta, data: metaVersion(2), raw: true}),
		packageAnki21b(t, sampleCollection(18)),
		packageAnki21b(t, koreanCollection(18)),
		good[:len(good)/2],
		zipOf(t, member{name: "media", data: []byte("{}")}),
	}
}

// TestWriteFuzzSeeds writes the seed corpora to testdata/fuzz when
// MOATQUIZ_WRITE_SEEDS is set.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("MOATQUIZ_WRITE_SEEDS") == "" {
		t.Skip("set MOATQUIZ_WRITE_SEEDS=1 to write testdata/fuzz")
	}
	var csv [][]byte
	for _, s := range csvSeeds {
		csv = append(csv, []byte(s))
	}
	writeSeeds(t, "FuzzCSV", csv)
	writeSeeds(t, "FuzzAPKG", apkgSeeds(t))
}

// writeSeeds writes inputs as the corpus of the fuzz target name.
func writeSeeds(t *testing.T, name string, inputs [][]byte) {
	dir := filepath.Join("testdata", "fuzz", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, in := range inputs {
		body := "go test fuzz v1\n[]byte(" + strconv.Quote(string(in)) + ")\n"
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%02d", i+1)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
