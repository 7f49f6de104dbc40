package interop

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
	"github.com/moatquiz/moatquiz/quiz"
)

// importBytes imports an Anki package held in memory.
func importBytes(t *testing.T, name string, data []byte, opt Options) (*Result, error) {
	t.Helper()
	return ImportAPKG(name, bytes.NewReader(data), int64(len(data)), opt)
}

// sampleCards are the cards sampleCollection gives, in every layout.
var sampleCards = []quiz.Card{
	{ID: "g-635531257a4e557a6b31", Kind: quiz.KindFact, Tags: []string{"geo", "europe"},
		Prompt: "Capital of France?", PromptEn: "Capital of France?", Answer: "Paris", AnswerEn: "Paris"},
	{ID: "b2", Kind: quiz.KindFact, Tags: []string{"reversed"},
		Prompt: "dog", PromptEn: "dog", Answer: "der Hund / (masc.)", AnswerEn: "der Hund / (masc.)"},
	{ID: "c3", Kind: quiz.KindFact, Prompt: "2 + 2 =", PromptEn: "2 + 2 =", Answer: "4", AnswerEn: "4"},
	{ID: "d4", Kind: quiz.KindCloze, Text: "{{c1::Canberra}} is the capital of {{c2::Australia}}", Translation: "since 1913"},
	{ID: "e5", Kind: quiz.KindCloze, Text: "{{c1::Ottawa::city}} is in Canada", Translation: "Ottawa is in Canada"},
	{ID: "f6", Kind: quiz.KindFact, Prompt: "(sound: bell.mp3) (image: bell.png)", PromptEn: "(sound: bell.mp3) (image: bell.png)",
		Answer: "a bell", AnswerEn: "a bell"},
}

// TestImportAPKGLayouts reads the same notes from each package layout
// Anki has written: Basic, reversed and type-in notes become fact cards,
// Cloze notes cloze cards; HTML becomes text; guids become card ids.
func TestImportAPKGLayouts(t *testing.T) {
	for _, tc := range []struct {
		layout string
		data   func(*testing.T) []byte
		format string
	}{
		{"anki2", func(t *testing.T) []byte { return packageAnki2(t, sampleCollection(11)) }, "collection.anki2, schema 11"},
		{"anki21", func(t *testing.T) []byte { return packageAnki21(t, sampleCollection(11)) }, "collection.anki21, schema 11"},
		{"anki21b", func(t *testing.T) []byte { return packageAnki21b(t, sampleCollection(18)) }, "collection.anki21b, schema 18"},
	} {
		t.Run(tc.layout, func(t *testing.T) {
			res, err := importBytes(t, "capitals.apkg", tc.data(t), Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := res.Deck
			if !reflect.DeepEqual(d.Cards, sampleCards) {
				t.Errorf("cards:\n got %+v\nwant %+v", d.Cards, sampleCards)
			}
			if d.ID != "capitals" || d.Title != "Geography::Capitals" || d.Lang != "und" {
				t.Errorf("deck id %q, title %q, lang %q; want capitals, Geography::Capitals, und", d.ID, d.Title, d.Lang)
			}
			if !strings.Contains(res.Format, tc.format) || res.Read != 6 || res.Media != 2 {
				t.Errorf("format %q, read %d, media %d; want %q, 6, 2", res.Format, res.Read, res.Media, tc.format)
			}
			if len(res.Skipped) != 0 || len(res.Warnings) != 0 {
				t.Errorf("skipped %v, warnings %v; want none", res.Skipped, res.Warnings)
			}
			if _, err := deckfile.Load("out.json", deckJSON(t, res)); err != nil {
				t.Errorf("the JSON does not load: %v", err)
			}
		})
	}
}

// TestImportAPKGKorean makes vocab cards of Korean-English notes, taking
// the answer from the field a note type shows for it and the other shown
// fields as the explanation.
func TestImportAPKGKorean(t *testing.T) {
	for _, schema := range []int{11, 18} {
		data := packageAnki2(t, koreanCollection(schema))
		if schema == 18 {
			data = packageAnki21b(t, koreanCollection(schema))
		}
		res, err := importBytes(t, "korean.apkg", data, Options{DeckID: "my-korean", Title: "한국어"})
		if err != nil {
			t.Fatal(err)
		}
		want := []quiz.Card{
			{ID: "k1", Kind: quiz.KindVocab, Word: "해자", Meanings: []string{"moat"}, POS: "noun"},
			{ID: "k2", Kind: quiz.KindVocab, Word: "붓다", Meanings: []string{"to pour", "to swell"}, POS: "verb"},
			{ID: "k3", Kind: quiz.KindVocab, Word: "훈련", Meanings: []string{"training"}, POS: "noun",
				Explain: &quiz.Bilingual{Ko: "Notes: from the article\nPronunciation: [hun.ryeon]", En: "Notes: from the article\nPronunciation: [hun.ryeon]"}},
			{ID: "k4", Kind: quiz.KindVocab, Word: "추론", Meanings: []string{"inference", "reasoning"}, POS: "noun"},
			{ID: "k5", Kind: quiz.KindVocab, Word: "예쁘다", Meanings: []string{"pretty"}, POS: "adjective"},
		}
		if !reflect.DeepEqual(res.Deck.Cards, want) {
			t.Errorf("schema %d cards:\n got %+v\nwant %+v", schema, res.Deck.Cards, want)
		}
		if d := res.Deck; d.ID != "my-korean" || d.Title != "한국어" || d.Lang != "ko" {
			t.Errorf("schema %d: deck %q %q %q; want my-korean 한국어 ko", schema, d.ID, d.Title, d.Lang)
		}
	}
}

// TestImportAPKGUpdate imports a note, then the same note edited: the card
// keeps its id, so progress carries over and nothing is duplicated.
func TestImportAPKGUpdate(t *testing.T) {
	note := func(front string) testCollection {
		return testCollection{schema: 11, notetypes: []testNotetype{ntBasic},
			notes: []testNote{{guid: "cU1%zNUzk1", mid: 1001, fields: []string{front, "world"}}}}
	}
	first, err := importBytes(t, "update1.apkg", packageAnki2(t, note("hello")), Options{DeckID: "updates"})
	if err != nil {
		t.Fatal(err)
	}
	second, err := importBytes(t, "update2.apkg", packageAnki2(t, note("goodbye")), Options{DeckID: "updates"})
	if err != nil {
		t.Fatal(err)
	}
	a, b := first.Deck.Cards, second.Deck.Cards
	if len(a) != 1 || len(b) != 1 || a[0].ID != b[0].ID || b[0].Prompt != "goodbye" {
		t.Errorf("first import %+v, second %+v: want one card, same id, prompt updated", a, b)
	}
}

// TestImportNoteIDs: a result says whether its card ids are the file's
// own note ids, which an updated copy of the file keeps: an Anki
// package's guids and a CSV guid column are, hashes of the text are not.
func TestImportNoteIDs(t *testing.T) {
	apkg, err := importBytes(t, "notes.apkg", packageAnki2(t, sampleCollection(11)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	withGUIDs := importCSV(t, "guid,front,back\ncU1%zNUzk1,hello,world\n", Options{})
	hashed := importCSV(t, "front,back\nhello,world\n", Options{})
	if !apkg.NoteIDs || !withGUIDs.NoteIDs || hashed.NoteIDs {
		t.Errorf("NoteIDs: Anki package %v, CSV with guids %v, CSV without %v; want true, true, false", apkg.NoteIDs, withGUIDs.NoteIDs, hashed.NoteIDs)
	}
}

// TestImportAPKGNotUTF8: a note whose text is not all UTF-8 (a damaged
// or hand-made collection) is imported with the bad bytes as U+FFFD and a
// warning naming it, not repaired silently.
func TestImportAPKGNotUTF8(t *testing.T) {
	tc := testCollection{schema: 11, notetypes: []testNotetype{ntBasic}, notes: []testNote{
		{guid: "ok", mid: 1001, fields: []string{"front", "back"}},
		{guid: "bad", mid: 1001, fields: []string{"caf\xe9", "coffee"}},
	}}
	res, err := importBytes(t, "latin1.apkg", packageAnki2(t, tc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "latin1.apkg: note \"bad\": its text is not all UTF-8: the bad bytes are read as \ufffd; check the note in Anki"
	if got := problems(res.Warnings); len(res.Deck.Cards) != 2 || res.Deck.Cards[1].Prompt != "caf\ufffd" || len(got) != 1 || got[0] != want {
		t.Errorf("cards %+v\nwarnings %q, want %q", res.Deck.Cards, got, want)
	}
}

// TestImportAPKGHostileText neutralises escape sequences, controls and
// bidi overrides in notes, and still gives a deck the loader accepts.
func TestImportAPKGHostileText(t *testing.T) {
	payloads := []string{
		"\x1b]52;c;cGF5bG9hZA==\x07", "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
		"\x1b]0;title\x07", "\x1b[2J\x1b[H", "\x1b[201~", "\u009b31m", "\u202eevil", "zero\u200bwidth", "\x00\x08\x7f",
	}
	var notes []testNote
	for i, p := range payloads {
		notes = append(notes, testNote{guid: string(rune('a' + i)), mid: 1001, tags: "t" + p, fields: []string{"front " + p, "back " + p}})
	}
	res, err := importBytes(t, "hostile.apkg", packageAnki2(t, testCollection{schema: 11, notetypes: []testNotetype{ntBasic}, notes: notes}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Deck.Cards) != len(payloads) {
		t.Fatalf("%d cards, want %d", len(res.Deck.Cards), len(payloads))
	}
	for _, bad := range []string{"\x1b", "\u009b", "\u202e", "\u200b", "\x00", "\x07", "\x7f", `\u001b`} {
		if bytes.Contains(deckJSON(t, res), []byte(bad)) {
			t.Errorf("the deck still holds %q", bad)
		}
	}
}

// TestImportAPKGBroken gives each kind of broken package a clear error
// naming the file and what is wrong.
func TestImportAPKGBroken(t *testing.T) {
	good := packageAnki2(t, sampleCollection(11))
	db := sampleCollection(11).sqlite(t)
	small := Options{Limits: Limits{MaxCollection: 1 << 20}}
	for _, tc := range []struct {
		name string
		data []byte
		opt  Options
		want string
	}{
		{"truncated zip", good[:len(good)/2], Options{}, "not a readable zip archive"},
		{"empty file", nil, Options{}, "not a readable zip archive"},
		{"zip without a collection", zipOf(t, member{name: "media", data: []byte("{}")}, member{name: "notes.txt", data: []byte("hi")}), Options{}, "not an Anki package"},
		{"collection not SQLite", zipOf(t, member{name: memberAnki2, data: []byte("hello, world")}), Options{}, "not an SQLite database"},
		{"SQLite without notes", zipOf(t, member{name: memberAnki2, data: sqliteOf(t, "CREATE TABLE col (ver integer); INSERT INTO col VALUES (11)")}), Options{}, "no notes table"},
		{"notes is a view", zipOf(t, member{name: memberAnki2, data: sqliteOf(t, "CREATE TABLE col (ver integer); CREATE VIEW notes AS SELECT 1 AS guid")}), Options{}, "no notes table"},
		{"not Anki's columns", zipOf(t, member{name: memberAnki2, data: sqliteOf(t, "CREATE TABLE col (ver integer, models text); INSERT INTO col VALUES (11, '{}'); CREATE TABLE notes (x)")}), Options{}, "reading notes"},
		{"bad models JSON", zipOf(t, member{name: memberAnki2, data: sqliteOf(t, "CREATE TABLE col (ver integer, models text); INSERT INTO col VALUES (11, '{'); CREATE TABLE notes (x)")}), Options{}, "col.models"},
		{"truncated database", zipOf(t, member{name: memberAnki2, data: db[:len(db)/3]}), Options{}, "not an Anki collection"},
		{"no notes", packageAnki2(t, testCollection{schema: 11, notetypes: []testNotetype{ntBasic}}), Options{}, "no cards to import"},
		{"10 GB declared", zipOf(t, member{name: memberAnki2, data: []byte("SQLite format 3\x00")}), Options{}, "is 10.0 GiB unpacked; the limit is 256.0 MiB"},
		{"bigger than declared", lyingZip(t, memberAnki2, 1000, 2<<20), Options{}, "damaged"},
		{"over the limit", zipOf(t, member{name: memberAnki2, data: make([]byte, 2<<20)}), small, "the limit is 1.0 MiB"},
		{"zstd bomb", zipOf(t, member{name: memberAnki21b, data: zstdOf(t, make([]byte, 4<<20))}), small, "1.0 MiB"},
		{"zstd garbage", zipOf(t, member{name: memberAnki21b, data: []byte("(\xb5/\xfdgarbage")}), Options{}, "collection.anki21b is damaged"},
		{"bad deck id", good, Options{DeckID: "Not OK"}, "deck id \"Not OK\" is not valid"},
		{"too many notes", good, Options{Limits: Limits{MaxCards: 2}}, "6 notes; at most 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data
			if tc.name == "10 GB declared" {
				data = declareSize(t, data, 10<<30)
			}
			res, err := importBytes(t, "broken.apkg", data, tc.opt)
			if err == nil {
				t.Fatalf("no error; got %d cards", len(res.Deck.Cards))
			}
			if !strings.Contains(err.Error(), "broken.apkg") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q: want the file name and %q", err, tc.want)
			}
		})
	}
}

// TestImportAPKGSkips lists notes that cannot be cards and imports the rest.
func TestImportAPKGSkips(t *testing.T) {
	tc := testCollection{schema: 11, notetypes: []testNotetype{ntBasic, ntCloze}, notes: []testNote{
		{guid: "ok", mid: 1001, fields: []string{"front", "back"}},
		{guid: "lost", mid: 999, fields: []string{"front", "back"}},
		{guid: "blank", mid: 1001, fields: []string{"<br>", "back"}},
		{guid: "nodel", mid: 1004, fields: []string{"no deletion here", ""}},
		{guid: "badcloze", mid: 1004, fields: []string{"{{c1::open", ""}},
		{guid: "ok", mid: 1001, fields: []string{"again", "back"}},
		{guid: "empty", mid: 1001, fields: []string{"question", ""}},
		{guid: "gaps", mid: 1004, fields: []string{"{{c3::Seoul}} and {{c5::Busan::city}}, {{c3::Seoul}}", ""}},
	}}
	res, err := importBytes(t, "skips.apkg", packageAnki2(t, tc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Skipped {
		got = append(got, p.String())
	}
	want := []string{
		`skips.apkg: note "lost": its note type (999) is not in the collection`,
		`skips.apkg: note "blank": the front is empty`,
		`skips.apkg: note "nodel": the cloze text has no deletions like {{c1::...}}`,
		`skips.apkg: note "badcloze": the cloze text is not valid: "{{" is never closed: end the deletion with "}}"`,
		`skips.apkg: note "ok": the same guid as note "ok": skipped as a duplicate`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("skipped:\n got %q\nwant %q", got, want)
	}
	cards := res.Deck.Cards
	if len(cards) != 3 || cards[1].Answer != emptyAnswer || cards[2].Text != "{{c1::Seoul}} and {{c2::Busan::city}}, {{c1::Seoul}}" {
		t.Errorf("cards %+v: want ok, empty (answer %q) and gaps (renumbered)", cards, emptyAnswer)
	}
	if len(res.Warnings) != 2 {
		t.Errorf("warnings %v: want the empty back and the renumbering", res.Warnings)
	}
}

// TestImportFileNamesNotPaths reads a package whose member names try to
// leave the directory: they are only compared, so nothing is written.
func TestImportFileNamesNotPaths(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	data := zipOf(t,
		member{name: "../../escaped", data: []byte("x")},
		member{name: "/tmp/abs-escaped", data: []byte("x")},
		member{name: memberAnki2, data: sampleCollection(11).sqlite(t)})
	path := filepath.Join(dir, "in.apkg")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportFile(path, Options{}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the directory holds %d entries after the import, want only the package", len(entries))
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(filepath.Dir(dir)), "escaped")); err == nil {
		t.Error("a member was written outside the directory")
	}
}

// sqliteOf is an SQLite database made by the given SQL.
func sqliteOf(t testing.TB, schema string) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	exec(t, db, "PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF")
	exec(t, db, schema)
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// declareSize rewrites the sizes a zip declares for its only member.
func declareSize(t *testing.T, data []byte, size uint64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f := zr.File[0]
	raw, err := f.OpenRaw()
	if err != nil {
		t.Fatal(err)
	}
	body := make([]byte, f.CompressedSize64)
	if _, err := raw.Read(body); err != nil && len(body) > 0 {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	h := f.FileHeader
	h.UncompressedSize64 = size
	w, err := zw.CreateRaw(&h)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(body)
	zw.Close()
	return buf.Bytes()
}

// lyingZip is a zip whose one member declares size bytes but holds real
// bytes (zeros, deflated).
func lyingZip(t *testing.T, name string, size, real int) []byte {
	t.Helper()
	var body bytes.Buffer
	zw := zip.NewWriter(&body)
	w, _ := zw.Create(name)
	w.Write(make([]byte, real))
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(body.Bytes()), int64(body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	f := zr.File[0]
	raw, _ := f.OpenRaw()
	deflated := make([]byte, f.CompressedSize64)
	raw.Read(deflated)
	var buf bytes.Buffer
	zw = zip.NewWriter(&buf)
	h := f.FileHeader
	h.UncompressedSize64 = uint64(size)
	h.CRC32 = 0
	w, _ = zw.CreateRaw(&h)
	w.Write(deflated)
	zw.Close()
	return buf.Bytes()
}
