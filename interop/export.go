package interop

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/moatquiz/moatquiz/quiz"
)

// ExportJSON writes d in the deck format: everything it holds, readable
// by deckfile.Load and by import.
func ExportJSON(w io.Writer, d *quiz.Deck) error {
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return fmt.Errorf("export %s: %w", d.ID, err)
	}
	if _, err := w.Write(append(data, '\n')); err != nil {
		return fmt.Errorf("export %s: %w", d.ID, err)
	}
	return nil
}

// csvColumns are the columns ExportCSV writes.
var csvColumns = []string{roleGUID, roleNotetype, roleFront, roleBack, roleFrontEn, roleBackEn, rolePOS, roleTags}

// ExportCSV writes d as CSV with the headers of Anki's text export
// (#separator, #html, #columns, and the guid, notetype and tags columns),
// one row per card: its id (the guid column), its kind (the notetype
// column), the front and back (a fact's prompt and answer, a vocab card's
// word and its meanings joined by "; ", a cloze card's text and
// translation), a fact's English texts, a vocab card's part of speech and
// the tags. Importing the file gives back the same cards with the same
// ids; what the columns cannot hold (accepted answers, distractors,
// explanations, examples, source sentences) is only in ExportJSON.
func ExportCSV(w io.Writer, d *quiz.Deck) error {
	header := fmt.Sprintf("#separator:comma\n#html:false\n#deck:%s\n#columns:%s\n#guid column:1\n#notetype column:2\n#tags column:%d\n",
		oneLine(d.Title), strings.Join(csvColumns, ","), len(csvColumns))
	if _, err := io.WriteString(w, header); err != nil {
		return fmt.Errorf("export %s: %w", d.ID, err)
	}
	cw := csv.NewWriter(w)
	for _, c := range d.Cards {
		if err := cw.Write(csvRow(c)); err != nil {
			return fmt.Errorf("export %s: %w", d.ID, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export %s: %w", d.ID, err)
	}
	return nil
}

// csvRow is a card's row, in the order of csvColumns.
func csvRow(c quiz.Card) []string {
	var front, back, frontEn, backEn, pos string
	switch c.Kind {
	case quiz.KindFact:
		front, back, frontEn, backEn = c.Prompt, c.Answer, c.PromptEn, c.AnswerEn
	case quiz.KindVocab:
		front, back, pos = c.Word, strings.Join(c.Meanings, "; "), c.POS
	case quiz.KindCloze:
		front, back = c.Text, c.Translation
	}
	return []string{c.ID, string(c.Kind), front, back, frontEn, backEn, pos, strings.Join(c.Tags, " ")}
}
