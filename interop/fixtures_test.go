package interop

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
	"google.golang.org/protobuf/encoding/protowire"
)

// This file builds the Anki packages the tests read, from the schemas
// Anki documents in its source (rslib/src/storage/schema11.sql and the
// upgrades to schema 18; proto/anki/notetypes.proto, import_export.proto).

// testNotetype is a note type for a test collection.
type testNotetype struct {
	id     int64
	name   string
	cloze  bool
	fields []string
	tmpls  [][2]string // question and answer formats
}

// The stock note types, as Anki creates them.
var (
	ntBasic = testNotetype{id: 1001, name: "Basic", fields: []string{"Front", "Back"},
		tmpls: [][2]string{{"{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"}}}
	ntReversed = testNotetype{id: 1002, name: "Basic (and reversed card)", fields: []string{"Front", "Back"},
		tmpls: [][2]string{{"{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"}, {"{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}"}}}
	ntTypeIn = testNotetype{id: 1003, name: "Basic (type in the answer)", fields: []string{"Front", "Back"},
		tmpls: [][2]string{{"{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}"}}}
	ntCloze = testNotetype{id: 1004, name: "Cloze", cloze: true, fields: []string{"Text", "Back Extra"},
		tmpls: [][2]string{{"{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"}}}
	ntVocab = testNotetype{id: 1005, name: "Korean vocab", fields: []string{"Notes", "Pronunciation", "Korean", "English"},
		tmpls: [][2]string{{"{{Korean}}", "{{FrontSide}}<hr id=answer>{{Pronunciation}}<br>{{English}}<br>{{Notes}}"}}}
)

// testNote is a note for a test collection.
type testNote struct {
	guid   string
	mid    int64
	tags   string
	fields []string
	deck   int64 // 0: deck 1
}

// testCollection is an Anki collection to build in schema 11 or 18.
type testCollection struct {
	schema    int
	notetypes []testNotetype
	decks     map[int64]string
	notes     []testNote
	cards     []testCard // nil: one card per note, its id the note's
	revlog    []testRevlog
}

// testCard is an Anki card: note (1-based, as the notes' ids) and template.
type testCard struct{ id, note, ord int64 }

// testRevlog is an entry of Anki's review log: id is its time in ms,
// time how long the answer took (ms), typ its kind (0 learn, 1 review,
// 2 relearn, 3 filtered, 4 manual, 5 rescheduled).
type testRevlog struct{ id, card, ease, time, typ int64 }

// sampleCollection holds a note of each stock note type.
func sampleCollection(schema int) testCollection {
	return testCollection{
		schema:    schema,
		notetypes: []testNotetype{ntBasic, ntReversed, ntTypeIn, ntCloze},
		decks:     map[int64]string{1: "Default", 1700: "Geography::Capitals"},
		notes: []testNote{
			{guid: "cU1%zNUzk1", mid: 1001, tags: " geo europe ", fields: []string{"Capital of <b>France</b>?", "Paris&nbsp;"}, deck: 1700},
			{guid: "b2", mid: 1002, fields: []string{"dog", "der Hund<br>(masc.)"}, deck: 1700},
			{guid: "c3", mid: 1003, fields: []string{"2 + 2 =", "4"}, deck: 1700},
			{guid: "d4", mid: 1004, fields: []string{"{{c1::Canberra}} is the capital of {{c2::Australia}}", "since 1913"}, deck: 1700},
			{guid: "e5", mid: 1004, fields: []string{"{{c1::Ottawa::city}} is in Canada", ""}, deck: 1700},
			{guid: "f6", mid: 1001, fields: []string{"[sound:bell.mp3] <img src=\"bell.png\">", "a bell"}, deck: 1700},
		},
	}
}

// koreanCollection holds Korean vocabulary in a Basic note type and one
// with pronunciation and notes fields.
func koreanCollection(schema int) testCollection {
	return testCollection{
		schema:    schema,
		notetypes: []testNotetype{ntBasic, ntVocab},
		notes: []testNote{
			{guid: "k1", mid: 1001, fields: []string{"해자", "moat"}},
			{guid: "k2", mid: 1001, fields: []string{"붓다", "to pour; to swell"}},
			{guid: "k3", mid: 1005, fields: []string{"from the article", "[hun.ryeon]", "훈련", "training"}},
			{guid: "k4", mid: 1005, fields: []string{"", "", "추론", "inference, reasoning"}},
			{guid: "k5", mid: 1001, fields: []string{"예쁘다", "pretty"}},
		},
	}
}

// schema11 is the SQL of a schema 11 collection (the tables read, and
// the ones Anki always has).
const schema11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
`

// schema18 is what schema 18 adds: note types, fields, templates and
// decks in tables of their own, names collated "unicase".
const schema18 = `
CREATE TABLE notetypes (id integer not null primary key, name text not null collate unicase,
  mtime_secs integer not null, usn integer not null, config blob not null);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null collate unicase,
  config blob not null, primary key (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null collate unicase,
  mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_templates_name_ntid ON templates (name, ntid);
CREATE TABLE decks (id integer primary key not null, name text not null collate unicase,
  mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
CREATE TABLE config (KEY text not null primary key, usn integer not null, mtime_secs integer not null, val blob not null) without rowid;
CREATE TABLE deck_config (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
CREATE TABLE tags (tag text not null primary key collate unicase, usn integer not null, collapsed boolean not null, config blob null) without rowid;
`

// sqlite writes the collection as an SQLite database and returns its bytes.
func (tc testCollection) sqlite(t testing.TB) []byte {
	t.Helper()
	registerUnicase()
	path := filepath.Join(t.TempDir(), "collection.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	// A test file needs no crash safety; small pages keep fuzz seeds small.
	exec(t, db, "PRAGMA page_size = 512; PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF")
	schema := schema11
	if tc.schema >= 18 {
		schema += schema18
	}
	exec(t, db, schema)
	models, decks := "{}", "{}"
	if tc.schema < 18 {
		models, decks = tc.models11(), tc.decks11()
	} else {
		tc.insert18(t, db)
	}
	exec(t, db, `INSERT INTO col VALUES (1, 0, 0, 0, ?, 0, 0, 0, '{}', ?, ?, '{}', '{}')`, tc.schema, models, decks)
	for i, n := range tc.notes {
		deck := n.deck
		if deck == 0 {
			deck = 1
		}
		exec(t, db, `INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, ?, 0, 0, '')`,
			i+1, n.guid, n.mid, n.tags, strings.Join(n.fields, "\x1f"), n.fields[0])
		if tc.cards == nil {
			exec(t, db, `INSERT INTO cards VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')`, i+1, i+1, deck)
		}
	}
	for _, c := range tc.cards {
		exec(t, db, `INSERT INTO cards VALUES (?, ?, 1, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')`, c.id, c.note, c.ord)
	}
	for _, r := range tc.revlog {
		exec(t, db, `INSERT INTO revlog VALUES (?, ?, 0, ?, 0, 0, 0, ?, ?)`, r.id, r.card, r.ease, r.time, r.typ)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func exec(t testing.TB, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// models11 is col.models: note types by id, as JSON.
func (tc testCollection) models11() string {
	models := map[string]any{}
	for _, nt := range tc.notetypes {
		var flds, tmpls []map[string]any
		for i, f := range nt.fields {
			flds = append(flds, map[string]any{"name": f, "ord": i, "sticky": false, "rtl": false, "font": "Arial", "size": 20})
		}
		for i, tm := range nt.tmpls {
			tmpls = append(tmpls, map[string]any{"name": fmt.Sprintf("Card %d", i+1), "ord": i, "qfmt": tm[0], "afmt": tm[1], "did": nil})
		}
		typ := 0
		if nt.cloze {
			typ = 1
		}
		models[fmt.Sprint(nt.id)] = map[string]any{"id": nt.id, "name": nt.name, "type": typ, "flds": flds, "tmpls": tmpls, "sortf": 0, "css": ""}
	}
	data, _ := json.Marshal(models)
	return string(data)
}

// decks11 is col.decks: decks by id, as JSON.
func (tc testCollection) decks11() string {
	decks := map[string]any{}
	for id, name := range tc.decks {
		decks[fmt.Sprint(id)] = map[string]any{"id": id, "name": name}
	}
	data, _ := json.Marshal(decks)
	return string(data)
}

// insert18 fills schema 18's note type, field, template and deck tables;
// configs are protobufs (Notetype.Config: kind = 1; Template.Config:
// q_format = 1, a_format = 2), deck names have "\x1f" between levels.
func (tc testCollection) insert18(t testing.TB, db *sql.DB) {
	for _, nt := range tc.notetypes {
		var config []byte
		if nt.cloze {
			config = protowire.AppendVarint(protowire.AppendTag(config, 1, protowire.VarintType), 1)
		}
		config = protowire.AppendString(protowire.AppendTag(config, 3, protowire.BytesType), ".card {}")
		exec(t, db, `INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)`, nt.id, nt.name, config)
		for i, f := range nt.fields {
			exec(t, db, `INSERT INTO fields VALUES (?, ?, ?, x'1a05417269616c2014')`, nt.id, i, f)
		}
		for i, tm := range nt.tmpls {
			var c []byte
			c = protowire.AppendString(protowire.AppendTag(c, 1, protowire.BytesType), tm[0])
			c = protowire.AppendString(protowire.AppendTag(c, 2, protowire.BytesType), tm[1])
			exec(t, db, `INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)`, nt.id, i, fmt.Sprintf("Card %d", i+1), c)
		}
	}
	for id, name := range tc.decks {
		exec(t, db, `INSERT INTO decks VALUES (?, ?, 0, 0, x'', x'')`, id, strings.ReplaceAll(name, "::", "\x1f"))
	}
}

// member is one file of a test zip archive.
type member struct {
	name string
	data []byte
	raw  bool // stored uncompressed with no CRC, so a fuzzer's changes reach the reader
}

// zipOf builds a zip archive of members.
func zipOf(t testing.TB, members ...member) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		var w io.Writer
		var err error
		if m.raw {
			w, err = zw.CreateRaw(&zip.FileHeader{Name: m.name, Method: zip.Store,
				CompressedSize64: uint64(len(m.data)), UncompressedSize64: uint64(len(m.data))})
		} else {
			w, err = zw.Create(m.name)
		}
		if err == nil {
			_, err = w.Write(m.data)
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

// legacyMedia is a legacy package's media map: zip member name → file name.
const legacyMedia = `{"0": "bell.mp3", "1": "bell.png"}`

// stubCollection is the collection.anki2 newer Anki versions add to a
// package for older ones: one note asking to update.
func stubCollection(t testing.TB) []byte {
	return testCollection{schema: 11, notetypes: []testNotetype{ntBasic}, notes: []testNote{
		{guid: "stub", mid: 1001, fields: []string{"Please update to the latest Anki version, then import the .colpkg/.apkg file again.", ""}},
	}}.sqlite(t)
}

// packageAnki2 is an Anki 2.0 package: collection.anki2 and a JSON media map.
func packageAnki2(t testing.TB, tc testCollection) []byte {
	return zipOf(t, member{name: memberAnki2, data: tc.sqlite(t)}, member{name: memberMedia, data: []byte(legacyMedia)})
}

// packageAnki21 is an Anki 2.1 package: collection.anki21, the stub
// collection.anki2, meta version 2 and a JSON media map.
func packageAnki21(t testing.TB, tc testCollection) []byte {
	return zipOf(t,
		member{name: memberAnki2, data: stubCollection(t)},
		member{name: memberAnki21, data: tc.sqlite(t)},
		member{name: memberMeta, data: metaVersion(2)},
		member{name: memberMedia, data: []byte(legacyMedia)})
}

// packageAnki21b is an Anki 23.10+ package: meta version 3, the stub
// collection.anki2, collection.anki21b (zstd) and a zstd protobuf media list.
func packageAnki21b(t testing.TB, tc testCollection) []byte {
	var media []byte
	for _, name := range []string{"bell.mp3", "bell.png"} {
		var entry []byte
		entry = protowire.AppendString(protowire.AppendTag(entry, 1, protowire.BytesType), name)
		entry = protowire.AppendVarint(protowire.AppendTag(entry, 2, protowire.VarintType), 100)
		media = protowire.AppendBytes(protowire.AppendTag(media, 1, protowire.BytesType), entry)
	}
	return zipOf(t,
		member{name: memberMeta, data: metaVersion(3)},
		member{name: memberAnki21b, data: zstdOf(t, tc.sqlite(t))},
		member{name: memberAnki2, data: stubCollection(t)},
		member{name: memberMedia, data: zstdOf(t, media)})
}

// metaVersion is a PackageMetadata protobuf of the given version.
func metaVersion(v uint64) []byte {
	return protowire.AppendVarint(protowire.AppendTag(nil, 1, protowire.VarintType), v)
}

// zstdOf compresses data with zstd.
func zstdOf(t testing.TB, data []byte) []byte {
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	return enc.EncodeAll(data, nil)
}
