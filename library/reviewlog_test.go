package library

import (
	"bytes"
	"strings"
	"testing"

	"github.com/moatquiz/moatquiz/quiz"
)

// FuzzReadReviewLog: any input is read or refused without panicking; a
// review read has a rating 1-4 and its uid, and reads back the same
// from its own line.
func FuzzReadReviewLog(f *testing.F) {
	f.Add(`{"uid":"","deck":"article","card":"v-haeja","item":"ko-en","rating":3,"reviewed_at":"2026-03-01T09:00:00.000Z","duration_ms":2000,"mode":"review","question":"typed","typed":"해자"}`)
	f.Add(`{"deck":"d","card":"c","item":"fact","rating":1,"reviewed_at":"2026-03-01T09:00:00+09:00","duration_ms":0,"mode":"practice","question":"flip"}` + "\n\n{}")
	f.Add("not json\n")
	f.Fuzz(func(t *testing.T, in string) {
		reviews, err := ReadReviewLog("log.jsonl", strings.NewReader(in))
		if err != nil {
			return
		}
		for _, r := range reviews {
			if r.Rating < 1 || r.Rating > 4 || r.UID != quiz.ReviewUID(r.Item, r.ReviewedAt, r.Rating) {
				t.Fatalf("read %+v", r)
			}
			var line bytes.Buffer
			if err := writeLine(&line, r); err != nil {
				t.Fatal(err)
			}
			again, err := ReadReviewLog("again.jsonl", &line)
			if err != nil || len(again) != 1 || again[0].UID != r.UID || again[0].Typed != r.Typed || again[0].Duration != r.Duration {
				t.Fatalf("%+v written as %s reads back as %+v, %v", r, line.String(), again, err)
			}
		}
	})
}
