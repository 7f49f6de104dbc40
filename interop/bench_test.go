package interop

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// benchNotes is the size of the decks the benchmarks import.
const benchNotes = 5000

// BenchmarkImportCSV imports a Korean-English list of benchNotes rows.
func BenchmarkImportCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("korean\tenglish\tlevel\n")
	for i := range benchNotes {
		fmt.Fprintf(&sb, "단어%d\tword number %d, a meaning; another\tB\n", i, i)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ImportCSV("bench.tsv", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportAPKG imports an anki21b package of benchNotes Basic notes.
func BenchmarkImportAPKG(b *testing.B) {
	tc := testCollection{schema: 18, notetypes: []testNotetype{ntBasic, ntCloze}}
	for i := range benchNotes {
		tc.notes = append(tc.notes, testNote{guid: fmt.Sprintf("guid%d", i), mid: 1001,
			fields: []string{fmt.Sprintf("<b>Question</b> %d?", i), fmt.Sprintf("answer&nbsp;%d<br>more", i)}})
	}
	data := packageAnki21b(b, tc)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ImportAPKG("bench.apkg", bytes.NewReader(data), int64(len(data)), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
