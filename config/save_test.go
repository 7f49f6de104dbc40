package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSaveWeights checks that saved weights are read back, replace the
// old ones where they stood (over several lines too), and leave the
// other keys and the comments as they were.
func TestSaveWeights(t *testing.T) {
	w := []float64{0.1, 0.9, 1.6, 5.5, 6.8, 0.6, 2.4, 0.01, 1.3, 0.2, 0.9, 1.7, 0.1, 0.35, 1.6, 0.5, 1.6, 0.3, 0.2, 0.1, 0.25}
	for _, c := range []struct{ name, old string }{
		{"missing", ""},
		{"no weights", "# mine\ndesired_retention = 0.85"},
		{"one line", "# mine\nweights = [" + strings.Repeat("0.45, ", 20) + "0.2] # old\ndesired_retention = 0.85\n"},
		{"several lines", "# mine\nweights = [\n  " + strings.Repeat("0.45,\n  ", 20) + "0.2,\n]\ndesired_retention = 0.85\n# end\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "moatquiz", "config.toml")
			if c.old != "" {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, []byte(c.old), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if err := SaveWeights(path, w, "fitted"); err != nil {
				t.Fatal(err)
			}
			cfg, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			for i, x := range w {
				if cfg.Scheduling.Params.W[i] != x {
					t.Fatalf("w%d read back as %v, saved %v", i, cfg.Scheduling.Params.W[i], x)
				}
			}
			data, _ := os.ReadFile(path)
			text := string(data)
			if c.old != "" && (cfg.Scheduling.Params.RequestRetention != 0.85 || !strings.HasPrefix(text, "# mine\n")) {
				t.Errorf("the rest of the file changed:\n%s", text)
			}
			if strings.Count(text, "weights =") != 1 || strings.Contains(text, "0.45") {
				t.Errorf("the old weights are left:\n%s", text)
			}
			if info, _ := os.Stat(path); c.old != "" && info.Mode().Perm() != 0o600 {
				t.Errorf("mode %v, was 0600", info.Mode().Perm())
			}
		})
	}
}
