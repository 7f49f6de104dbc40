package e2e

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// payload is hostile text, and the bytes of it that must never reach a
// terminal: the sequence with its introducer (ESC or a C1 byte), next to
// a marker where the app itself writes the same sequence (it clears the
// screen and sets its window title, for one).
type payload struct {
	name, text string
	forbidden  []string
}

// payloads are what a hostile deck, import or paste may carry.
var payloads = []payload{
	{"OSC 52 clipboard write (BEL)", "\x1b]52;c;bW9hdHF1aXo=\x07", []string{"\x1b]52", "\x9d52"}},
	{"OSC 52 clipboard write (ST)", "\x1b]52;p;cHduZWQ=\x1b\\", []string{"\x1b]52", "\x9d52"}},
	{"OSC 8 link", "\x1b]8;;https://evil.example/x\x1b\\click\x1b]8;;\x1b\\", []string{"\x1b]8;", "\x9d8;"}},
	{"OSC 0 window title", "\x1b]0;PWNED-TITLE\x07", []string{"\x1b]0;PWNED", "\x9d0;PWNED"}},
	{"OSC 2 window title", "\x1b]2;PWNED-TITLE\x1b\\", []string{"\x1b]2;PWNED", "\x9d2;PWNED"}},
	{"C1 OSC window title", "\u009d0;PWNED-C1\u009c", []string{"\x9d0;PWNED"}},
	{"cursor move (CSI H)", "\x1b[1234;4321H", []string{"\x1b[1234;4321H", "\x9b1234;4321H"}},
	{"screen clear (CSI 2J)", "CLR\x1b[2JCLR\x1b[3J", []string{"CLR\x1b[2J", "\x1b[2JCLR", "CLR\x1b[3J"}},
	{"C1 CSI colour", "\u009b31mRED-C1", []string{"\x9b31mRED"}},
	{"bracketed-paste terminator", "\x1b[201~AFTER", []string{"\x1b[201~", "\x9b201~"}},
	{"DCS terminal query", "\x1bP+q544e\x1b\\", []string{"\x1bP+q", "\x90+q"}},
	{"APC graphics", "\x1b_Gf=100;QUFB\x1b\\", []string{"\x1b_G", "\x9fG"}},
	{"terminal reset (RIS)", "RIS\x1bcRIS", []string{"RIS\x1bc"}},
	{"C0 controls", "ZQ\x07ZQ\x08ZQ\x0bZQ\x0cZQ\x0eZQ\x0fZQ\x7fZQ\x1aZQ",
		[]string{"ZQ\x07", "ZQ\x08", "ZQ\x0b", "ZQ\x0c", "ZQ\x0e", "ZQ\x0f", "ZQ\x7f", "ZQ\x1a"}},
	{"C1 controls", "ZC\u0085ZC\u008dZC\u0090ZC\u009aZC", []string{"ZC\xc2\x85", "ZC\xc2\x8d", "ZC\xc2\x90", "ZC\xc2\x9a"}},
	{"bidi override", "\u202eevil\u202c", []string{"\u202e", "\u202c"}},
	{"bidi isolates and marks", "\u2066a\u2069\u200f", []string{"\u2066", "\u2069", "\u200f"}},
	{"zero-width characters", "zero\u200bwidth\u200d\u2060\ufeff", []string{"\u200b", "\u200d", "\u2060", "\ufeff"}},
}

// leaks returns the payloads whose forbidden bytes occur in out.
func leaks(out []byte) []string {
	var found []string
	for _, p := range payloads {
		for _, f := range p.forbidden {
			if bytes.Contains(out, []byte(f)) {
				found = append(found, fmt.Sprintf("%s (%q)", p.name, f))
			}
		}
	}
	return found
}

// noLeaks fails the test when out, written by what, holds a payload.
func noLeaks(t *testing.T, what string, out []byte) {
	t.Helper()
	if found := leaks(out); len(found) > 0 {
		t.Errorf("%s wrote hostile bytes to the terminal: %s", what, strings.Join(found, "; "))
	}
}

// jsonString is s as a JSON string literal with every control character
// escaped, as a deck file could hold it.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// hostileDeck is a deck file with every payload in one of its fields:
// the loader must refuse it, and say why without repeating the payload.
func hostileDeck() string {
	f := func(i int) string { return jsonString("text " + payloads[i%len(payloads)].text + " end") }
	var cards []string
	for i := 0; i < len(payloads); i += 7 {
		cards = append(cards, fmt.Sprintf(`{"id": "c%d", "kind": "fact", "prompt": %s, "answer": %s, "prompt_en": %s, "answer_en": %s,
		  "explain": {"ko": %s, "en": %s}, "tags": [%s]}`, i, f(i), f(i+1), f(i+2), f(i+3), f(i+4), f(i+5), f(i+6)))
	}
	return fmt.Sprintf(`{"format": 1, "id": %s, "title": %s, "title_en": %s, "lang": "ko",
	  "source": {"publisher": %s, "url": %s}, "cards": [%s]}`,
		jsonString("hostile"+payloads[3].text), f(0), f(1), f(2), jsonString("https://x.example/"+payloads[0].text),
		strings.Join(cards, ",\n"))
}

// hostileCSV is a CSV file with a payload in each row's front and back,
// and a row too long to import.
func hostileCSV() string {
	var b strings.Builder
	b.WriteString("front,back,tags\n")
	for i, p := range payloads {
		fmt.Fprintf(&b, "%s,%s,%s\n", csvQuote(fmt.Sprintf("Q%d %s end", i, p.text)), csvQuote(fmt.Sprintf("A%d %s", i, p.text)),
			csvQuote("tag"+p.text))
	}
	fmt.Fprintf(&b, "%s,long,x\n", strings.Repeat("해자", 50_000))
	return b.String()
}

// csvQuote quotes a CSV field.
func csvQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// captured runs the app with args in tmux under script(1), which logs
// every byte the app writes to the terminal, lets drive (keys, paste)
// run the session, waits for the app to exit and returns those bytes.
func captured(t *testing.T, tm *term, drive func(), args ...string) []byte {
	t.Helper()
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script(1) is not installed: it records what the app writes to the terminal")
	}
	log := filepath.Join(t.TempDir(), "typescript")
	tm.launchShell("exec script -q -f -e -c " + shq(tm.appCommand(args...)) + " " + shq(log))
	pid := tm.pid()
	// script keeps the app's terminal open when tmux goes: should the test
	// fail midway, end both rather than leave them running.
	t.Cleanup(func() { killScript(pid) })
	drive()
	tm.exited()
	out, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	// script's first line names the command, not the app's output.
	if i := bytes.IndexByte(out, '\n'); i >= 0 && bytes.HasPrefix(out, []byte("Script started")) {
		out = out[i+1:]
	}
	return out
}

// asKeys reports whether the study session types p rather than pasting
// it: escape sequences, C1 controls and invisible characters, which the
// app reads as (unknown) keys. C0 controls would be keys it acts on
// (backspace, ctrl+z undo, enter), so those are only pasted.
func asKeys(p payload) bool {
	for _, r := range p.text {
		if r < 0x20 && r != 0x1b && r != 0x07 || r == 0x7f {
			return false
		}
	}
	return !strings.Contains(p.text, "\x1bc") && p.name != "bracketed-paste terminator"
}

// killScript SIGKILLs the script(1) process pid and the processes it
// started, if it still runs.
func killScript(pid int) {
	if cmd, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid)); err != nil || !bytes.HasPrefix(cmd, []byte("script\x00")) {
		return
	}
	children, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	for _, c := range strings.Fields(string(children)) {
		var child int
		if _, err := fmt.Sscan(c, &child); err == nil {
			syscall.Kill(child, syscall.SIGKILL)
		}
	}
	syscall.Kill(pid, syscall.SIGKILL)
}

// paste pastes text into the app as a terminal does (bracketed paste).
func (tm *term) paste(text string) {
	tm.t.Helper()
	file := filepath.Join(tm.t.TempDir(), "paste")
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		tm.t.Fatal(err)
	}
	tm.tmux("load-buffer", "-b", "hostile", file)
	tm.tmux("paste-buffer", "-p", "-r", "-d", "-b", "hostile", "-t", "app")
}

// TestHostileTextNeverReachesTheTerminal plants every payload where text
// reaches the screen without being a valid deck: a deck file the loader
// refuses (its fields, its file name, raw bytes in its JSON), a CSV
// import, typed and pasted answers; then records every byte the app and
// the commands write (the home screen listing the broken decks, a typed
// session of the imported deck and its summary, decks, check, import,
// export and stats) and finds none of the payloads.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	e2eTest(t)
	tm := newTerm(t)
	decksDir := filepath.Join(tm.data, "decks")
	payloadsTried := 0 // the payloads planted, for the log
	write(t, filepath.Join(decksDir, "hostile.json"), []byte(hostileDeck()))
	write(t, filepath.Join(decksDir, "raw.json"), []byte("{\"format\": 1, \"id\": \"raw\", \"title\": \""+payloads[0].text+payloads[6].text+"\"}"))
	// Deck files named with payloads, a few to a name (names are at most
	// 255 bytes), each with one error: the JSON ends early.
	var named []string
	name := "deck"
	for i, p := range payloads {
		if !strings.ContainsAny(p.text, "/\x00") {
			name += p.text
			payloadsTried++
		}
		if len(name) > 120 || i == len(payloads)-1 {
			path := filepath.Join(decksDir, name+".json")
			write(t, path, []byte(`{"format": 1, "id": "x"`))
			named = append(named, path)
			name = fmt.Sprintf("deck%d", i)
		}
	}
	csv := filepath.Join(t.TempDir(), "hostile"+payloads[4].text+".csv")
	write(t, csv, []byte(hostileCSV()))
	payloadsTried += len(payloads)*3 + 2 // deck fields, CSV rows, answers; raw deck JSON

	cli := func(args ...string) result {
		res := moatquiz(t, tm.data, "", args...)
		noLeaks(t, "moatquiz "+strings.Join(args, " "), []byte(res.stdout+res.stderr))
		if strings.Contains(res.stderr, "panic") {
			t.Fatalf("moatquiz %s panicked:\n%s", strings.Join(args, " "), res.stderr)
		}
		return res
	}
	if res := cli("import", "--deck", "hostilecsv", "--dry-run", csv); res.code != 0 {
		t.Fatalf("import --dry-run: %d %s", res.code, res.stderr)
	}
	if res := cli("import", "--deck", "hostilecsv", csv); res.code != 0 || !strings.Contains(res.stderr, "is 100000 characters long") {
		t.Fatalf("import of the hostile CSV: exit %d, %s; want it imported, the long row skipped", res.code, res.stderr)
	}
	cli("decks")
	cli("decks", "--json")
	for _, f := range append([]string{filepath.Join(decksDir, "hostile.json"), filepath.Join(decksDir, "raw.json")}, named...) {
		if res := cli("check", f); res.code == 0 {
			t.Errorf("check accepted the hostile deck %q", f)
		}
	}
	cli("export", "deck", "hostilecsv")
	cli("export", "deck", "hostilecsv", "--format", "csv")

	// The home screen, listing the decks the loader refused.
	home := captured(t, tm, func() {
		// Every error is listed: make room for them all, once script(1)
		// runs the app (a resize before it listens would be lost).
		tm.waitFor("enter study")
		tm.tmux("resize-window", "-t", "app", "-x", "200", "-y", "120")
		tm.waitFor("some decks were left out")
		tm.keys("q")
	})
	noLeaks(t, "the home screen", home)

	// A typed session of the imported deck, answered with pasted and
	// typed payloads, to its summary.
	n := len(payloads)
	study := captured(t, tm, func() {
		tm.waitFor("enter check")
		for i, p := range payloads {
			how := "P"
			if asKeys(p) {
				how = "K"
				tm.text(fmt.Sprintf("K%d ", i) + p.text) // typed: the app reads these as keys
			} else {
				tm.paste(fmt.Sprintf("P%d ", i) + p.text + payloads[(i+1)%n].text)
			}
			tm.waitFor(fmt.Sprintf("› %s%d", how, i))
			tm.keys("Enter")
			tm.waitFor("3 Good")
			tm.keys("3")
			if i < n-1 {
				tm.waitFor(fmt.Sprintf(" %d/", i+1))
			}
		}
		tm.waitFor("Session done")
		tm.keys("Enter")
	}, "study", "--deck", "hostilecsv", "--kind", "typed", "--practice", "--limit", fmt.Sprint(n))
	noLeaks(t, "the study session", study)

	rows := tm.reviews()
	if len(rows) != n {
		t.Fatalf("%d reviews saved, want %d", len(rows), n)
	}
	cli("export", "reviews")
	cli("stats")
	cli("stats", "--json")
	t.Logf("%d payload kinds, %d plantings (deck fields, raw deck JSON, file names, CSV rows, pasted and typed answers)", len(payloads), payloadsTried)
}

// TestImportWritesOnlyTheDeck imports an Anki package whose zip entries
// are named to escape (../, absolute paths, a media map naming files
// outside) and whose deck name and fields carry payloads, run from a
// working directory inside the test's tree: the only file that appears
// anywhere is the new deck in the data directory's decks folder.
func TestImportWritesOnlyTheDeck(t *testing.T) {
	e2eTest(t)
	root := t.TempDir()
	work, data := filepath.Join(root, "a", "b", "work"), filepath.Join(root, "data")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	apkg := filepath.Join(work, "shared.apkg")
	outside := "/tmp/moatquiz-e2e-escaped-" + filepath.Base(root)
	write(t, apkg, hostileAPKG(t, []string{
		"../../../escaped.txt", "../../escaped-dir/x.txt", "/" + outside[1:], "a/../../escaped2.txt", "..\\..\\escaped3.txt",
	}, map[string]string{"0": "../../../escaped-media.jpg", "1": outside + "-media", "2": "..\\escaped-media2"}))
	before := checksums(t, root)
	cmd := exec.Command(bin, "import", "--deck", "shared", apkg)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "MOATQUIZ_DATA_DIR="+data, "MOATQUIZ_CONFIG="+os.DevNull)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	noLeaks(t, "moatquiz import of the package", out)
	after := checksums(t, root)
	for name := range after {
		if _, ok := before[name]; !ok && name != "data" && name != filepath.Join("data", "decks") && name != filepath.Join("data", "decks", "shared.json") {
			t.Errorf("import wrote %s", name)
		}
	}
	if _, ok := after[filepath.Join("data", "decks", "shared.json")]; !ok {
		t.Errorf("import did not write the deck; it said:\n%s", out)
	}
	for _, p := range []string{outside, outside + "-media", "/tmp/escaped.txt", "/escaped.txt"} {
		if _, err := os.Lstat(p); err == nil {
			os.Remove(p)
			t.Errorf("import wrote %s", p)
		}
	}
	// A deck id that is a path is refused before anything is written.
	for _, id := range []string{"../escaped", "/tmp/escaped", "a/b", "..", "x\x1b]0;t\x07"} {
		res := moatquiz(t, data, "", "import", "--deck", id, apkg)
		if res.code == 0 {
			t.Errorf("import --deck %q succeeded: %s", id, res.stdout)
		}
		noLeaks(t, "moatquiz import --deck "+id, []byte(res.stdout+res.stderr))
	}
	if after := checksums(t, root); len(after) != len(before)+3 {
		t.Errorf("import with a path for a deck id wrote files: %d entries, want %d", len(after), len(before)+3)
	}
	res := moatquiz(t, data, "", "decks")
	if !strings.Contains(res.stdout, "shared") {
		t.Errorf("the imported deck does not load:\n%s%s", res.stdout, res.stderr)
	}
	noLeaks(t, "moatquiz decks", []byte(res.stdout+res.stderr))
}

// hostileAPKG builds an Anki 2.0 package (a zip of a schema 11 SQLite
// collection) with two notes holding payloads, a deck named with one,
// extra entries with the given names and a media map.
func hostileAPKG(t *testing.T, entries []string, media map[string]string) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "collection.anki2")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	models := `{"1": {"name": "Basic", "type": 0, "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
		"tmpls": [{"qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}", "ord": 0}]}}`
	decks, _ := json.Marshal(map[string]any{"2": map[string]string{"name": "../../../evil" + payloads[3].text}})
	stmts := []string{
		"CREATE TABLE col (id INTEGER PRIMARY KEY, ver INTEGER, models TEXT, decks TEXT)",
		"CREATE TABLE notes (id INTEGER PRIMARY KEY, guid TEXT, mid INTEGER, tags TEXT, flds TEXT)",
		"CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER, did INTEGER)",
	}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec("INSERT INTO col VALUES (1, 11, ?, ?)", models, string(decks)); err != nil {
		t.Fatal(err)
	}
	for i, p := range payloads[:2] {
		flds := "front " + p.text + "\x1f" + "back <img src=\"../../../etc/passwd\"> " + payloads[i+6].text
		if _, err := db.Exec("INSERT INTO notes VALUES (?, ?, 1, ?, ?)", i+1, fmt.Sprintf("g%d/../x", i), " tag"+p.text+" ", flds); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("INSERT INTO cards VALUES (?, ?, 2)", i+1, i+1); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	coll, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	add := func(name string, data []byte) {
		// CreateRaw keeps the name exactly as given (Create would too, but
		// the header makes the intent plain).
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range entries {
		add(e, []byte("escaped\n"))
	}
	add("collection.anki2", coll)
	m, _ := json.Marshal(media)
	add("media", m)
	for k := range media {
		add(k, []byte("\xff\xd8\xff media"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
