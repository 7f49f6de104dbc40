// Command wordlists writes the word lists that answer checking uses to
// tell a slip from another word (quiz/words.go): ko.txt.gz, the Korean
// words of mecab-ko-dic (the dictionary of the MeCab morphological
// analyser, as packaged by github.com/ikawaha/kagome-dict-ko), and
// en.txt.gz, the English words spelled alike in Debian's wamerican and
// wbritish lists (SCOWL, installed as /usr/share/dict/american-english
// and british-english). Loading mecab-ko-dic takes a few seconds and
// about 300 MB, so only this generator reads it:
//
//	apt-get install wamerican wbritish
//	cd tools/wordlists && go run . -dir ../../quiz/wordlists
//
// Each list is sorted, one word a line, front-coded (a line starts with
// the digit k: the word shares its first k characters, at most 9, with
// the word before) and gzipped.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	ko "github.com/ikawaha/kagome-dict-ko"
)

// koreanClasses are the parts of speech listed: nouns, bound nouns,
// pronouns, numerals, adverbs, determiners, interjections, verbs and
// adjectives (in their dictionary form, 가다). Proper nouns are left out:
// mecab-ko-dic has hundreds of thousands of names.
var koreanClasses = []string{"NNG", "NNB", "NP", "NR", "MAG", "MAJ", "MM", "IC", "VV", "VA"}

// The feature columns of a kagome-dict-ko entry read here.
const (
	colMeaning = 0
	colReading = 2
	colType    = 3 // "Inflect" for an inflected form (업 of 없다), not a word
)

// misspellings are entries of mecab-ko-dic that are common misspellings,
// listed so that text with them still parses: a learner typing one made
// a slip, not another word.
var misspellings = []string{"웬지", "돼다"}

func main() {
	dir := flag.String("dir", "../../quiz/wordlists", "where to write the lists")
	american := flag.String("american", "/usr/share/dict/american-english", "the wamerican list")
	british := flag.String("british", "/usr/share/dict/british-english", "the wbritish list")
	flag.Parse()
	write(filepath.Join(*dir, "ko.txt.gz"), koreanWords())
	both := lowerWords(*american)
	british2 := lowerWords(*british)
	write(filepath.Join(*dir, "en.txt.gz"), slices.DeleteFunc(both, func(w string) bool {
		_, ok := slices.BinarySearch(british2, w)
		return !ok
	}))
}

// koreanWords returns the words of koreanClasses in mecab-ko-dic, sorted,
// without person names.
func koreanWords() []string {
	d := ko.Dict()
	set := map[string]bool{}
	for i, c := range d.Contents {
		if len(c) <= colType || c[colMeaning] == "인명" || c[colType] == "Inflect" {
			continue
		}
		pos := d.POSTable.NameList[d.POSTable.POSs[i][0]]
		if !slices.Contains(koreanClasses, pos) {
			continue
		}
		w := c[colReading]
		if pos == "VV" || pos == "VA" {
			w += "다"
		}
		set[w] = !slices.Contains(misspellings, w)
	}
	words := make([]string, 0, len(set))
	for w, ok := range set {
		if ok {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return words
}

// lowerWords returns the words of a list, one a line, that are all
// lower-case ASCII letters (no names, no possessives), sorted.
func lowerWords(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatalf("%v (install the wamerican and wbritish packages)", err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := sc.Text(); w != "" && strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") == "" {
			words = append(words, w)
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	slices.Sort(words)
	return slices.Compact(words)
}

// write writes sorted words front-coded and gzipped.
func write(path string, words []string) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(zw)
	var prev []rune
	for _, word := range words {
		rs := []rune(word)
		k := 0
		for k < min(len(prev), len(rs), 9) && prev[k] == rs[k] {
			k++
		}
		fmt.Fprintf(w, "%d%s\n", k, string(rs[k:]))
		prev = rs
	}
	for _, err := range []error{w.Flush(), zw.Close(), f.Close()} {
		if err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("%s: %d words\n", path, len(words))
}
