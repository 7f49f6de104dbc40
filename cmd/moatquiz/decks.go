package main

import "errors"

// decksCmd is not built yet.
type decksCmd struct{}

// Run reports that the command is not built yet.
func (c *decksCmd) Run(g *Globals) error { return errors.New("decks: not built yet") }
