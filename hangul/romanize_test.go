package hangul

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

var romanizeTests = []struct{ in, want string }{
	// 국어의 로마자 표기법, chapter 2: consonants and vowels.
	{"구미", "gumi"}, {"영동", "yeongdong"}, {"백암", "baegam"}, {"옥천", "okcheon"},
	{"합덕", "hapdeok"}, {"호법", "hobeop"}, {"월곶", "wolgot"}, {"벚꽃", "beotkkot"},
	{"한밭", "hanbat"}, {"구리", "guri"}, {"설악", "seorak"}, {"칠곡", "chilgok"},
	{"임실", "imsil"}, {"울릉", "ulleung"}, {"대관령", "daegwallyeong"},
	{"광희문", "gwanghuimun"}, {"여의도", "yeouido"},
	// Chapter 3, article 1: sound changes written as pronounced.
	{"백마", "baengma"}, {"종로", "jongno"}, {"왕십리", "wangsimni"},
	{"별내", "byeollae"}, {"신라", "silla"},
	{"해돋이", "haedoji"}, {"같이", "gachi"}, {"굳히다", "guchida"}, {"맞히다", "machida"},
	{"좋고", "joko"}, {"놓다", "nota"}, {"잡혀", "japyeo"}, {"낳지", "nachi"},
	// ... but tensing is not.
	{"압구정", "apgujeong"}, {"낙동강", "nakdonggang"}, {"죽변", "jukbyeon"},
	{"낙성대", "nakseongdae"}, {"합정", "hapjeong"}, {"팔당", "paldang"},
	{"샛별", "saetbyeol"}, {"울산", "ulsan"},
	// More examples from the standard's commentary and usage lists.
	{"독립문", "dongnimmun"}, {"국민", "gungmin"}, {"대통령", "daetongnyeong"},
	{"청량리", "cheongnyangni"}, {"법륜사", "beomnyunsa"}, {"한라", "halla"}, {"덕문", "deongmun"},
	// Finals: neutralisation, clusters, liaison.
	{"닭", "dak"}, {"읽다", "ikda"}, {"넓다", "neolda"}, {"읽고", "ilgo"}, {"맑게", "malge"},
	{"닭이", "dalgi"}, {"값이", "gapsi"}, {"없다", "eopda"}, {"젊은", "jeolmeun"},
	{"많아", "mana"}, {"싫어", "sireo"}, {"좋아", "joa"}, {"밖에", "bakke"}, {"있어", "isseo"},
	{"강아지", "gangaji"}, {"말이", "mari"}, {"빨리", "ppalli"},
	// Nasalisation and ㄹ after ㅎ finals and clusters.
	{"있는", "inneun"}, {"닫는", "danneun"}, {"앞니", "amni"}, {"놓는", "nonneun"},
	{"않는", "anneun"}, {"뚫는", "ttulleun"}, {"설날", "seollal"},
	// Aspiration and palatalisation with clusters.
	{"많다", "manta"}, {"싫다", "silta"}, {"밝히다", "balkida"}, {"넓히다", "neolpida"},
	{"앉히다", "anchida"}, {"밭이", "bachi"}, {"핥이다", "halchida"}, {"닿소", "daso"},
	{"전화", "jeonhwa"}, {"결혼", "gyeolhon"},
	// The article's vocabulary.
	{"해자", "haeja"}, {"오픈소스", "opeunsoseu"}, {"인공지능", "ingongjineung"},
	{"샌프란시스코", "saenpeuransiseuko"}, {"훈련", "hullyeon"}, {"추론", "churon"},
	{"폐쇄", "pyeswae"}, {"전략", "jeollyak"}, {"기술력", "gisullyeok"},
	{"신경망", "singyeongmang"}, {"빅테크", "biktekeu"}, {"딥마인드", "dimmaindeu"},
	{"스테이블 디퓨전", "seuteibeul dipyujeon"}, {"시행착오", "sihaengchago"},
	{"초격차", "chogyeokcha"}, {"유출", "yuchul"}, {"승리", "seungni"}, {"질량", "jillyang"},
	{"국내외", "gungnaeoe"}, {"형편없는", "hyeongpyeoneomneun"}, {"테크토크", "tekeutokeu"},
	// Everything else passes through; spaces separate words.
	{"구글, 오픈AI 등", "gugeul, opeunAI deung"},
	{"AI 해자가 없다.", "AI haejaga eopda."},
	{"제3 세력", "je3 seryeok"},
	{"ㅎㅐ", "ㅎㅐ"},
	{"", ""},
}

func TestRomanize(t *testing.T) {
	for _, tt := range romanizeTests {
		if got := Romanize(tt.in); got != tt.want {
			t.Errorf("Romanize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Romanize(norm.NFD.String(tt.in)); got != tt.want {
			t.Errorf("Romanize(NFD %q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
