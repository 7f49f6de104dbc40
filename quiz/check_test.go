package quiz

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/moatquiz/moatquiz/hangul"
	"github.com/open-spaced-repetition/go-fsrs/v4"
	"golang.org/x/text/unicode/norm"
)

// slow is an answer time that never suggests Easy.
const slow = time.Minute

var checkTests = []struct {
	name     string
	typed    string
	accepted []string
	verdict  Verdict
	expected string
	note     string
}{
	// Korean: exact.
	{"exact", "해자", []string{"해자"}, Right, "해자", ""},
	{"surrounding spaces", "  해자 ", []string{"해자"}, Right, "해자", ""},
	{"punctuation ignored", "'해자'.", []string{"해자"}, Right, "해자", ""},
	{"Latin case ignored", "오픈ai", []string{"오픈AI"}, Right, "오픈AI", ""},
	{"double space", "결정적인  기술력", []string{"결정적인 기술력"}, Right, "결정적인 기술력", ""},
	{"control characters dropped", "해\u200b자\x1b", []string{"해자"}, Right, "해자", ""},
	{"any alternative", "기술력", []string{"결정적인 기술력", "기술력"}, Right, "기술력", ""},
	// Korean: spacing only.
	{"space added", "해 자", []string{"해자"}, Almost, "해자", "spacing only"},
	{"space left out", "오픈소스전략", []string{"오픈소스 전략"}, Almost, "오픈소스 전략", "spacing only"},
	// Korean: one jamo off.
	{"one vowel off", "해쟈", []string{"해자"}, Almost, "해자", "one letter off: ㅑ should be ㅏ"},
	{"ㅔ for ㅐ", "헤자", []string{"해자"}, Almost, "해자", "one letter off: ㅔ should be ㅐ"},
	{"final left out", "인공지느", []string{"인공지능"}, Almost, "인공지능", "one letter off: missing ㅇ"},
	{"extra jamo", "해잔", []string{"해자"}, Almost, "해자", "one letter off: extra ㄴ"},
	{"swapped jamo", "학눅", []string{"한국"}, Almost, "한국", "one letter off: ㄱㄴ should be ㄴㄱ"},
	{"closest alternative", "기술럭", []string{"결정적인 기술력", "기술력"}, Almost, "기술력", "one letter off: ㅓ should be ㅕ"},
	{"one-syllable answer", "닥", []string{"닭"}, Wrong, "닭", ""},
	{"two jamo off", "헤저", []string{"해자"}, Wrong, "해자", ""},
	{"spacing and a jamo", "해 저", []string{"해자"}, Wrong, "해자", ""},
	// Korean: particles.
	{"extra particle", "해자가", []string{"해자"}, Almost, "해자", "extra particle 가"},
	{"extra particle with space", "해자 는", []string{"해자"}, Almost, "해자", "extra particle 는"},
	{"extra double particle", "훈련에서는", []string{"훈련"}, Almost, "훈련", "extra particle 에서는"},
	{"extra particle on one syllable", "책을", []string{"책"}, Almost, "책", "extra particle 을"},
	{"missing particle", "오픈소스", []string{"오픈소스를"}, Almost, "오픈소스를", "missing particle 를"},
	{"alternative particle", "구글가", []string{"구글이"}, Almost, "구글이", "particle 가 instead of 이"},
	{"topic for subject", "해자는", []string{"해자가"}, Almost, "해자가", "particle 는 instead of 가"},
	{"으로 for 로", "오픈소스으로", []string{"오픈소스로"}, Almost, "오픈소스로", "particle 으로 instead of 로"},
	{"stem too short", "오", []string{"오이"}, Wrong, "오이", ""},
	{"not a particle", "추론하기", []string{"추론"}, Wrong, "추론", ""},
	// Korean: jamo typed one by one are joined into syllables.
	{"unjoined jamo", "ㅎㅐㅈㅏ", []string{"해자"}, Right, "해자", ""},
	{"half-joined jamo", "해ㅈㅏ", []string{"해자"}, Right, "해자", ""},
	{"jamo of a double final", "ㄱㅅ", []string{"ㄳ"}, Right, "ㄳ", ""},
	{"unjoined jamo, one off", "ㅎㅐㅈㅑ", []string{"해자"}, Almost, "해자", "one letter off: ㅑ should be ㅏ"},
	// Korean: what looks like a particle but ends a noun of its own.
	{"noun ending in 이", "고양", []string{"고양이"}, Wrong, "고양이", ""},
	{"noun ending in 가", "물가", []string{"물"}, Wrong, "물", ""},
	{"noun ending in 도", "경기도", []string{"경기"}, Wrong, "경기", ""},
	{"one-syllable noun and 도", "강도", []string{"강"}, Wrong, "강", ""},
	{"particle after a noun ending in 이", "고양이가", []string{"고양이"}, Almost, "고양이", "extra particle 가"},
	{"particle swapped after a noun ending in 이", "고양이는", []string{"고양이가"}, Almost, "고양이가", "particle 는 instead of 가"},
	{"adverb ending in 로", "정말", []string{"정말로"}, Wrong, "정말로", ""},
	{"verb ending in 보다", "맛보다", []string{"맛"}, Wrong, "맛", ""},
	// A slip that makes another word is wrong (usability B3); the word
	// lists are mecab-ko-dic's and wamerican ∩ wbritish.
	{"another word a jamo off", "장점", []string{"강점"}, Wrong, "강점", "장점 is another word"},
	{"another word a vowel off", "해지", []string{"해자"}, Wrong, "해자", "해지 is another word"},
	{"another word: seabed for moat", "해저", []string{"해자"}, Wrong, "해자", "해저 is another word"},
	{"a jamo slip that makes no word", "강졈", []string{"강점"}, Almost, "강점", "one letter off: ㅕ should be ㅓ"},
	{"another verb a jamo off", "사다", []string{"가다"}, Wrong, "가다", "사다 is another word"},
	{"another word before the same particle", "장점이", []string{"강점이"}, Wrong, "강점이", "장점 is another word"},
	{"another word in a phrase", "결정적인 기술럭", []string{"결정적인 기술력"}, Almost, "결정적인 기술력", "one letter off: ㅓ should be ㅕ"},
	{"a particle cut off a phrase", "해자", []string{"해자를"}, Almost, "해자를", "missing particle 를"},
	{"the other spelling of a word", "웬지", []string{"왠지"}, Almost, "왠지", "one letter off: ㅞ should be ㅙ"},
	{"another English word", "house", []string{"horse"}, Wrong, "horse", "house is another word"},
	{"another English word in a phrase", "the house race", []string{"horse race"}, Wrong, "horse race", "house is another word"},
	{"an English typo", "strenght", []string{"strength"}, Almost, "strength", "typo: strenght → strength"},
	{"a plural is the same word", "horses", []string{"horse"}, Almost, "horse", "singular or plural: horses → horse"},
	{"noun in a phrase", "거대한 물가", []string{"거대한 물"}, Wrong, "거대한 물", ""},
	{"particle after a phrase", "거대한 질량과", []string{"거대한 질량"}, Almost, "거대한 질량", "extra particle 과"},
	{"other form of a particle", "책를", []string{"책을"}, Almost, "책을", "particle 를 instead of 을"},
	{"other particle on one syllable", "책도", []string{"책을"}, Wrong, "책을", ""},
	// Korean: a compound vowel is one letter.
	{"ㅞ for ㅙ", "웬지", []string{"왠지"}, Almost, "왠지", "one letter off: ㅞ should be ㅙ"},
	{"ㅞ for ㅚ", "웨국", []string{"외국"}, Almost, "외국", "one letter off: ㅞ should be ㅚ"},
	{"ㅙ for ㅚ", "돼다", []string{"되다"}, Almost, "되다", "one letter off: ㅙ should be ㅚ"},
	// Korean: a part in parentheses is another accepted form.
	{"form before parentheses", "베이징", []string{"베이징(북경)"}, Right, "베이징(북경)", ""},
	{"form in parentheses", "북경", []string{"베이징(북경)"}, Right, "베이징(북경)", ""},
	{"both forms", "베이징(북경)", []string{"베이징(북경)"}, Right, "베이징(북경)", ""},
	{"form in parentheses, one off", "동겅", []string{"도쿄(동경)"}, Almost, "도쿄(동경)", "one letter off: ㅓ should be ㅕ"},
	{"Hanja in parentheses", "資本力", []string{"자본력(資本力)"}, Wrong, "자본력(資本力)", ""},
	// Korean: wrong.
	{"different word", "추론", []string{"훈련"}, Wrong, "훈련", ""},
	{"closest when wrong", "인공지", []string{"오픈소스", "인공지능"}, Wrong, "인공지능", ""},
	{"romanization typed", "haeja", []string{"해자"}, Wrong, "해자", ""},
	{"Korean layout off", "gowk", []string{"해자"}, Wrong, "해자", "Korean layout off? gowk types 해자"},
	{"English layout off", "ㅡㅐㅁㅅ", []string{"moat"}, Wrong, "moat", "English layout off? ㅡㅐㅁㅅ types moat"},
	{"empty", "", []string{"해자"}, Wrong, "해자", "no answer"},
	{"only spaces and controls", " \t\x07 ", []string{"해자"}, Wrong, "해자", "no answer"},
	{"nothing accepted", "해자", nil, Wrong, "", "no answer to compare with"},
	{"blank accepted", "해자", []string{" ", ""}, Wrong, "", "no answer to compare with"},
	// English.
	{"case", "Moat", []string{"moat"}, Right, "moat", ""},
	{"article typed", "a moat", []string{"moat"}, Right, "moat", ""},
	{"article expected", "moat", []string{"the moat"}, Right, "the moat", ""},
	{"punctuation", "MOAT!!", []string{"moat"}, Right, "moat", ""},
	{"hyphen", "open source", []string{"open-source"}, Right, "open-source", ""},
	{"apostrophe", "dont know", []string{"don't know"}, Right, "don't know", ""},
	{"any meaning", "moat", []string{"castle wall", "moat"}, Right, "moat", ""},
	{"parenthesised part optional", "moat", []string{"moat (castle ditch)"}, Right, "moat (castle ditch)", ""},
	{"parenthesised part typed", "moat castle ditch", []string{"moat (castle ditch)"}, Right, "moat (castle ditch)", ""},
	{"answer of articles", "a", []string{"a"}, Right, "a", ""},
	{"wrong article for an article", "the", []string{"a"}, Wrong, "a", ""},
	{"typo in a long word", "infrence", []string{"inference"}, Almost, "inference", "typo: infrence → inference"},
	{"swap in a long word", "infernece", []string{"inference"}, Almost, "inference", "typo: infernece → inference"},
	{"typo in a short word beside a long one", "technolgical edeg", []string{"a decisive technological edge"}, Wrong, "a decisive technological edge", ""},
	{"typos in two long words", "decisve technolgical edge", []string{"a decisive technological edge"}, Almost, "a decisive technological edge", "typo: decisve → decisive, technolgical → technological"},
	{"no typo in a short word", "mote", []string{"moat"}, Wrong, "moat", ""},
	{"no swap in a short word", "maot", []string{"moat"}, Wrong, "moat", ""},
	{"two typos in one word", "infrenc", []string{"inference"}, Wrong, "inference", ""},
	{"English spacing", "opensource", []string{"open source"}, Almost, "open source", "spacing only"},
	{"Korean for English", "해자", []string{"moat"}, Wrong, "moat", ""},
	{"no leading to", "advance", []string{"To advance"}, Right, "To advance", ""},
	{"no leading to, lower case", "pour", []string{"to pour"}, Right, "to pour", ""},
	{"no leading be", "splendid", []string{"Be splendid"}, Right, "Be splendid", ""},
	{"leading to typed", "to pour", []string{"pour"}, Right, "pour", ""},
	{"to alone", "to", []string{"to"}, Right, "to", ""},
	{"plural for singular", "houses", []string{"house"}, Almost, "house", "singular or plural: houses → house"},
	{"singular for plural", "box", []string{"boxes"}, Almost, "boxes", "singular or plural: box → boxes"},
	{"-ies plural", "cities", []string{"a city"}, Almost, "a city", "singular or plural: cities → city"},
	{"plural in a phrase", "to pour drinks", []string{"to pour a drink"}, Almost, "to pour a drink", "singular or plural: drinks → drink"},
	{"irregular plural", "mice", []string{"mouse"}, Wrong, "mouse", ""},
}

func TestCheckAnswer(t *testing.T) {
	for _, tt := range checkTests {
		for _, form := range []struct {
			name string
			f    func(string) string
		}{{"NFC", norm.NFC.String}, {"NFD", norm.NFD.String}} {
			accepted := make([]string, len(tt.accepted))
			for i, a := range tt.accepted {
				accepted[i] = form.f(a)
			}
			c := CheckAnswer(form.f(tt.typed), accepted, slow)
			if c.Verdict != tt.verdict || c.Expected != tt.expected || c.Note != tt.note {
				t.Errorf("%s (%s): CheckAnswer(%q, %q) = %v, expected %q, note %q; want %v, %q, %q",
					tt.name, form.name, tt.typed, tt.accepted, c.Verdict, c.Expected, c.Note, tt.verdict, tt.expected, tt.note)
			}
			if want := map[Verdict]fsrs.Rating{Wrong: fsrs.Again, Almost: fsrs.Hard, Right: fsrs.Good}[tt.verdict]; c.Suggested != want {
				t.Errorf("%s (%s): suggested %v, want %v", tt.name, form.name, c.Suggested, want)
			}
			if c.Typed != cleanAnswer(tt.typed) {
				t.Errorf("%s (%s): Typed = %q, want %q", tt.name, form.name, c.Typed, cleanAnswer(tt.typed))
			}
		}
	}
}

func TestCheckAnswerTyped(t *testing.T) {
	tests := []struct{ typed, want string }{
		{"  해자\t", "해자"},
		{norm.NFD.String("해자"), "해자"},
		{"해\x1b[31m자", "해[31m자"},
		{"오픈\n소스", "오픈 소스"},
	}
	for _, tt := range tests {
		if got := CheckAnswer(tt.typed, []string{"해자"}, slow).Typed; got != tt.want {
			t.Errorf("CheckAnswer(%q).Typed = %q, want %q", tt.typed, got, tt.want)
		}
	}
}

// The diff marks the wrong jamo for Korean answers, and only for them.
func TestCheckAnswerDiff(t *testing.T) {
	c := CheckAnswer("해쟈", []string{"해자"}, slow)
	i := slices.IndexFunc(c.Diff, func(e hangul.Edit) bool { return e.Op != hangul.Equal })
	if i < 0 || c.Diff[i] != (hangul.Edit{Op: hangul.Substitute, Typed: 'ㅑ', Expected: 'ㅏ', TypedAt: 1, ExpectedAt: 1}) {
		t.Errorf("diff of 해쟈 for 해자 = %+v", c.Diff)
	}
	c = CheckAnswer("'헤자'", []string{"해자"}, slow)
	if errs := slices.DeleteFunc(slices.Clone(c.Diff), func(e hangul.Edit) bool { return e.Op == hangul.Equal }); len(errs) != 1 || errs[0].Typed != 'ㅔ' {
		t.Errorf("diff of '헤자' for 해자 marks %+v, want only ㅔ", errs)
	}
	c = CheckAnswer("오픈ai 전랙", []string{"오픈AI 전략"}, slow)
	if errs := slices.DeleteFunc(slices.Clone(c.Diff), func(e hangul.Edit) bool { return e.Op == hangul.Equal }); len(errs) != 1 || errs[0].Typed != 'ㅐ' {
		t.Errorf("diff of 오픈ai 전랙 for 오픈AI 전략 marks %+v, want only ㅐ", errs)
	}
	if c := CheckAnswer("오픈소스 전략", []string{"폐쇄 전략"}, slow); c.Diff == nil {
		t.Errorf("a wrong Korean answer has no diff")
	}
	for _, tc := range []struct{ typed, answer string }{
		{"해자", "해자"}, {"moot", "moat"}, {"haeja", "해자"}, {"해자", "moat"}, {"", "해자"},
	} {
		if c := CheckAnswer(tc.typed, []string{tc.answer}, slow); c.Diff != nil {
			t.Errorf("CheckAnswer(%q, %q) has a diff: %+v", tc.typed, tc.answer, c.Diff)
		}
	}
}

func TestCheckAnswerEasy(t *testing.T) {
	quick := EasyWithin("해자")
	tests := []struct {
		typed   string
		elapsed time.Duration
		want    fsrs.Rating
	}{
		{"해자", quick, fsrs.Easy},
		{"해자", time.Second, fsrs.Easy},
		{"해자", quick + time.Millisecond, fsrs.Good},
		{"해자", 0, fsrs.Good}, // unknown time
		{"해 자", time.Second, fsrs.Hard},
		{"추론", time.Second, fsrs.Again},
	}
	for _, tt := range tests {
		if got := CheckAnswer(tt.typed, []string{"해자"}, tt.elapsed).Suggested; got != tt.want {
			t.Errorf("CheckAnswer(%q) in %v suggests %v, want %v", tt.typed, tt.elapsed, got, tt.want)
		}
	}
}

func TestEasyWithinGrowsWithAnswer(t *testing.T) {
	tests := []struct {
		answer string
		want   time.Duration
	}{
		{"해자", 3700 * time.Millisecond},        // ㅎㅐㅈㅏ
		{"인공지능", 5800 * time.Millisecond},      // 11 jamo
		{"moat", 3700 * time.Millisecond},      // 4 letters
		{"inference", 5200 * time.Millisecond}, // 9 letters
	}
	for _, tt := range tests {
		if got := EasyWithin(tt.answer); got != tt.want {
			t.Errorf("EasyWithin(%q) = %v, want %v", tt.answer, got, tt.want)
		}
	}
}

// Hostile lengths are judged without aligning them jamo by jamo.
func TestCheckAnswerLong(t *testing.T) {
	long := ""
	for range 300 {
		long += "해자"
	}
	if c := CheckAnswer(long, []string{long}, slow); c.Verdict != Right {
		t.Errorf("a long exact answer is %v", c.Verdict)
	}
	if c := CheckAnswer(long+"가", []string{long}, slow); c.Verdict != Wrong || c.Diff != nil {
		t.Errorf("a long wrong answer: %v, diff of %d", c.Verdict, len(c.Diff))
	}
}

func TestVerdictString(t *testing.T) {
	for v, want := range map[Verdict]string{Wrong: "wrong", Almost: "almost", Right: "right", 7: "Verdict(7)"} {
		if got := v.String(); got != want {
			t.Errorf("Verdict(%d).String() = %q, want %q", int(v), got, want)
		}
	}
}

func ExampleCheckAnswer() {
	c := CheckAnswer("해쟈", []string{"해자"}, 10*time.Second)
	fmt.Println(c.Verdict, c.Suggested, c.Note)
	c = CheckAnswer("해저", []string{"해자"}, 10*time.Second) // seabed, not moat
	fmt.Println(c.Verdict, c.Suggested, c.Note)
	c = CheckAnswer("해자는", []string{"해자"}, 10*time.Second)
	fmt.Println(c.Verdict, c.Suggested, c.Note)
	c = CheckAnswer("the Moat", []string{"moat"}, 2*time.Second)
	fmt.Println(c.Verdict, c.Suggested, c.Note)
	// Output:
	// almost Hard one letter off: ㅑ should be ㅏ
	// wrong Again 해저 is another word
	// almost Hard extra particle 는
	// right Easy
}

func BenchmarkCheckAnswer(b *testing.B) {
	accepted := []string{"초격차를 유지할 결정적인 기술력", "결정적인 기술력", "기술력"}
	for b.Loop() {
		CheckAnswer("결정적인 기술럭을", accepted, slow)
	}
}

// In a session, the deck's words count as words, and a wrong answer that
// is one says what it means (usability B3: "장점 = advantage").
func TestAnswerTypedSaysWhatAnotherDeckWordMeans(t *testing.T) {
	deck := &Deck{ID: "w", Lang: "ko", Cards: []Card{
		{ID: "s", Kind: KindVocab, Word: "강점", Meanings: []string{"strength"}},
		{ID: "a", Kind: KindVocab, Word: "장점", Meanings: []string{"advantage", "merit"}},
		{ID: "m", Kind: KindVocab, Word: "말", Meanings: []string{"horse"}},
		{ID: "c", Kind: KindVocab, Word: "초격차", Meanings: []string{"super gap"}},
		{ID: "h", Kind: KindVocab, Word: "초격자", Meanings: []string{"superlattice"}},
	}}
	_, clock := newClock(at(21, 10, 0))
	tests := []struct {
		prompt, typed string
		verdict       Verdict
		note          string
	}{
		{"strength", "장점", Wrong, "장점 = advantage"},
		{"strength", "강졈", Almost, "one letter off: ㅕ should be ㅓ"},
		{"strength", "말", Wrong, "말 = horse"},
		{"super gap", "초격자", Wrong, "초격자 = superlattice"}, // a deck word, in no list
		{"말", "house", Wrong, "house is another word"},
		{"강점", "merit", Wrong, "merit = 장점"},
		{"강점", "strenght", Almost, "typo: strenght → strength"},
	}
	for _, tt := range tests {
		s := mustSession(t, deck, newMem(), noFuzz(), clock, Options{Kind: QuestionTyped, Practice: true, Seed: 1})
		for s.Question().Prompt != tt.prompt {
			grade(t, s, fsrs.Good)
		}
		if c := s.AnswerTyped(tt.typed); c.Verdict != tt.verdict || c.Note != tt.note {
			t.Errorf("%s typed for %s: %v %q, want %v %q", tt.typed, tt.prompt, c.Verdict, c.Note, tt.verdict, tt.note)
		}
	}
}
