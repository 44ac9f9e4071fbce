package engine

import (
	"fmt"
	"strconv"
	"strings"

	"whichstatus/app/status"
)

// A flow is a profile's rows compiled: each row's node looked up and each
// edge that leads on resolved to the row it leads to. It is read by the
// walk, by the lint test and by anything that draws the flow: steps are
// in the order of the rows, and steps[0] is where a walk starts.
type flow struct {
	profile Profile
	steps   []step
	nodes   int            // how many nodes its table holds: the room a view's answers take
	at      map[string]int // a node id's position in steps
}

// step is one row of a flow: the node, its two edges, and for each edge
// that leads on, the position of the step it leads to.
type step struct {
	n       *node
	yes, no edge
	next    [2]int // [no, yes]: the step each answer leads to; -1 ends at the edge's code
	ref     string // "RFC 9110 §15.5.6"
	link    string
	// shown is what a trace's Step shows for each answer ([no, yes]) but
	// its question and input, worded once and read through Step's methods.
	shown [2]stepFixed
	// fill: the question has {placeholders}. asked is such a question
	// worded for each usual method (DefaultImplementedMethods, by a
	// view's usual), when the {method} is all it names: three allocations
	// fewer per case, and no map to look it up in.
	fill  bool
	asked []string
}

// edge is the step's edge for an answer.
func (s *step) edge(yes bool) edge {
	if yes {
		return s.yes
	}
	return s.no
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

var flows = map[Profile]*flow{
	RFC9110: mustCompile(RFC9110, rfc9110Flow, nodes),
	DRF:     mustCompile(DRF, drfFlow, nodes),
}

// compile resolves a profile's rows against a node table; the first row
// is where a walk starts. Any number of rows will do.
func compile(p Profile, rows []row, table []node) (*flow, error) {
	byID := make(map[string]*node, len(table))
	for i := range table {
		table[i].idx = i
		byID[table[i].id] = &table[i]
	}
	at := make(map[string]int, len(rows))
	f := &flow{profile: p, steps: make([]step, len(rows)), at: at, nodes: len(table)}
	for i, r := range rows {
		n, ok := byID[r.id]
		if !ok {
			return nil, fmt.Errorf("%s: row %q names no node", p, r.id)
		}
		if _, dup := at[r.id]; dup {
			return nil, fmt.Errorf("%s: node %q is wired twice", p, r.id)
		}
		at[r.id] = i
		f.steps[i] = step{n: n, yes: r.yes, no: r.no, ref: n.spec + " §" + n.section, link: status.SpecURL(n.spec, n.section)}
		f.steps[i].fill = strings.Contains(n.question, "{")
		if strings.Count(n.question, "{") == 1 && strings.Contains(n.question, "{method}") {
			for _, m := range DefaultImplementedMethods {
				f.steps[i].asked = append(f.steps[i].asked, strings.ReplaceAll(n.question, "{method}", m))
			}
		}
	}
	for i := range f.steps {
		s := &f.steps[i]
		for a, e := range [2]edge{s.no, s.yes} {
			to, err := target(p, s.n.id, e, at)
			if err != nil {
				return nil, err
			}
			s.next[a] = to
			next := e.to
			if next == "" {
				next = strconv.Itoa(e.code)
			}
			s.shown[a] = stepFixed{node: s.n.id, answer: yesNo(a == 1), next: next, ref: s.ref, link: s.link, guide: s.n.guide}
		}
	}
	return f, nil
}

func target(p Profile, from string, e edge, at map[string]int) (int, error) {
	if e.to == "" {
		c, ok := status.Lookup(e.code)
		if !ok || !c.Recommendable() {
			return 0, fmt.Errorf("%s: %s ends at %d, which may not be recommended", p, from, e.code)
		}
		return -1, nil
	}
	i, ok := at[e.to]
	if !ok {
		return 0, fmt.Errorf("%s: %s leads to %q, which this profile does not wire", p, from, e.to)
	}
	return i, nil
}

func mustCompile(p Profile, rows []row, table []node) *flow {
	f, err := compile(p, rows, table)
	if err != nil {
		panic("engine: " + err.Error())
	}
	return f
}

// outcome is where a walk ended, and the trace of how it got there.
type outcome struct {
	trace []Step
	code  int
	why   string // the template of the explanation
	last  *node  // the node whose answer ended the walk
}

// What a walk keeps besides the code and its path.
type detail int

const (
	codeOnly  detail = iota // the code, its why and the node that decided
	withTrace               // and the trace a Decision shows
)

// A path is the steps a walk asked, each as its position × 2, + 1 for yes.
// Its room is on the stack of whoever walks (the longest walks take about
// 40 steps; append moves it to the heap past 48), so that keeping it
// allocates nothing: also reads it.
type path = []int16

// walk is the one loop that asks the questions: it follows the answers
// from the first row to a code, recording each step as it goes in room.
func (f *flow) walk(v *view, keep detail, room path) (outcome, path) {
	return f.walkOn(v, keep, room[:0])
}

// walkOn walks on from a path already taken: its steps stand as they were
// but the last, which is asked again, and the path grows in place. also
// supposes that one's answer the other way, and walking on from it rather
// than from the first row halves also's time. The steps taken before come
// without inputs, so a walk that keeps the trace starts from the first row.
func (f *flow) walkOn(v *view, keep detail, taken path) (outcome, path) {
	var o outcome
	var inBuf [48]string // the inputs stay on the stack, like the path
	inputs := inBuf[:0]
	p, i := taken, 0
	if len(taken) > 0 {
		p, i = taken[:len(taken)-1], int(taken[len(taken)-1]/2)
	}
	for n := len(p); n <= len(f.steps); n++ {
		s := &f.steps[i]
		yes, input := v.ask(s.n, f.nodes, keep == withTrace)
		p = append(p, int16(i*2+b2i(yes)))
		if keep == withTrace {
			inputs = append(inputs, input)
		}
		next := s.next[b2i(yes)]
		if next < 0 {
			e := s.edge(yes)
			o.code, o.why, o.last = e.code, s.n.why(v, yes), s.n
			if e.why != "" {
				o.why = e.why
			}
			if keep == withTrace {
				o.trace = f.trace(v, p, inputs)
			}
			return o, p
		}
		i = next
	}
	panic("engine: the " + string(f.profile) + " flow loops") // the lint test rules this out
}

func yesNo(yes bool) string {
	if yes {
		return "yes"
	}
	return "no"
}

// trace is a walk's path as the steps a decision shows, each with the
// input that decided it.
func (f *flow) trace(v *view, taken path, inputs []string) []Step {
	t := make([]Step, len(taken))
	for k, p := range taken {
		s := &f.steps[p/2]
		st := &t[k]
		st.at = &s.shown[p%2]
		st.Question = s.n.question
		if s.fill {
			if s.asked != nil && v.usual >= 0 {
				st.Question = s.asked[v.usual]
			} else {
				st.Question = expand(s.n.question, v)
			}
		}
		st.Input = inputs[k]
	}
	return t
}
