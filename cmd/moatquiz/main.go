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
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/alecthomas/kong"

	"github.com/moatquiz/moatquiz/internal/lazyregexp"
	"github.com/moatquiz/moatquiz/termtext"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// cli is the whole command line: global flags and one field per subcommand.
// Each subcommand lives in its own file.
type cli struct {
	Globals

	Version kong.VersionFlag `short:"v" help:"Print the version and exit."`

	Home      homeCmd      `cmd:"" default:"1" hidden:"" help:"Open the app (what moatquiz does with no subcommand)."`
	Study     studyCmd     `cmd:"" help:"Start a study session straight away."`
	Decks     decksCmd     `cmd:"" help:"List the built-in decks and yours."`
	Check     checkCmd     `cmd:"" help:"Validate deck files (no FILE: the built-in decks and yours)."`
	Import    importGroup  `cmd:"" help:"Import a deck from CSV/TSV or an Anki .apkg, or a review log."`
	Export    exportCmd    `cmd:"" help:"Export a deck or your review log."`
	Stats     statsCmd     `cmd:"" help:"Show your study statistics."`
	Cards     cardsCmd     `cmd:"" help:"List the cards a query finds (docs/browse.md)."`
	Suspend   suspendCmd   `cmd:"" help:"Suspend the cards a query finds: no session shows them."`
	Unsuspend unsuspendCmd `cmd:"" help:"Schedule again the suspended cards a query finds."`
	Optimize  optimizeCmd  `cmd:"" help:"Fit the FSRS weights to your reviews; keep them if they predict better."`
	Evaluate  evaluateCmd  `cmd:"" help:"Show how well the FSRS weights in use predict your reviews."`
	Add       addCmd       `cmd:"" help:"Add a card to one of your decks: in $VISUAL/$EDITOR, or a vocab card from --word and --meaning."`
	Edit      editCmd      `cmd:"" help:"Edit a card (DECK/CARD) in $VISUAL/$EDITOR; its progress stays."`
	Mine      mineCmd      `cmd:"" help:"Make a deck of the new words of a Korean text."`
	Romanize  romanizeCmd  `cmd:"" help:"Romanize Korean text (Revised Romanization)."`
	Sync      syncCmd      `cmd:"" help:"Sync your reviews with a folder your machines share (docs/sync.md)."`
}

func main() {
	stopProfile := startProfile()
	code := run(os.Args[1:], os.Stderr)
	stopProfile()
	os.Exit(code)
}

// run runs the command line args and returns the exit status: 0, 1 for a
// failure, 2 for a usage error. Errors go to stderr, after "moatquiz: ".
func run(args []string, stderr io.Writer) int {
	if len(args) == 0 { // the app: its start skips building the parser (~1 ms)
		return finish(stderr, (&homeCmd{}).Run(homeGlobals()))
	}
	var c cli
	ctx, err := newParser(&c).Parse(helpArgs(args))
	if err != nil {
		fmt.Fprintf(stderr, "moatquiz: %s\n%s", termtext.Escape(usageMessage(err)), usageHint(err))
		return 2
	}
	return finish(stderr, ctx.Run())
}

// newParser is the parser of the command line into c.
func newParser(c *cli) *kong.Kong {
	parser, err := kong.New(c,
		kong.Name("moatquiz"),
		kong.Description("Flashcards and quizzes in the terminal, with spaced repetition (FSRS-6).\n\n"+
			"With no command it opens the app. Progress is kept in "+
			"$XDG_DATA_HOME/moatquiz (or --data-dir / MOATQUIZ_DATA_DIR)."),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
		kong.Vars{"version": "moatquiz " + versionString()},
		kong.Bind(&c.Globals),
	)
	if err != nil {
		panic(err) // the cli struct is wrong: a programming error
	}
	return parser
}

// finish reports a command's error on stderr and returns its exit status.
func finish(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	printError(stderr, err)
	return exitCode(err)
}

// homeGlobals are the Globals of a command line with no arguments, as the
// parser would set them: from their environment variables, a path
// expanded as kong's "path" type does ("-" as it is).
func homeGlobals() *Globals {
	path := func(env string) string {
		v, ok := os.LookupEnv(env)
		if !ok || v == "-" {
			return v
		}
		return kong.ExpandPath(v)
	}
	return &Globals{DataDir: path("MOATQUIZ_DATA_DIR"), Config: path("MOATQUIZ_CONFIG")}
}

// printError reports a command's error on w, unless it is an exitError,
// which the command has reported already. Its text can quote anything
// (SQLite's messages, file names, the learner's arguments), so whatever
// would steer the terminal is written out as escapes.
func printError(w io.Writer, err error) {
	if !errors.As(err, new(*exitError)) {
		fmt.Fprintf(w, "moatquiz: %s\n", termtext.Escape(err.Error()))
	}
}

// helpArgs turns `moatquiz help [COMMAND...]` into `moatquiz [COMMAND...]
// --help`, as many command-line tools accept.
func helpArgs(args []string) []string {
	if len(args) > 0 && args[0] == "help" {
		return append(args[1:len(args):len(args)], "--help")
	}
	return args
}

// usageMessage says what is wrong with a command line, in moatquiz's
// words where the flag parser's read oddly.
func usageMessage(err error) string {
	msg := err.Error()
	if s, ok := enumMessage(msg); ok {
		return s
	}
	// kong's message for a flag value of the wrong type
	kongValue := regexp.MustCompile(`^(--[\w-]+): expected (\w+) value but got "(.*)" \(([^)]*)\)`)
	m := kongValue.FindStringSubmatch(msg)
	switch {
	case m == nil:
		return msg
	case m[4] == "<EOL>":
		return m[1] + " needs a value"
	case strings.HasPrefix(m[3], "-"):
		return fmt.Sprintf("%s needs a value; to give one that starts with \"-\", write %s=%s", m[1], m[1], m[3])
	default:
		return fmt.Sprintf("%s needs %s value, not %q", m[1], article(m[2]), m[3])
	}
}

// kongEnum is kong's message for a value its flag does not allow: the
// flag, the allowed values and the value given, each in Go quotes.
var (
	kongEnum = lazyregexp.New(`^(\S+) must be one of ((?:` + goQuoted + `,?)*) but got (` + goQuoted + `)$`)
	quoted   = lazyregexp.New(goQuoted)
)

// goQuoted matches a string in Go quotes.
const goQuoted = `"(?:[^"\\]|\\.)*"`

// enumMessage rewrites kong's message for a value outside a flag's list
// as "--kind typd: unknown value; use flip, choice, typed or mixed", the
// value shown safely; ok is false for other messages.
func enumMessage(msg string) (s string, ok bool) {
	m := kongEnum().FindStringSubmatch(msg)
	if m == nil {
		return "", false
	}
	got, err := strconv.Unquote(m[3])
	if err != nil {
		return "", false
	}
	var allowed []string
	for _, q := range quoted().FindAllString(m[2], -1) {
		if v, err := strconv.Unquote(q); err == nil && v != "" { // "" is "not given"
			allowed = append(allowed, v)
		}
	}
	shown := termtext.QuoteIfUnsafe(got)
	if got == "" || strings.Contains(got, " ") { // quoted to show where it ends
		shown = termtext.Quote(got)
	}
	return fmt.Sprintf("%s %s: unknown value; use %s", m[1], shown, orList(allowed)), true
}

// orList is "a", "a or b", "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// article is kong's name of a value type with "a" or "an", in words.
func article(kind string) string {
	switch kind {
	case "int", "uint":
		return "a whole-number"
	case "float":
		return "a number"
	}
	return "a " + kind
}

// usageHint points to the help of the command the line was for.
func usageHint(err error) string {
	var pe *kong.ParseError
	path := "moatquiz"
	if errors.As(err, &pe) && pe.Context != nil {
		if cmd := pe.Context.Command(); cmd != "" && !strings.HasPrefix(cmd, "home") {
			path += " " + strings.Fields(cmd)[0]
		}
	}
	return "Run \"" + path + " --help\" for more information.\n"
}

// versionString is the version set at build time, else the module's
// version (go install …@vX), else the VCS revision the binary was built
// from.
func versionString() string {
	if version != "dev" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return version
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12:
			rev = s.Value[:12]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = ", modified"
		}
	}
	if rev == "" {
		return version
	}
	return version + " (" + rev + dirty + ")"
}
