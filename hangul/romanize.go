package hangul

import (
	"slices"
	"strings"
)

// Romanize writes s in the Revised Romanization of Korean (국어의 로마자
// 표기법, 2000), which romanizes the standard pronunciation rather than the
// spelling. Within each run of Hangul syllables it applies the sound
// changes the standard writes:
//
//   - liaison: a final consonant moves before a vowel (닭이 dalgi, 값이
//     gapsi, 많아 mana), ㅇ stays (강아지 gangaji);
//   - final neutralisation and cluster simplification (닭 dak, 읽다 ikda,
//     넓다 neolda, 벚꽃 beotkkot, 밟다 bapda, ㄺ before ㄱ as in 읽고 ilgo
//     but not in nouns: 닭고기 dakgogi);
//   - nasalisation (국민 gungmin, 독립문 dongnimmun, 있는 inneun);
//   - ㄹ assimilation (신라 silla, 별내 byeollae, 종로 jongno, 대통령
//     daetongnyeong);
//   - palatalisation (같이 gachi, 해돋이 haedoji, 굳히다 guchida, 붙여
//     buchyeo, 닫혀 dachyeo);
//   - aspiration with ㅎ (좋다 jota, 잡혀 japyeo, 많다 manta);
//
// tensing is not written (압구정 apgujeong), and ㄹ is r before a vowel and
// l elsewhere (ㄹㄹ is ll). The output is lower case; everything that is not
// a Hangul syllable (Latin letters, digits, punctuation, spaces, jamo
// written on their own) passes through unchanged.
//
// Readings that depend on how a word is built come from a table generated
// from a dictionary (romantable.go, made by tools/romantable from
// mecab-ko-dic): ㄴ insertion in compounds (꽃잎 kkonnip, 서울역
// seoullyeok), ㅎ written after ㄱ ㄷ ㅂ in nouns (북한 bukhan, 입학 iphak;
// not in the verbs made with 하다), a final before a vowel-initial
// morpheme (맛없다 madeopda, 값어치 gabeochi) and ㄴ for ㄹ after a
// Sino-Korean word (자본력 jabonnyeok). The table is looked up for the
// start of each run of syllables, so 꽃잎이 is kkonnipi. In a grammar
// pattern, a consonant written alone after "-", "~" or ")" is the final
// of an ending and is read with what follows (-ㄹ 리 없다 -l li eopda,
// -ㅂ니다 -mnida). Names and their capitals, the hyphens of 제2항 and 제5항
// (중앙 Jung-ang, 경기도 Gyeonggi-do), and words the table lacks remain
// for a deck's romanization field.
func Romanize(s string) string {
	var r romanizer
	for _, c := range NFC(s) {
		r.put(c)
	}
	r.flush()
	return r.b.String()
}

// romanizer writes the romanization of a text fed rune by rune.
type romanizer struct {
	b    strings.Builder
	word []rune // the run of syllables being read
	last rune   // the last rune written that is not a syllable
	lead rune   // the lone final of a grammar ending (-ㄹ) before the run
	gap  bool   // a space came between lead and the run
}

func (r *romanizer) put(c rune) {
	switch {
	case IsSyllable(c):
		r.word = append(r.word, c)
		return
	case len(r.word) == 0 && r.lead == 0 && canEnd(c) && isConsonant(c) && isEndingMark(r.last):
		r.lead = c
		return
	case len(r.word) == 0 && r.lead != 0 && !r.gap && c == ' ':
		r.gap = true
		return
	}
	r.flush()
	r.b.WriteRune(c)
	r.last = c
}

// isEndingMark reports runes after which a lone consonant is the final
// of an ending: -ㄹ, ~ㄴ, (으)ㄹ.
func isEndingMark(r rune) bool { return r == '-' || r == '~' || r == ')' }

// flush writes the run of syllables read so far, with the lone final
// before it.
func (r *romanizer) flush() {
	word, lead := r.word, r.lead
	if lead != 0 && len(word) > 0 && r.gap && initialOf(word[0]) == 'ㅇ' {
		r.writeWord([]rune{leadSyllable(lead)}, 1, true) // -ㄹ 이유: no liaison over a space
		lead = 0
	}
	if lead != 0 {
		r.writeWord(append([]rune{leadSyllable(lead)}, word...), 1, r.gap)
	} else {
		r.writeWord(word, 0, false)
	}
	r.word, r.lead, r.gap = r.word[:0], 0, false
}

// leadSyllable stands for a lone final: 으 with that final, of which only
// the final is written.
func leadSyllable(c rune) rune {
	return syllable(initialIndex['ㅇ'], medialIndex['ㅡ'], finalIndex[c])
}

func initialOf(r rune) rune {
	l, _, _ := parts(r)
	return initials[l]
}

// writeWord writes the romanization of a run of syllables whose first
// lead syllables stand for a lone final (written as the final only,
// followed by a space when gap).
func (r *romanizer) writeWord(word []rune, lead int, gap bool) {
	if len(word) == 0 {
		return
	}
	s := pronounce(word, marksFor(word[lead:], lead))
	for i, c := range word {
		_, v, _ := parts(c)
		prev := rune(0)
		if i > 0 {
			prev = s.final[i-1]
		}
		if i >= lead {
			r.b.WriteString(initialRoman(s.initial[i], prev))
			r.b.WriteString(vowelRoman[medials[v]])
		}
		r.b.WriteString(finalRoman[s.final[i]])
		if i+1 == lead && gap {
			r.b.WriteByte(' ')
		}
	}
}

// sounds are consonants as pronounced, written as compatibility jamo;
// 0 is no consonant (a silent ㅇ initial or no final).
type sounds struct{ initial, final []rune }

// pronounce works out the initial and final sound of each syllable of a
// word from each pair of neighbouring syllables and the mark of the
// junction between them (marks[i] is between syllables i and i+1).
func pronounce(word []rune, marks []byte) sounds {
	n := len(word)
	s := sounds{initial: make([]rune, n), final: make([]rune, n)}
	s.initial[0] = silent(initialOf(word[0]))
	for i := 0; i+1 < n; i++ {
		s.final[i], s.initial[i+1] = junction(word[i], word[i+1], marks[i])
	}
	_, _, t := parts(word[n-1])
	s.final[n-1] = neutral[simplified(word[n-1], finals[t], 0)]
	return s
}

func silent(c rune) rune {
	if c == 'ㅇ' {
		return 0
	}
	return c
}

// junction returns how the final of syllable a and the initial of the
// next syllable b are pronounced, given the junction's mark from the word
// table (0 or '.' for none).
func junction(a, b rune, mark byte) (final, initial rune) {
	_, _, ti := parts(a)
	l, _, _ := parts(b)
	t, init := finals[ti], initials[l]
	switch {
	case mark == 'n' && t != 0: // 꽃잎 [꼰닙], 서울역 [서울력]
		return assimilate(neutral[t], 'ㄴ')
	case mark == 'h' && init == 'ㅎ': // 북한 Bukhan
		return neutral[t], 'ㅎ'
	case mark == 'b' && init == 'ㅇ': // 맛없다 [마덥따]
		return liaison(neutral[t], b)
	case mark == 'N' && t == 'ㄴ' && init == 'ㄹ': // 자본력 [자본녁]
		return 'ㄴ', 'ㄴ'
	case init == 'ㅇ':
		return liaison(t, b)
	case init == 'ㅎ':
		return beforeH(t, b)
	case t == 'ㅎ' || t == 'ㄶ' || t == 'ㅀ':
		return afterH(t, init)
	case t == 'ㄺ' && init == 'ㄱ' && !slices.Contains(nounsInRG, a):
		return 'ㄹ', init // 읽고 [일꼬], but 닭고기 [닥꼬기]
	}
	return assimilate(neutral[simplified(a, t, b)], init)
}

// nounsInRG are the syllables of the nouns that end in ㄺ (닭, 흙, 칡, 삵,
// 까닭), which keep [ㄱ] before ㄱ: 표준 발음법 제11항 다만 is for verb and
// adjective stems only.
var nounsInRG = []rune{'닭', '흙', '칡', '삵'}

// simplified returns the final t of syllable a as it is simplified before
// syllable b (0: the end of the word): ㄼ is [ㅂ] in 밟- before a
// consonant and in 넓죽하다 and 넓둥글다 (표준 발음법 제10항 다만).
func simplified(a, t, b rune) rune {
	if t != 'ㄼ' {
		return t
	}
	if a == '밟' && (b == 0 || initialOf(b) != 'ㅇ' && initialOf(b) != 'ㅎ') || a == '넓' && (b == '죽' || b == '둥') {
		return 'ㅂ'
	}
	return t
}

// liaison: a final before the vowel of syllable b moves to become its
// initial.
func liaison(t, b rune) (final, initial rune) {
	switch t {
	case 0, 'ㅎ':
		return 0, 0 // 좋아 [조아]
	case 'ㅇ':
		return 'ㅇ', 0
	case 'ㄶ':
		return 0, 'ㄴ' // 많아 [마나]
	case 'ㅀ':
		return 0, 'ㄹ' // 싫어 [시러]
	}
	if p, ok := splits[t]; ok {
		return p[0], palatal(p[1], b) // 닭이 [달기], 핥이다 [할치다]
	}
	return 0, palatal(t, b) // 같이 [가치]
}

// palatal applies palatalisation (표준 발음법 제17항): ㄷ and ㅌ before
// the ㅣ of syllable b become ㅈ and ㅊ, and so before 여 and 혀 contracted
// from 이+어 and 히+어 (붙여 [부처], 닫혀 [다처]).
func palatal(c, b rune) rune {
	_, v, t := parts(b)
	if medials[v] != 'ㅣ' && (medials[v] != 'ㅕ' || t != 0 && finals[t] != 'ㅆ') {
		return c
	}
	switch c {
	case 'ㄷ':
		return 'ㅈ'
	case 'ㅌ':
		return 'ㅊ'
	}
	return c
}

// aspirated maps a plain stop or affricate to its aspirated partner.
var aspirated = map[rune]rune{'ㄱ': 'ㅋ', 'ㄷ': 'ㅌ', 'ㅂ': 'ㅍ', 'ㅈ': 'ㅊ', 'ㅌ': 'ㅌ', 'ㅍ': 'ㅍ'}

// beforeH: a final followed by ㅎ (잡혀 [자펴], 밝히다 [발키다], 맞히다 [마치다]).
func beforeH(t, b rune) (final, initial rune) {
	switch t {
	case 'ㅈ':
		return 0, 'ㅊ'
	case 'ㅎ', 'ㄶ', 'ㅀ':
		return hFirst[t], 'ㅎ'
	}
	if p, ok := splits[t]; ok && aspirated[p[1]] != 0 {
		return p[0], palatal(aspirated[p[1]], b) // 앉히다 [안치다]
	}
	n := neutral[t]
	if a, ok := aspirated[n]; ok {
		return 0, palatal(a, b) // 굳히다 [구치다]
	}
	return n, 'ㅎ' // 전화 jeonhwa: ㅎ after ㄴ ㄹ ㅁ ㅇ is written
}

// hFirst is what remains of a final ㅎ, ㄶ or ㅀ once its ㅎ merges with
// the next consonant or drops.
var hFirst = map[rune]rune{'ㅎ': 0, 'ㄶ': 'ㄴ', 'ㅀ': 'ㄹ'}

// afterH: ㅎ, ㄶ or ㅀ before a consonant other than ㅇ and ㅎ.
func afterH(t, l rune) (final, initial rune) {
	switch l {
	case 'ㄱ', 'ㄷ', 'ㅈ':
		return hFirst[t], aspirated[l] // 좋고 [조코], 많다 [만타]
	case 'ㅅ':
		return hFirst[t], l // 닿소 [다쏘]
	case 'ㄴ':
		if t == 'ㅀ' {
			return 'ㄹ', 'ㄹ' // 뚫는 [뚤른]
		}
		return 'ㄴ', 'ㄴ' // 놓는 [논는], 않는 [안는]
	}
	return assimilate(neutral[t], l)
}

// assimilate applies nasalisation and ㄹ assimilation to a neutralised
// final n before initial l.
func assimilate(n, l rune) (final, initial rune) {
	switch l {
	case 'ㄴ', 'ㅁ':
		if l == 'ㄴ' && n == 'ㄹ' {
			return 'ㄹ', 'ㄹ' // 별내 [별래]
		}
		return nasalise(n), l // 국민 [궁민]
	case 'ㄹ':
		switch n {
		case 0:
			return 0, l
		case 'ㄹ', 'ㄴ':
			return 'ㄹ', 'ㄹ' // 신라 [실라]
		}
		return nasalise(n), 'ㄴ' // 종로 [종노], 독립 [동닙]
	}
	return n, l
}

// nasalise turns a stop before a nasal into the nasal of the same place.
func nasalise(n rune) rune {
	switch n {
	case 'ㄱ':
		return 'ㅇ'
	case 'ㄷ':
		return 'ㄴ'
	case 'ㅂ':
		return 'ㅁ'
	}
	return n
}

// neutral maps each final to the one of seven sounds it has before a
// consonant or at the end of a word.
var neutral = map[rune]rune{
	0:   0,
	'ㄱ': 'ㄱ', 'ㄲ': 'ㄱ', 'ㅋ': 'ㄱ', 'ㄳ': 'ㄱ', 'ㄺ': 'ㄱ',
	'ㄴ': 'ㄴ', 'ㄵ': 'ㄴ', 'ㄶ': 'ㄴ',
	'ㄷ': 'ㄷ', 'ㅅ': 'ㄷ', 'ㅆ': 'ㄷ', 'ㅈ': 'ㄷ', 'ㅊ': 'ㄷ', 'ㅌ': 'ㄷ', 'ㅎ': 'ㄷ',
	'ㄹ': 'ㄹ', 'ㄼ': 'ㄹ', 'ㄽ': 'ㄹ', 'ㄾ': 'ㄹ', 'ㅀ': 'ㄹ',
	'ㅁ': 'ㅁ', 'ㄻ': 'ㅁ',
	'ㅂ': 'ㅂ', 'ㅍ': 'ㅂ', 'ㅄ': 'ㅂ', 'ㄿ': 'ㅂ',
	'ㅇ': 'ㅇ',
}

var initialRomans = map[rune]string{
	0: "", 'ㄱ': "g", 'ㄲ': "kk", 'ㄴ': "n", 'ㄷ': "d", 'ㄸ': "tt", 'ㄹ': "r",
	'ㅁ': "m", 'ㅂ': "b", 'ㅃ': "pp", 'ㅅ': "s", 'ㅆ': "ss", 'ㅈ': "j",
	'ㅉ': "jj", 'ㅊ': "ch", 'ㅋ': "k", 'ㅌ': "t", 'ㅍ': "p", 'ㅎ': "h",
}

// initialRoman romanizes an initial sound: ㄹ is l after an l (울릉 ulleung).
func initialRoman(c, prevFinal rune) string {
	if c == 'ㄹ' && prevFinal == 'ㄹ' {
		return "l"
	}
	return initialRomans[c]
}

var finalRoman = map[rune]string{
	0: "", 'ㄱ': "k", 'ㄴ': "n", 'ㄷ': "t", 'ㄹ': "l", 'ㅁ': "m", 'ㅂ': "p", 'ㅇ': "ng",
}

var vowelRoman = map[rune]string{
	'ㅏ': "a", 'ㅐ': "ae", 'ㅑ': "ya", 'ㅒ': "yae", 'ㅓ': "eo", 'ㅔ': "e",
	'ㅕ': "yeo", 'ㅖ': "ye", 'ㅗ': "o", 'ㅘ': "wa", 'ㅙ': "wae", 'ㅚ': "oe",
	'ㅛ': "yo", 'ㅜ': "u", 'ㅝ': "wo", 'ㅞ': "we", 'ㅟ': "wi", 'ㅠ': "yu",
	'ㅡ': "eu", 'ㅢ': "ui", 'ㅣ': "i",
}
