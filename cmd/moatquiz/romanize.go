package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/moatquiz/moatquiz/hangul"
	"github.com/moatquiz/moatquiz/termtext"
)

// romanizeCmd is `moatquiz romanize [TEXT...]`.
type romanizeCmd struct {
	Text []string `arg:"" optional:"" name:"text" help:"Korean text to romanize, one result per argument (none: each line of standard input)."`
}

// Run prints the Revised Romanization of each argument, or of each line
// of standard input when there is none.
func (c *romanizeCmd) Run(g *Globals) error {
	if len(c.Text) == 0 && term.IsTerminal(os.Stdin.Fd()) {
		return errors.New("give the Korean text to romanize as arguments (moatquiz romanize 해자), or pipe it in a line at a time")
	}
	return runRomanize(c.Text, os.Stdin, os.Stdout)
}

// runRomanize writes one romanization per text, or per line of in when
// texts is empty. Control characters are removed from what it prints.
func runRomanize(texts []string, in io.Reader, out io.Writer) error {
	w := bufio.NewWriter(out)
	if len(texts) > 0 {
		for _, t := range texts {
			fmt.Fprintln(w, romanizeLine(t))
		}
		return w.Flush()
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		fmt.Fprintln(w, romanizeLine(sc.Text()))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read standard input: %w", err)
	}
	return w.Flush()
}

// romanizeLine romanizes one line of text (NFC first, so NFD input from
// macOS gives the same result).
func romanizeLine(s string) string {
	return termtext.Strip(hangul.Romanize(hangul.NFC(s)))
}
