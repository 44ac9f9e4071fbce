package engine

import (
	"fmt"
	"strconv"
	"strings"

	"whichstatus/app/status"
)

// A flow is a profile's rows compiled: nodes looked up, edges turned into
// positions, and each step's trace wording made once.

// step is a node with its answers resolved to positions in a flow.
type step struct {
	n       *node
	test    func(v *view) (bool, string) // n.test, beside the rest of what a walk reads
	memo    uint64                       // the node's bit in a view's answers: 1 << its position in nodes
	to      [2]int16                     // the step each answer leads to, [no, yes]; -1 ends at a code
	said    [2]*Answered                 // the shared part of its trace steps: [no, yes]
	byVerb  [][2]*Answered               // the same per verb, for questions that name the method
	yes, no edge
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// answered is the shared part of a step for this answer and this
// request's method; a method no one foresaw gets its own.
func (s *step) answered(v *view, yes bool) *Answered {
	a := b2i(yes)
	switch {
	case s.byVerb == nil:
		return s.said[a]
	case v.verb >= 0:
		return s.byVerb[v.verb][a]
	}
	x := *s.said[a]
	x.Question = expand(s.n.question, v)
	return &x
}

// verbs are the methods whose questions are worded once, at start-up.
var verbs = [...]string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"}

func verbIndex(m string) int8 {
	switch m { // a switch the compiler turns into a few comparisons
	case "GET":
		return 0
	case "HEAD":
		return 1
	case "POST":
		return 2
	case "PUT":
		return 3
	case "PATCH":
		return 4
	case "DELETE":
		return 5
	case "OPTIONS":
		return 6
	case "TRACE":
		return 7
	case "CONNECT":
		return 8
	}
	return -1
}

type flow struct {
	profile Profile
	steps   []step
}

var flows = map[Profile]*flow{
	RFC9110: mustCompile(RFC9110, rfc9110Flow),
	DRF:     mustCompile(DRF, drfFlow),
}

var nodeByID = func() map[string]*node {
	m := make(map[string]*node, len(nodes))
	for i := range nodes {
		m[nodes[i].id] = &nodes[i]
	}
	return m
}()

var memoIndex = func() map[string]uint {
	m := make(map[string]uint, len(nodes))
	for i := range nodes {
		m[nodes[i].id] = uint(i)
	}
	return m
}()

// compile resolves a profile's rows; the first row is where a walk starts.
func compile(p Profile, rows []row) (*flow, error) {
	f := &flow{profile: p}
	at := map[string]int{}
	for i, r := range rows {
		n, ok := nodeByID[r.id]
		if !ok {
			return nil, fmt.Errorf("%s: row %q names no node", p, r.id)
		}
		if _, dup := at[r.id]; dup {
			return nil, fmt.Errorf("%s: node %q is wired twice", p, r.id)
		}
		at[r.id] = i
		f.steps = append(f.steps, step{n: n, test: n.test, memo: 1 << memoIndex[r.id], yes: r.yes, no: r.no})
	}
	for i := range f.steps {
		s := &f.steps[i]
		for a, e := range [2]edge{s.no, s.yes} {
			to, err := target(p, s.n.id, e, at)
			if err != nil {
				return nil, err
			}
			s.to[a] = int16(to)
		}
		s.said = f.answers(s, s.n.question)
		if strings.Contains(s.n.question, "{method}") {
			s.byVerb = make([][2]*Answered, len(verbs))
			for k, m := range verbs {
				s.byVerb[k] = f.answers(s, strings.ReplaceAll(s.n.question, "{method}", m))
			}
		}
	}
	return f, nil
}

// answers are what a step records for no and for yes.
func (f *flow) answers(s *step, question string) [2]*Answered {
	n := s.n
	a := Answered{Node: n.id, Question: question, Ref: n.spec + " §" + n.section,
		Link: status.SpecURL(n.spec, n.section), Guide: n.guide}
	no, yes := a, a
	no.Answer, no.Next = "no", f.next(s.no, s.to[0])
	yes.Answer, yes.Next = "yes", f.next(s.yes, s.to[1])
	return [2]*Answered{&no, &yes}
}

// next names where an edge leads: a node id or a code.
func (f *flow) next(e edge, i int16) string {
	if i < 0 {
		return strconv.Itoa(e.code)
	}
	return f.steps[i].n.id
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

func mustCompile(p Profile, rows []row) *flow {
	f, err := compile(p, rows)
	if err != nil {
		panic("engine: " + err.Error())
	}
	return f
}
