package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"

	"github.com/moatquiz/moatquiz/quiz"
)

func TestMissingFileIsDefaults(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope", "config.toml")
	c, err := Load(path)
	if err != nil {
		t.Fatalf("Load(missing) = %v", err)
	}
	if c.Found || c.Path != path || !reflect.DeepEqual(c.Scheduling, quiz.DefaultScheduling()) {
		t.Errorf("Load(missing) = %+v, want the defaults", c)
	}
}

func TestDefaults(t *testing.T) {
	c, err := Parse("config.toml", []byte("# nothing set\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := c.Scheduling
	p := s.Params
	if p.RequestRetention != 0.9 || !reflect.DeepEqual(p.LearningSteps, []float64{1, 10}) ||
		!reflect.DeepEqual(p.RelearningSteps, []float64{10}) || p.MaximumInterval != 36500 ||
		!p.EnableFuzz || p.W != fsrs.DefaultWeights() ||
		s.NewPerDay != 20 || s.ReviewsPerDay != 200 || s.RolloverHour != 4 || s.AnswerTimeCap != time.Minute || !s.BurySiblings {
		t.Errorf("defaults = %+v", s)
	}
}

func TestValues(t *testing.T) {
	doc := `
desired_retention = 0.85
learning_steps = ["30s", "15m", "1h30m"]
relearning_steps = ["1d"]
maximum_interval = 365
fuzz = false
new_per_day = 0
reviews_per_day = 1000
rollover_hour = 0
answer_time_cap = "2m30s"
bury_siblings = false
`
	c, err := Parse("config.toml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	s := c.Scheduling
	p := s.Params
	if p.RequestRetention != 0.85 || !reflect.DeepEqual(p.LearningSteps, []float64{0.5, 15, 90}) ||
		!reflect.DeepEqual(p.RelearningSteps, []float64{1440}) || p.MaximumInterval != 365 ||
		p.EnableFuzz || s.NewPerDay != 0 || s.ReviewsPerDay != 1000 || s.RolloverHour != 0 ||
		s.AnswerTimeCap != 150*time.Second || s.BurySiblings {
		t.Errorf("Parse = %+v", s)
	}
}

func TestWeights(t *testing.T) {
	w := fsrs.DefaultWeights()
	w[20] = 0.2
	var b strings.Builder
	b.WriteString("weights = [")
	for i, v := range w {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	}
	b.WriteString("]\n")
	c, err := Parse("config.toml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	p := fsrs.DefaultParam()
	p.W = w
	want := fsrs.NewFSRS(p).Decay
	if c.Scheduling.Params.W[20] != 0.2 || c.Scheduling.Params.Decay != want {
		t.Errorf("W[20] %v, decay %v; want 0.2, %v", c.Scheduling.Params.W[20], c.Scheduling.Params.Decay, want)
	}
}

func TestInvalid(t *testing.T) {
	tests := []struct {
		name, doc string
		line      int
		key, want string // in the message
	}{
		{"retention too high", "desired_retention = 1.5", 1, "desired_retention", "from 0.7 to 0.99"},
		{"retention too low", "\n\ndesired_retention = 0.5", 3, "desired_retention", "from 0.7 to 0.99"},
		{"retention nan", "desired_retention = nan", 1, "desired_retention", "from 0.7 to 0.99"},
		{"retention a string", `desired_retention = "0.9"`, 1, "desired_retention", "a number from 0.7"},
		{"steps not strings", "learning_steps = [1, 10]", 1, "learning_steps", `like ["1m", "10m"]`},
		{"steps not a list", `learning_steps = "1m"`, 1, "learning_steps", `like ["1m", "10m"]`},
		{"step unparsable", `learning_steps = ["1m", "ten minutes"]`, 1, "learning_steps", `"ten minutes"`},
		{"step zero", `learning_steps = ["0s"]`, 1, "learning_steps", "from 1s to 30d"},
		{"step negative", `relearning_steps = ["-10m"]`, 1, "relearning_steps", "from 1s to 30d"},
		{"step too long", `relearning_steps = ["31d"]`, 1, "relearning_steps", "from 1s to 30d"},
		{"step days not a number", `relearning_steps = ["1e3d"]`, 1, "relearning_steps", "from 1s to 30d"},
		{"interval zero", "maximum_interval = 0", 1, "maximum_interval", "from 1 to 36500"},
		{"interval too long", "maximum_interval = 36501", 1, "maximum_interval", "from 1 to 36500"},
		{"interval fractional", "maximum_interval = 1.5", 1, "maximum_interval", "a whole number of days"},
		{"interval huge", "maximum_interval = 99999999999999999999", 1, "maximum_interval", "from 1 to 36500"},
		{"fuzz not a bool", "fuzz = 1", 1, "fuzz", "true or false"},
		{"bury_siblings not a bool", "bury_siblings = \"yes\"", 1, "bury_siblings", "true or false"},
		{"new negative", "new_per_day = -1", 1, "new_per_day", "0 or more"},
		{"reviews negative", "reviews_per_day = -5", 1, "reviews_per_day", "0 or more"},
		{"rollover 24", "rollover_hour = 24", 1, "rollover_hour", "from 0 to 23"},
		{"rollover negative", "rollover_hour = -1", 1, "rollover_hour", "from 0 to 23"},
		{"answer cap a number", "answer_time_cap = 60", 1, "answer_time_cap", `like "60s"`},
		{"answer cap zero", `answer_time_cap = "0s"`, 1, "answer_time_cap", "from 1s to 2h"},
		{"answer cap too long", `answer_time_cap = "3h"`, 1, "answer_time_cap", "from 1s to 2h"},
		{"answer cap in days", `answer_time_cap = "1d"`, 1, "answer_time_cap", `"1d" is not allowed`},
		{"weights too few", "weights = [1.0, 2.0]", 1, "weights", "21 FSRS-6 weights"},
		{"weights not finite", "weights = [" + strings.Repeat("1.0, ", 20) + "inf]", 1, "weights", "21 FSRS-6 weights"},
		{"weights zero decay", "weights = [" + strings.Repeat("1.0, ", 20) + "0.0]", 1, "weights", "W[20]"},
		{"unknown key", "fuzz = true\ncolour = \"red\"", 2, "colour", "unknown key"},
		{"unknown table", "[fsrs]\nfuzz = true", 1, "fsrs", "unknown key"},
		{"duplicate key", "fuzz = true\nfuzz = false", 2, "fuzz", "already defined"},
		{"syntax", "fuzz = ", 1, "", "expected value"},
		{"control characters in a key", `"a\u001b[2Jb" = 1`, 1, `"a\x1b[2Jb"`, "unknown key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("/home/me/config.toml", []byte(tt.doc))
			var l ErrorList
			if !errors.As(err, &l) || len(l) == 0 {
				t.Fatalf("Parse(%q) = %v, want an ErrorList", tt.doc, err)
			}
			msg := err.Error()
			prefix := "/home/me/config.toml:" + strconv.Itoa(tt.line) + ":"
			if !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, tt.key) || !strings.Contains(msg, tt.want) {
				t.Errorf("error %q; want %q, key %q and %q", msg, prefix, tt.key, tt.want)
			}
			if strings.ContainsRune(msg, '\x1b') {
				t.Errorf("error %q holds an escape character", msg)
			}
		})
	}
}

func TestAllErrorsInFileOrder(t *testing.T) {
	doc := "rollover_hour = 30\nfuzz = true\ndesired_retention = 2.0\n"
	_, err := Parse("c.toml", []byte(doc))
	var l ErrorList
	if !errors.As(err, &l) || len(l) != 2 || l[0].Line != 1 || l[1].Line != 3 ||
		l[0].Key != "rollover_hour" || l[1].Key != "desired_retention" {
		t.Fatalf("Parse = %v; want rollover_hour on line 1, then desired_retention on line 3", err)
	}
}

func TestLoadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte("new_per_day = 7\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err != nil || !c.Found || c.Scheduling.NewPerDay != 7 {
		t.Errorf("Load = %+v, %v; want new_per_day 7", c, err)
	}
	if err := os.WriteFile(path, []byte("new_per_day = -7\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err == nil || !strings.HasPrefix(err.Error(), path+":1:") {
		t.Errorf("Load(bad) = %v, want an error at %s:1", err, path)
	}
}

func TestDocumentedExampleParses(t *testing.T) {
	doc, err := os.ReadFile("../docs/config.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```toml\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("docs/config.md has no ```toml example")
	}
	c, err := Parse("docs/config.md", []byte(example))
	if err != nil {
		t.Fatalf("the documented example: %v", err)
	}
	if !reflect.DeepEqual(c.Scheduling, quiz.DefaultScheduling()) {
		t.Errorf("the documented example (the defaults) gives %+v", c.Scheduling)
	}
	for _, k := range keys {
		if !strings.Contains(example, k.name+" =") && !strings.Contains(example, "# "+k.name+" =") {
			t.Errorf("the documented example does not show %s", k.name)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("desired_retention = 0.9\nlearning_steps = [\"1m\", \"10m\"]\n"))
	f.Add([]byte("weights = [0.2, 1.2, 3.0]\nfuzz = true\nrollover_hour = 4\n"))
	f.Add([]byte("[x]\ny = 1\n\"k\" = 2\na.b = 3\n"))
	f.Add([]byte("relearning_steps = [\"1d\", \"1.5d\"]\nmaximum_interval = 365\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("fuzz.toml", data)
		if err != nil {
			return
		}
		if err := c.Scheduling.Validate(); err != nil {
			t.Fatalf("Parse accepted %q giving invalid scheduling: %v", data, err)
		}
	})
}

// TestByteOrderMark: a file saved with a UTF-8 byte order mark (as some
// Windows editors do) reads like the same file without it, and an error
// in it still points at its line.
func TestByteOrderMark(t *testing.T) {
	c, err := Parse("config.toml", []byte("\ufeffdesired_retention = 0.8\nnew_per_day = 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Scheduling.Params.RequestRetention != 0.8 || c.Scheduling.NewPerDay != 5 {
		t.Errorf("Parse = %+v", c.Scheduling)
	}
	_, err = Parse("config.toml", []byte("\ufeffnew_per_day = 5\ndesired_retention = 1.5\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "config.toml:2: desired_retention") {
		t.Errorf("error %v, want one at config.toml:2", err)
	}
}

// TestSyncDir: sync_dir takes a full path or one under ~/, and refuses a
// relative one with the line and what to write.
func TestSyncDir(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home folder")
	}
	c, err := Parse("config.toml", []byte(`sync_dir = "~/Sync/moatquiz"`))
	if err != nil || c.SyncDir != filepath.Join(home, "Sync", "moatquiz") {
		t.Errorf("sync_dir under ~ = %q, %v", c.SyncDir, err)
	}
	if c, err := Parse("config.toml", []byte("fuzz = true")); err != nil || c.SyncDir != "" {
		t.Errorf("no sync_dir = %q, %v", c.SyncDir, err)
	}
	_, err = Parse("config.toml", []byte("fuzz = true\nsync_dir = \"Sync\""))
	if err == nil || !strings.Contains(err.Error(), "config.toml:2: sync_dir") || !strings.Contains(err.Error(), "full path") {
		t.Errorf("a relative sync_dir: %v", err)
	}
}
