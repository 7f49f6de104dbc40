package main

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/termtext"
)

// runImport runs `moatquiz import` with the given flags into g's data
// directory and returns what it printed.
func runImport(t *testing.T, g *Globals, c importCmd) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = c.run(g, &out, &errOut)
	return out.String(), errOut.String(), err
}

// writeFile writes a file in a temporary directory and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImport imports a word list, imports it again edited, and checks
// what each run says and writes.
func TestImport(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	deckPath := filepath.Join(g.DataDir, "decks", "words.json")
	first := writeFile(t, "words.tsv", "korean\tenglish\n해자\tmoat\n훈련\ttraining\n붓다\n")

	out, errOut, err := runImport(t, g, importCmd{File: first, DryRun: true})
	if err != nil || !strings.HasPrefix(out, `would import 2 cards into "words"`) {
		t.Fatalf("dry run: %q, %v", out, err)
	}
	if _, err := os.Stat(deckPath); !os.IsNotExist(err) {
		t.Fatalf("the dry run wrote %s", deckPath)
	}
	if want := first + ":4: has 1 field, expected 2 (korean, english)\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}

	out, _, err = runImport(t, g, importCmd{File: first, Title: "낱말"})
	if want := `imported 2 cards into "words" (` + deckPath + `) (1 row skipped: see above)` + "\n"; err != nil || out != want {
		t.Fatalf("import: %q, %v; want %q", out, err, want)
	}
	second := writeFile(t, "words.tsv", "korean\tenglish\n해자\tmoat, castle moat\n추론\tinference\n")
	out, _, err = runImport(t, g, importCmd{File: second})
	if want := `updated "words" (` + deckPath + `): 1 added, 1 changed, 1 removed, 0 unchanged; progress is kept` + "\n"; err != nil || out != want {
		t.Fatalf("re-import: %q, %v; want %q", out, err, want)
	}
	data, err := os.ReadFile(deckPath)
	if err != nil || !bytes.Contains(data, []byte(`"title":"낱말"`)) || !bytes.Contains(data, []byte("castle moat")) {
		t.Errorf("the deck file after the re-import:\n%s", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(deckPath))
	if len(entries) != 1 {
		t.Errorf("the decks folder holds %d files, want only words.json (no temporary files)", len(entries))
	}
}

// TestImportRefuses leaves the data directory untouched for a file that
// cannot be imported and for a deck id a built-in deck has.
func TestImportRefuses(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	words := writeFile(t, "words.csv", "moat,해자\n")
	for _, tc := range []struct {
		name string
		cmd  importCmd
		want string
	}{
		{"broken package", importCmd{File: writeFile(t, "deck.apkg", "PK\x03\x04 truncated")}, "not a readable zip archive"},
		{"no such file", importCmd{File: filepath.Join(g.DataDir, "missing.csv")}, "no such file"},
		{"a built-in id", importCmd{File: words, Deck: "article"}, `the deck id "article" is taken by builtin:article.json`},
		{"a bad id", importCmd{File: words, Deck: "../../etc"}, `deck id "../../etc" is not valid`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runImport(t, g, tc.cmd)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
			if entries, _ := os.ReadDir(g.DataDir); len(entries) != 0 {
				t.Errorf("the data directory holds %d entries, want none", len(entries))
			}
		})
	}
}

// TestExportDeckRoundTrip exports an imported deck as CSV and imports the
// file again: every card comes back with its id.
func TestExportDeckRoundTrip(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	if _, _, err := runImport(t, g, importCmd{File: writeFile(t, "words.csv", "moat,해자\ntraining,훈련\n")}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "words.csv")
	if err := (&exportDeckCmd{ID: "words", Format: "csv", Output: out}).Run(g); err != nil {
		t.Fatal(err)
	}
	stdout, _, err := runImport(t, g, importCmd{File: out})
	if want := "0 added, 0 changed, 0 removed, 2 unchanged"; err != nil || !strings.Contains(stdout, want) {
		t.Errorf("re-import of the export: %q, %v; want %q", stdout, err, want)
	}
	if err := (&exportDeckCmd{ID: "nope", Format: "json"}).Run(g); err == nil || !strings.Contains(err.Error(), `there is no deck "nope"`) {
		t.Errorf("unknown deck: %v", err)
	}
}

// TestImportHostileOutput imports rows full of terminal escape sequences
// and invisible characters, some skipped (so quoted in messages): neither
// what import prints nor the deck it writes holds any of them.
func TestImportHostileOutput(t *testing.T) {
	payloads := []string{
		"\x1b]52;c;cGF5bG9hZA==\x07", "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "\x1b]0;pwned\x07",
		"\x1b[2J\x1b[H", "\x1b[1A\x1b[2K", "\x1b[201~", "\u009b2J", "\u009d0;t\u009c", "\u202e", "\u2066", "\u200b", "\ufeff", "\x08\x7f",
	}
	var in strings.Builder
	in.WriteString("korean\tenglish\n")
	for i, p := range payloads {
		fmt.Fprintf(&in, "해자%d%s\tmoat %d%s\n", i, p, i, p)
		fmt.Fprintf(&in, "%s\n", p) // skipped: wrong field count
	}
	fmt.Fprintf(&in, "evil%s%s\tnot korean\n", payloads[0], payloads[8]) // skipped: quoted in the message
	g := &Globals{DataDir: t.TempDir()}
	out, errOut, err := runImport(t, g, importCmd{File: writeFile(t, "hostile.tsv", in.String()), Deck: "hostile", Force: true})
	if err != nil {
		t.Fatal(err)
	}
	deck, err := os.ReadFile(filepath.Join(g.DataDir, "decks", "hostile.json"))
	if err != nil {
		t.Fatal(err)
	}
	for what, text := range map[string]string{"stdout": out, "stderr": errOut, "the deck": string(deck)} {
		if i := strings.IndexFunc(text, func(r rune) bool { return r != '\n' && (termtext.IsControl(r) || termtext.IsInvisible(r)) }); i >= 0 {
			t.Errorf("%s holds %q at byte %d", what, text[i:min(len(text), i+8)], i)
		}
	}
	// "해자1link" is skipped too: an OSC 8 link's text stays, and is not Korean.
	if !strings.Contains(errOut, `"evil" is not a Korean word`) || !strings.Contains(out, "imported 12 cards") {
		t.Errorf("stdout %q; stderr does not name the skipped rows:\n%s", out, errOut)
	}
}

// TestImportHostileErrors: foreign text quoted by an import's errors (a
// collection's schema names in SQLite's messages, zip entry names, the
// file's own name) reaches stderr without its escape sequences, bidi
// controls or other control characters.
func TestImportHostileErrors(t *testing.T) {
	const payload = "\x1b]0;pwned\x07\x1b]52;c;cGF5bG9hZA==\x07\x1b[2J\u009b31m\u202e"
	db := filepath.Join(t.TempDir(), "collection.anki2")
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"CREATE TABLE col (ver integer); CREATE TABLE notes (guid text)",
		"PRAGMA writable_schema = ON",
		"INSERT INTO sqlite_master VALUES ('table', '" + payload + "', '" + payload + "', 0, 'CREATE TABLE \"" + payload + "\" (')",
	} {
		if _, err := conn.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	conn.Close()
	coll, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	pkg := zipOf(t, map[string][]byte{"collection.anki2": coll, payload + "media": []byte("{")})
	file := writeFile(t, "deck"+payload+".apkg", string(pkg))

	g := &Globals{DataDir: t.TempDir()}
	_, errOut, err := runImport(t, g, importCmd{File: file, Deck: "hostile"})
	if err == nil {
		t.Fatal("the import of a damaged collection succeeded")
	}
	var stderr bytes.Buffer
	stderr.WriteString(errOut)
	printError(&stderr, err)
	if !strings.Contains(stderr.String(), "malformed") || strings.ContainsFunc(stderr.String(), func(r rune) bool {
		return r != '\n' && termtext.IsControl(r) || termtext.IsInvisible(r)
	}) {
		t.Errorf("stderr holds control or invisible characters, or not SQLite's message: %q", stderr.String())
	}
}

// TestImportPrivateFolders: an import into a data folder that does not
// exist yet makes it, and its decks folder, private (0700), as the store
// makes it.
func TestImportPrivateFolders(t *testing.T) {
	data := filepath.Join(t.TempDir(), "new", "data")
	g := &Globals{DataDir: data}
	if _, _, err := runImport(t, g, importCmd{File: writeFile(t, "words.csv", "front,back\n해자,moat\n")}); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{filepath.Dir(data), data, g.library().DecksDir()} {
		if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
			t.Errorf("%s: %v, %v; want a folder with mode 0700", dir, info.Mode(), err)
		}
	}
}

// TestStaleTempFiles: the temporary files of a killed import are removed
// at the next import and when the decks are listed; a recent one, which
// an import running now may be writing, is kept.
func TestStaleTempFiles(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	dir := g.library().DecksDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	plant := func(name string, age time.Duration) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(`{"format": 1, "id": "wo`), 0o600); err != nil {
			t.Fatal(err)
		}
		then := time.Now().Add(-age)
		if err := os.Chtimes(path, then, then); err != nil {
			t.Fatal(err)
		}
		return path
	}
	exists := func(path string) bool { _, err := os.Stat(path); return err == nil }

	killed, writing := plant(".words.json.123.tmp", time.Hour), plant(".words.json.456.tmp", time.Second)
	other := plant(".notes.tmp", time.Hour) // not one of ours
	if _, _, err := runImport(t, g, importCmd{File: writeFile(t, "words.csv", "front,back\n해자,moat\n")}); err != nil {
		t.Fatal(err)
	}
	if exists(killed) || !exists(writing) || !exists(other) {
		t.Errorf("after an import: killed import's file there: %v, recent one: %v, other file: %v; want false, true, true",
			exists(killed), exists(writing), exists(other))
	}

	killed = plant(".mine.json.789.tmp", time.Hour)
	g.library().Files()
	if exists(killed) {
		t.Errorf("listing the decks left %s", killed)
	}
}

// TestImportColumnsUsage: --columns naming no role, no front, or one role
// twice is a usage error (exit 2) in moatquiz's words, listing the roles,
// and nothing is written.
func TestImportColumnsUsage(t *testing.T) {
	data := t.TempDir()
	t.Setenv("MOATQUIZ_CONFIG", os.DevNull)
	file := writeFile(t, "words.tsv", "해자\tmoat\n")
	for cols, want := range map[string]string{
		"front,bogus":  `moatquiz: import deck: --columns: "bogus" is not a column role: use front, back, front_en, back_en, tags, guid, notetype, pos, romanization, level, deck, or - to skip a column` + "\n",
		"back,tags":    "moatquiz: import deck: --columns: no column is the front: name one, as in --columns front,back\n",
		"korean,front": `moatquiz: import deck: --columns: "korean" and "front" both name the front column: give each role once` + "\n",
	} {
		var stderr bytes.Buffer
		code := run([]string{"import", file, "--data-dir", data, "--columns", cols}, &stderr)
		if code != 2 || !strings.HasPrefix(stderr.String(), want) || !strings.Contains(stderr.String(), `Run "moatquiz import --help"`) {
			t.Errorf("--columns %s: exit %d, stderr %q; want 2 and %q", cols, code, stderr.String(), want)
		}
	}
	if entries, _ := os.ReadDir(data); len(entries) != 0 {
		t.Errorf("the data directory holds %d entries, want none", len(entries))
	}
	var stderr bytes.Buffer
	if code := run([]string{"import", file, "--data-dir", data, "--columns", "word,-,tags,tags"}, &stderr); code != 1 || !strings.Contains(stderr.String(), "has 2 fields, expected 4") {
		t.Errorf("aliases and repeated tags columns: exit %d, stderr %q; want them accepted, then the rows refused", code, stderr.String())
	}
}

// TestImportMostRowsFail refuses a file most of whose rows cannot become
// cards (a README's Markdown), saying how many and where the first are,
// and writes nothing; --force imports the cards that can be made.
func TestImportMostRowsFail(t *testing.T) {
	readme := writeFile(t, "README.md", "moatquiz, flashcards\n\nStudy in the terminal.\n\nInstall it, then run it.\n| key | does |\n|---|---|\nPress q, or ctrl+c, to quit.\n")
	data := t.TempDir()
	t.Setenv("MOATQUIZ_CONFIG", os.DevNull)
	for _, dry := range []string{"--dry-run", "--deck=readme"} {
		var stderr bytes.Buffer
		code := run([]string{"import", readme, "--data-dir", data, dry}, &stderr)
		want := "moatquiz: import " + readme + ": 4 of 6 rows cannot become cards: is it the file you meant? " +
			"Fix the rows, or import the 2 cards that can be made with --force. The first:\n" +
			"  " + readme + ":3: has 1 field, expected 2 (column 1, column 2)\n" +
			"  " + readme + ":6: has 1 field, expected 2 (column 1, column 2)\n" +
			"  " + readme + ":7: has 1 field, expected 2 (column 1, column 2)\n"
		if code != 1 || stderr.String() != want {
			t.Errorf("import %s: exit %d, stderr:\n%s\nwant 1 and:\n%s", dry, code, stderr.String(), want)
		}
	}
	if entries, _ := os.ReadDir(data); len(entries) != 0 {
		t.Errorf("the data directory holds %d entries, want none", len(entries))
	}
	g := &Globals{DataDir: data}
	out, errOut, err := runImport(t, g, importCmd{File: readme, Force: true})
	if err != nil || !strings.HasPrefix(out, `imported 2 cards into "readme"`) || strings.Count(errOut, readme+":") != 4 {
		t.Errorf("--force: %q, %v; stderr %q", out, err, errOut)
	}
	half := writeFile(t, "half.csv", "a,1\nb\nc,3\nd\n") // half the rows fail: not most
	if out, _, err := runImport(t, g, importCmd{File: half}); err != nil || !strings.Contains(out, "(2 rows skipped: see above)") {
		t.Errorf("a file half of whose rows fail: %q, %v; want it imported", out, err)
	}
}

// ankiPackage writes an Anki package (schema 11, collection.anki2) of
// Basic notes, each {guid, front, back}, and returns its path.
func ankiPackage(t *testing.T, name string, notes [][3]string) string {
	return ankiPackageLog(t, name, notes, nil)
}

// ankiRevlog is an answer in an Anki review log: on the card of note (its
// index), rated ease, at (its id), taking ms, of type typ (4: manual).
type ankiRevlog struct {
	note, ease int
	at         time.Time
	ms, typ    int64
}

// ankiPackageLog is ankiPackage with a card for each note and a review
// log (exported with scheduling) when revlog is not nil.
func ankiPackageLog(t *testing.T, name string, notes [][3]string, revlog []ankiRevlog) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "collection.anki2")
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const models = `{"1": {"name": "Basic", "type": 0, "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
		"tmpls": [{"ord": 0, "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}]}}`
	queries := [][]any{
		{"CREATE TABLE col (ver integer, models text); CREATE TABLE notes (id integer primary key, guid text, mid integer, tags text, flds text)"},
		{"INSERT INTO col VALUES (11, ?)", models},
	}
	for i, n := range notes {
		queries = append(queries, []any{"INSERT INTO notes VALUES (?, ?, 1, '', ?)", i + 1, n[0], n[1] + "\x1f" + n[2]})
	}
	if revlog != nil {
		queries = append(queries, []any{"CREATE TABLE cards (id integer primary key, nid integer, ord integer); " +
			"CREATE TABLE revlog (id integer primary key, cid integer, ease integer, time integer, type integer); " +
			"INSERT INTO cards SELECT id + 100, id, 0 FROM notes"})
	}
	for _, r := range revlog {
		queries = append(queries, []any{"INSERT INTO revlog VALUES (?, ?, ?, ?, ?)", r.at.UnixMilli(), r.note + 101, r.ease, r.ms, r.typ})
	}
	for _, q := range queries {
		if _, err := conn.Exec(q[0].(string), q[1:]...); err != nil {
			t.Fatalf("%s: %v", q[0], err)
		}
	}
	conn.Close()
	coll, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, name, string(zipOf(t, map[string][]byte{"collection.anki2": coll})))
}

// zipOf is a zip archive of the members.
func zipOf(t *testing.T, members map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range members {
		w, err := zw.Create(name)
		if err == nil {
			_, err = w.Write(data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestImportUpdatedPackage: an updated Anki package saved under another
// name updates the deck its notes' guids are in, as Anki matches notes,
// keeping the card ids (and so the progress) of the unchanged notes; a
// package sharing only a few notes makes a deck of its own, with a note
// naming the deck that shares them.
func TestImportUpdatedPackage(t *testing.T) {
	g := &Globals{DataDir: t.TempDir()}
	decks := g.library().DecksDir()
	first := ankiPackage(t, "Korean Vocab.apkg", [][3]string{{"aB3$x", "해자", "moat"}, {"k2", "훈련", "training"}, {"k3", "붓다", "to pour"}})
	if out, _, err := runImport(t, g, importCmd{File: first}); err != nil || !strings.HasPrefix(out, `imported 3 cards into "korean-vocab"`) {
		t.Fatalf("first import: %q, %v", out, err)
	}
	before, err := g.library().Deck("korean-vocab")
	if err != nil {
		t.Fatal(err)
	}
	updated := ankiPackage(t, "Korean Vocab (1).apkg", [][3]string{{"aB3$x", "해자", "moat"}, {"k2", "훈련", "training, drill"}, {"k3", "붓다", "to pour"}, {"k4", "추론", "inference"}})
	out, _, err := runImport(t, g, importCmd{File: updated})
	want := `updated "korean-vocab" (` + filepath.Join(decks, "korean-vocab.json") + `), the deck this file's notes are in: 1 added, 1 changed, 0 removed, 2 unchanged; progress is kept` + "\n"
	if err != nil || out != want {
		t.Fatalf("import of the updated package:\n got %q, %v\nwant %q", out, err, want)
	}
	after, err := g.library().Deck("korean-vocab")
	if err != nil {
		t.Fatal(err)
	}
	kept := map[quiz.ItemID]bool{} // progress is kept by item id
	for _, it := range after.Items() {
		kept[it.ID] = true
	}
	for _, it := range before.Items() {
		if !kept[it.ID] {
			t.Errorf("item %v is gone after the update: its progress would be lost", it.ID)
		}
	}
	if len(after.Cards) != 4 {
		t.Errorf("cards after the update: %+v", after.Cards)
	}
	if entries, _ := os.ReadDir(decks); len(entries) != 1 {
		t.Errorf("the decks folder holds %d files, want 1: no second deck", len(entries))
	}

	other := ankiPackage(t, "other.apkg", [][3]string{{"k2", "훈련", "training"}, {"o2", "가구", "furniture"}, {"o3", "의자", "chair"}})
	out, errOut, err := runImport(t, g, importCmd{File: other})
	wantNote := `note: the deck "korean-vocab" holds 1 of this file's 3 cards already (and 3 others); to update that deck with this file instead, import it with --deck korean-vocab` + "\n"
	if err != nil || !strings.HasPrefix(out, `imported 3 cards into "other"`) || errOut != wantNote {
		t.Errorf("a package sharing one note: %q, %v; stderr %q, want %q", out, err, errOut, wantNote)
	}
	out, _, err = runImport(t, g, importCmd{File: updated, Deck: "copy"})
	if err != nil || !strings.HasPrefix(out, `imported 4 cards into "copy"`) {
		t.Errorf("--deck copy: %q, %v; want a deck of its own", out, err)
	}
}
