package practice

import (
	"strings"
	"testing"
)

func TestLeitner(t *testing.T) {
	p := New()
	p.Record("q", "auth", true, 10)
	if c := p.Cards["q"]; c.Box != 2 || c.Due != 11 {
		t.Fatalf("after one right answer: %+v, want box 2 due day 11", c)
	}
	p.Record("q", "auth", true, 10)
	p.Record("q", "auth", true, 11)
	if c := p.Cards["q"]; c.Box != 4 || c.Due != 18 || c.Hist != "111" {
		t.Fatalf("after three right answers: %+v, want box 4 due day 18", c)
	}
	p.Record("q", "auth", false, 15)
	if c := p.Cards["q"]; c.Box != 1 || c.Due != 15 || c.Hist != "1110" {
		t.Fatalf("after a wrong answer: %+v, want box 1, due again today", c)
	}
	for i := 0; i < 10; i++ {
		p.Record("q", "auth", true, 20+i)
	}
	if c := p.Cards["q"]; c.Box != Boxes || len(c.Hist) != keepHist {
		t.Fatalf("after many right answers: %+v, want box %d and %d answers kept", c, Boxes, keepHist)
	}
	if tl := p.Topics["auth"]; tl.Right != 13 || tl.Wrong != 1 {
		t.Errorf("topic tally = %+v, want 13 right, 1 wrong", tl)
	}
}

func TestStreakIsGentle(t *testing.T) {
	p := New()
	for _, day := range []int{1, 2, 2, 3, 5, 6} { // day 4 off
		p.Record("q", "x", true, day)
	}
	if p.Streak.Days != 5 {
		t.Fatalf("streak after one day off = %d, want 5 (the day off is forgiven)", p.Streak.Days)
	}
	if got := p.StreakNow(8); got != 5 {
		t.Errorf("StreakNow two days later = %d, want 5", got)
	}
	if got := p.StreakNow(20); got != 2 {
		t.Errorf("StreakNow after a long break = %d, want half of 5: 2", got)
	}
	p.Record("q", "x", true, 20)
	if p.Streak.Days != 2 || p.Streak.Best != 5 {
		t.Errorf("after a long break: %+v, want 2 days and the best of 5 kept", p.Streak)
	}
}

func TestDecode(t *testing.T) {
	p := New()
	p.Record("create-user", "success", true, 100)
	p.Record("missing-token~x", "auth", false, 100)
	got, err := Decode(p.Encode())
	if err != nil || got.Encode() != p.Encode() {
		t.Fatalf("Decode(Encode(p)) = %s, %v; want %s", got.Encode(), err, p.Encode())
	}
	if q, err := Decode(""); err != nil || len(q.Cards) != 0 {
		t.Errorf(`Decode("") = %+v, %v; want empty progress and no error`, q, err)
	}
	for _, bad := range []string{
		"{", "[]", "null x", `{"v": 1, "cards": {"a": {"box": 9}}}`, `{"v": 1, "cards": {"a": null}}`,
		`{"v": 1, "topics": {"a": {"right": -1}}}`, `{"v": 1, "cards": {"a": {"box": 2, "hist": "1x"}}}`,
		`{"v": 1, "streak": {"days": 4, "best": 2}}`, `"just a string"`,
	} {
		q, err := Decode(bad)
		if err == nil || q == nil || len(q.Cards) != 0 || q.V != Version {
			t.Errorf("Decode(%s) = %+v, %v; want a clean progress and an error", bad, q, err)
			continue
		}
		if !strings.Contains(err.Error(), "saved cases are untouched") {
			t.Errorf("Decode(%s) error %q does not reassure about the saved cases", bad, err)
		}
	}
	if _, err := Decode(`{"v": 0, "boxes": [1, 2]}`); err == nil || !strings.Contains(err.Error(), "another version") {
		t.Errorf("an old format gives %v, want the message about another version", err)
	}
}

func TestOrder(t *testing.T) {
	qs := []*Question{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}
	p := New()
	p.Record("a", "x", true, 1)
	p.Record("a", "x", true, 1)
	p.Record("a", "x", true, 2)  // box 3: due day 6
	p.Record("b", "x", false, 2) // missed: due day 2
	p.Record("c", "x", true, 2)  // box 1: due day 2
	var ids []string
	for _, q := range p.Order(qs, 3) {
		ids = append(ids, q.ID)
	}
	if got := strings.Join(ids, ""); got != "bcda" {
		t.Errorf("Order = %s, want the due ones (b, then c from a higher box), the new one (d), then a", got)
	}
}

func TestMastery(t *testing.T) {
	var auth []*Question
	for _, q := range All() {
		if TopicOf(q.Code()).ID == "auth" {
			auth = append(auth, q)
		}
	}
	p := New()
	if m, n := p.Mastery("auth", auth); m != 0 || n != len(auth) || MasteryWords(m, false) != "not started" {
		t.Fatalf("Mastery of nothing = %v of %d", m, n)
	}
	p.Record(auth[0].ID, "auth", false, 0)
	if m, _ := p.Mastery("auth", auth); m != 0 {
		t.Errorf("Mastery after a miss = %v, want 0", m)
	}
	for _, q := range auth {
		for day := 0; day < Boxes; day++ {
			p.Record(q.ID, "auth", true, day*30)
		}
	}
	if m, _ := p.Mastery("auth", auth); m != 1 || MasteryWords(m, true) != "mastered" {
		t.Errorf("Mastery after every question reached the last box = %v, want 1", m)
	}
}
