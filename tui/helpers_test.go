package tui

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/moatquiz/moatquiz/quiz"
	"github.com/moatquiz/moatquiz/stats"
)

// memProgress is an in-memory quiz.Progress.
type memProgress struct {
	mu      sync.Mutex
	states  map[quiz.ItemID]quiz.ItemState
	reviews []quiz.Review
	fail    error // Record and Unrecord return it when set
	nextID  int64
	// choices are the remembered choices, the last deck's first;
	// SaveChoice returns choiceFail when set.
	choices    []quiz.Choice
	choiceFail error
}

func newMemProgress() *memProgress {
	return &memProgress{states: map[quiz.ItemID]quiz.ItemState{}}
}

func (p *memProgress) States(deck string) (map[quiz.ItemID]quiz.ItemState, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[quiz.ItemID]quiz.ItemState{}
	for id, st := range p.states {
		if id.Deck == deck {
			out[id] = st
		}
	}
	return out, nil
}

func (p *memProgress) Record(r quiz.Review) (quiz.Review, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fail != nil {
		return quiz.Review{}, p.fail
	}
	p.nextID++
	r.ID = p.nextID
	p.reviews = append(p.reviews, r)
	if r.Mode != quiz.ModePractice {
		p.states[r.Item] = r.After
	}
	return r, nil
}

func (p *memProgress) Unrecord(r *quiz.Review) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fail != nil {
		return p.fail
	}
	for i, rv := range p.reviews {
		if rv.ID == r.ID {
			p.reviews = append(p.reviews[:i], p.reviews[i+1:]...)
			break
		}
	}
	if r.Mode != quiz.ModePractice {
		if r.Before == nil {
			delete(p.states, r.Item)
		} else {
			p.states[r.Item] = *r.Before
		}
	}
	return nil
}

// saveChoice remembers c first, in place of its deck's choice.
func (p *memProgress) saveChoice(c quiz.Choice) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.choiceFail != nil {
		return p.choiceFail
	}
	kept := []quiz.Choice{c}
	for _, old := range p.choices {
		if old.Deck != c.Deck {
			kept = append(kept, old)
		}
	}
	p.choices = kept
	return nil
}

// remembered is a copy of the remembered choices.
func (p *memProgress) remembered() []quiz.Choice {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]quiz.Choice(nil), p.choices...)
}

// Unsuspend schedules a suspended item again, keeping when it was met.
func (p *memProgress) Unsuspend(id quiz.ItemID) (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	st, ok := p.states[id]
	if p.fail != nil || !ok {
		return false, cmp.Or(p.fail, fmt.Errorf("no item %s", id))
	}
	p.states[id] = quiz.ItemState{Card: st.Card, Introduced: st.Introduced}
	return st.Suspended, nil
}

func (p *memProgress) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.reviews)
}

// testNow is the tests' fixed clock.
var testNow = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// testDeck is a small deck with every kind of card, in Korean.
func testDeck() *quiz.Deck {
	return &quiz.Deck{
		Format: 1, ID: "moat", Title: "구글 메모: 해자가 없다", TitleEn: "The Google memo: no moat", Lang: "ko",
		Source: quiz.Source{Publisher: "아시아경제", Date: "2023-05-20", Author: "임주형", Column: "테크토크"},
		Cards: []quiz.Card{
			{
				ID: "v-haeja", Kind: quiz.KindVocab, Word: "해자", Meanings: []string{"moat"}, POS: "noun",
				Example: &quiz.Bilingual{Ko: "우리에게는 해자(moat)가 없고, 오픈AI에게도 없다.", En: "We have no moat, and neither does OpenAI."},
				Explain: &quiz.Bilingual{Ko: "성 둘레에 파 놓은 못.", En: "A moat dug around a castle; in business, an edge that keeps competitors out."},
			},
			{
				ID: "leak", Kind: quiz.KindFact,
				Prompt: "구글 사내 메시지를 공개한 곳은 어디인가요?", PromptEn: "Who published the internal Google message?",
				Answer: "세미애널리시스", AnswerEn: "SemiAnalysis",
				Distractors:    []string{"이코노미스트", "딥마인드", "스태빌리티AI"},
				DistractorsEn:  []string{"The Economist", "DeepMind", "Stability AI"},
				Explain:        &quiz.Bilingual{Ko: "미국 반도체 분석 그룹입니다.", En: "A US semiconductor analysis group."},
				SourceSentence: "지난 4일(현지시간) 미국 반도체 분석 그룹 '세미애널리시스'가 유출한 구글 사내 메시지 내용입니다.",
			},
			{
				ID: "v-yuchul", Kind: quiz.KindVocab, Word: "유출", Meanings: []string{"leak", "outflow"}, POS: "noun",
			},
			{
				ID: "c-moat", Kind: quiz.KindCloze,
				Text:        "우리에게는 {{c1::해자}}(moat)가 없고, {{c2::오픈AI::maker of ChatGPT}}에게도 없다.",
				Translation: "We have no moat, and neither does OpenAI.",
			},
		},
	}
}

// newTestModel is the app over testDeck at a fixed time, in monochrome,
// sized width x height, with its decks loaded.
func newTestModel(t *testing.T, p *memProgress, start *Start, width, height int) Model {
	t.Helper()
	return newDeckModel(t, testDeck(), p, start, width, height)
}

// newDeckModel is newTestModel over deck d.
func newDeckModel(t *testing.T, d *quiz.Deck, p *memProgress, start *Start, width, height int) Model {
	t.Helper()
	m := New(Config{
		Backend:    backend(func() ([]*quiz.Deck, error) { return []*quiz.Deck{d}, nil }, p, quiz.DefaultScheduling()),
		Scheduling: quiz.DefaultScheduling(),
		Clock:      func() time.Time { return testNow },
		Start:      start,
		Mono:       true,
	})
	m = send(t, m, tea.WindowSizeMsg{Width: width, Height: height})
	return send(t, m, m.Init()())
}

// send feeds msg to the model and runs the commands it returns, and their
// commands, feeding their messages back, as the Bubble Tea runtime would.
func send(t *testing.T, m Model, msg tea.Msg) Model {
	t.Helper()
	m, _ = drive(t, m, msg)
	return m
}

// drive is send that also reports whether the app quit. It fails the
// test after 1,000 messages: the commands would never come to rest.
func drive(t *testing.T, m Model, msg tea.Msg) (Model, bool) {
	t.Helper()
	quit := false
	queue := []tea.Msg{msg}
	for n := 0; len(queue) > 0; n++ {
		if n == 1000 {
			t.Fatalf("%d messages and %d more queued: the commands never come to rest", n, len(queue))
		}
		msg, queue = queue[0], queue[1:]
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		if _, ok := msg.(tea.QuitMsg); ok {
			quit = true
			continue
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		if cmd != nil {
			queue = append(queue, cmd())
		}
	}
	return m, quit
}

// press sends key presses, each given as the text a key types, or as a
// key name: "enter", "esc", "space", "backspace", "tab", "up", "down",
// "left", "right", "ctrl+c", "ctrl+k".
func press(t *testing.T, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		m = send(t, m, keyMsg(k))
	}
	return m
}

// keyMsg is the key press of a key name or typed text.
func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "space": {Code: tea.KeySpace, Text: " "},
		"backspace": {Code: tea.KeyBackspace}, "tab": {Code: tea.KeyTab}, "up": {Code: tea.KeyUp},
		"down": {Code: tea.KeyDown}, "left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
		"ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "ctrl+k": {Code: 'k', Mod: tea.ModCtrl}, "ctrl+z": {Code: 'z', Mod: tea.ModCtrl},
		"ctrl+a": {Code: 'a', Mod: tea.ModCtrl}, "ctrl+e": {Code: 'e', Mod: tea.ModCtrl}, "ctrl+u": {Code: 'u', Mod: tea.ModCtrl},
		"delete": {Code: tea.KeyDelete},
	}
	if key, ok := named[k]; ok {
		return tea.KeyPressMsg(key)
	}
	r := []rune(k)
	code := r[0]
	if len(r) > 1 {
		code = tea.KeyExtended
	}
	return tea.KeyPressMsg(tea.Key{Code: code, Text: k})
}

// typeText sends text one character at a time, as a terminal does.
func typeText(t *testing.T, m Model, text string) Model {
	t.Helper()
	for _, r := range text {
		m = press(t, m, string(r))
	}
	return m
}

// screenText is the model's view without styles.
func screenText(m Model) string { return ansi.Strip(m.View().Content) }

// checkFits fails when the view has more lines, or a wider line, than the
// terminal.
func checkFits(t *testing.T, m Model) {
	t.Helper()
	view := m.View().Content
	ls := strings.Split(view, "\n")
	if view != "" && len(ls) > m.height {
		t.Errorf("%dx%d: the view has %d lines", m.width, m.height, len(ls))
	}
	for i, l := range ls {
		if w := ansi.StringWidth(l); w > m.width {
			t.Errorf("%dx%d: line %d is %d cells wide: %q", m.width, m.height, i+1, w, ansi.Strip(l))
		}
	}
}

// fakeBackend is the app's backend over decks in memory: counts and
// sessions over the whole deck and every state of its progress, at
// testNow.
type fakeBackend struct {
	decks    func() ([]*quiz.Deck, error)
	progress *memProgress
	sch      quiz.Scheduling
	stats    func(stats.Query) (*stats.Stats, error) // nil: no figures
	more     map[string]int                          // new items added to today's limit, by deck
	mine     func(path string) (*Mined, error)       // nil: mining fails
	cards    *fakeCards                              // the card browser's marks
}

// backend is a fakeBackend of decks, their progress p and scheduling sch.
func backend(decks func() ([]*quiz.Deck, error), p *memProgress, sch quiz.Scheduling) fakeBackend {
	// testDeck's cloze tests its vocab card's word, which would hold it
	// back for a day (quiz tests that): the screens' tests ask both.
	sch.BurySiblings = false
	return fakeBackend{decks: decks, progress: p, sch: sch, more: map[string]int{}, cards: newFakeCards()}
}

// schedOf is the scheduling of deck id today: more new items.
func (b fakeBackend) schedOf(id string) quiz.Scheduling {
	sch := b.sch
	sch.NewPerDay += b.more[id]
	return sch
}

func (b fakeBackend) MoreNew(id string, n int) error {
	b.more[id] += n
	return nil
}

func (b fakeBackend) Choices() ([]quiz.Choice, error) { return b.progress.remembered(), nil }

func (b fakeBackend) SaveChoice(c quiz.Choice) error { return b.progress.saveChoice(c) }

func (b fakeBackend) Unsuspend(id quiz.ItemID) (bool, error) { return b.progress.Unsuspend(id) }

func (b fakeBackend) Decks(now time.Time) ([]quiz.DeckStatus, error) {
	decks, err := b.decks()
	if err != nil && len(decks) == 0 {
		return nil, fmt.Errorf("load decks: %w", err)
	}
	var list []quiz.DeckStatus
	for _, d := range decks {
		st := quiz.DeckStatus{Deck: d, Cards: len(d.Cards), Items: len(d.Items()), Bilingual: d.BilingualFacts()}
		for _, c := range d.Cards {
			st.Tags = append(st.Tags, c.Tags...)
		}
		slices.Sort(st.Tags)
		st.Tags = slices.Compact(st.Tags)
		var states map[quiz.ItemID]quiz.ItemState
		if states, st.Err = b.progress.States(d.ID); st.Err == nil {
			sch := b.schedOf(d.ID)
			st.Counts = quiz.Counts(d, states, sch, now)
			sch.NewPerDay = 1 << 20
			st.MoreNew = quiz.Counts(d, states, sch, now).New > st.Counts.New
		}
		list = append(list, st)
	}
	if err != nil {
		err = fmt.Errorf("some decks were left out: %w", err)
	}
	return list, err
}

// Counts are what a whole-deck review session with opts holds at its
// start, and whether one without the new limit would hold more new items.
func (b fakeBackend) Counts(id string, opts quiz.Options, now time.Time) (quiz.DeckCounts, bool, error) {
	decks, _ := b.decks()
	i := slices.IndexFunc(decks, func(d *quiz.Deck) bool { return d.ID == id })
	if i < 0 {
		return quiz.DeckCounts{}, false, fmt.Errorf("no deck %q", id)
	}
	opts.Practice, opts.Ahead, opts.Limit = false, false, 0
	held := func(sch quiz.Scheduling) (quiz.DeckCounts, error) {
		s, err := quiz.NewSession(decks[i], b.progress, sch, func() time.Time { return now }, opts)
		if err != nil {
			return quiz.DeckCounts{}, err
		}
		r := s.Remaining()
		return quiz.DeckCounts{New: r.New, Learning: r.Learning, Review: r.Review}, nil
	}
	sch := b.schedOf(id)
	counts, err := held(sch)
	sch.NewPerDay = 1 << 20
	beyond, _ := held(sch)
	return counts, beyond.New > counts.New, err
}

func (b fakeBackend) StartSession(d *quiz.Deck, opts quiz.Options) (*quiz.Session, error) {
	return quiz.NewSession(d, b.progress, b.schedOf(d.ID), func() time.Time { return testNow }, opts)
}

func (b fakeBackend) Stats(q stats.Query) (*stats.Stats, error) {
	if b.stats == nil {
		return nil, errors.New("no figures in this test")
	}
	return b.stats(q)
}

// statsBy is b with its figures computed by fn.
func (b fakeBackend) statsBy(fn func(stats.Query) (*stats.Stats, error)) fakeBackend {
	b.stats = fn
	return b
}

func (b fakeBackend) Mine(path string) (*Mined, error) {
	if b.mine == nil {
		return nil, errors.New("no mining in this test")
	}
	return b.mine(path)
}
