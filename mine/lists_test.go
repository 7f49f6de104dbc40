package mine

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestKnown checks known.txt: added words are read back in NFC, each
// once, and a missing file is an empty list.
func TestKnown(t *testing.T) {
	path := filepath.Join(t.TempDir(), KnownFile)
	if k, err := ReadKnown(path); err != nil || len(k) != 0 {
		t.Fatalf("missing file: %v, %v", k, err)
	}
	if added, err := AddKnown(path, []string{"사과", norm.NFD.String("먹다"), " 사과 "}); err != nil || !slices.Equal(added, []string{"사과", "먹다"}) {
		t.Fatalf("added %q, %v", added, err)
	}
	if added, err := AddKnown(path, []string{"먹다", "가다"}); err != nil || !slices.Equal(added, []string{"가다"}) {
		t.Fatalf("added again %q, %v", added, err)
	}
	k, err := ReadKnown(path)
	if err != nil || len(k) != 3 || !k["먹다"] || !k["가다"] {
		t.Errorf("read %v, %v", k, err)
	}
}

// TestGlossary checks glossary lines, and that a bad one is an error
// naming its line.
func TestGlossary(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "g.tsv")
	os.WriteFile(good, []byte("# word\tmeaning\n해자\tmoat; castle moat\textra\n\n"+norm.NFD.String("유출하다")+"\tto leak\n해자\tditch\n"), 0o644)
	g, err := ReadGlossary(good)
	if err != nil || !slices.Equal(g["해자"], []string{"moat", "castle moat", "ditch"}) || !slices.Equal(g["유출하다"], []string{"to leak"}) {
		t.Errorf("read %q, %v", g, err)
	}
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("해자\tmoat\n추론 inference\n"), 0o644)
	if _, err := ReadGlossary(bad); err == nil || !strings.Contains(err.Error(), "bad.tsv:2: a glossary line is a word, a tab") {
		t.Errorf("bad line: %v", err)
	}
}
