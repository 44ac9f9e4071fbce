package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/practice"
)

// asked is the practice page with q asked and, when chosen is not 0,
// answered.
func asked(q *practice.Question, chosen int) *Practice {
	p := &Practice{set: practice.Sets[0], queue: []*practice.Question{q}}
	p.d = q.Decide()
	p.chosen = chosen
	return p
}

// What practice shows a learner speaks in words, never in the case
// file's spelling ("situation.endpoint.hide_existence"), and names no
// code in a fact's label: the question, and the reveal of a right and of
// a few wrong choices. (The fold with every step is the playground's
// trace, which shows each input as the case file spells it.)
func TestPracticeSpeaksInWords(t *testing.T) {
	for _, q := range practice.All() {
		p := asked(q, 0)
		texts := []string{app.HTMLString(p.questionView(q))}
		for _, c := range append(practice.Choices(q, p.d), 404, 500) {
			p.chosen = c
			texts = append(texts, beforeTrace(app.HTMLString(p.reveal(q))))
		}
		for _, s := range texts {
			if strings.Contains(s, "situation.") {
				t.Errorf("%s shows a case file's path: %s", q.ID, s[strings.Index(s, "situation."):][:60])
			}
			if strings.Contains(s, "(404 rather than 403)") {
				t.Errorf("%s shows a label that names codes", q.ID)
			}
		}
	}
}

func TestPracticeQuestionAndReveal(t *testing.T) {
	// The fact that decided is listed even at its default.
	q := practice.ByID("delete-someone-elses-account")
	if s := app.HTMLString(asked(q, 0).questionView(q)); !strings.Contains(s, "Hides what exists: ") {
		t.Errorf("the question about someone else's account does not say whether the API hides what exists: %s", s)
	}
	// After a 1xx, the final code.
	q = practice.ByID("long-running-report")
	if s := app.HTMLString(asked(q, 102).reveal(q)); !strings.Contains(s, "Then, once the work is done") || !strings.Contains(s, ">201<") {
		t.Errorf("the reveal of the 102 question does not say what follows: %s", s)
	}
	// For a GET, 308 is as right as 301, and the reveal says why.
	q = practice.ByID("old-endpoint-moved")
	s := app.HTMLString(asked(q, 308).reveal(q))
	if !strings.Contains(s, `data-result="right"`) || !strings.Contains(s, "either is right") {
		t.Errorf("308 for a moved GET is not taken as right: %s", s)
	}
	// For a POST that need not keep its method, keeping it is right too.
	q = practice.ByID("moved-post-keeps-method~keep-method")
	s = app.HTMLString(asked(q, 308).reveal(q))
	if !strings.Contains(s, `data-result="right"`) || !strings.Contains(s, "but need not") {
		t.Errorf("308 for a moved POST that may become a GET is not taken as right: %s", s)
	}
	// A wrong choice that one change would give says that change.
	q = practice.ByID("delete-someone-elses-account")
	s = app.HTMLString(asked(q, 404).reveal(q))
	for _, want := range []string{`data-result="wrong"`, "Not quite", "One change would give 404: ", "hide that the resource exists", "Or hide it with 404"} {
		if !strings.Contains(s, want) {
			t.Errorf("why not 404 for someone else's account lacks %q: %s", want, s)
		}
	}
	// Where nothing in the case rules the defensible code out, the reveal
	// says it is defensible.
	q = practice.ByID("bad-login")
	s = app.HTMLString(asked(q, 400).reveal(q))
	for _, want := range []string{`data-result="wrong"`, "Defensible, but not the engine", "400 is defensible too", "400 is what Django REST Framework answers"} {
		if !strings.Contains(s, want) {
			t.Errorf("why not 400 for a failed login lacks %q: %s", want, s)
		}
	}
	// A missing resource was decided by its absence.
	q = practice.ByID("missing-user")
	if s := beforeTrace(app.HTMLString(asked(q, 404).reveal(q))); !strings.Contains(s, "Does the resource exist? no") || strings.Contains(s, "PUT") {
		t.Errorf("the step that decided a missing user: %s", s)
	}
}

// beforeTrace is a reveal's HTML without the fold of every step.
func beforeTrace(s string) string {
	s, _, _ = strings.Cut(s, `<details class="trace-fold"`)
	return s
}
