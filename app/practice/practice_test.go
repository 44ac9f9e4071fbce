package practice

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
	"whichstatus/app/status"
)

var update = flag.Bool("update", false, "rewrite testdata/questions.txt")

// Every question of every set, variations included, expects what the
// engine decides for its case now, and a scenario as it is expects the
// code its file states.
func TestEveryAnswerIsTheEngines(t *testing.T) {
	for _, s := range Sets {
		qs := s.Questions()
		if len(qs) == 0 {
			t.Errorf("set %s has no questions", s.ID)
		}
		for _, q := range qs {
			if got, want := q.Code(), engine.Recommend(q.Case).Code; got != want {
				t.Errorf("set %s: question %s expects %d, the engine says %d", s.ID, q.ID, got, want)
			}
			if q.Change == "" {
				sc, _ := scenario.ByID(q.Scenario)
				if q.Code() != sc.Code {
					t.Errorf("question %s expects %d, its scenario says %d", q.ID, q.Code(), sc.Code)
				}
			}
		}
	}
}

// The questions and their answers, as a reviewable list: a change to the
// engine or to a variation shows here as a diff (go test -update).
func TestQuestionsGolden(t *testing.T) {
	var b strings.Builder
	for _, q := range All() {
		fmt.Fprintf(&b, "%d %-9s %s", q.Code(), TopicOf(q.Code()).ID, q.ID)
		if q.Case.Profile != "" {
			fmt.Fprintf(&b, " (%s)", q.Case.Profile)
		}
		b.WriteString("\n")
	}
	path := filepath.Join("testdata", "questions.txt")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./app/practice -update writes it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("the questions differ from %s (rerun with -update and read the diff):\n%s", path, got)
	}
}

func TestSetsKeepTheirPromises(t *testing.T) {
	for _, s := range Sets {
		var codes []int
		for _, q := range s.Questions() {
			codes = append(codes, q.Code())
			if len(s.ID) == 3 && s.ID[1:] == "xx" && strconv.Itoa(q.Code())[:1] != s.ID[:1] {
				t.Errorf("set %s holds %s, whose answer is %d", s.ID, q.ID, q.Code())
			}
		}
		for _, c := range s.Promise {
			if !slices.Contains(codes, c) {
				t.Errorf("set %s promises %d, but no question of it has that answer (it has %v)", s.ID, c, codes)
			}
		}
	}
	if SetByID("lookalikes") == nil || SetByID("nope") != nil {
		t.Error("SetByID does not find the sets by id")
	}
}

// A question never says its answer.
func TestNoSpoilers(t *testing.T) {
	for _, q := range All() {
		code := q.Code()
		for _, text := range []string{q.Prompt, q.Change} {
			if slices.Contains(codesIn(text), code) {
				t.Errorf("question %s gives its answer %d away: %q", q.ID, code, text)
			}
		}
		if strings.Contains(q.Prompt, "tempting") {
			t.Errorf("question %s argues its answer: %q", q.ID, q.Prompt)
		}
	}
}

func TestIDsAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, q := range All() {
		if seen[q.ID] {
			t.Errorf("two questions have the id %s", q.ID)
		}
		seen[q.ID] = true
		if ByID(q.ID) != q {
			t.Errorf("ByID(%s) finds another question", q.ID)
		}
	}
}

func TestChoices(t *testing.T) {
	for _, q := range All() {
		d := q.Decide()
		c := Choices(q, d)
		if len(c) != 4 || !slices.Contains(c, d.Code) {
			t.Fatalf("Choices(%s) = %v, want four codes with %d among them", q.ID, c, d.Code)
		}
		seen := map[int]bool{}
		for _, x := range c {
			if seen[x] {
				t.Fatalf("Choices(%s) = %v: %d twice", q.ID, c, x)
			}
			seen[x] = true
		}
	}
}

func TestExplain(t *testing.T) {
	tests := []struct {
		q          string
		chosen     int
		note       string // the engine note's title, "" for none
		alt        bool   // one change to this case gives the chosen code
		other      bool   // the other profile answers the chosen code
		fork       string // the node where the paths part, "" for none
		change     bool   // the chosen code comes from a variation of the same scenario
		defensible bool   // a note calls the chosen code fair too
	}{
		{"missing-token", 403, "Why not 403?", false, false, "", false, false},
		{"failed-login-is-not-404", 404, "Why not 404?", false, false, "", false, false},
		{"delete-order", 401, "", true, false, "", false, false},
		{"delete-someone-elses-account", 404, "", true, false, "", false, true},
		{"negative-amount", 400, "Why not 400?", false, true, "", false, false},
		{"bad-login", 400, "", false, true, "", false, true},
		{"database-down", 504, "", false, false, "upstream-on-time", true, false},
		{"create-user", 418, "", false, false, "", false, false},
	}
	for _, tt := range tests {
		q := ByID(tt.q)
		if q == nil {
			t.Fatalf("no question %s", tt.q)
		}
		w := Explain(q, q.Decide(), tt.chosen)
		if tt.note == "" && w.Note != nil || tt.note != "" && (w.Note == nil || w.Note.Title != tt.note) {
			t.Errorf("Explain(%s, %d).Note = %+v, want %q", tt.q, tt.chosen, w.Note, tt.note)
		}
		if (w.Alt != nil) != tt.alt || w.Alt != nil && w.Alt.Code != tt.chosen {
			t.Errorf("Explain(%s, %d).Alt = %+v, want one: %v", tt.q, tt.chosen, w.Alt, tt.alt)
		}
		if (w.Other != nil) != tt.other {
			t.Errorf("Explain(%s, %d).Other = %+v, want one: %v", tt.q, tt.chosen, w.Other, tt.other)
		}
		if tt.fork == "" && w.Here != nil || tt.fork != "" && (w.Here == nil || w.Here.Node() != tt.fork) {
			t.Errorf("Explain(%s, %d) parts at %+v, want %q", tt.q, tt.chosen, w.Here, tt.fork)
		}
		if (w.Change != "") != tt.change {
			t.Errorf("Explain(%s, %d).Change = %q, want one: %v", tt.q, tt.chosen, w.Change, tt.change)
		}
		if (len(w.Defensible) > 0) != tt.defensible {
			t.Errorf("Explain(%s, %d).Defensible = %+v, want some: %v", tt.q, tt.chosen, w.Defensible, tt.defensible)
		}
		if tt.chosen == 418 && (w.Here != nil || w.Meaning == "") {
			t.Errorf("Explain(create-user, 418) = %+v, want only the registry's meaning", w)
		}
	}
}

// Every why-not, for every question and every code a learner can pick,
// is about that question: an alternative gives the chosen code when
// applied to this case, the other profile's answer is the chosen code,
// and a fork asks the very same question, worded alike, of a question of
// the same scenario and profile, and is shown only when neither of the
// first two says it.
func TestWhyNotIsAboutThisCase(t *testing.T) {
	for _, q := range All() {
		d := q.Decide()
		for _, c := range status.All() {
			if !c.Recommendable() || c.Code == d.Code {
				continue
			}
			w := Explain(q, d, c.Code)
			if w.Alt != nil {
				if got := engine.Recommend(applied(t, q.Case, w.Alt.Edit)).Code; got != c.Code {
					t.Errorf("Explain(%s, %d): the change %q gives %d", q.ID, c.Code, w.Alt.Change, got)
				}
			}
			if w.Other != nil && w.Other.Code != c.Code {
				t.Errorf("Explain(%s, %d): the other profile answers %d", q.ID, c.Code, w.Other.Code)
			}
			if w.Here == nil {
				continue
			}
			if w.Alt != nil || w.Other != nil {
				t.Errorf("Explain(%s, %d) shows a fork beside a change or the other profile", q.ID, c.Code)
			}
			if w.Here.Node() != w.There.Node() || w.Here.Question != w.There.Question || w.Here.Answer() == w.There.Answer() {
				t.Errorf("Explain(%s, %d) parts at %q %s and %q %s: not one question answered two ways",
					q.ID, c.Code, w.Here.Question, w.Here.Answer(), w.There.Question, w.There.Answer())
			}
		}
	}
}

func applied(t *testing.T, c engine.Case, e engine.Edit) engine.Case {
	t.Helper()
	out, err := e.Apply(clone(c))
	if err != nil {
		t.Fatalf("%+v: %v", e, err)
	}
	return out
}

func TestCodesIn(t *testing.T) {
	for in, want := range map[string]string{
		"Why not 400 or 422?": "[400 422]", "Why not 200 with an empty body?": "[200]", "user 4221, 12 and 099": "[]",
		"100-continue": "[100]", "bytes=20000-20999": "[]", "600 699 500": "[500]",
	} {
		if got := fmt.Sprint(codesIn(in)); got != want {
			t.Errorf("codesIn(%q) = %s, want %s", in, got, want)
		}
	}
}

// A prompt or a skip written for a question that no longer exists would
// go unseen: each names a scenario or a question.
func TestPromptsAndSkipsNameQuestions(t *testing.T) {
	for id := range prompts {
		if _, ok := scenario.ByID(id); !ok && ByID(id) == nil {
			t.Errorf("prompts has %s, which is no scenario and no question", id)
		}
		if q := ByID(id); q != nil && q.Prompt != prompts[id] {
			t.Errorf("question %s does not ask its own prompt", id)
		}
	}
	for id, vs := range skips {
		if _, ok := scenario.ByID(id); !ok {
			t.Errorf("skips has %s, which is no scenario", id)
		}
		for _, v := range vs {
			if ByID(id+"~"+v) != nil {
				t.Errorf("%s~%s is asked, though skipped", id, v)
			}
		}
	}
}

func TestAlsoRight(t *testing.T) {
	for _, tt := range []struct {
		q      string
		chosen int
		right  bool
	}{
		{"old-endpoint-moved", 308, true},    // GET: 301 and 308 alike
		{"old-endpoint-moved", 302, false},   // not for good
		{"current-user-redirect", 307, true}, // GET: 302 and 307 alike
		{"moved-post-keeps-method", 301, false},
		{"moved-post-keeps-method~keep-method", 308, true}, // keeping the POST is never wrong
		{"payments-temporarily-elsewhere", 302, false},
		{"create-user", 200, false},
	} {
		q := ByID(tt.q)
		if q == nil {
			t.Fatalf("no question %s", tt.q)
		}
		if got := Right(q, q.Decide(), tt.chosen); got != tt.right {
			t.Errorf("Right(%s, %d) = %v, want %v", tt.q, tt.chosen, got, tt.right)
		}
	}
}

func TestProfileLine(t *testing.T) {
	for id, want := range map[string]string{
		"drf-anonymous-delete":        "JWT",
		"audit-log-forbidden~profile": "JWT",
		"drf-session-not-logged-in":   "SessionAuthentication",
		"negative-amount":             "422 when well-formed content breaks a rule",
		"validation-missing-field":    "400 when it does not parse or a field is missing",
		"list-users":                  "Judge it by RFC 9110.",
	} {
		q := ByID(id)
		if got := ProfileLine(q, q.Decide()); !strings.Contains(got, want) {
			t.Errorf("ProfileLine(%s) = %q, want %q in it", id, got, want)
		}
	}
	q := ByID("audit-log-forbidden")
	if got := OtherLabel(q, q.Decide()); !strings.Contains(got, "JWT") {
		t.Errorf("OtherLabel(audit-log-forbidden) = %q: DRF's 401 turns on its authenticator, unnamed", got)
	}
	for _, q := range All() {
		if strings.Contains(q.Change, "defaults") || strings.Contains(q.Prompt, "defaults") {
			t.Errorf("question %s speaks of a profile's defaults: %q", q.ID, q.Change)
		}
	}
}

// A resource that does not exist is 404 because it does not exist: the
// step shown is that one, not the PUT or the "gone" that came after.
func TestDecidingStep(t *testing.T) {
	n := 0
	for _, q := range All() {
		d := q.Decide()
		if d.Code != 404 || q.Case.Profile == engine.DRF || q.Case.Situation.Resource.State != "missing" {
			continue
		}
		n++
		if s := Deciding(d); s.Node() != "resource-exists" || s.Answer() != "no" {
			t.Errorf("Deciding(%s) = %s %s, want resource-exists no", q.ID, s.Node(), s.Answer())
		}
	}
	if n == 0 {
		t.Error("no question about a missing resource")
	}
	if d := ByID("create-user").Decide(); Deciding(d) != d.Trace[len(d.Trace)-1] {
		t.Error("Deciding(create-user) is not its last step")
	}
}

// A variation does not contradict itself: it breaks the rule it says it
// breaks, keeps no Location its answer has no use for, asks no
// keep-method question of a GET, and makes no one else own /me/.
func TestVariationsKeepTheirWord(t *testing.T) {
	if q := ByID("create-user~rule"); q == nil || !strings.Contains(q.Case.Request.Body, `"username": "ad"`) {
		t.Errorf("create-user~rule does not send the short username it speaks of: %+v", q)
	}
	for _, q := range All() {
		if q.Change == "" {
			continue
		}
		r := q.Case.Situation.Resource
		if r.Location != "" && q.Code() != 201 && q.Code()/100 != 3 {
			c := clone(q.Case)
			c.Situation.Resource.Location = ""
			if engine.Recommend(c).Code == q.Code() {
				t.Errorf("%s answers %d and still shows Location %s", q.ID, q.Code(), r.Location)
			}
		}
		if strings.HasSuffix(q.ID, "~keep-method") && (q.Case.Request.Method == "GET" || q.Case.Request.Method == "") {
			t.Errorf("%s asks whether a GET keeps its method", q.ID)
		}
		if strings.HasSuffix(q.ID, "~forbidden") && strings.Contains(q.Case.Request.URL, "/me/") {
			t.Errorf("%s says /me/ belongs to someone else", q.ID)
		}
		if (r.State == "missing" || r.State == "gone") && (r.ETag != "" || len(r.Representations) > 0) {
			t.Errorf("%s: a %s resource keeps its ETag or representations", q.ID, r.State)
		}
	}
}
