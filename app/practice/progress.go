package practice

import (
	"encoding/json"
	"slices"
	"strings"
)

// Key is where progress lives in the browser's localStorage. The version is
// in the name as well as in the data: a future format gets a new key, and
// an old copy never reads a new format as its own.
const Key = "whichstatus.practice.v1"

// Version is the format of the stored progress.
const Version = 1

// The schedule is a Leitner system with five boxes, not SM-2. SM-2 grades
// each answer 0 to 5 by how hard it felt and tunes an ease factor per item
// over many reviews; a practice question is simply right or wrong, a set
// has a few dozen questions, and a learner should be able to read the
// schedule ("box 3 of 5: back in 3 days"). Leitner fits that: a right
// answer moves a question up one box (a new one straight to box 2), a
// wrong one sends it back to box 1, which comes back the same day, and
// each box waits longer before the question comes back.
var boxDays = [...]int{0, 0, 1, 3, 7, 16} // by box; box 0 is "never asked"

// Boxes is the number of Leitner boxes.
const Boxes = len(boxDays) - 1

// Progress is everything practice keeps on the device.
type Progress struct {
	V int `json:"v"`
	// Cards is each question's schedule and history, by question id.
	// Ids of questions that no longer exist are kept: a later version of
	// the site may bring them back.
	Cards map[string]*Card `json:"cards"`
	// Topics is each topic's history, by topic id.
	Topics map[string]*Tally `json:"topics"`
	Streak Streak            `json:"streak"`
}

// Card is one question's place in the schedule.
type Card struct {
	Box  int    `json:"box"`  // 1…Boxes
	Due  int    `json:"due"`  // the day it comes back (see Today)
	Hist string `json:"hist"` // the last answers, oldest first: "1" right, "0" wrong
}

// Tally is a topic's history.
type Tally struct {
	Right int    `json:"right"`
	Wrong int    `json:"wrong"`
	Hist  string `json:"hist"`
}

// Streak counts the days practised in a row, gently: one day off does not
// break it, and after a longer break it is halved, not lost.
type Streak struct {
	Days int `json:"days"` // the streak
	Last int `json:"last"` // the last day practised
	Best int `json:"best"`
}

// keepHist is how many answers a history keeps.
const keepHist = 12

// New is an empty progress.
func New() *Progress {
	return &Progress{V: Version, Cards: map[string]*Card{}, Topics: map[string]*Tally{}}
}

// Decode reads stored progress. Nothing stored is an empty progress. Data
// that cannot be read, or that an older or newer format wrote, gives an
// empty progress and an error that says so in a learner's words: the page
// shows it and starts clean, and touches nothing else that is stored.
func Decode(data string) (*Progress, error) {
	if strings.TrimSpace(data) == "" {
		return New(), nil
	}
	var p Progress
	if err := json.Unmarshal([]byte(data), &p); err != nil {
		return New(), errUnreadable
	}
	if p.V != Version {
		return New(), errFormat
	}
	if p.Cards == nil {
		p.Cards = map[string]*Card{}
	}
	if p.Topics == nil {
		p.Topics = map[string]*Tally{}
	}
	ok := p.Streak.Days >= 0 && p.Streak.Best >= p.Streak.Days
	for _, c := range p.Cards {
		ok = ok && c != nil && c.Box >= 1 && c.Box <= Boxes && marks(c.Hist)
	}
	for _, t := range p.Topics {
		ok = ok && t != nil && t.Right >= 0 && t.Wrong >= 0 && marks(t.Hist)
	}
	if !ok {
		return New(), errUnreadable
	}
	return &p, nil
}

// marks: a history holds only 1s and 0s.
func marks(h string) bool { return strings.Trim(h, "01") == "" }

type decodeError string

func (e decodeError) Error() string { return string(e) }

const (
	errUnreadable decodeError = "Your saved practice progress could not be read (it may have been damaged), so practice starts afresh. Your saved cases are untouched."
	errFormat     decodeError = "Your saved practice progress was written by another version of whichstatus and cannot be read here, so practice starts afresh. Your saved cases are untouched."
)

// Encode is the progress as stored.
func (p *Progress) Encode() string {
	b, _ := json.Marshal(p)
	return string(b)
}

// Record adds an answer given on a day: the question's box moves (up one
// when right, back to box 1 when wrong) and its next day is set; the
// topic's history and the streak follow.
func (p *Progress) Record(qid, topic string, right bool, day int) {
	c := p.Cards[qid]
	if c == nil {
		c = &Card{}
		p.Cards[qid] = c
	}
	mark := "0"
	if right {
		mark = "1"
		c.Box = min(max(c.Box+1, 2), Boxes)
	} else {
		c.Box = 1
	}
	c.Due = day + boxDays[c.Box]
	c.Hist = tail(c.Hist + mark)
	t := p.Topics[topic]
	if t == nil {
		t = &Tally{}
		p.Topics[topic] = t
	}
	if right {
		t.Right++
	} else {
		t.Wrong++
	}
	t.Hist = tail(t.Hist + mark)
	p.Streak.practised(day)
}

func tail(h string) string { return h[max(0, len(h)-keepHist):] }

func (s *Streak) practised(day int) {
	switch gap := day - s.Last; {
	case s.Days == 0:
		s.Days = 1
	case gap <= 0: // the same day again (or a clock set back)
	case gap <= 2: // the next day, or with one day off between
		s.Days++
	default:
		s.Days = max(1, s.Days/2)
	}
	s.Last = max(s.Last, day)
	s.Best = max(s.Best, s.Days)
}

// StreakNow is the streak as it stands on a day: still whole after one
// day off, halved after a longer break (it is only stored when the
// learner practises again).
func (p *Progress) StreakNow(day int) int {
	s := p.Streak
	if s.Days == 0 || day-s.Last <= 2 {
		return s.Days
	}
	return max(1, s.Days/2)
}

// Order is the set's questions in the order to ask them: the ones due
// (missed ones first, as they sit in box 1), then the ones never asked, then
// the rest by the day they are due. Within each, the set's own order.
func (p *Progress) Order(qs []*Question, day int) []*Question {
	rank := func(q *Question) (int, int) {
		c := p.Cards[q.ID]
		switch {
		case c == nil:
			return 1, 0
		case c.Due <= day:
			return 0, c.Box
		}
		return 2, c.Due
	}
	less := func(a, b *Question) bool {
		ra, sa := rank(a)
		rb, sb := rank(b)
		return ra < rb || ra == rb && sa < sb
	}
	// An insertion sort: stable, and a set is a few dozen questions; the
	// sort package's stable sort would add its code to app.wasm.
	out := slices.Clone(qs)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && less(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Mastery is how well a topic is known, from 0 to 1: how far up the boxes
// its questions are (box 1, where a miss sends one, counts as nothing, as
// does never asked), so it grows only as answers stay right over days.
func (p *Progress) Mastery(topic string, qs []*Question) (float64, int) {
	sum, n := 0, 0
	for _, q := range qs {
		if TopicOf(q.Code()).ID != topic {
			continue
		}
		n++
		if c := p.Cards[q.ID]; c != nil {
			sum += c.Box - 1
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(sum) / float64(n*(Boxes-1)), n
}

// MasteryWords says a mastery in words.
func MasteryWords(m float64, asked bool) string {
	switch {
	case !asked:
		return "not started"
	case m < 0.2:
		return "just started"
	case m < 0.45:
		return "learning"
	case m < 0.7:
		return "getting there"
	case m < 0.9:
		return "solid"
	}
	return "mastered"
}
