module github.com/moatquiz/moatquiz/tools/wordlists

go 1.26.7

require github.com/ikawaha/kagome-dict-ko v0.2.1

require github.com/ikawaha/kagome-dict v1.0.3 // indirect
