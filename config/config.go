// Package config reads moatquiz's config.toml: the scheduling settings
// (desired retention, learning steps, daily limits, ...). A missing file
// means the defaults; an unknown key or a value out of range is an error
// that names the file, the line, the key and what is allowed.
//
// docs/config.md describes every key.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/open-spaced-repetition/go-fsrs/v4"
	"github.com/pelletier/go-toml/v2"

	"github.com/moatquiz/moatquiz/quiz"
)

// maxSize is the largest config file read: a real one is a few hundred
// bytes.
const maxSize = 1 << 20

// Config is moatquiz's configuration.
type Config struct {
	Path       string          // the file read ("" for the built-in defaults)
	Found      bool            // whether the file existed; false: all defaults
	Scheduling quiz.Scheduling // FSRS parameters and daily limits
	SyncDir    string          // the folder the app syncs with on start and quit; "" for none (docs/sync.md)
}

// Default is the configuration with no file: quiz.DefaultScheduling().
func Default() Config { return Config{Scheduling: quiz.DefaultScheduling()} }

// Load reads the config file at path. A missing file gives the defaults
// (Found false); a bad one gives an ErrorList naming every problem. The
// file is opened without waiting, so that a named pipe nobody writes to
// reads as empty instead of hanging the app at start, while a pipe that
// is written to (--config <(...)) still reads whole.
func Load(path string) (Config, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if errors.Is(err, fs.ErrNotExist) {
		c := Default()
		c.Path = path
		return c, nil
	}
	if err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	if len(data) > maxSize {
		return Config{}, ErrorList{{Path: path, Msg: fmt.Sprintf("the file is larger than %d bytes", maxSize)}}
	}
	c, err := Parse(path, data)
	c.Found = true
	return c, err
}

// Parse reads a config file's contents; path is used in messages. A
// leading UTF-8 byte order mark (some Windows editors write one) is
// skipped.
func Parse(path string, data []byte) (Config, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var f file
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Config{}, decodeErrors(path, err)
	}
	lines := keyLines(data)
	c := Default()
	c.Path = path
	var errs ErrorList
	for _, k := range keys {
		if msg := k.apply(&f, &c.Scheduling, k.want); msg != "" {
			errs = append(errs, &Error{Path: path, Line: lines[k.name], Key: k.name, Msg: msg})
		}
	}
	if f.SyncDir != nil {
		c.SyncDir = expandHome(*f.SyncDir)
	}
	if len(errs) > 0 {
		sortByLine(errs)
		return Config{}, errs
	}
	if err := c.Scheduling.Validate(); err != nil { // our ranges should make this unreachable
		return Config{}, ErrorList{{Path: path, Msg: err.Error()}}
	}
	return c, nil
}

// file is config.toml as decoded; nil fields were not set.
type file struct {
	DesiredRetention *float64   `toml:"desired_retention"`
	LearningSteps    *[]string  `toml:"learning_steps"`
	RelearningSteps  *[]string  `toml:"relearning_steps"`
	MaximumInterval  *int64     `toml:"maximum_interval"`
	Fuzz             *bool      `toml:"fuzz"`
	NewPerDay        *int64     `toml:"new_per_day"`
	ReviewsPerDay    *int64     `toml:"reviews_per_day"`
	RolloverHour     *int64     `toml:"rollover_hour"`
	AnswerTimeCap    *string    `toml:"answer_time_cap"`
	BurySiblings     *bool      `toml:"bury_siblings"`
	Weights          *[]float64 `toml:"weights"`
	SyncDir          *string    `toml:"sync_dir"`
}

// withFSRS returns p with Decay and Factor derived from its weights, as
// go-fsrs's scheduler uses them.
func withFSRS(p fsrs.Parameters) fsrs.Parameters { return fsrs.NewFSRS(p).Parameters }
