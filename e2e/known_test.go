package e2e

import "os"

// knownBugs are the bugs these suites found in code that was being
// changed by others at the time, by the check that finds them, with
// where they are. A check with a known bug logs it (or skips, when it
// would only wait for a frozen app) instead of failing, and fails once
// the bug is gone so that its entry is removed. MOATQUIZ_E2E_KNOWN_BUGS=run
// runs the checks as if nothing were known.
var knownBugs = map[string]string{
	"moatquiz decks --json": "cmd/moatquiz/decks.go writeDecksJSON encodes file paths with encoding/json, " +
		"which leaves DEL, C1 controls, bidi and zero-width characters raw; export.go's escapeInvisible would escape them",
	"paste 100 KB into the answer": "tui/input.go Input.Render scrolls by dropping one rune at a time and " +
		"measuring the whole rest again (ansi.StringWidth in a loop): quadratic, 0.07 s for 1,000 characters, " +
		"0.36 s for 3,000, minutes for 100 KB, on every frame, so the app freezes",
}

// runKnownBugs reports whether MOATQUIZ_E2E_KNOWN_BUGS=run asks for the
// known bugs' checks to run as usual.
func runKnownBugs() bool { return os.Getenv("MOATQUIZ_E2E_KNOWN_BUGS") == "run" }
