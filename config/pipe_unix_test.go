//go:build unix

package config

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLoadPipe: a named pipe as the config file does not hang Load
// (nobody writing reads as an empty file), and one that is written to is
// read whole, as with --config <(echo ...).
func TestLoadPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		c, err := Load(path)
		if err == nil && c.Scheduling.NewPerDay != Default().Scheduling.NewPerDay {
			err = fmt.Errorf("an empty pipe gave new_per_day %d", c.Scheduling.NewPerDay)
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Load(a pipe nobody writes) = %v, want the defaults", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load hangs on a named pipe nobody writes to")
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := w.WriteString("new_per_day = 7\n"); err != nil {
		t.Fatal(err)
	}
	w.Close()
	fd := fmt.Sprintf("/dev/fd/%d", r.Fd())
	if _, err := os.Stat(fd); err != nil {
		t.Skipf("no /dev/fd here: %v", err)
	}
	if c, err := Load(fd); err != nil || c.Scheduling.NewPerDay != 7 {
		t.Errorf("Load(%s, a pipe written to) = new_per_day %d, %v; want 7", fd, c.Scheduling.NewPerDay, err)
	}
}
