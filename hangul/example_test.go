package hangul_test

import (
	"fmt"

	"github.com/moatquiz/moatquiz/hangul"
)

func ExampleRomanize() {
	for _, w := range []string{"해자", "신라", "같이", "독립문", "오픈소스", "AI 해자가 없다"} {
		fmt.Println(w, hangul.Romanize(w))
	}
	// Output:
	// 해자 haeja
	// 신라 silla
	// 같이 gachi
	// 독립문 dongnimmun
	// 오픈소스 opeunsoseu
	// AI 해자가 없다 AI haejaga eopda
}

func ExampleComposer() {
	var c hangul.Composer
	for _, key := range "gowk" {
		c.Type(key)
		fmt.Printf("%c → %s (composing %s)\n", key, c.String(), c.Composing())
	}
	c.Backspace()
	fmt.Println("backspace →", c.String())
	// Output:
	// g → ㅎ (composing ㅎ)
	// o → 해 (composing 해)
	// w → 햊 (composing 햊)
	// k → 해자 (composing 자)
	// backspace → 해ㅈ
}

func ExampleDecompose() {
	fmt.Println(string(hangul.Decompose("닭 폐 와")))
	fmt.Println(hangul.Compose([]rune("ㄱㅏㄴㅏ")))
	fmt.Println(hangul.Initials("해자"))
	// Output:
	// ㄷㅏㄹㄱ ㅍㅖ ㅇㅗㅏ
	// 가나
	// ㅎㅈ
}

func ExampleDiff() {
	typed, expected := "해저", "해자"
	for _, e := range hangul.Diff(typed, expected) {
		if e.Op != hangul.Equal {
			fmt.Printf("%s → %s: %s (syllable %d)\n", typed, expected, e, e.ExpectedAt+1)
		}
	}
	fmt.Println("distance:", hangul.Distance(typed, expected))
	// Output:
	// 해저 → 해자: ㅓ should be ㅏ (syllable 2)
	// distance: 1
}
