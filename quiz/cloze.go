package quiz

import (
	"fmt"
	"strconv"
	"strings"
)

// ClozePart is one piece of a cloze text: plain text (Num == 0) or a
// deletion {{cN::Answer}} / {{cN::Answer::Hint}}.
type ClozePart struct {
	Num    int    // deletion number, 1 or more; 0 for plain text
	Text   string // the plain text, or the deleted answer
	Hint   string // the deletion's hint, if any
	Offset int    // byte offset of the part in the cloze text
}

// ClozeError is a syntax error in a cloze text at byte Offset.
type ClozeError struct {
	Offset int
	Msg    string
}

// Error is the message, without the offset (the loader turns it into a
// line and column).
func (e *ClozeError) Error() string { return e.Msg }

// ParseCloze splits an Anki-style cloze text into plain and deleted parts.
// It reports the first syntax error with its byte offset: an unclosed
// "{{", a deletion without "cN::", a number below 1, an empty answer, or a
// stray "}}".
func ParseCloze(text string) ([]ClozePart, error) {
	var parts []ClozePart
	pos := 0
	for pos < len(text) {
		open := strings.Index(text[pos:], "{{")
		closeStray := strings.Index(text[pos:], "}}")
		if closeStray >= 0 && (open < 0 || closeStray < open) {
			return nil, &ClozeError{pos + closeStray, `"}}" without a matching "{{"`}
		}
		if open < 0 {
			parts = append(parts, ClozePart{Text: text[pos:], Offset: pos})
			break
		}
		if open > 0 {
			parts = append(parts, ClozePart{Text: text[pos : pos+open], Offset: pos})
		}
		start := pos + open
		end := strings.Index(text[start+2:], "}}")
		if end < 0 {
			return nil, &ClozeError{start, `"{{" is never closed: end the deletion with "}}"`}
		}
		part, err := parseDeletion(text[start+2:start+2+end], start)
		if err != nil {
			return nil, err
		}
		parts = append(parts, part)
		pos = start + 2 + end + 2
	}
	return parts, nil
}

// parseDeletion parses the inside of one {{...}}, found at offset start.
func parseDeletion(body string, start int) (ClozePart, error) {
	if strings.Contains(body, "{{") {
		return ClozePart{}, &ClozeError{start, `deletions cannot nest: close the first "{{" with "}}" before opening another`}
	}
	fields := strings.SplitN(body, "::", 3)
	if len(fields) < 2 || len(fields[0]) < 2 || fields[0][0] != 'c' {
		return ClozePart{}, &ClozeError{start, `a deletion must look like {{c1::answer}} or {{c1::answer::hint}}`}
	}
	num, err := strconv.Atoi(fields[0][1:])
	if err != nil || num < 1 || strconv.Itoa(num) != fields[0][1:] {
		return ClozePart{}, &ClozeError{start, fmt.Sprintf("deletion number %q is not a whole number from 1", fields[0][1:])}
	}
	if strings.TrimSpace(fields[1]) == "" {
		return ClozePart{}, &ClozeError{start, fmt.Sprintf("deletion c%d has an empty answer", num)}
	}
	part := ClozePart{Num: num, Text: fields[1], Offset: start}
	if len(fields) == 3 {
		if strings.TrimSpace(fields[2]) == "" {
			return ClozePart{}, &ClozeError{start, fmt.Sprintf("deletion c%d has an empty hint: drop the last \"::\" or write a hint", num)}
		}
		part.Hint = fields[2]
	}
	return part, nil
}

// ClozeNumbers returns the distinct deletion numbers of parts, in order.
func ClozeNumbers(parts []ClozePart) []int {
	var nums []int
	seen := map[int]bool{}
	for _, p := range parts {
		if p.Num > 0 && !seen[p.Num] {
			seen[p.Num] = true
			nums = append(nums, p.Num)
		}
	}
	return nums
}
