package term

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Term is a program running in a pseudo-terminal, with its screen.
type Term struct {
	cmd *exec.Cmd
	pty *os.File // the master side

	mu     sync.Mutex
	screen *Screen
	readAt time.Time // when the last output was read
	until  func(string) bool
	met    chan time.Time
	done   chan struct{} // closed when the program's output ends
}

// Start runs cmd in a new pseudo-terminal of cols x rows cells, as its
// controlling terminal, and returns the time just before the exec.
func Start(cmd *exec.Cmd, cols, rows int) (*Term, time.Time, error) {
	master, slave, err := open(cols, rows)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer slave.Close()
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	t := &Term{cmd: cmd, pty: master, done: make(chan struct{})}
	t.screen = NewScreen(cols, rows, func(s string) { master.WriteString(s) }) //nolint:errcheck // a reply to a program that left
	start := time.Now()
	if err := cmd.Start(); err != nil {
		master.Close()
		return nil, start, fmt.Errorf("start %s: %w", cmd.Path, err)
	}
	go t.read()
	return t, start, nil
}

// open opens a pseudo-terminal pair of the given size.
func open(cols, rows int) (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("open a pseudo-terminal: %w", err)
	}
	var n int
	err = control(master, func(fd int) error {
		if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
			return err
		}
		n, err = unix.IoctlGetInt(fd, unix.TIOCGPTN)
		return err
	})
	if err == nil {
		slave, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|syscall.O_NOCTTY, 0)
	}
	if err == nil {
		err = unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ,
			&unix.Winsize{Row: uint16(rows), Col: uint16(cols)})
	}
	if err != nil {
		master.Close()
		if slave != nil {
			slave.Close()
		}
		return nil, nil, fmt.Errorf("open a pseudo-terminal: %w", err)
	}
	return master, slave, nil
}

// control runs fn on f's descriptor without making f blocking.
func control(f *os.File, fn func(fd int) error) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	if err := rc.Control(func(fd uintptr) { ferr = fn(int(fd)) }); err != nil {
		return err
	}
	return ferr
}

// read feeds the program's output to the screen until it ends.
func (t *Term) read() {
	defer close(t.done)
	buf := make([]byte, 64<<10)
	for {
		n, err := t.pty.Read(buf)
		at := time.Now()
		if n > 0 {
			t.mu.Lock()
			t.screen.Write(buf[:n]) //nolint:errcheck // never fails
			t.readAt = at
			if t.until != nil && t.until(t.screen.Text()) {
				t.met <- at
				t.until = nil
			}
			t.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// ErrTimeout is returned by WaitFor when the screen does not show what is
// waited for in time.
var ErrTimeout = errors.New("timed out")

// WaitFor waits until the screen's text satisfies ok and returns when the
// output that made it so was read.
func (t *Term) WaitFor(ok func(screen string) bool, timeout time.Duration) (time.Time, error) {
	t.mu.Lock()
	if ok(t.screen.Text()) {
		at := t.readAt
		t.mu.Unlock()
		return at, nil
	}
	met := make(chan time.Time, 1)
	t.until, t.met = ok, met
	t.mu.Unlock()
	select {
	case at := <-met:
		return at, nil
	case <-t.done:
		return time.Time{}, fmt.Errorf("the program ended; its screen:\n%s", t.Text())
	case <-time.After(timeout):
		t.mu.Lock()
		t.until = nil
		t.mu.Unlock()
		return time.Time{}, fmt.Errorf("%w after %v; the screen:\n%s", ErrTimeout, timeout, t.Text())
	}
}

// Contains is a WaitFor condition: the screen shows every one of texts.
func Contains(texts ...string) func(string) bool {
	return func(screen string) bool {
		for _, s := range texts {
			if !strings.Contains(screen, s) {
				return false
			}
		}
		return true
	}
}

// Text is what the screen shows now.
func (t *Term) Text() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.screen.Text()
}

// Send types keys and returns the time just before they were written.
func (t *Term) Send(keys string) (time.Time, error) {
	at := time.Now()
	if _, err := t.pty.WriteString(keys); err != nil {
		return at, fmt.Errorf("send keys: %w", err)
	}
	return at, nil
}

// PeakRSS is the program's peak resident memory so far, in bytes, from
// VmHWM in /proc/PID/status.
func (t *Term) PeakRSS() (int64, error) {
	return PeakRSS(t.cmd.Process.Pid)
}

// PeakRSS is a running process's peak resident memory in bytes (VmHWM).
func PeakRSS(pid int) (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("peak memory: %w", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("peak memory: %q: %w", line, err)
			}
			return kb << 10, nil
		}
	}
	return 0, fmt.Errorf("peak memory: no VmHWM for process %d (it has exited)", pid)
}

// Wait waits for the program to exit, up to timeout, then kills it.
func (t *Term) Wait(timeout time.Duration) error {
	exited := make(chan error, 1)
	go func() { exited <- t.cmd.Wait() }()
	var err error
	select {
	case err = <-exited:
	case <-time.After(timeout):
		t.cmd.Process.Kill() //nolint:errcheck // it may have just exited
		err = fmt.Errorf("%s did not exit within %v; killed it", t.cmd.Path, timeout)
		<-exited
	}
	t.pty.Close()
	<-t.done
	return err
}
