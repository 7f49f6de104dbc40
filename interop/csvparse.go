package interop

import "strings"

// maxFields is the most fields a CSV row may have; a row with more is
// reported and skipped, so that a line of a million commas costs nothing.
const maxFields = 1000

// record is one row of a CSV/TSV text.
type record struct {
	line   int      // the row's first line, 1-based
	fields []string // raw fields, quotes removed
	err    string   // why the row cannot be read ("" if it can)
	warn   string   // what was read other than as written
}

// csvReader splits a CSV/TSV text into records: fields separated by sep,
// rows by "\n" or "\r\n" (a lone "\r" stays in its field). A field that
// starts with a double quote is quoted: it runs to the next lone quote,
// may hold separators and line breaks, and "" stands for one quote; text
// after its closing quote is kept as written. Quotes inside unquoted
// fields are plain text. A quote that is never closed is read as text
// (with a warning), and so are all quotes after it, so a broken file costs
// linear time.
type csvReader struct {
	s       string
	sep     byte
	i       int
	line    int
	noQuote bool // a quote was never closed: quotes are text from there on
}

func newCSVReader(s string, sep byte, firstLine int) *csvReader {
	return &csvReader{s: s, sep: sep, line: firstLine}
}

// next returns the next record, skipping empty lines; ok is false at the
// end of the text.
func (r *csvReader) next() (rec record, ok bool) {
	for r.i < len(r.s) && (r.s[r.i] == '\n' || strings.HasPrefix(r.s[r.i:], "\r\n")) {
		if r.s[r.i] == '\r' {
			r.i++
		}
		r.i++
		r.line++
	}
	if r.i >= len(r.s) {
		return record{}, false
	}
	rec.line = r.line
	for {
		if len(rec.fields) == maxFields {
			rec.err = "has more than 1000 fields"
			r.skipLine()
			return rec, true
		}
		field, warn := r.field()
		rec.fields = append(rec.fields, field)
		if warn != "" {
			rec.warn = warn
		}
		if r.i < len(r.s) && r.s[r.i] == r.sep {
			r.i++
			continue
		}
		if r.i < len(r.s) { // at "\n"
			r.i++
			r.line++
		}
		return rec, true
	}
}

// field reads one field from r.i, leaving r.i at the separator, the "\n"
// ending the row, or the end.
func (r *csvReader) field() (string, string) {
	if r.noQuote || r.i >= len(r.s) || r.s[r.i] != '"' {
		return r.plain(), ""
	}
	var b strings.Builder
	lines := 0
	for j := r.i + 1; j < len(r.s); j++ {
		c := r.s[j]
		switch {
		case c == '"' && j+1 < len(r.s) && r.s[j+1] == '"':
			b.WriteByte('"')
			j++
		case c == '"':
			r.i = j + 1
			r.line += lines
			b.WriteString(r.plain())
			return b.String(), ""
		case c == '\n':
			lines++
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	r.noQuote = true
	return r.plain(), `a quote (") is never closed: quotes from here on are read as text`
}

// plain reads an unquoted field: to the separator or the end of the line
// (without the "\r" of a "\r\n").
func (r *csvReader) plain() string {
	start := r.i
	for r.i < len(r.s) && r.s[r.i] != r.sep && r.s[r.i] != '\n' {
		r.i++
	}
	f := r.s[start:r.i]
	if r.i < len(r.s) && r.s[r.i] == '\n' {
		f = strings.TrimSuffix(f, "\r")
	}
	return f
}

// skipLine moves past the end of the current line.
func (r *csvReader) skipLine() {
	j := strings.IndexByte(r.s[r.i:], '\n')
	if j < 0 {
		r.i = len(r.s)
		return
	}
	r.i += j + 1
	r.line++
}

// separators are the separators detected, in order of preference.
var separators = []byte{'\t', ',', ';'}

// sniffRows is how many rows detectSeparator looks at.
const sniffRows = 50

// detectSeparator picks the separator that splits the first rows of s
// most consistently into two or more fields: for each candidate, the rows
// having the most common field count are counted; the highest count wins.
// Between equals, the one less often followed by a space wins (", " is
// punctuation in text more often than a separator), then tab, comma,
// semicolon. ok is false when no candidate gives two fields.
func detectSeparator(s string, firstLine int) (sep byte, ok bool) {
	best, bestSpaced := 0, 0
	for _, c := range separators {
		counts := map[int]int{}
		spaced := 0
		r := newCSVReader(s, c, firstLine)
		for range sniffRows {
			rec, more := r.next()
			if !more {
				break
			}
			counts[len(rec.fields)]++
			for _, f := range rec.fields[1:] {
				if strings.HasPrefix(f, " ") {
					spaced++
				}
			}
		}
		score := 0
		for n, k := range counts {
			if n >= 2 && k > score {
				score = k
			}
		}
		if score > best || score == best && score > 0 && spaced < bestSpaced {
			sep, best, bestSpaced = c, score, spaced
		}
	}
	return sep, best > 0
}
