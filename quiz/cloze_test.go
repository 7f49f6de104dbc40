package quiz

import (
	"reflect"
	"testing"
)

func TestParseCloze(t *testing.T) {
	parts, err := ParseCloze("훈련은 {{c1::공예}}에 가깝고 {{c2::추론::inference}}은 {{c1::다르다}}")
	if err != nil {
		t.Fatal(err)
	}
	want := []ClozePart{
		{Text: "훈련은 ", Offset: 0},
		{Num: 1, Text: "공예", Offset: 10},
		{Text: "에 가깝고 ", Offset: 24},
		{Num: 2, Text: "추론", Hint: "inference", Offset: 38},
		{Text: "은 ", Offset: 63},
		{Num: 1, Text: "다르다", Offset: 67},
	}
	if !reflect.DeepEqual(parts, want) {
		t.Fatalf("got %+v\nwant %+v", parts, want)
	}
	if got := ClozeNumbers(parts); !reflect.DeepEqual(got, []int{1, 2}) {
		t.Errorf("ClozeNumbers = %v, want [1 2]", got)
	}
}

func TestParseClozeErrors(t *testing.T) {
	for _, tc := range []struct {
		text   string
		offset int
	}{
		{"a {{c1::b", 2},
		{"a }} b", 2},
		{"a {{x1::b}}", 2},
		{"a {{c0::b}}", 2},
		{"a {{c01::b}}", 2},
		{"a {{c1::}}", 2},
		{"a {{c1::b::}}", 2},
		{"a {{c1}}", 2},
		{"a {{c1::{{c2::b}}}}", 2},
	} {
		_, err := ParseCloze(tc.text)
		ce, ok := err.(*ClozeError)
		if !ok {
			t.Errorf("ParseCloze(%q) error = %v, want a *ClozeError", tc.text, err)
			continue
		}
		if ce.Offset != tc.offset {
			t.Errorf("ParseCloze(%q) offset = %d, want %d (%s)", tc.text, ce.Offset, tc.offset, ce.Msg)
		}
	}
}
