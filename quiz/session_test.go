package quiz

import (
	"errors"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// onlyCards suspends every item of the test deck but those of the cards
// named, so a test studies just them.
func onlyCards(cards ...string) map[ItemID]ItemState {
	keep := map[string]bool{}
	for _, c := range cards {
		keep[c] = true
	}
	states := map[ItemID]ItemState{}
	for _, it := range testDeck().Items() {
		if !keep[it.ID.Card] {
			states[it.ID] = ItemState{Suspended: true}
		}
	}
	return states
}

func TestLearningStepsComeBackInSession(t *testing.T) {
	type step struct {
		wait   time.Duration // the clock moves before the grade is applied
		rating fsrs.Rating
		want   ItemID // the item asked before this grade
	}
	moat, who := id("moat", "fact"), id("who", "fact")
	for _, tc := range []struct {
		name  string
		start time.Time
		steps []step
	}{{
		name: "a 1m step comes back as soon as it is due, before new items",
		steps: []step{
			{time.Minute, fsrs.Again, moat}, // moat: 1m step, due by the time the next is picked
			{0, fsrs.Good, moat},            // moat again: 10m step, not due
			{0, fsrs.Easy, who},             // who graduates
			{0, fsrs.Good, moat},            // nothing else left: moat is shown early and graduates
		},
	}, {
		name: "a step not yet due waits behind new items",
		steps: []step{
			{0, fsrs.Again, moat},
			{0, fsrs.Easy, who},
			{0, fsrs.Good, moat}, // shown early: nothing else left
			{0, fsrs.Good, moat}, // the 10m step, shown early again, graduates
		},
	}, {
		name:  "the study day is local: a step due after 4:00 UTC still comes back",
		start: at(21, 12, 55), // 03:55 UTC
		steps: []step{
			{0, fsrs.Good, moat}, // 10m step: 13:05 KST, 04:05 UTC
			{0, fsrs.Easy, who},
			{0, fsrs.Good, moat},
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			p := newMem()
			p.states = onlyCards("moat", "who")
			if tc.start.IsZero() {
				tc.start = at(21, 10, 0)
			}
			c, clock := newClock(tc.start)
			s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{})
			for i, st := range tc.steps {
				if q := s.Question(); q == nil || q.Item.ID != st.want {
					t.Fatalf("step %d asks %+v, want %v", i, q, st.want)
				}
				s.Reveal()
				op, err := s.Grade(st.rating)
				if err != nil {
					t.Fatal(err)
				}
				c.add(st.wait)
				s.Apply(op.Run())
			}
			if s.Phase() != Finished {
				t.Errorf("phase %v after the last step, want finished; asking %v", s.Phase(), s.Question().Item.ID)
			}
			if st := p.states[moat].Card.State; st != fsrs.Review {
				t.Errorf("moat ends in state %v, want Review", st)
			}
		})
	}
}

func TestSiblingsAreBuriedForTheDay(t *testing.T) {
	p := newMem()
	p.states = onlyCards("haeja")
	c, clock := newClock(at(21, 10, 0))
	sch := noFuzz()
	s := mustSession(t, testDeck(), p, sch, clock, Options{})
	if got := drain(t, s, fsrs.Easy); !reflect.DeepEqual(got, []ItemID{id("haeja", "ko-en")}) {
		t.Fatalf("first session asked %v, want only haeja/ko-en", got)
	}
	for _, tc := range []struct {
		now  time.Time
		want int
	}{
		{at(21, 23, 0), 0}, // later the same day: en-ko is buried
		{at(22, 3, 59), 0}, // still the same study day
		{at(22, 4, 0), 1},  // a new day: en-ko is new
	} {
		c.set(tc.now)
		s := mustSession(t, testDeck(), p, sch, clock, Options{})
		if got := s.Remaining().New; got != tc.want {
			t.Errorf("at %v: %d new, want %d", tc.now, got, tc.want)
		}
	}
}

func TestAnsweringALearningItemBuriesItsSiblingInSession(t *testing.T) {
	p := newMem()
	p.states = onlyCards("haeja")
	// ko-en is in learning from yesterday, due now; en-ko is new.
	p.states[id("haeja", "ko-en")] = ItemState{
		Card:       fsrs.Card{Due: at(21, 9, 0), Stability: 2.3, Difficulty: 5, State: fsrs.Learning, LastReview: at(20, 9, 0), Reps: 1, RemainingSteps: 1},
		Introduced: at(20, 9, 0),
	}
	_, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{})
	if r := s.Remaining(); r.New != 1 || r.Learning != 1 {
		t.Fatalf("Remaining = %+v, want 1 learning and 1 new", r)
	}
	if got := drain(t, s, fsrs.Easy); !reflect.DeepEqual(got, []ItemID{id("haeja", "ko-en")}) {
		t.Errorf("asked %v, want only haeja/ko-en: en-ko is buried once ko-en is answered", got)
	}
}

func TestUndoRestoresStateLogAndQueue(t *testing.T) {
	moat := id("moat", "fact")
	for _, tc := range []struct {
		name   string
		states map[ItemID]ItemState
		opts   Options
		grades []fsrs.Rating
	}{
		{"a new item", onlyCards("moat", "who"), Options{}, []fsrs.Rating{fsrs.Good}},
		{"a review lapsing", withState(onlyCards("moat", "who"), moat, reviewState(at(21, 8, 0), 6)), Options{}, []fsrs.Rating{fsrs.Again}},
		{"three answers, undone one by one", onlyCards("moat", "who"), Options{}, []fsrs.Rating{fsrs.Again, fsrs.Easy, fsrs.Good}},
		{"practice", withState(onlyCards("moat", "who"), moat, reviewState(at(28, 8, 0), 8)), Options{Practice: true, Seed: 1}, []fsrs.Rating{fsrs.Hard, fsrs.Again}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newMem()
			p.states = tc.states
			c, clock := newClock(at(21, 10, 0))
			s := mustSession(t, testDeck(), p, noFuzz(), clock, tc.opts)
			type point struct {
				states    map[ItemID]ItemState
				log       []Review
				remaining QueueCounts
				question  ItemID
			}
			var points []point
			for _, r := range tc.grades {
				st, log := p.snapshot()
				points = append(points, point{st, log, s.Remaining(), s.Question().Item.ID})
				c.add(30 * time.Second)
				grade(t, s, r)
			}
			for i := len(points) - 1; i >= 0; i-- {
				op, err := s.Undo()
				if err != nil {
					t.Fatal(err)
				}
				if !op.Undo() || s.Phase() != Saving {
					t.Fatalf("Undo gave op.Undo() = %v in phase %v", op.Undo(), s.Phase())
				}
				s.Apply(op.Run())
				want := points[i]
				st, log := p.snapshot()
				if !reflect.DeepEqual(st, want.states) || !reflect.DeepEqual(log, want.log) {
					t.Errorf("undo %d: stored states/log\n%+v\n%+v\nwant\n%+v\n%+v", i, st, log, want.states, want.log)
				}
				if got := s.Question().Item.ID; got != want.question || s.Phase() != Asking {
					t.Errorf("undo %d: asking %v in phase %v, want %v asking", i, got, s.Phase(), want.question)
				}
				if got := s.Remaining(); got != want.remaining {
					t.Errorf("undo %d: Remaining %+v, want %+v", i, got, want.remaining)
				}
			}
			if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
				t.Errorf("Undo with nothing left: %v, want ErrNothingToUndo", err)
			}
			// The session goes on as if nothing had been answered.
			if got := grade(t, s, tc.grades[0]); got != points[0].question {
				t.Errorf("after undoing everything, graded %v, want %v", got, points[0].question)
			}
		})
	}
}

// withState returns states with id set to st.
func withState(states map[ItemID]ItemState, id ItemID, st ItemState) map[ItemID]ItemState {
	states[id] = st
	return states
}

func TestPracticeLeavesSchedulesAlone(t *testing.T) {
	p := newMem()
	p.states = onlyCards("moat", "who", "when")
	p.states[id("moat", "fact")] = reviewState(at(30, 8, 0), 9) // not due for days
	p.states[id("who", "fact")] = ItemState{Card: reviewState(at(25, 8, 0), 4).Card, Suspended: true}
	before, _ := p.snapshot()
	_, clock := newClock(at(21, 10, 0))
	sch := noFuzz()
	s := mustSession(t, testDeck(), p, sch, clock, Options{Practice: true, Seed: 7})
	if s.Mode() != ModePractice {
		t.Fatalf("mode %q, want practice", s.Mode())
	}
	if s.Intervals() != nil {
		t.Error("practice shows intervals, but nothing is scheduled")
	}
	asked := map[ItemID]int{}
	first := grade(t, s, fsrs.Again) // comes back at the end
	asked[first]++
	for _, r := range []fsrs.Rating{fsrs.Good, fsrs.Good} {
		asked[grade(t, s, r)]++
	}
	if s.Phase() != Finished {
		t.Fatalf("phase %v, want finished after 3 answers", s.Phase())
	}
	other := id("moat", "fact")
	if first == other {
		other = id("when", "fact")
	}
	if want := map[ItemID]int{first: 2, other: 1}; !reflect.DeepEqual(asked, want) || (first != id("when", "fact") && first != id("moat", "fact")) {
		t.Errorf("asked %v (first %v), want moat and when, the first twice (again at the end)", asked, first)
	}
	after, _ := p.snapshot()
	if !reflect.DeepEqual(after, before) {
		t.Errorf("practice changed stored states:\n%+v\nwant\n%+v", after, before)
	}
	for _, r := range p.log {
		if r.Mode != ModePractice {
			t.Errorf("review of %v logged as %q", r.Item, r.Mode)
		}
		// The log's state after a practice answer is the schedule the
		// item keeps: as it was, or a new card.
		want := fsrs.NewCard(r.ReviewedAt)
		if r.Before != nil {
			want = r.Before.Card
		}
		if !sameCard(r.After.Card, want) {
			t.Errorf("practice After of %v = %+v, want the unchanged schedule %+v", r.Item, r.After.Card, want)
		}
	}
}

func TestStudyAhead(t *testing.T) {
	now := at(21, 10, 0)
	states := onlyCards("moat", "who", "when")
	states[id("moat", "fact")] = reviewState(at(30, 8, 0), 9)
	states[id("who", "fact")] = reviewState(at(24, 8, 0), 4)
	states[id("when", "fact")] = reviewState(at(27, 8, 0), 7)
	for _, tc := range []struct {
		name     string
		opts     Options
		mode     Mode
		want     []ItemID
		newState bool
	}{
		{"nothing due and no ahead: finished at once", Options{}, ModeReview, nil, false},
		{"ahead: the items due soonest", Options{Ahead: true, Limit: 2}, ModeAhead, []ItemID{id("who", "fact"), id("when", "fact")}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newMem()
			p.states = mapsClone(states)
			_, clock := newClock(now)
			sch := noFuzz()
			s := mustSession(t, testDeck(), p, sch, clock, tc.opts)
			if s.Mode() != tc.mode {
				t.Errorf("mode %q, want %q", s.Mode(), tc.mode)
			}
			if got := drain(t, s, fsrs.Good); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("asked %v, want %v", got, tc.want)
			}
			f := fsrs.NewFSRS(sch.Params)
			for _, id := range tc.want {
				want, _ := f.Next(states[id].Card, now.UTC(), fsrs.Good)
				if !sameCard(p.states[id].Card, want.Card) {
					t.Errorf("%v stored %+v, want FSRS at the real time %+v", id, p.states[id].Card, want.Card)
				}
				if p.log[0].Mode != ModeAhead {
					t.Errorf("logged as %q, want ahead", p.log[0].Mode)
				}
			}
		})
	}
}

func mapsClone(m map[ItemID]ItemState) map[ItemID]ItemState {
	out := map[ItemID]ItemState{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

// TestReplayMatchesFSRS studies one item through sessions at fixed times
// with fixed ratings, fuzz on, and checks every stored state and logged
// After against go-fsrs run on its own, at the moment of the day that
// seeds the item's fuzz (see repeat), moved to the review's time.
func TestReplayMatchesFSRS(t *testing.T) {
	reviews := []struct {
		at     time.Time
		rating fsrs.Rating
	}{
		{at(21, 23, 30), fsrs.Good}, // 14:30 UTC
		{at(21, 23, 41), fsrs.Good}, // the 10m step: graduates
		{time.Date(2023, 6, 20, 8, 0, 0, 0, kst), fsrs.Good},
		{time.Date(2023, 8, 1, 3, 0, 0, 0, kst), fsrs.Again}, // lapses (still July 31st's study day)
		{time.Date(2023, 8, 1, 3, 12, 0, 0, kst), fsrs.Hard},
		{time.Date(2023, 8, 1, 3, 25, 0, 0, kst), fsrs.Good},
		{time.Date(2024, 2, 1, 12, 0, 0, 0, kst), fsrs.Easy},
		{time.Date(2026, 1, 1, 12, 0, 0, 0, kst), fsrs.Good},
	}
	sch := DefaultScheduling() // fuzz on
	p := newMem()
	p.states = onlyCards("moat")
	c, clock := newClock(reviews[0].at)
	f := fsrs.NewFSRS(sch.Params)
	want := fsrs.NewCard(reviews[0].at)
	for i, rv := range reviews {
		c.set(rv.at)
		s := mustSession(t, testDeck(), p, sch, clock, Options{})
		if q := s.Question(); q == nil || q.Item.ID != id("moat", "fact") {
			t.Fatalf("review %d at %v: moat is not asked", i, rv.at)
		}
		grade(t, s, rv.rating)
		pin := pinned(id("moat", "fact"), want, rv.at)
		info, err := f.Next(want, pin, rv.rating)
		if err != nil {
			t.Fatal(err)
		}
		want = info.Card
		want.Due, want.LastReview = want.Due.Add(rv.at.Sub(pin)), rv.at
		got := p.states[id("moat", "fact")].Card
		if !sameCard(got, want) || !sameCard(p.log[i].After.Card, want) {
			t.Fatalf("review %d: stored %+v\nwant %+v", i, got, want)
		}
	}
	if want.Lapses != 1 || want.Reps != uint64(len(reviews)) {
		t.Errorf("the replay did not exercise a lapse: %+v", want)
	}
}

func TestApplyErrorKeepsTheAnswer(t *testing.T) {
	p := newMem()
	p.states = onlyCards("moat")
	c, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{Kind: QuestionTyped})
	c.add(4 * time.Second)
	check := s.AnswerTyped("기술력")
	if check.Verdict != Right {
		t.Fatalf("check %+v, want right", check)
	}
	op, err := s.Grade(fsrs.Good)
	if err != nil {
		t.Fatal(err)
	}
	p.fail = errors.New("save review of article/moat/fact: disk full")
	c.add(time.Minute)
	res := op.Run()
	if res.Err() != p.fail {
		t.Fatalf("Run returned %q, want the Progress's error unchanged (it names the review already)", res.Err())
	}
	s.Apply(res)
	if s.Phase() != Answered || s.Question().Item.ID != id("moat", "fact") {
		t.Fatalf("after a failed save: phase %v on %v, want answered on moat", s.Phase(), s.Question().Item.ID)
	}
	if len(p.log) != 0 {
		t.Fatalf("a failed save left %d log rows", len(p.log))
	}
	p.fail = nil
	op, err = s.Grade(fsrs.Easy) // a second thought: the learner may grade otherwise
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(op.Run())
	if len(p.log) != 1 {
		t.Fatalf("%d log rows after the retry, want 1", len(p.log))
	}
	r := p.log[0]
	if r.Typed != "기술력" || r.Duration != 4*time.Second || !r.ReviewedAt.Equal(at(21, 10, 0).Add(4*time.Second)) || r.Question != QuestionTyped {
		t.Errorf("saved %+v, want the answer as typed 4s after it was shown", r)
	}
	if s.Phase() != Finished {
		t.Errorf("phase %v, want finished", s.Phase())
	}
}

func TestPhaseGuards(t *testing.T) {
	p := newMem()
	p.states = onlyCards("moat", "who")
	_, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{Kind: QuestionChoice, Seed: 3})
	if _, err := s.Grade(fsrs.Good); !errors.Is(err, ErrPhase) {
		t.Errorf("Grade while asking: %v, want ErrPhase", err)
	}
	if c := s.AnswerChoice(4); !reflect.DeepEqual(c, Check{}) || s.Phase() != Asking {
		t.Errorf("AnswerChoice(4) of 4 options: %+v, phase %v; want nothing done", c, s.Phase())
	}
	if c := s.AnswerChoice(-1); !reflect.DeepEqual(c, Check{}) || s.Phase() != Asking {
		t.Errorf("AnswerChoice(-1): %+v, phase %v; want nothing done", c, s.Phase())
	}
	q := s.Question()
	wrong := (q.Correct + 1) % len(q.Options)
	if c := s.AnswerChoice(wrong); c.Verdict != Wrong || c.Suggested != fsrs.Again || c.Expected != q.Answer {
		t.Errorf("a wrong choice gave %+v", c)
	}
	if _, err := s.Grade(0); err == nil {
		t.Error("Grade(0) accepted")
	}
	op, err := s.Grade(fsrs.Hard) // the learner overrides the suggestion
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrPhase) {
		t.Errorf("Undo while saving: %v, want ErrPhase", err)
	}
	s.Apply(Result{op: &Op{}}) // not the pending op: ignored
	if s.Phase() != Saving {
		t.Fatalf("a stray op moved the session to %v", s.Phase())
	}
	res := op.Run()
	s.Apply(res)
	if p.log[0].Rating != fsrs.Hard || p.log[0].Typed != q.Options[wrong] {
		t.Errorf("saved %+v, want Hard with the chosen option", p.log[0])
	}
	s.Apply(res) // applied twice: ignored
	if len(s.history) != 1 {
		t.Errorf("applying twice saved %d answers", len(s.history))
	}
}

func TestIntervalsAreWhatGradeGives(t *testing.T) {
	for _, tc := range []struct {
		name  string
		state *ItemState
	}{
		{"new", nil},
		{"review", &ItemState{Card: reviewState(at(21, 8, 0), 20).Card}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, s := moatSession(t, tc.state, DefaultScheduling(), Options{})
			c.add(3 * time.Second)
			s.Reveal()
			c.add(time.Minute) // grading later does not change the review time
			shown := s.Intervals()
			if len(shown) != 4 {
				t.Fatalf("Intervals = %v", shown)
			}
			for _, r := range []fsrs.Rating{fsrs.Again, fsrs.Hard, fsrs.Good, fsrs.Easy} {
				op, err := s.Grade(r)
				if err != nil {
					t.Fatal(err)
				}
				rev := op.Review()
				if got := rev.After.Card.Due.Sub(rev.ReviewedAt); got != shown[r] {
					t.Errorf("%v: Grade schedules %v, Intervals showed %v", r, got, shown[r])
				}
				s.Apply(failed(op, errors.New("not saved"))) // back to Answered for the next rating
			}
			if tc.state == nil && (shown[fsrs.Again] != time.Minute || shown[fsrs.Hard] != 6*time.Minute || shown[fsrs.Good] != 10*time.Minute) {
				t.Errorf("new item intervals %v, want Anki's 1m 6m 10m", shown)
			}
		})
	}
}

func TestNextDue(t *testing.T) {
	p := newMem()
	p.states = onlyCards("moat", "who")
	p.states[id("who", "fact")] = reviewState(at(25, 8, 0), 4)
	c, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{})
	grade(t, s, fsrs.Good) // moat: learning, 10m step
	if due, ok := s.NextDue(); !ok || !due.Equal(at(21, 10, 10)) {
		t.Errorf("NextDue = %v %v, want moat's step at 10:10", due, ok)
	}
	c.add(time.Hour)
	grade(t, s, fsrs.Easy) // moat graduates
	if s.Phase() != Finished {
		t.Fatal("not finished")
	}
	if due, ok := s.NextDue(); !ok || !due.Equal(at(25, 8, 0)) {
		t.Errorf("NextDue = %v %v, want who at 25th 8:00", due, ok)
	}
}

// TestNewTomorrow: after a session that used up the day, the new cards
// it left for tomorrow (held back by a related card studied today, or
// beyond today's new limit) are counted for the summary, which NextDue
// alone would leave out; none when every card was studied.
func TestNewTomorrow(t *testing.T) {
	bury, off := noFuzz(), noFuzz()
	off.BurySiblings = false
	limited := off
	limited.NewPerDay = 2
	for _, tc := range []struct {
		name       string
		sch        Scheduling
		asked, new int
	}{
		{"related cards held back", bury, 3, 1}, // the clozes and the fact of the vocab cards' sentence: one a day
		{"beyond the new limit", limited, 2, 2},
		{"every card studied", off, 6, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, clock := newClock(at(21, 10, 0))
			s := mustSession(t, minedDeck(), newMem(), tc.sch, clock, Options{Direction: DirKoEn})
			if asked := drain(t, s, fsrs.Easy); len(asked) != tc.asked {
				t.Fatalf("asked %v, want %d", asked, tc.asked)
			}
			if got := s.NewTomorrow(); got != tc.new {
				t.Errorf("NewTomorrow = %d, want %d", got, tc.new)
			}
			if due, ok := s.NextDue(); !ok || !due.After(at(22, 4, 0)) {
				t.Errorf("NextDue = %v %v, want the reviews' due days later", due, ok)
			}
		})
	}
}

// TestOpRunsInAnotherGoroutine runs ops the way the TUI does (a tea.Cmd)
// under the race detector.
func TestOpRunsInAnotherGoroutine(t *testing.T) {
	p := newMem()
	p.states = onlyCards("moat", "who")
	_, clock := newClock(at(21, 10, 0))
	s := mustSession(t, testDeck(), p, noFuzz(), clock, Options{})
	var mu sync.Mutex
	results := make(chan Result)
	for s.Phase() != Finished {
		s.Reveal()
		op, err := s.Grade(fsrs.Easy)
		if err != nil {
			t.Fatal(err)
		}
		go func() { mu.Lock(); defer mu.Unlock(); results <- op.Run() }()
		s.Apply(<-results)
	}
	if len(p.log) != 2 {
		t.Errorf("%d reviews saved, want 2", len(p.log))
	}
}

func TestNewSessionErrors(t *testing.T) {
	bad := DefaultScheduling()
	bad.RolloverHour = 24
	for _, tc := range []struct {
		name string
		deck *Deck
		sch  Scheduling
		opts Options
	}{
		{"no deck", nil, DefaultScheduling(), Options{}},
		{"bad kind", testDeck(), DefaultScheduling(), Options{Kind: "essay"}},
		{"bad direction", testDeck(), DefaultScheduling(), Options{Direction: "ko-ja"}},
		{"bad lang", testDeck(), DefaultScheduling(), Options{Lang: "ja"}},
		{"negative limit", testDeck(), DefaultScheduling(), Options{Limit: -1}},
		{"bad rollover", testDeck(), bad, Options{}},
	} {
		if _, err := NewSession(tc.deck, newMem(), tc.sch, nil, tc.opts); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

// TestQuickAnswerSuggestsEasyOnlyForReviews: a quick exact answer
// suggests Easy for an item in review, but only Good for a new item,
// whose learning steps Easy would skip.
func TestQuickAnswerSuggestsEasyOnlyForReviews(t *testing.T) {
	for _, tc := range []struct {
		name  string
		state *ItemState
		want  fsrs.Rating
	}{
		{"new", nil, fsrs.Good},
		{"learning", ptrState(learningState(at(21, 9, 0))), fsrs.Good},
		{"review", ptrState(reviewState(at(21, 8, 0), 5)), fsrs.Easy},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, s := moatSession(t, tc.state, noFuzz(), Options{Kind: QuestionTyped})
			c.add(time.Second)
			if check := s.AnswerTyped("기술력"); check.Verdict != Right || check.Suggested != tc.want {
				t.Errorf("quick right answer: %v suggesting %v, want right suggesting %v", check.Verdict, check.Suggested, tc.want)
			}
		})
	}
}

func ptrState(st ItemState) *ItemState { return &st }

// moatSession is a session over the moat card alone at 10:00 on the 21st,
// its fact item in state st (nil: new), with the clock that drives it.
func moatSession(t *testing.T, st *ItemState, sch Scheduling, opts Options) (*fakeClock, *Session) {
	t.Helper()
	p := newMem()
	p.states = onlyCards("moat")
	if st != nil {
		p.states[id("moat", "fact")] = *st
	}
	c, clock := newClock(at(21, 10, 0))
	return c, mustSession(t, testDeck(), p, sch, clock, opts)
}

// TestCustomStudyFilters: only vocabulary, only facts (and cloze), only a
// tag (in any case) and only one direction each ask just those items; an
// unknown card filter is refused.
func TestCustomStudyFilters(t *testing.T) {
	deck := testDeck()
	deck.Cards[1].Tags = []string{"Memo"}
	deck.Cards[3].Tags = []string{"memo", "llm"}
	sch := noFuzz()
	sch.NewPerDay = 100
	for _, tc := range []struct {
		opts Options
		want []ItemID
	}{
		{Options{Cards: CardsVocab}, []ItemID{id("haeja", "ko-en"), id("chuton", "ko-en")}},
		{Options{Cards: CardsVocab, Direction: DirEnKo}, []ItemID{id("haeja", "en-ko"), id("chuton", "en-ko")}},
		{Options{Cards: CardsFacts}, []ItemID{id("moat", "fact"), id("who", "fact"), id("when", "fact"), id("train", "c1")}},
		{Options{Tag: "memo"}, []ItemID{id("who", "fact"), id("haeja", "ko-en")}},
		{Options{Tag: "MEMO", Cards: CardsFacts}, []ItemID{id("who", "fact")}},
		{Options{Tag: "none"}, nil},
	} {
		_, clock := newClock(at(21, 10, 0))
		s := mustSession(t, deck, newMem(), sch, clock, tc.opts)
		if got := drain(t, s, fsrs.Easy); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%+v asked %v, want %v", tc.opts, got, tc.want)
		}
	}
	if _, err := NewSession(deck, newMem(), sch, nil, Options{Cards: "words"}); err == nil {
		t.Error(`cards "words" was accepted`)
	}
}

// A filter does not renew the deck's day when studying ahead either: a
// card answered today through an item left out stays buried, and that
// answer counts against the day's review limit.
func TestStudyAheadFilterKeepsTheDay(t *testing.T) {
	states := onlyCards("haeja", "who")
	states[id("haeja", "en-ko")] = reviewState(at(25, 8, 0), 4) // reviewed today at 8:00
	states[id("haeja", "ko-en")] = reviewState(at(23, 8, 0), 5)
	states[id("who", "fact")] = reviewState(at(24, 8, 0), 4)
	for _, tc := range []struct {
		name    string
		reviews int
		opts    Options
		want    []ItemID
		why     AheadEmpty
	}{
		{"sibling answered today", 100, Options{Ahead: true, Direction: DirKoEn}, []ItemID{id("who", "fact")}, AheadFound},
		{"review limit reached", 1, Options{Ahead: true, Cards: CardsFacts}, nil, AheadReviewLimit},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newMem()
			p.states = mapsClone(states)
			_, clock := newClock(at(21, 10, 0))
			sch := noFuzz()
			sch.ReviewsPerDay = tc.reviews
			s := mustSession(t, testDeck(), p, sch, clock, tc.opts)
			if why := s.WhyNothingAhead(); why != tc.why {
				t.Errorf("why nothing ahead %v, want %v", why, tc.why)
			}
			if got := drain(t, s, fsrs.Good); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("asked %v, want %v", got, tc.want)
			}
		})
	}
}
