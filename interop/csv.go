package interop

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/moatquiz/moatquiz/quiz"
)

// Column roles: what a CSV column holds.
const (
	roleFront    = "front"
	roleBack     = "back"
	roleFrontEn  = "front_en"
	roleBackEn   = "back_en"
	roleTags     = "tags"
	roleGUID     = "guid"
	roleNotetype = "notetype"
	rolePOS      = "pos"
	roleRoman    = "romanization"
	roleLevel    = "level"
	roleDeck     = "deck"
	roleSkip     = "skip"
	roleField    = "" // any other field: the front or back if those are missing, else shown with the answer
)

// roleNames maps header names (lower-case) to roles.
var roleNames = map[string]string{}

func init() {
	for role, names := range map[string][]string{
		roleFront: {"front", "question", "prompt", "q", "korean", "hangul", "hangeul", "word", "term",
			"expression", "vocab", "vocabulary", "ko", "kr", "kor", "한국어", "한글", "단어", "질문", "앞면", "표현"},
		roleBack: {"back", "answer", "a", "english", "meaning", "meanings", "definition", "definitions",
			"gloss", "translation", "en", "eng", "영어", "뜻", "의미", "답", "뒷면"},
		roleFrontEn:  {"front_en", "prompt_en", "question_en"},
		roleBackEn:   {"back_en", "answer_en"},
		roleTags:     {"tags", "tag", "태그"},
		roleGUID:     {"guid", "id"},
		roleNotetype: {"notetype", "note type", "kind", "type"},
		rolePOS:      {"pos", "part of speech", "part_of_speech", "partofspeech", "word class", "품사"},
		roleRoman:    {"romanization", "romanisation", "romaja", "roman"},
		roleLevel:    {"level", "등급", "급"},
		roleDeck:     {"deck"},
		roleSkip:     {"-", "skip", "ignore"},
	} {
		for _, n := range names {
			roleNames[n] = role
		}
	}
}

// columnRoles lists the roles Options.Columns may name, for messages.
const columnRoles = "front, back, front_en, back_en, tags, guid, notetype, pos, romanization, level, deck, or - to skip a column"

// repeatable are the roles several columns may have: their values add up.
var repeatable = map[string]bool{roleTags: true, roleLevel: true, roleDeck: true, roleSkip: true}

// CheckColumns returns an error saying what is wrong with the column roles
// given for a CSV file (Options.Columns): a name that is no role, no
// front, or two columns for a role that holds one; nil when nothing is.
func CheckColumns(cols []string) error {
	if len(cols) == 0 {
		return nil
	}
	first := map[string]string{} // role → the name first given for it
	for _, c := range cols {
		name := strings.ToLower(oneLine(c))
		role, known := roleNames[name]
		switch {
		case name == "":
			continue
		case !known:
			return fmt.Errorf("--columns: %q is not a column role: use %s", c, columnRoles)
		case first[role] != "" && !repeatable[role]:
			return fmt.Errorf("--columns: %q and %q both name the %s column: give each role once", first[role], c, role)
		}
		if first[role] == "" {
			first[role] = c
		}
	}
	if first[roleFront] == "" {
		return fmt.Errorf("--columns: no column is the front: name one, as in --columns front,back")
	}
	return nil
}

// ankiHeaders are the "#key:value" lines Anki writes at the top of a text
// export.
type ankiHeaders struct {
	separator string
	html      bool
	columns   string
	tags      []string // for every note
	deck      string
	notetype  string
	special   map[string]int // "tags", "guid", "deck", "notetype" column → 0-based index
}

// readHeaders reads the "#" lines at the top of s and returns them with
// the rest of s and its first line's number. Lines starting with "#" that
// are not Anki headers are comments; unknown headers are ignored.
func readHeaders(s string) (h ankiHeaders, rest string, line int, warn []Problem) {
	h.special = map[string]int{}
	line = 1
	for strings.HasPrefix(s, "#") {
		end := strings.IndexByte(s, '\n')
		if end < 0 {
			end = len(s)
		}
		text := strings.TrimSuffix(s[:end], "\r")
		s = s[min(end+1, len(s)):]
		if !utf8.ValidString(text) {
			warn = append(warn, Problem{Line: line, Msg: "this header line is not UTF-8 text: its bad bytes are read as \ufffd; save the file as UTF-8"})
		}
		key, value, found := strings.Cut(text[1:], ":")
		key = strings.ToLower(strings.TrimSpace(key))
		if found {
			if w := h.set(key, value); w != "" {
				warn = append(warn, Problem{Line: line, Msg: w})
			}
		}
		line++
	}
	return h, s, line, warn
}

// set applies one header; it returns a warning for a value it cannot use.
func (h *ankiHeaders) set(key, value string) string {
	switch key {
	case "separator":
		h.separator = value
	case "html":
		h.html = strings.EqualFold(strings.TrimSpace(value), "true")
	case "columns":
		h.columns = value
	case "tags":
		h.tags = strings.Fields(value)
	case "deck":
		h.deck = strings.TrimSpace(value)
	case "notetype":
		h.notetype = strings.TrimSpace(value)
	case "tags column", "guid column", "deck column", "notetype column":
		n, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil || n < 1 || n > maxFields {
			return fmt.Sprintf("#%s:%q is not a column number: ignored", key, value)
		}
		h.special[strings.TrimSuffix(key, " column")] = n - 1
	}
	return ""
}

// separatorNames are the names Anki gives separators.
var separatorNames = map[string]byte{
	"tab": '\t', "comma": ',', "semicolon": ';', "space": ' ', "pipe": '|', "colon": ':',
}

// sep returns the header's separator, if it names one.
func (h *ankiHeaders) sep() (byte, bool) {
	v := strings.TrimSpace(h.separator)
	if c, ok := separatorNames[strings.ToLower(v)]; ok {
		return c, true
	}
	if len(h.separator) == 1 && h.separator[0] != '\n' && h.separator[0] != '"' {
		return h.separator[0], true
	}
	return 0, false
}

// ImportCSV imports a CSV or TSV text (name is used in messages). The
// separator (tab, comma or semicolon) is detected unless an Anki
// "#separator:" header gives it; a UTF-8 byte order mark is skipped; the
// first row is a header when it names known columns, unless
// opt.Columns or an Anki "#columns:" header names them. Rows end with
// "\n" or "\r\n", or "\r" in a text where most line ends are a lone
// "\r". Rows with the wrong number of fields, or not UTF-8, are skipped
// and listed in the result.
func ImportCSV(name string, data []byte, opt Options) (_ *Result, err error) {
	defer func() { err = safe(err) }()
	if err := opt.check(name); err != nil {
		return nil, err
	}
	lim := opt.Limits.withDefaults()
	if int64(len(data)) > lim.MaxText {
		return nil, fmt.Errorf("import %s: the file is %s; a CSV/TSV file may be at most %s", name, size(int64(len(data))), size(lim.MaxText))
	}
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return nil, fmt.Errorf("import %s: the file is UTF-16 text: save it as UTF-8", name)
	}
	if bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 {
		return nil, fmt.Errorf("import %s: %w (it holds binary data)", name, ErrUnknownFormat)
	}
	s := crLines(string(bytes.TrimPrefix(data, []byte("\ufeff"))))
	h, body, first, hwarn := readHeaders(s)
	sep, ok := h.sep()
	if !ok {
		if sep, ok = detectSeparator(body, first); !ok {
			return nil, fmt.Errorf("import %s: no rows with two or more fields: separate each row's front and back with a tab, comma or semicolon", name)
		}
	}
	c := &csvImport{name: name, opt: opt, lim: lim, h: h, r: newCSVReader(body, sep, first)}
	for _, w := range hwarn {
		w.File = name
		c.res.Warnings = append(c.res.Warnings, w)
	}
	notes, err := c.notes()
	if err != nil {
		return nil, err
	}
	info := deckInfo{format: formatName(sep), title: h.deck, tags: h.tags, read: c.read}
	res, err := build(name, notes, info, opt)
	if none := (*NoCardsError)(nil); errors.As(err, &none) {
		none.Skipped = byLine(append(c.res.Skipped, none.Skipped...)) // the rows the reader skipped too
	}
	if err != nil {
		return nil, err
	}
	res.Skipped = byLine(append(c.res.Skipped, res.Skipped...))
	res.Warnings = byLine(append(c.res.Warnings, res.Warnings...))
	res.NoteIDs = slices.Contains(c.roles, roleGUID)
	return res, nil
}

// crLines returns s with its line endings made "\n" when most of them are
// a lone "\r" (classic Mac OS, or such a file with lines added
// elsewhere); else lone "\r"s are text, as they are in other CSV readers.
func crLines(s string) string {
	crlf := strings.Count(s, "\r\n")
	if strings.Count(s, "\r")-crlf <= strings.Count(s, "\n") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// byLine sorts problems by line, keeping the order of those on one line.
func byLine(ps []Problem) []Problem {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
	return ps
}

// formatName names a text format by its separator.
func formatName(sep byte) string {
	switch sep {
	case '\t':
		return "TSV"
	case ',':
		return "CSV"
	}
	return fmt.Sprintf("CSV (separator %q)", sep)
}

// csvImport reads the rows of one CSV text into notes.
type csvImport struct {
	name  string
	opt   Options
	lim   Limits
	h     ankiHeaders
	r     *csvReader
	roles []string // each column's role
	names []string // each column's name, for fields shown with the answer
	read  int
	res   Result // skipped rows and warnings
}

// notes reads every row.
func (c *csvImport) notes() ([]note, error) {
	var notes []note
	first := true
	for {
		rec, ok := c.r.next()
		if !ok {
			c.r = nil // the text: not needed any more
			return notes, nil
		}
		if first {
			first = false
			if c.layout(rec) {
				continue
			}
		}
		c.read++
		if c.read > c.lim.MaxCards {
			return nil, fmt.Errorf("import %s: more than %d rows: split the file", c.name, c.lim.MaxCards)
		}
		if n, ok := c.note(rec); ok {
			notes = append(notes, n)
		}
	}
}

// layout sets the columns' roles from the options, the Anki headers or
// the first row, and reports whether that row is a header to skip.
func (c *csvImport) layout(first record) (header bool) {
	header = isHeader(first.fields)
	switch {
	case len(c.opt.Columns) > 0:
		c.names = c.opt.Columns
	case c.h.columns != "":
		c.names = newCSVReaderLine(c.h.columns, c.r.sep)
		header = false
	case header:
		c.names = first.fields
	default:
		for i := range first.fields {
			c.names = append(c.names, fmt.Sprintf("column %d", i+1))
		}
	}
	c.roles = make([]string, len(c.names))
	for i, n := range c.names {
		c.names[i] = oneLine(n)
		c.roles[i] = roleNames[strings.ToLower(c.names[i])]
		if len(c.opt.Columns) > 0 && c.names[i] == "" {
			c.roles[i] = roleSkip
		}
	}
	for role, i := range c.h.special {
		if i < len(c.roles) {
			c.roles[i] = role
		}
	}
	fillRole(c.roles, roleFront)
	fillRole(c.roles, roleBack)
	return header
}

// newCSVReaderLine splits one line of column names at sep.
func newCSVReaderLine(line string, sep byte) []string {
	rec, _ := newCSVReader(strings.TrimSpace(line), sep, 1).next()
	return rec.fields
}

// isHeader reports whether a first row names columns: one field names
// the front or the back, and more fields are known column names than not
// (the others are named fields, kept with the answer: "front,back,tags,
// example").
func isHeader(fields []string) bool {
	sides, known, unknown := false, 0, 0
	for _, f := range fields {
		role, ok := roleNames[strings.ToLower(oneLine(f))]
		switch {
		case ok:
			known++
		case strings.TrimSpace(f) != "":
			unknown++
		}
		sides = sides || role == roleFront || role == roleBack
	}
	return sides && known > unknown
}

// fillRole gives role to the first plain field column when no column has it.
func fillRole(roles []string, role string) {
	for _, r := range roles {
		if r == role {
			return
		}
	}
	for i, r := range roles {
		if r == roleField {
			roles[i] = role
			return
		}
	}
}

// note makes a note of a row, or records why the row is skipped.
func (c *csvImport) note(rec record) (note, bool) {
	fields := rec.fields
	for len(fields) > len(c.roles) && strings.TrimSpace(fields[len(fields)-1]) == "" {
		fields = fields[:len(fields)-1] // a trailing separator
	}
	if rec.warn != "" {
		c.res.Warnings = append(c.res.Warnings, Problem{File: c.name, Line: rec.line, Msg: rec.warn})
	}
	switch {
	case rec.err != "":
		return c.skip(rec, rec.err)
	case blank(fields):
		c.read--
		return note{}, false
	case len(fields) != len(c.roles):
		return c.skip(rec, fmt.Sprintf("has %d field%s, expected %d (%s)", len(fields), map[bool]string{true: "s"}[len(fields) != 1], len(c.roles), strings.Join(c.names, ", ")))
	}
	n := note{line: rec.line}
	n.kind, n.reversed = kindOfNotetype(c.h.notetype)
	for i, f := range fields {
		if !utf8.ValidString(f) {
			return c.skip(rec, fmt.Sprintf("field %d (%s) is not UTF-8 text: save the file as UTF-8", i+1, c.names[i]))
		}
		c.set(&n, i, f)
	}
	return n, true
}

// blank reports whether every field is empty or white space.
func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func (c *csvImport) skip(rec record, why string) (note, bool) {
	c.res.Skipped = append(c.res.Skipped, Problem{File: c.name, Line: rec.line, Msg: why})
	return note{}, false
}

// nullField is how database dumps write an empty (NULL) field.
const nullField = `\N`

// set puts field i of a row into the note by its column's role.
func (c *csvImport) set(n *note, i int, raw string) {
	if c.h.html {
		raw = htmlToText(raw)
	}
	v := cleanText(raw)
	if v == nullField {
		v = ""
	}
	switch c.roles[i] {
	case roleFront:
		n.front = v
	case roleBack:
		n.back = v
	case roleFrontEn:
		n.frontEn = v
	case roleBackEn:
		n.backEn = v
	case roleTags:
		n.tags = append(n.tags, strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || isSpace(r) || r == '\n' })...)
	case roleGUID:
		n.guid = oneLine(v)
	case roleNotetype:
		n.kind, n.reversed = kindOfNotetype(v)
	case rolePOS:
		n.pos = v
	case roleRoman:
		n.roman = v
	case roleLevel:
		if v != "" {
			n.tags = append(n.tags, "level-"+strings.ToLower(oneLine(v)))
		}
	case roleDeck, roleSkip:
	default:
		if v != "" {
			n.extra = append(n.extra, field{c.names[i], v})
		}
	}
}

// kindOfNotetype maps a note type named in a file to a card kind: the deck
// format's own kinds, and Anki's cloze types; "" leaves it to the content.
// reversed is true for Anki's reversed types.
func kindOfNotetype(name string) (kind quiz.Kind, reversed bool) {
	lower := strings.ToLower(name)
	switch {
	case lower == string(quiz.KindFact) || lower == string(quiz.KindVocab) || lower == string(quiz.KindCloze):
		return quiz.Kind(lower), false
	case strings.Contains(lower, "cloze"):
		return quiz.KindCloze, false
	}
	return "", strings.Contains(lower, "reverse")
}
