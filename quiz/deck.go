// Package quiz is moatquiz's domain: decks and their cards, the items a
// card yields for scheduling, question kinds, answer checking, and the
// study Session state machine. Package deckfile reads and writes decks.
package quiz

// FormatVersion is the version of the deck file format a Deck follows.
const FormatVersion = 1

// Kind is the kind of a card.
type Kind string

// The card kinds.
const (
	KindFact  Kind = "fact"
	KindVocab Kind = "vocab"
	KindCloze Kind = "cloze"
)

// Deck is a set of cards with a stable id, as read from a deck file.
type Deck struct {
	Format  int    `json:"format"`
	ID      string `json:"id"`
	Title   string `json:"title"`
	TitleEn string `json:"title_en"`
	Lang    string `json:"lang"`
	Source  Source `json:"source"`
	Cards   []Card `json:"cards"`

	// Path is where the deck was read from ("" for decks built in code);
	// built-in decks have paths like "builtin:article.json".
	Path string `json:"-"`
}

// BilingualFacts reports whether some fact card has an English side of
// its own, a prompt or answer unlike the other language's: only then may
// facts be asked in either language (an imported deck repeats its one
// text in both).
func (d *Deck) BilingualFacts() bool {
	for i := range d.Cards {
		c := &d.Cards[i]
		if c.Kind == KindFact && (c.PromptEn != c.Prompt || c.AnswerEn != c.Answer) {
			return true
		}
	}
	return false
}

// Source names where a deck's content comes from.
type Source struct {
	Publisher   string `json:"publisher"`
	PublisherEn string `json:"publisher_en,omitempty"`
	Author      string `json:"author,omitempty"`
	AuthorEn    string `json:"author_en,omitempty"`
	Date        string `json:"date,omitempty"` // YYYY-MM-DD
	Title       string `json:"title,omitempty"`
	TitleEn     string `json:"title_en,omitempty"`
	Column      string `json:"column,omitempty"`
	URL         string `json:"url,omitempty"`
}

// Bilingual is a text given in Korean and in English.
type Bilingual struct {
	Ko string `json:"ko"`
	En string `json:"en"`
}

// Card is one card of a deck. Which fields are used depends on Kind:
// fact cards use Prompt..DistractorsEn, vocab cards Word..Example, and
// cloze cards Text and Translation. ID is stable: progress is keyed by it.
type Card struct {
	ID             string     `json:"id"`
	Kind           Kind       `json:"kind"`
	Tags           []string   `json:"tags,omitempty"`
	Explain        *Bilingual `json:"explain,omitempty"`
	SourceSentence string     `json:"source_sentence,omitempty"`

	// fact
	Prompt        string   `json:"prompt,omitempty"`
	PromptEn      string   `json:"prompt_en,omitempty"`
	Answer        string   `json:"answer,omitempty"`
	AnswerEn      string   `json:"answer_en,omitempty"`
	Accept        []string `json:"accept,omitempty"`
	AcceptEn      []string `json:"accept_en,omitempty"`
	Distractors   []string `json:"distractors,omitempty"`
	DistractorsEn []string `json:"distractors_en,omitempty"`

	// vocab
	Word         string     `json:"word,omitempty"`
	Meanings     []string   `json:"meanings,omitempty"`
	POS          string     `json:"pos,omitempty"`
	Romanization string     `json:"romanization,omitempty"`
	Example      *Bilingual `json:"example,omitempty"`

	// cloze
	Text        string `json:"text,omitempty"`
	Translation string `json:"translation,omitempty"`
}

// PartsOfSpeech lists the values a vocab card's pos may take.
var PartsOfSpeech = []string{
	"noun", "proper-noun", "verb", "adjective", "adverb",
	"determiner", "expression", "suffix", "particle",
}
