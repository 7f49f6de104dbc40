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
	// Chapter 3, article 6: names of places and cultural properties.
	{"남산", "namsan"}, {"속리산", "songnisan"}, {"금강", "geumgang"}, {"독도", "dokdo"},
	{"경복궁", "gyeongbokgung"}, {"무량수전", "muryangsujeon"}, {"연화교", "yeonhwagyo"},
	{"극락전", "geungnakjeon"}, {"안압지", "anapji"}, {"남한산성", "namhansanseong"},
	{"화랑대", "hwarangdae"}, {"불국사", "bulguksa"}, {"현충사", "hyeonchungsa"},
	{"오죽헌", "ojukheon"}, {"촉석루", "chokseongnu"}, {"종묘", "jongmyo"}, {"다보탑", "dabotap"},
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
	// 표준 발음법 제11항 다만: ㄺ before ㄱ is [ㄹ] in verb stems only.
	{"닭고기", "dakgogi"}, {"흙과", "heukgwa"}, {"닭과", "dakgwa"}, {"까닭과", "kkadakgwa"},
	{"칡국수", "chikguksu"}, {"늙고", "neulgo"},
	// 제10항 다만: 밟- before a consonant, 넓죽하다, 넓둥글다.
	{"밟다", "bapda"}, {"밟는", "bamneun"}, {"밟고", "bapgo"}, {"밟지", "bapji"},
	{"밟아", "balba"}, {"밟히다", "balpida"}, {"넓죽하다", "neopjukada"}, {"넓둥글다", "neopdunggeulda"},
	// 제17항: palatalisation before 여 and 혀 contracted from 이+어, 히+어.
	{"붙여", "buchyeo"}, {"붙였다", "buchyeotda"}, {"닫혀", "dachyeo"}, {"갇혀", "gachyeo"},
	{"묻혀", "muchyeo"}, {"맏형", "mathyeong"},
	// Readings from the dictionary table: ㄴ insertion (제29항).
	{"꽃잎", "kkonnip"}, {"꽃잎이", "kkonnipi"}, {"색연필", "saengnyeonpil"}, {"서울역", "seoullyeok"},
	{"한여름", "hannyeoreum"}, {"담요", "damnyo"}, {"식용유", "sigyongnyu"}, {"일일이", "illiri"},
	{"옛날이야기", "yennalliyagi"}, {"양옆", "yangnyeop"}, {"가랑잎", "garangnip"}, {"가락엿", "garangnyeot"},
	{"학여울", "hangnyeoul"}, {"알약", "allyak"}, {"솜이불", "somnibul"}, {"막일", "mangnil"},
	{"내복약", "naebongnyak"}, {"영업용", "yeongeomnyong"}, {"휘발유", "hwiballyu"}, {"집안일", "jibannil"},
	// ... but not where there is none (Sino-Korean words, 목요일, days).
	{"목요일", "mogyoil"}, {"필요", "piryo"}, {"석유", "seogyu"}, {"낙엽", "nagyeop"}, {"절약", "jeoryak"},
	{"활용", "hwaryong"}, {"월요일", "woryoil"}, {"독일", "dogil"}, {"생일", "saengil"}, {"책임", "chaegim"},
	{"기념일", "ginyeomil"}, {"서양인", "seoyangin"}, {"출입국", "churipguk"}, {"송별연", "songbyeoryeon"},
	// ㅎ after ㄱ ㄷ ㅂ written in nouns (제3장 제1항 4 다만), not in verbs.
	{"묵호", "mukho"}, {"집현전", "jiphyeonjeon"}, {"북한", "bukhan"}, {"입학", "iphak"},
	{"축하", "chukha"}, {"축하를", "chukhareul"}, {"백화점", "baekhwajeom"}, {"국회", "gukhoe"},
	{"역할", "yeokhal"}, {"직후", "jikhu"}, {"국회의원", "gukhoeuiwon"}, {"입학하다", "ipakada"},
	{"축하해요", "chukahaeyo"}, {"착하다", "chakada"}, {"약해지다", "yakaejida"}, {"합하다", "hapada"},
	// A final before a vowel-initial full morpheme (제15항).
	{"맛없다", "madeopda"}, {"끝없이", "kkeudeopsi"}, {"값어치", "gabeochi"}, {"겉옷", "geodot"},
	{"헛웃음", "heoduseum"}, {"웃음", "useum"}, {"볶음", "bokkeum"}, {"젊음", "jeolmeum"},
	// ㄴ+ㄹ as [ㄴㄴ] after a Sino-Korean word (제20항 다만), not in place names.
	{"자본력", "jabonnyeok"}, {"생산력", "saengsannyeok"}, {"의견란", "uigyeonnan"}, {"생산량", "saengsannyang"},
	{"입원료", "ibwonnyo"}, {"동원령", "dongwonnyeong"}, {"신문로", "sinmunno"}, {"막대한 자본력", "makdaehan jabonnyeok"},
	// Grammar patterns: a lone final after "-" is read with what follows.
	{"-ㄹ 리 없다", "-l li eopda"}, {"-ㄴ 셈이다", "-n semida"}, {"-ㅁ으로써", "-meurosseo"},
	{"-ㄹ까 우려하다", "-lkka uryeohada"}, {"-ㄴ 탓에", "-n tase"}, {"-ㅂ니다", "-mnida"},
	{"-(으)ㄹ 거예요", "-(eu)l geoyeyo"}, {"~ㄴ 다음에", "~n daeume"}, {"-ㄹ 이유", "-l iyu"}, {"-ㄹ", "-l"},
	{"-ㄹ ", "-l "}, {"-ㄸ", "-ㄸ"},
	// Everything else passes through; spaces separate words.
	{"구글, 오픈AI 등", "gugeul, opeunAI deung"},
	{"AI 해자가 없다.", "AI haejaga eopda."},
	{"제3 세력", "je3 seryeok"},
	{"ㅎㅐ", "ㅎㅐ"}, {"ㄹ 리", "ㄹ ri"},
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
