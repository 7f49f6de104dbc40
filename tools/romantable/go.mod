module github.com/moatquiz/moatquiz/tools/romantable

go 1.26

require github.com/ikawaha/kagome-dict-ko v0.2.1

require github.com/ikawaha/kagome-dict v1.0.3 // indirect
