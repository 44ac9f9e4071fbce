package practice

import (
	"slices"
	"strings"

	"whichstatus/app/engine"
	"whichstatus/app/status"
)

// WhyNot explains a wrong choice, always about this case: the engine's
// own notes for that code, the one change to this case that would give
// it, the other profile when that profile answers it, and, only when a
// question one fact apart gets the chosen code by another answer to the
// very same question, where the two paths part.
type WhyNot struct {
	Chosen int
	// Note is the engine's note "Why not <chosen>?", nil when it has none.
	Note *engine.Note
	// Defensible are the engine's notes that call the chosen code a fair
	// answer too ("Or hide it with 404", "400 is defensible too").
	Defensible []engine.Note
	// Alt is the one change to this case that gives the chosen code, as
	// engine.Alternatives finds it; nil when no single change does.
	Alt *engine.Alternative
	// Other is the other profile's answer when it is the chosen code.
	Other *engine.Brief
	// Fork is where the paths part: the question both paths ask, worded
	// alike, answered one way here (Here) and the other way (There) by a
	// question of the same scenario and profile that gets the chosen code.
	// Nil when there is no such question, or Alt or Other says it already.
	Here, There *engine.Step
	// Change is the fact that, changed, gives the chosen code (a variation
	// of the same scenario, or the scenario itself), "" without a fork.
	Change string
	// Meaning is the registry's line for the chosen code, "" when the
	// code is not registered.
	Meaning string
}

// Explain says why chosen is not the answer d the engine gave to q.
func Explain(q *Question, d engine.Decision, chosen int) WhyNot {
	w := WhyNot{Chosen: chosen}
	if c, ok := status.Lookup(chosen); ok {
		w.Meaning = c.Meaning
	}
	for i, n := range d.Notes {
		if !slices.Contains(codesIn(n.Title), chosen) {
			continue
		}
		switch {
		case strings.HasPrefix(n.Title, "Why not ") && w.Note == nil:
			w.Note = &d.Notes[i]
		case defensible(n.Title):
			w.Defensible = append(w.Defensible, n)
		}
	}
	for _, a := range engine.Alternatives(q.Case, d) {
		if a.Code == chosen {
			w.Alt = &a
			break
		}
	}
	if d.Other != nil && d.Other.Code == chosen {
		w.Other = d.Other
	}
	if w.Alt != nil || w.Other != nil {
		return w
	}
	other := lookalike(q, chosen)
	if other == nil {
		return w
	}
	od := other.Decide()
	for i := 0; i < len(d.Trace) && i < len(od.Trace); i++ {
		a, b := d.Trace[i], od.Trace[i]
		if a.Node() == b.Node() && a.Answer() == b.Answer() {
			continue
		}
		// Two different questions, or one worded for another request:
		// no fork a learner can read as "answer this the other way".
		if a.Node() == b.Node() && a.Question == b.Question {
			w.Here, w.There = &d.Trace[i], &od.Trace[i]
		}
		break
	}
	switch {
	case w.Here == nil:
	case q.Change == "":
		w.Change = other.Change
	default: // q is a variation, other its scenario
		w.Change = "the scenario as it was first told, without the changed fact"
	}
	return w
}

// defensible: a note's title says its code is a fair answer too.
func defensible(title string) bool {
	return strings.HasPrefix(title, "Or ") || strings.Contains(title, "defensible")
}

// lookalike finds a question whose answer is code, one fact apart from q:
// the same scenario, judged by the same profile. A
// question from another scenario, or judged by the other profile, walks
// another path, and the first place the two differ says nothing about q.
func lookalike(q *Question, code int) *Question {
	for _, o := range pool() {
		// One fact apart: the scenario and a variation of it. Two
		// variations are two facts apart, and where they part need not be
		// where either change acts.
		if o.code == code && o != q && o.Scenario == q.Scenario && o.Case.Profile == q.Case.Profile && (q.Change == "" || o.Change == "") {
			return o
		}
	}
	return nil
}

// AlsoRight are the codes RFC 9110 makes just as right as the engine's
// answer for this request, which a learner is not marked down for: for a
// GET or a HEAD, 301 and 308 (and 302 and 307) differ only in whether a
// client may turn a POST into a GET (§15.4.2, §15.4.3, §15.4.8,
// §15.4.9), and 308 or 307 is never wrong where 301 or 302 is right,
// since keeping the method is always allowed.
func AlsoRight(q *Question, d engine.Decision) []int {
	m := q.Case.Request.Method
	get := m == "" || m == "GET" || m == "HEAD"
	switch {
	case d.Code == 301:
		return []int{308}
	case d.Code == 302:
		return []int{307}
	case d.Code == 308 && get:
		return []int{301}
	case d.Code == 307 && get:
		return []int{302}
	}
	return nil
}

// Right reports whether chosen is the answer, or a code AlsoRight allows.
func Right(q *Question, d engine.Decision, chosen int) bool {
	return chosen == d.Code || slices.Contains(AlsoRight(q, d), chosen)
}

// ProfileLine is how the question says which rules to judge by. Where
// the answer turns on a choice that the profile leaves to the API, it
// names that choice: under RFC 9110, this guide's split between 400 and
// 422 for a body the server validates (RFC 9110 allows either, §15.5.1,
// §15.5.21); under DRF, the authenticator that comes first, which
// decides between 401 and 403 for a caller who is not signed in.
func ProfileLine(q *Question, d engine.Decision) string {
	line := "Judge it by " + q.Case.Profile.Title()
	for _, s := range d.Trace {
		switch s.Node() {
		case "content-well-formed", "fields-valid", "rules-ok":
			if q.Case.Profile != engine.DRF && q.Case.Request.Body != "" {
				return line + ", with this guide's rule for a body: 422 when well-formed content breaks a rule, 400 when it does not parse or a field is missing or mistyped."
			}
		case "challenge-sent":
			return line + ", whose first authenticator here is " + Authenticator(q.Case.Situation.Endpoint.AuthScheme) + "."
		}
	}
	return line + "."
}

// OtherLabel heads the other profile's answer in the reveal: "Django
// REST Framework says", and which authenticator comes first where that
// profile's answer turns on it.
func OtherLabel(q *Question, d engine.Decision) string {
	if d.Other == nil {
		return ""
	}
	label := d.Other.Profile.Title() + " says"
	c := q.Case
	c.Profile = d.Other.Profile
	for _, s := range engine.Recommend(c).Trace {
		if s.Node() == "challenge-sent" {
			return label + ", with " + Authenticator(c.Situation.Endpoint.AuthScheme) + " first"
		}
	}
	return label
}

// Authenticator names DRF's first authentication class for a scheme.
func Authenticator(scheme string) string {
	switch strings.ToLower(scheme) {
	case "session":
		return "SessionAuthentication (a session cookie, no challenge)"
	case "basic":
		return "BasicAuthentication"
	case "token":
		return "TokenAuthentication"
	}
	return "a JWT authenticator (a Bearer token)"
}

// refinements are questions asked after the one that decided, that only
// say which code of its family fits: "Is it a PUT that may create it?"
// after "Does the resource exist? no".
var refinements = []string{"put-creates", "gone", "moved"}

// Deciding is the step that decided the answer for the learner: the last
// one, unless it only refined an answer an earlier step had given (a
// missing resource is 404 because it does not exist, not because the
// request is no PUT).
func Deciding(d engine.Decision) engine.Step {
	i := len(d.Trace) - 1
	for i > 0 && slices.Contains(refinements, d.Trace[i].Node()) && d.Trace[i].Answer() == "no" {
		i--
	}
	return d.Trace[i]
}
