package interop

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/protowire"
	"modernc.org/sqlite" // and the database/sql driver "sqlite"

	"github.com/moatquiz/moatquiz/internal/lazyregexp"
	"github.com/moatquiz/moatquiz/quiz"
)

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// ErrNotCollection is returned for a database that is not an Anki collection.
var ErrNotCollection = errors.New("not an Anki collection")

// collection is an Anki collection database opened in memory.
type collection struct {
	db        *sql.DB
	conn      *sql.Conn
	schema    int // col.ver: 11 (models in col), 18 (notetypes tables)
	notetypes map[int64]*notetype
	deckName  string // the deck most cards are in, unless it is "Default"
	read      int
	repaired  []Problem // notes whose text is not all UTF-8
}

// notetype is an Anki note type: its fields and its card templates.
type notetype struct {
	name   string
	cloze  bool
	fields []string // names, by ord
	tmpls  []template

	front, back int          // the fields a card shows on its front and back
	shown       map[int]bool // the fields any template shows
	reversed    bool         // a second template asks back to front
}

// template is one card template's question and answer formats.
type template struct{ q, a string }

// registerUnicase registers Anki's "unicase" collation (case-insensitive
// Unicode order), which schema 18 declares on note type, field and
// template names: SQLite cannot even plan queries on those tables without
// it. Registration is process-wide and once; an error means another
// package registered the name already, which serves as well.
var registerUnicase = sync.OnceFunc(func() {
	_ = sqlite.RegisterCollationUtf8("unicase", func(a, b string) int {
		return strings.Compare(strings.ToLower(a), strings.ToLower(b))
	})
})

// openCollection opens an SQLite database held in data, in memory (no
// file is written), and reads its note types.
func openCollection(data []byte) (*collection, error) {
	if !strings.HasPrefix(string(data[:min(len(data), len(sqliteMagic))]), sqliteMagic) {
		return nil, fmt.Errorf("%w: not an SQLite database", ErrNotCollection)
	}
	if len(data) > 19 && data[18] == 2 && data[19] == 2 {
		data[18], data[19] = 1, 1 // WAL mode: read it as a rollback-journal database
	}
	registerUnicase()
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	c := &collection{db: db}
	if err := c.load(data); err != nil {
		if c.conn != nil {
			c.conn.Close()
		}
		db.Close()
		return nil, err
	}
	return c, nil
}

// load deserializes data into the connection and reads the schema
// version and note types.
func (c *collection) load(data []byte) error {
	ctx := context.Background()
	conn, err := c.db.Conn(ctx)
	if err != nil {
		return err
	}
	c.conn = conn
	err = conn.Raw(func(dc any) error {
		d, ok := dc.(interface{ Deserialize([]byte) error })
		if !ok {
			return errors.New("the SQLite driver cannot open a database in memory")
		}
		return d.Deserialize(data)
	})
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotCollection, err)
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA trusted_schema = OFF; PRAGMA query_only = ON"); err != nil {
		return fmt.Errorf("%w: %v", ErrNotCollection, err)
	}
	tables, err := c.tables()
	if err != nil {
		return err
	}
	for _, t := range []string{"col", "notes"} {
		if !tables[t] {
			return fmt.Errorf("%w: it has no %s table", ErrNotCollection, t)
		}
	}
	if err := conn.QueryRowContext(ctx, "SELECT ver FROM col").Scan(&c.schema); err != nil {
		return fmt.Errorf("%w: reading col: %v", ErrNotCollection, err)
	}
	if tables["notetypes"] && tables["fields"] && tables["templates"] {
		err = c.readNotetypes18()
	} else {
		err = c.readModels11()
	}
	if err != nil {
		return fmt.Errorf("%w: reading note types: %v", ErrNotCollection, err)
	}
	c.deckName = c.mainDeck(tables)
	return nil
}

func (c *collection) close() {
	c.conn.Close()
	c.db.Close()
}

// tables lists the database's tables (views do not count).
func (c *collection) tables() (map[string]bool, error) {
	rows, err := c.conn.QueryContext(context.Background(), "SELECT name FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotCollection, err)
	}
	defer rows.Close()
	tables := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotCollection, err)
		}
		tables[name] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotCollection, err)
	}
	return tables, nil
}

// model11 is a note type as schema 11 keeps it in col.models.
type model11 struct {
	Name string `json:"name"`
	Type int    `json:"type"` // 1: cloze
	Flds []struct {
		Name string `json:"name"`
		Ord  int    `json:"ord"`
	} `json:"flds"`
	Tmpls []struct {
		Qfmt string `json:"qfmt"`
		Afmt string `json:"afmt"`
		Ord  int    `json:"ord"`
	} `json:"tmpls"`
}

// readModels11 reads the note types of a schema 11 collection.
func (c *collection) readModels11() error {
	var raw string
	if err := c.conn.QueryRowContext(context.Background(), "SELECT models FROM col").Scan(&raw); err != nil {
		return err
	}
	var models map[string]model11
	if err := json.Unmarshal([]byte(raw), &models); err != nil {
		return fmt.Errorf("col.models: %w", err)
	}
	c.notetypes = map[int64]*notetype{}
	for key, m := range models {
		id, err := strconv.ParseInt(key, 10, 64)
		if err != nil {
			continue
		}
		sort.SliceStable(m.Flds, func(i, j int) bool { return m.Flds[i].Ord < m.Flds[j].Ord })
		sort.SliceStable(m.Tmpls, func(i, j int) bool { return m.Tmpls[i].Ord < m.Tmpls[j].Ord })
		nt := &notetype{name: m.Name, cloze: m.Type == 1}
		for _, f := range m.Flds {
			nt.fields = append(nt.fields, f.Name)
		}
		for _, t := range m.Tmpls {
			nt.tmpls = append(nt.tmpls, template{t.Qfmt, t.Afmt})
		}
		c.notetypes[id] = nt
	}
	return nil
}

// readNotetypes18 reads the note types of a schema 18 collection: the
// notetypes table (the kind is field 1 of its config protobuf), fields
// (names by ord) and templates (formats in fields 1 and 2 of the config).
func (c *collection) readNotetypes18() error {
	c.notetypes = map[int64]*notetype{}
	err := c.each("SELECT id, name, config FROM notetypes", func(rows *sql.Rows) error {
		var id int64
		var name string
		var config []byte
		if err := rows.Scan(&id, &name, &config); err != nil {
			return err
		}
		nt := &notetype{name: name}
		err := protoScan(config, func(num protowire.Number, v []byte, x uint64) {
			nt.cloze = nt.cloze || num == 1 && x == 1
		})
		c.notetypes[id] = nt
		return err
	})
	if err != nil {
		return err
	}
	err = c.each("SELECT ntid, name FROM fields ORDER BY ntid, ord", func(rows *sql.Rows) error {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		if nt := c.notetypes[id]; nt != nil {
			nt.fields = append(nt.fields, name)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.each("SELECT ntid, config FROM templates ORDER BY ntid, ord", func(rows *sql.Rows) error {
		var id int64
		var config []byte
		if err := rows.Scan(&id, &config); err != nil {
			return err
		}
		var t template
		err := protoScan(config, func(num protowire.Number, v []byte, x uint64) {
			switch num {
			case 1:
				t.q = string(v)
			case 2:
				t.a = string(v)
			}
		})
		if nt := c.notetypes[id]; nt != nil {
			nt.tmpls = append(nt.tmpls, t)
		}
		return err
	})
}

// each runs a query and calls fn for each row.
func (c *collection) each(query string, fn func(*sql.Rows) error) error {
	rows, err := c.conn.QueryContext(context.Background(), query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// mainDeck names the deck most cards are in ("::" between levels), or ""
// when that is Anki's "Default" deck or cannot be told.
func (c *collection) mainDeck(tables map[string]bool) string {
	if !tables["cards"] {
		return ""
	}
	var did int64
	err := c.conn.QueryRowContext(context.Background(),
		"SELECT did FROM cards GROUP BY did ORDER BY count(*) DESC, did LIMIT 1").Scan(&did)
	if err != nil {
		return ""
	}
	var name string
	if tables["decks"] {
		err = c.conn.QueryRowContext(context.Background(), "SELECT name FROM decks WHERE id = ?", did).Scan(&name)
		name = strings.ReplaceAll(name, "\x1f", "::")
	} else {
		name, err = c.deckName11(did)
	}
	if err != nil || name == "Default" {
		return ""
	}
	return name
}

// deckName11 reads a deck's name from a schema 11 collection's col.decks.
func (c *collection) deckName11(did int64) (string, error) {
	var raw string
	if err := c.conn.QueryRowContext(context.Background(), "SELECT decks FROM col").Scan(&raw); err != nil {
		return "", err
	}
	var decks map[string]struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(raw), &decks); err != nil {
		return "", err
	}
	return decks[strconv.FormatInt(did, 10)].Name, nil
}

// notes reads every note, oldest first. Notes that cannot be read are
// returned as skipped.
func (c *collection) notes(file string, lim Limits) ([]note, []Problem, error) {
	var count int
	if err := c.conn.QueryRowContext(context.Background(), "SELECT count(*) FROM notes").Scan(&count); err != nil {
		return nil, nil, fmt.Errorf("%w: reading notes: %v", ErrNotCollection, err)
	}
	if count > lim.MaxCards {
		return nil, nil, fmt.Errorf("%d notes; at most %d can be imported into one deck", count, lim.MaxCards)
	}
	var notes []note
	var skipped []Problem
	err := c.each("SELECT guid, mid, tags, flds FROM notes ORDER BY id", func(rows *sql.Rows) error {
		var guid, tags, flds sql.NullString
		var mid sql.NullInt64
		if err := rows.Scan(&guid, &mid, &tags, &flds); err != nil {
			return err
		}
		c.read++
		if !utf8.ValidString(flds.String) || !utf8.ValidString(tags.String) {
			c.repaired = append(c.repaired, Problem{File: file, Note: guid.String, Msg: "its text is not all UTF-8: the bad bytes are read as \ufffd; check the note in Anki"})
		}
		nt := c.notetypes[mid.Int64]
		if nt == nil {
			skipped = append(skipped, Problem{File: file, Note: guid.String, Msg: fmt.Sprintf("its note type (%d) is not in the collection", mid.Int64)})
			return nil
		}
		notes = append(notes, nt.note(guid.String, tags.String, flds.String))
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("%w: reading notes: %v", ErrNotCollection, err)
	}
	return notes, skipped, nil
}

// note makes a note of an Anki note's fields ("\x1f" between them).
func (nt *notetype) note(guid, tags, flds string) note {
	nt.analyse()
	values := strings.Split(flds, "\x1f")
	text := func(i int) string {
		if i < 0 || i >= len(values) {
			return ""
		}
		return cleanText(htmlToText(values[i]))
	}
	n := note{guid: guid, tags: strings.Fields(tags), reversed: nt.reversed}
	n.front, n.back = text(nt.front), text(nt.back)
	if nt.cloze {
		n.kind = quiz.KindCloze
	}
	for i := range values {
		if i == nt.front || i == nt.back || !nt.shown[i] || i >= len(nt.fields) {
			continue
		}
		if v := text(i); v != "" {
			n.extra = append(n.extra, field{nt.fields[i], v})
		}
	}
	if nt.cloze && n.back == "" && len(n.extra) > 0 { // a translation in another field
		n.back, n.extra = n.extra[0].value, n.extra[1:]
	}
	return n
}

// refRE matches a template's field references, {{Field}} or {{filter:Field}}.
var refRE = lazyregexp.New(`\{\{([^{}]*)\}\}`)

// fieldRef is one field reference of a template.
type fieldRef struct {
	field int  // the field's index
	typed bool // {{type:Field}}: the learner types it, so it is the answer
	cloze bool // {{cloze:Field}}
}

// refs lists the fields a template shows, in order: not conditionals
// ({{#F}}, {{^F}}, {{/F}}), comments or special fields like FrontSide.
func (nt *notetype) refs(tmpl string) []fieldRef {
	var refs []fieldRef
	for _, m := range refRE().FindAllStringSubmatch(tmpl, -1) {
		inner := strings.TrimSpace(m[1])
		if inner == "" || strings.ContainsAny(inner[:1], "#^/!=") {
			continue
		}
		parts := strings.Split(inner, ":")
		name := strings.TrimSpace(parts[len(parts)-1])
		i := nt.fieldIndex(name)
		if i < 0 {
			continue
		}
		ref := fieldRef{field: i}
		for _, f := range parts[:len(parts)-1] {
			ref.typed = ref.typed || strings.TrimSpace(f) == "type"
			ref.cloze = ref.cloze || strings.TrimSpace(f) == "cloze"
		}
		refs = append(refs, ref)
	}
	return refs
}

// fieldIndex finds a field by name, exactly or else ignoring case; -1 if none.
func (nt *notetype) fieldIndex(name string) int {
	for i, f := range nt.fields {
		if f == name {
			return i
		}
	}
	for i, f := range nt.fields {
		if strings.EqualFold(f, name) {
			return i
		}
	}
	return -1
}

// auxRE matches the names of fields that go with an answer but are not
// it: pronunciations, parts of speech, media.
var auxRE = lazyregexp.New(`(?i)pronunciation|phonetic|\bipa\b|reading|romani[sz]ation|furigana|^pos$|part.of.speech|audio|sound|image|picture|photo`)

// answerField picks the answer among the fields the answer side shows (a)
// that the front does not: the first whose name is not auxiliary, else
// the first; -1 if there is none.
func (nt *notetype) answerField(a []fieldRef, onFront map[int]bool, front int) int {
	first := -1
	for _, r := range a {
		if onFront[r.field] || r.field == front {
			continue
		}
		if !auxRE().MatchString(nt.fields[r.field]) {
			return r.field
		}
		if first < 0 {
			first = r.field
		}
	}
	return first
}

// analyse works out, once, which fields are the front and the back: from
// the first template, the front is the first field its question shows (for
// cloze, the {{cloze:}} field) and the back the field typed in, else the
// first field its answer shows that the question does not (skipping
// pronunciations and the like, see answerField); the first two
// fields when the templates do not tell.
func (nt *notetype) analyse() {
	if nt.shown != nil {
		return
	}
	nt.shown = map[int]bool{}
	nt.front, nt.back = 0, 1
	if len(nt.tmpls) == 0 {
		return
	}
	q, a := nt.refs(nt.tmpls[0].q), nt.refs(nt.tmpls[0].a)
	onFront := map[int]bool{}
	front, back := -1, -1
	for _, r := range q {
		switch {
		case r.typed && back < 0:
			back = r.field
		case r.cloze && nt.cloze:
			front = r.field
		case !r.typed && front < 0:
			front = r.field
		}
		onFront[r.field] = !r.typed
	}
	if back < 0 {
		back = nt.answerField(a, onFront, front)
	}
	if front >= 0 {
		nt.front, nt.back = front, back
	}
	if nt.back < 0 && len(nt.fields) > 1 {
		nt.back = 1 - min(nt.front, 1) // the first field that is not the front
	}
	for _, t := range nt.tmpls {
		for _, r := range append(nt.refs(t.q), nt.refs(t.a)...) {
			nt.shown[r.field] = true
		}
	}
	if len(nt.tmpls) > 1 {
		if q2 := nt.refs(nt.tmpls[1].q); len(q2) > 0 && q2[0].field == nt.back {
			nt.reversed = true
		}
	}
}
