package main

import "errors"

// studyCmd is not built yet.
type studyCmd struct{}

// Run reports that the command is not built yet.
func (c *studyCmd) Run(g *Globals) error { return errors.New("study: not built yet") }
