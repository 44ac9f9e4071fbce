package practice

import (
	"slices"

	"whichstatus/app/engine"
	"whichstatus/app/status"
)

// WhyNot explains a wrong choice: the engine's own note for that pair
// when it has one, and the step where the path to the answer and a path
// to the chosen code part.
type WhyNot struct {
	Chosen int
	Note   *engine.Note // the engine's note "Why not <chosen>?", nil when it has none
	// Fork is where the paths part: the question both paths ask, answered
	// one way here (Here) and the other way by a case that gets the chosen
	// code (There). Nil when no question leads to the chosen code.
	Here, There *engine.Step
	// Change is the fact that, changed, gives the chosen code (a variation
	// of the same scenario), "" when the case compared is another one.
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
		if len(n.Title) > 8 && n.Title[:8] == "Why not " && slices.Contains(codesIn(n.Title), chosen) {
			w.Note = &d.Notes[i]
			break
		}
	}
	other := lookalike(q, chosen)
	if other == nil {
		return w
	}
	od := other.Decide()
	for i := 0; i < len(d.Trace) && i < len(od.Trace); i++ {
		a, b := d.Trace[i], od.Trace[i]
		if a.Node() != b.Node() || a.Answer() != b.Answer() {
			w.Here, w.There = &d.Trace[i], &od.Trace[i]
			break
		}
	}
	if w.Here != nil && other.Scenario == q.Scenario {
		w.Change = other.Change
		if other.Change == "" { // q is a variation, other its scenario
			w.Change = "the scenario as it was first told"
		}
	}
	return w
}

// lookalike finds a question whose answer is code, as close to q as there
// is: from the same scenario first (one fact apart), then one judged by
// the same profile with the same method.
func lookalike(q *Question, code int) *Question {
	var best *Question
	score := -1
	for _, o := range pool() {
		if o.code != code || o == q {
			continue
		}
		s := 0
		if o.Scenario == q.Scenario {
			s += 4
		}
		if o.Case.Profile == q.Case.Profile {
			s += 2
		}
		if o.Case.Request.Method == q.Case.Request.Method {
			s++
		}
		if s > score {
			best, score = o, s
		}
	}
	return best
}
