package store

import (
	"fmt"
	"maps"
	"sync"

	"github.com/moatquiz/moatquiz/quiz"
)

// statesCache keeps a writer's last read of each deck's states, for as
// long as nothing has been written since: the app reads a deck's states
// for the home screen's counts and again to start a session, and at
// 100,000 cards reading them costs over 100 ms where copying them costs
// about 10. Only a writer caches: it holds the directory's lock, so every
// change comes through its own connection, and SQLite's count of the
// changes made on that connection (total_changes) and of those committed
// by others (data_version) tell whether the cached states are still what
// the database holds, whatever method wrote.
type statesCache struct {
	mu    sync.Mutex
	key   changeKey
	decks map[string]map[quiz.ItemID]quiz.ItemState
}

// changeKey is where the database's history of changes stood.
type changeKey struct{ changes, version int64 }

// sqlChangeKey reads it.
const sqlChangeKey = "SELECT total_changes(), (SELECT data_version FROM pragma_data_version)"

// states returns a copy of deck's states, read from the database unless
// the cache holds them and nothing was written since they were read.
func (c *statesCache) states(db *DB, deck string) (map[quiz.ItemID]quiz.ItemState, error) {
	var key changeKey
	if err := db.sql.QueryRow(sqlChangeKey).Scan(&key.changes, &key.version); err != nil {
		return nil, fmt.Errorf("read states of deck %q from %s: %w", deck, db.path, explain(err))
	}
	c.mu.Lock()
	if st, ok := c.decks[deck]; ok && key == c.key {
		c.mu.Unlock()
		return maps.Clone(st), nil
	}
	c.mu.Unlock()
	st, err := db.readStates(deck) // without the lock: it may take a while
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if key != c.key { // what was cached was read before a change
		c.key, c.decks = key, map[string]map[quiz.ItemID]quiz.ItemState{}
	}
	c.decks[deck] = maps.Clone(st)
	return st, nil
}
