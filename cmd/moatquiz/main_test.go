package main

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestUsageErrors: a command line that does not parse exits 2 and says
// what is wrong first, in moatquiz's words, then where the help is.
func TestUsageErrors(t *testing.T) {
	t.Setenv("MOATQUIZ_DATA_DIR", t.TempDir())
	t.Setenv("MOATQUIZ_CONFIG", os.DevNull)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"study", "--deck", "article", "--limit", "-3"},
			"moatquiz: --limit needs a value; to give one that starts with \"-\", write --limit=-3\nRun \"moatquiz study --help\""},
		{[]string{"stats", "--deck"}, "moatquiz: --deck needs a value\nRun \"moatquiz stats --help\""},
		{[]string{"study", "--deck", "article", "--practice", "--ahead"}, "--practice and --ahead can't be used together"},
		{[]string{"frob"}, "moatquiz: unexpected argument frob\nRun \"moatquiz --help\""},
		{[]string{"study"}, "moatquiz: missing flags: --deck=ID"},
	} {
		var stderr bytes.Buffer
		code := run(tc.args, &stderr)
		if code != 2 || !strings.HasPrefix(stderr.String(), "moatquiz: ") || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("moatquiz %s: exit %d, stderr %q; want 2 and %q", strings.Join(tc.args, " "), code, stderr.String(), tc.want)
		}
	}
}

// TestEnumFlagErrors: a value a flag does not allow is a usage error
// (exit 2) naming the flag, the value, shown safely, and the values
// allowed, then where the help is.
func TestEnumFlagErrors(t *testing.T) {
	t.Setenv("MOATQUIZ_DATA_DIR", t.TempDir())
	t.Setenv("MOATQUIZ_CONFIG", os.DevNull)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"study", "--deck", "article", "--cards", "words"},
			"moatquiz: --cards words: unknown value; use all, vocab or facts\nRun \"moatquiz study --help\""},
		{[]string{"study", "--deck", "article", "--kind=typd"},
			"moatquiz: --kind typd: unknown value; use flip, choice, typed or mixed\n"},
		{[]string{"study", "--deck", "article", "--direction", "ko"},
			"moatquiz: --direction ko: unknown value; use ko-en, en-ko or both\n"},
		{[]string{"study", "--deck", "article", "--lang", "fr"}, "moatquiz: --lang fr: unknown value; use ko or en\n"},
		{[]string{"study", "--deck", "article", "--cards="}, `moatquiz: --cards "": unknown value; use all, vocab or facts`},
		{[]string{"cards", "--sort", "new"},
			"moatquiz: --sort new: unknown value; use due, added, lapses or difficulty\nRun \"moatquiz cards --help\""},
		{[]string{"export", "deck", "article", "--format", `tsv "x"`}, `moatquiz: --format "tsv \"x\"": unknown value; use json or csv`},
		{[]string{"add", "--deck", "mine", "--kind", "note"}, "moatquiz: --kind note: unknown value; use vocab, fact or cloze\n"},
		{[]string{"study", "--deck", "article", "--kind", "\x1b]0;pwned\x07typed\u202e"},
			`moatquiz: --kind "\x1b]0;pwned\atyped\u202e": unknown value; use flip, choice, typed or mixed`},
	} {
		var stderr bytes.Buffer
		code := run(tc.args, &stderr)
		if code != 2 || !strings.HasPrefix(stderr.String(), tc.want) || strings.ContainsAny(stderr.String(), "\x1b\x07\u202e") {
			t.Errorf("moatquiz %q: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr.String(), tc.want)
		}
	}
}

// TestHelpArgs: `moatquiz help [COMMAND]` is `moatquiz [COMMAND] --help`.
func TestHelpArgs(t *testing.T) {
	for in, want := range map[string]string{
		"help":             "--help",
		"help study":       "study --help",
		"help export deck": "export deck --help",
		"study --deck x":   "study --deck x",
	} {
		if got := strings.Join(helpArgs(strings.Fields(in)), " "); got != want {
			t.Errorf("helpArgs(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestHostileArguments: an argument holding escape sequences comes back
// in an error (an unknown argument, an item id that does not parse, a
// deck id) written out as escapes, never raw.
func TestHostileArguments(t *testing.T) {
	t.Setenv("MOATQUIZ_DATA_DIR", t.TempDir())
	t.Setenv("MOATQUIZ_CONFIG", os.DevNull)
	payload := "\x1b]0;pwned\x07\x1b[2J\u202e\u009b31m"
	for _, args := range [][]string{
		{payload},
		{"stats", "--unsuspend", payload},
		{"stats", "--unsuspend", "article/" + payload + "/x"},
		{"export", "deck", payload},
		{"study", "--deck", payload},
	} {
		var stderr bytes.Buffer
		code := run(args, &stderr)
		if code == 0 || strings.ContainsAny(stderr.String(), "\x1b\x07\u202e\u009b") || !strings.Contains(stderr.String(), `\x1b`) {
			t.Errorf("moatquiz %q: exit %d, stderr %q: want an error with the payload escaped", args, code, stderr.String())
		}
	}
}

// TestHomeGlobals: with no arguments moatquiz opens the app without its
// parser; the data directory and config file it uses are the ones the
// parser would have set from the environment, whatever it holds.
func TestHomeGlobals(t *testing.T) {
	for _, env := range []map[string]string{
		{},
		{"MOATQUIZ_DATA_DIR": "/srv/mq", "MOATQUIZ_CONFIG": "/etc/mq.toml"},
		{"MOATQUIZ_DATA_DIR": "rel/data", "MOATQUIZ_CONFIG": "~/mq.toml"},
		{"MOATQUIZ_DATA_DIR": "", "MOATQUIZ_CONFIG": "-"},
		{"MOATQUIZ_DATA_DIR": "~/x/../y", "MOATQUIZ_CONFIG": "./c.toml"},
	} {
		for _, name := range []string{"MOATQUIZ_DATA_DIR", "MOATQUIZ_CONFIG"} {
			if v, ok := env[name]; ok {
				t.Setenv(name, v)
			} else {
				t.Setenv(name, "")
				os.Unsetenv(name)
			}
		}
		var c cli
		ctx, err := newParser(&c).Parse(nil)
		if err != nil {
			t.Fatalf("env %v: parse: %v", env, err)
		}
		if got := homeGlobals(); ctx.Command() != "home" || !reflect.DeepEqual(*got, c.Globals) {
			t.Errorf("env %v: no arguments give %+v; the parser gives %+v for command %q", env, *got, c.Globals, ctx.Command())
		}
	}
}
