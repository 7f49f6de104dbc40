// Command moatquiz is a terminal quiz and flashcards app with spaced
// repetition (FSRS-6), built around a Korean news article on the leaked
// Google memo "We have no moat, and neither does OpenAI".
//
// Run it with no arguments to open the app; see `moatquiz --help` for the
// subcommands.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/alecthomas/kong"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// cli is the whole command line: global flags and one field per subcommand.
// Each subcommand lives in its own file.
type cli struct {
	Globals

	Version kong.VersionFlag `help:"Print the version and exit."`

	Home     homeCmd     `cmd:"" default:"1" hidden:"" help:"Open the app (what moatquiz does with no subcommand)."`
	Study    studyCmd    `cmd:"" help:"Start a study session straight away."`
	Decks    decksCmd    `cmd:"" help:"List the built-in decks and yours."`
	Check    checkCmd    `cmd:"" help:"Validate deck files (no FILE: the built-in decks)."`
	Import   importCmd   `cmd:"" help:"Import a deck from CSV/TSV or an Anki .apkg."`
	Export   exportCmd   `cmd:"" help:"Export a deck or your review log."`
	Stats    statsCmd    `cmd:"" help:"Show your study statistics."`
	Romanize romanizeCmd `cmd:"" help:"Romanize Korean text (Revised Romanization)."`
}

func main() {
	stopProfile := startProfile()
	var c cli
	ctx := kong.Parse(&c,
		kong.Name("moatquiz"),
		kong.Description("Flashcards and quizzes in the terminal, with spaced repetition (FSRS-6).\n\n"+
			"With no command it opens the app. Progress is kept in "+
			"$XDG_DATA_HOME/moatquiz (or --data-dir / MOATQUIZ_DATA_DIR)."),
		kong.ShortUsageOnError(),
		kong.Exit(exitUsage),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
		kong.Vars{"version": "moatquiz " + version},
		kong.Bind(&c.Globals),
	)
	err := ctx.Run()
	stopProfile()
	if err != nil {
		printError(os.Stderr, err)
		os.Exit(exitCode(err))
	}
}

// printError reports a command's error on w, unless it is an exitError,
// which the command has reported already.
func printError(w io.Writer, err error) {
	if !errors.As(err, new(*exitError)) {
		fmt.Fprintf(w, "moatquiz: %v\n", err)
	}
}

// exitUsage exits with kong's code, except that a command line that does
// not parse exits 2, as is usual for a usage error (kong says 80).
func exitUsage(code int) {
	if code == 80 {
		code = 2
	}
	os.Exit(code)
}
