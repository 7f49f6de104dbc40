package interop

import (
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

// History is an Anki package's review log (its revlog table, when it was
// exported with scheduling) matched to the imported deck's items.
type History struct {
	// Reviews are the reviews of the deck's items, oldest first: rated
	// 1-4 as Anki's ease, at the entry's time (its id, in ms), taking its
	// time (ms); scheduled reviews, flipped or cloze.
	Reviews []quiz.Review
	// Manual counts the entries that are no answer: manual changes and
	// reschedules (type 4 and 5) and entries without a rating 1-4, left
	// out as Anki's FSRS (fsrs-rs) leaves them out, and any entry whose
	// time (its id) is before 1970 or after 9999.
	Manual int
	// Unmatched counts the answers on Anki cards that became no item: a
	// note that was skipped, or a template moatquiz does not ask (the
	// reverse card of a note that became a fact card).
	Unmatched int
}

// Anki's revlog types that are no answer.
const (
	revlogManual      = 4
	revlogRescheduled = 5
)

// maxRevlogID is the latest time an answer can have: the end of year 9999.
const maxRevlogID = 253402300799999

// sqlRevlog reads the review log with each entry's note and template.
const sqlRevlog = `SELECT r.id, r.ease, r.time, r.type, n.guid, c.ord FROM revlog r
	LEFT JOIN cards c ON c.id = r.cid LEFT JOIN notes n ON n.id = c.nid ORDER BY r.id`

// answer is an entry of Anki's review log that is an answer.
type answer struct {
	at, ms int64 // when (Unix ms) and how long it took
	ease   int64 // the rating, 1-4
	guid   string
	ord    int64 // the card's template
	card   bool  // the card and its note are in the collection
}

// revlog reads the collection's review log: its answers, oldest first,
// and how many entries are no answer (History.Manual).
func (c *collection) revlog() (answers []answer, manual int, err error) {
	tables, err := c.tables()
	if err != nil || !tables["revlog"] || !tables["cards"] {
		return nil, 0, err
	}
	err = c.each(sqlRevlog, func(rows *sql.Rows) error {
		var a answer
		var typ int64
		var guid sql.NullString
		var ord sql.NullInt64
		if err := rows.Scan(&a.at, &a.ease, &a.ms, &typ, &guid, &ord); err != nil {
			return err
		}
		if typ == revlogManual || typ == revlogRescheduled || a.ease < 1 || a.ease > 4 || a.at < 0 || a.at > maxRevlogID {
			manual++
			return nil
		}
		a.guid, a.ord, a.card = guid.String, ord.Int64, guid.Valid
		answers = append(answers, a)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("%w: reading the review log: %v", ErrNotCollection, err)
	}
	return answers, manual, nil
}

// history matches answers to the cards of deck by their notes' guids:
// items[card id][ord] names the item an Anki card (note and template)
// became.
func history(answers []answer, manual int, deck *quiz.Deck, items map[string]map[int64]string) History {
	h := History{Manual: manual}
	kinds := make(map[string]quiz.Kind, len(deck.Cards))
	for i := range deck.Cards {
		kinds[deck.Cards[i].ID] = deck.Cards[i].Kind
	}
	for _, a := range answers {
		card := idFromGUID(a.guid)
		kind, ok := kinds[card]
		item := items[card][a.ord]
		if !a.card || !ok || item == "" {
			h.Unmatched++
			continue
		}
		q := quiz.QuestionFlip
		if kind == quiz.KindCloze {
			q = quiz.QuestionCloze
		}
		h.Reviews = append(h.Reviews, quiz.Review{
			Item:   quiz.ItemID{Deck: deck.ID, Card: card, Item: item},
			Rating: fsrs.Rating(a.ease), ReviewedAt: time.UnixMilli(a.at).UTC(),
			Duration: time.Duration(max(a.ms, 0)) * time.Millisecond, Mode: quiz.ModeReview, Question: q,
		})
	}
	return h
}

// The items of a fact or vocab card's Anki cards, by template ord:
// shared, since ordItems is called for every card and they are only read.
var (
	factOrds     = map[int64]string{0: quiz.ItemFact} // a reverse card has no item of its own
	koEnOrds     = map[int64]string{0: quiz.ItemKoEn}
	enKoOrds     = map[int64]string{0: quiz.ItemEnKo}
	koEnEnKoOrds = map[int64]string{0: quiz.ItemKoEn, 1: quiz.ItemEnKo}
	enKoKoEnOrds = map[int64]string{0: quiz.ItemEnKo, 1: quiz.ItemKoEn}
)

// ordItems names the item each of a note's Anki cards (by template ord)
// becomes in card c, made of note n in a deck whose word lists go in
// direction vocab; a card that becomes none is left out. The caller must
// not change the map.
func ordItems(n *note, c *quiz.Card, vocab direction) map[int64]string {
	switch c.Kind {
	case quiz.KindFact:
		return factOrds
	case quiz.KindVocab:
		// ord 0 asks the front, a reverse card (ord 1) the back
		one, both := koEnOrds, koEnEnKoOrds
		if vocab == koreanBack && n.kind == "" {
			one, both = enKoOrds, enKoKoEnOrds
		}
		if n.reversed {
			return both
		}
		return one
	case quiz.KindCloze:
		// Anki's cloze card ord k asks deletion k+1; the card's deletions
		// are renumbered from c1 without gaps (renumberCloze).
		parts, err := quiz.ParseCloze(n.front)
		if err != nil {
			return nil
		}
		nums := quiz.ClozeNumbers(parts)
		slices.Sort(nums)
		names := make(map[int64]string, len(nums))
		for i, num := range nums {
			names[int64(num-1)] = fmt.Sprintf("c%d", i+1)
		}
		return names
	}
	return nil
}
