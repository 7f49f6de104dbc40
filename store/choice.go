package store

import (
	"errors"
	"fmt"

	"github.com/moatquiz/moatquiz/quiz"
)

// The SQL of the remembered choices.
const (
	sqlChoices    = "SELECT deck, kind, direction, lang, mode, cards, tag FROM deck_choice ORDER BY chosen DESC"
	sqlSaveChoice = "INSERT INTO deck_choice (deck, kind, direction, lang, mode, cards, tag, chosen) " +
		"VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(chosen), 0) + 1 FROM deck_choice)) " +
		"ON CONFLICT (deck) DO UPDATE SET kind = excluded.kind, direction = excluded.direction, " +
		"lang = excluded.lang, mode = excluded.mode, cards = excluded.cards, tag = excluded.tag, " +
		"chosen = excluded.chosen"
)

// Choices returns the learner's remembered choices, one per deck, the
// last deck chosen first. Their values are as saved: the app checks them.
func (db *DB) Choices() ([]quiz.Choice, error) {
	rows, err := db.sql.Query(sqlChoices)
	if err != nil {
		return nil, fmt.Errorf("read your choices from %s: %w", db.path, explain(err))
	}
	defer rows.Close()
	var out []quiz.Choice
	for rows.Next() {
		var c quiz.Choice
		if err := rows.Scan(&c.Deck, &c.Kind, &c.Direction, &c.Lang, &c.Mode, &c.Cards, &c.Tag); err != nil {
			return nil, fmt.Errorf("read your choices from %s: %w", db.path, explain(err))
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read your choices from %s: %w", db.path, explain(err))
	}
	return out, nil
}

// SaveChoice remembers c as the choice of its deck, and the deck as the
// last one chosen, durably before it returns. Like Record, it waits for
// the check of the file at open, and writes nothing into a damaged file.
func (db *DB) SaveChoice(c quiz.Choice) error {
	if err := db.writable(); err != nil {
		return fmt.Errorf("save your choice of deck %q: %w", c.Deck, err)
	}
	if c.Deck == "" {
		return errors.New("save your choice: no deck")
	}
	if err := db.saveChoice(c); err != nil {
		return fmt.Errorf("save your choice of deck %q in %s: %w", c.Deck, db.path, explain(err))
	}
	db.idle.committed()
	return nil
}

// saveChoice is SaveChoice's transaction. It also saves the new-item
// frontier waiting for the next write (see SetFrontier).
func (db *DB) saveChoice(c quiz.Choice) error {
	tx, err := db.sql.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := db.front.save(db, tx); err != nil {
		return err
	}
	if _, err := tx.Exec(sqlSaveChoice, c.Deck, string(c.Kind), string(c.Direction), c.Lang, string(c.Mode),
		string(c.Cards), c.Tag); err != nil {
		return err
	}
	return tx.Commit()
}
