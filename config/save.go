package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// weightsLine is the start of the weights key (not a comment).
var weightsLine = regexp.MustCompile(`^\s*weights\s*=`)

// SaveWeights sets the weights key of the config file at path to w,
// keeping every other line (comments, desired retention, ...) as it is:
// an existing weights value is replaced where it stands, else the key is
// added at the end, after comment. The file is created if missing and
// replaced whole only once the new text parses, so a failure leaves the
// old file.
func SaveWeights(path string, w []float64, comment string) error {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real // a linked config (dotfiles) is changed, not replaced
	}
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return fmt.Errorf("config: %s is not a regular file: the weights can be saved only in a config file", path)
	}
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("config: %w", err)
	}
	text := withWeights(string(old), w, comment)
	if _, err := Parse(path, []byte(text)); err != nil {
		return fmt.Errorf("config %s: the weights would not read back: %w", path, err)
	}
	return writeFile(path, []byte(text))
}

// withWeights is the config text with the weights key set to w.
func withWeights(text string, w []float64, comment string) string {
	nums := make([]string, len(w))
	for i, x := range w {
		nums[i] = strconv.FormatFloat(x, 'f', -1, 64)
	}
	line := "weights = [" + strings.Join(nums, ", ") + "]"
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if !weightsLine.MatchString(l) {
			continue
		}
		end := i
		for end < len(lines)-1 && !strings.Contains(stripComment(lines[end]), "]") {
			end++ // an array written over several lines
		}
		nl := ""
		if strings.HasSuffix(lines[end], "\n") {
			nl = "\n"
		}
		return strings.Join(lines[:i], "") + line + nl + strings.Join(lines[end+1:], "")
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	if text != "" {
		text += "\n"
	}
	return text + "# " + comment + "\n" + line + "\n"
}

// stripComment is a line without its # comment (weights hold no strings).
func stripComment(l string) string {
	if i := strings.IndexByte(l, '#'); i >= 0 {
		return l[:i]
	}
	return l
}

// writeFile replaces path with data through a temporary file beside it,
// keeping the old file's permissions.
func writeFile(path string, data []byte) error {
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	defer os.Remove(f.Name()) // a no-op after the rename
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(mode)
	}
	if e := f.Close(); err == nil {
		err = e
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("config: save %s: %w", path, err)
	}
	return nil
}
