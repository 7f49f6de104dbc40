package interop

import (
	"reflect"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/deckfile"
)

func TestHTMLToText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"<b>bold</b> &amp; <i>it</i>", "bold & it"},
		{"line<br>break<br/>again<BR />end", "line / break / again / end"},
		{"<div>one</div><div>two</div>", "one / two"},
		{"a&nbsp;&nbsp;b&#39;s &lt;tag&gt; &#x1F600;", "a b's <tag> 😀"},
		{"[sound:word.mp3] hello", "(sound: word.mp3) hello"},
		{`<img src="cat.jpg"> <IMG alt='x' SRC='dog.png'>`, "(image: cat.jpg) (image: dog.png)"},
		{"x<script>alert(1)</script>y<style>p{}</style>z", "xyz"},
		{"a<!-- hidden -->b", "ab"},
		{"1 < 2 and 3 > 2", "1 < 2 and 3 > 2"},
		{"<span title=\"a>b\">t</span>", "t"},
		{"unclosed <b", "unclosed"},
		{"<script>never closed", ""},
	} {
		if got := oneLine(htmlToText(tc.in)); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  trailing  and  doubled  ", "trailing and doubled"},
		{"\u1112\u1161\u11ab\u1100\u1173\u11af", "한글"}, // NFD → NFC
		{"a\r\n\r\n\r\n\r\nb\rc", "a\n\nb\nc"},
		{"\n\n top\t\u00a0tab \n\n", "top tab"},
		{"bell\x07 esc\x1b[31m red", "bell esc red"},
	} {
		if got := cleanText(tc.in); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitMeanings(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"moat", []string{"moat"}},
		{"to pour, to swell", []string{"to pour", "to swell"}},
		{"to be, in fact; really", []string{"to be, in fact", "really"}},
		{"(1) Shed, throw light on (2) to reflect", []string{"Shed", "throw light on", "to reflect"}},
		{"1) first 2) second", []string{"first", "second"}},
		{"① one ② two", []string{"one", "two"}},
		{"bite (an insect, animal), sting", []string{"bite (an insect, animal)", "sting"}},
		{"1,000 won, a note", []string{"1,000 won", "a note"}},
		{"Moat, moat, MOAT", []string{"Moat"}},
		{" ; , ", nil},
	} {
		if got := splitMeanings(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPartOfSpeech(t *testing.T) {
	for _, tc := range []struct{ given, word, meaning, want string }{
		{"", "해자", "moat", "noun"},
		{"", "붓다", "to pour", "verb"},
		{"", "쓸다", "sweep", "verb"},
		{"", "예쁘다", "pretty", "adjective"},
		{"", "꼼꼼하다", "very careful", "adjective"},
		{"", "크다", "to be big", "adjective"},
		{"", "빨리", "quickly", "adverb"},
		{"", "기름을 붓다", "to add fuel to the fire", "expression"},
		{"n.", "붓다", "x", "noun"},
		{"동사", "해자", "x", "verb"},
		{"Adj", "해자", "x", "adjective"},
		{"whatever", "해자", "moat", "noun"},
	} {
		if got := partOfSpeech(tc.given, tc.word, []string{tc.meaning}); got != tc.want {
			t.Errorf("%q %q %q: got %q, want %q", tc.given, tc.word, tc.meaning, got, tc.want)
		}
	}
}

func TestLangOf(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  string
	}{
		{[]string{"해자", "moat"}, "ko"},
		{[]string{"apple", "苹果"}, "zh"},
		{[]string{"猫", "ねこ"}, "ja"},
		{[]string{"perro", "dog"}, "und"},
		{nil, "und"},
	} {
		if got := langOf(tc.texts); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.texts, got, tc.want)
		}
	}
}

func TestIDs(t *testing.T) {
	for _, tc := range []struct{ guid, want string }{
		{"already-an-id", "already-an-id"},
		{"cU1%zNUzk1", "g-635531257a4e557a6b31"},
		{"ABC", "g-414243"},
	} {
		if got := idFromGUID(tc.guid); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.guid, got, tc.want)
		}
	}
	long1, long2 := idFromGUID(strings.Repeat("Z", 40)), idFromGUID(strings.Repeat("Z", 39)+"Y")
	if !deckfile.ValidID(long1) || !deckfile.ValidID(long2) || long1 == long2 || long1 != idFromGUID(strings.Repeat("Z", 40)) {
		t.Errorf("long guids: %q and %q: want two different valid ids, the same each time", long1, long2)
	}
	for _, tc := range []struct{ name, want string }{
		{"/x/ezcorean_6000_ko_en_level.tsv", "ezcorean_6000_ko_en_level"},
		{"My Deck (1).apkg", "my-deck-1"},
		{"한국어.csv", "imported"},
		{"__.csv", "imported"},
		{strings.Repeat("a", 100) + ".csv", strings.Repeat("a", 64)},
	} {
		if got := DeckIDFromName(tc.name); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
