package hangul

import "strings"

// Romanize writes s in the Revised Romanization of Korean (국어의 로마자
// 표기법, 2000), which romanizes the standard pronunciation rather than the
// spelling. Within each run of Hangul syllables it applies the sound
// changes the standard writes:
//
//   - liaison: a final consonant moves before a vowel (닭이 dalgi, 값이
//     gapsi, 많아 mana), ㅇ stays (강아지 gangaji);
//   - final neutralisation and cluster simplification (닭 dak, 읽다 ikda,
//     넓다 neolda, 벚꽃 beotkkot, ㄺ before ㄱ as in 읽고 ilgo);
//   - nasalisation (국민 gungmin, 독립문 dongnimmun, 있는 inneun);
//   - ㄹ assimilation (신라 silla, 별내 byeollae, 종로 jongno, 대통령
//     daetongnyeong);
//   - palatalisation (같이 gachi, 해돋이 haedoji, 굳히다 guchida);
//   - aspiration with ㅎ (좋다 jota, 잡혀 japyeo, 많다 manta);
//
// tensing is not written (압구정 apgujeong), and ㄹ is r before a vowel and
// l elsewhere (ㄹㄹ is ll). The output is lower case; everything that is not
// a Hangul syllable (Latin letters, digits, punctuation, spaces, jamo
// written on their own) passes through unchanged.
//
// Readings that need the word's meaning are beyond a rule-based
// romanizer and belong in a deck's romanization field: ㄴ insertion
// (알약 allyak, 학여울 hangnyeoul), ㄴ for ㄹ after a Sino-Korean
// compound (신문로 sinmunno, 생산량 saengsannyang), ㅎ written after
// ㄱ ㄷ ㅂ in nouns (묵호 Mukho, 집현전 Jiphyeonjeon: Romanize aspirates, as
// in verbs), names, and the optional hyphens (중앙 Jung-ang).
func Romanize(s string) string {
	var b strings.Builder
	var word []rune
	for _, r := range NFC(s) {
		if IsSyllable(r) {
			word = append(word, r)
			continue
		}
		romanizeWord(&b, word)
		word = word[:0]
		b.WriteRune(r)
	}
	romanizeWord(&b, word)
	return b.String()
}

// sounds are consonants as pronounced, written as compatibility jamo;
// 0 is no consonant (a silent ㅇ initial or no final).
type sounds struct{ initial, final []rune }

// romanizeWord writes the romanization of a run of syllables.
func romanizeWord(b *strings.Builder, word []rune) {
	if len(word) == 0 {
		return
	}
	s := pronounce(word)
	for i, r := range word {
		_, v, _ := parts(r)
		prev := rune(0)
		if i > 0 {
			prev = s.final[i-1]
		}
		b.WriteString(initialRoman(s.initial[i], prev))
		b.WriteString(vowelRoman[medials[v]])
		b.WriteString(finalRoman[s.final[i]])
	}
}

// pronounce works out the initial and final sound of each syllable of a
// word from each pair of neighbouring syllables.
func pronounce(word []rune) sounds {
	n := len(word)
	s := sounds{initial: make([]rune, n), final: make([]rune, n)}
	l, _, _ := parts(word[0])
	s.initial[0] = silent(initials[l])
	for i := 0; i+1 < n; i++ {
		_, _, t := parts(word[i])
		l, v, _ := parts(word[i+1])
		s.final[i], s.initial[i+1] = junction(finals[t], initials[l], medials[v])
	}
	_, _, t := parts(word[n-1])
	s.final[n-1] = neutral[finals[t]]
	return s
}

func silent(c rune) rune {
	if c == 'ㅇ' {
		return 0
	}
	return c
}

// junction returns how final t (0: none) and the next syllable's initial
// l, followed by vowel v, are pronounced.
func junction(t, l, v rune) (final, initial rune) {
	switch {
	case l == 'ㅇ':
		return liaison(t, v)
	case l == 'ㅎ':
		return beforeH(t, v)
	case t == 'ㅎ' || t == 'ㄶ' || t == 'ㅀ':
		return afterH(t, l)
	case t == 'ㄺ' && l == 'ㄱ':
		return 'ㄹ', l // 읽고 [일꼬]
	}
	return assimilate(neutral[t], l)
}

// liaison: a final before a vowel moves to become the next initial.
func liaison(t, v rune) (final, initial rune) {
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
		return p[0], palatal(p[1], v) // 닭이 [달기], 핥이다 [할치다]
	}
	return 0, palatal(t, v) // 같이 [가치]
}

// palatal applies palatalisation: ㄷ and ㅌ before ㅣ become ㅈ and ㅊ.
func palatal(c, v rune) rune {
	if v != 'ㅣ' {
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
func beforeH(t, v rune) (final, initial rune) {
	switch t {
	case 'ㅈ':
		return 0, 'ㅊ'
	case 'ㅎ', 'ㄶ', 'ㅀ':
		return hFirst[t], 'ㅎ'
	}
	if p, ok := splits[t]; ok && aspirated[p[1]] != 0 {
		return p[0], palatal(aspirated[p[1]], v) // 앉히다 [안치다]
	}
	n := neutral[t]
	if a, ok := aspirated[n]; ok {
		return 0, palatal(a, v) // 굳히다 [구치다]
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
