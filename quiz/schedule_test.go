package quiz

import (
	"strings"
	"testing"
)

func TestSchedulingValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Scheduling)
		want   string // in the error; "" for valid
	}{
		{"defaults", func(*Scheduling) {}, ""},
		{"no new cards", func(s *Scheduling) { s.NewPerDay = 0 }, ""},
		{"negative new", func(s *Scheduling) { s.NewPerDay = -1 }, "new_per_day"},
		{"negative reviews", func(s *Scheduling) { s.ReviewsPerDay = -5 }, "reviews_per_day"},
		{"rollover 24", func(s *Scheduling) { s.RolloverHour = 24 }, "rollover_hour"},
		{"retention above 1", func(s *Scheduling) { s.Params.RequestRetention = 1.5 }, "RequestRetention"},
		{"negative step", func(s *Scheduling) { s.Params.LearningSteps = []float64{-1} }, "LearningSteps"},
		{"interval too long", func(s *Scheduling) { s.Params.MaximumInterval = 40000 }, "MaximumInterval"},
	} {
		s := DefaultScheduling()
		tc.change(&s)
		err := s.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want one naming %s", tc.name, err, tc.want)
		}
	}
}

func TestDefaultSchedulingIsAnkis(t *testing.T) {
	s := DefaultScheduling()
	p := s.Params
	if p.RequestRetention != 0.9 || p.MaximumInterval != 36500 || !p.EnableFuzz ||
		len(p.LearningSteps) != 2 || p.LearningSteps[0] != 1 || p.LearningSteps[1] != 10 ||
		len(p.RelearningSteps) != 1 || p.RelearningSteps[0] != 10 ||
		s.NewPerDay != 20 || s.ReviewsPerDay != 200 || s.RolloverHour != 4 {
		t.Errorf("DefaultScheduling = %+v", s)
	}
}
