package engine

import (
	"fmt"
	"math/bits"
	"strconv"
	"strings"

	"whichstatus/app/status"
)

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

// maxNodes bounds the node table, so that a view's answers fit in a uint64.
const maxNodes = 64

// answers are what the walks over one view learned. They live on the
// caller's stack, not in the pooled view, so that keeping them costs no
// write barriers; a second walk (the other profile's) finds them and does
// not ask again.
type answers struct {
	asked, yes uint64           // bit k: nodes[k] was asked, answered yes
	inputs     [maxNodes]string // what decided each answer
	path       [maxNodes]uint8  // the last walk's steps, as positions in its flow
}

// ask is the node's answer for the view.
func (a *answers) ask(v *view, s *step) bool {
	if a.asked&s.memo == 0 {
		yes, in := s.test(v)
		a.inputs[bits.TrailingZeros64(s.memo)] = in
		a.asked |= s.memo
		if yes {
			a.yes |= s.memo
		}
	}
	return a.yes&s.memo != 0
}

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

// outcome is where a walk ended.
type outcome struct {
	steps int // how many questions were asked: answers.path[:steps] are their positions
	code  int
	why   string
	last  *node
}

// walk is the one loop that asks the questions. It records the path it
// took in a, as positions in f.steps; trace turns them into steps.
func (f *flow) walk(v *view, a *answers) outcome {
	var o outcome
	i := int16(0)
	for guard := 0; guard < len(f.steps) && guard < len(a.path); guard++ {
		s := &f.steps[i]
		yes := a.ask(v, s)
		a.path[o.steps] = uint8(i)
		o.steps++
		if i = s.to[b2i(yes)]; i < 0 {
			e, why := s.no, s.n.noWhy
			if yes {
				e, why = s.yes, s.n.yesWhy
			}
			if e.why != "" {
				why = e.why
			}
			o.code, o.why, o.last = e.code, why, s.n
			return o
		}
	}
	panic("engine: the " + string(f.profile) + " flow loops") // the lint test rules this out
}

// trace is the path of the view's last walk, each step with its answer
// and the input that decided it.
func (f *flow) trace(v *view, a *answers, o outcome) []Step {
	t := make([]Step, o.steps)
	for k, i := range a.path[:o.steps] {
		s := &f.steps[i]
		// Filled in place: copying a whole Step costs a bulk write barrier.
		t[k].Answered, t[k].Input = s.answered(v, a.yes&s.memo != 0), a.inputs[bits.TrailingZeros64(s.memo)]
	}
	return t
}

// Recommend decides the status code for a case.
func Recommend(c Case) Decision {
	p := c.Profile
	if flows[p] == nil {
		p = RFC9110
	}
	var a answers
	v := newView(&c, p)
	o := flows[p].walk(v, &a)
	d := decision(o, v, p)
	d.Trace = flows[p].trace(v, &a, o)

	other := DRF
	if p == DRF {
		other = RFC9110
	}
	ov := v
	if m := or(c.Request.Method, "GET"); strings.ToUpper(m) != m {
		ov = newView(&c, other) // the profiles read a lower-case method differently
		a.asked, a.yes = 0, 0   // so nothing of the first view's answers is kept
	}
	if oo := flows[other].walk(ov, &a); oo.code != o.code {
		why := expand(oo.why, ov)
		if oo.last != o.last {
			// A different question decided, so the order explains the
			// difference; when the same one did, its why already does.
			why += " " + orderNote[other]
		}
		d.Other = &Brief{Profile: other, Code: oo.code, Reason: codeInfo[oo.code].phrase, Why: why}
	}
	if ov != v {
		ov.release()
	}
	v.release()
	if then := afterInterim(&c, o.code); then != nil {
		d.Then = brief(*then, p)
	}
	return d
}

// brief decides a case in short: the code and why, without the trace,
// headers and notes a full Decision carries.
func brief(c Case, p Profile) *Brief {
	var a answers
	v := newView(&c, p)
	defer v.release()
	o := flows[p].walk(v, &a)
	return &Brief{Profile: p, Code: o.code, Reason: codeInfo[o.code].phrase, Why: expand(o.why, v)}
}

// afterInterim is the case as it stands once an interim answer is done:
// the body has been sent, or the long work has finished. It is nil after
// any other code.
func afterInterim(c *Case, code int) *Case {
	switch code {
	case 100:
		t := *c
		t.Request.Headers = make([]Header, 0, len(c.Request.Headers))
		for _, x := range c.Request.Headers {
			if !strings.EqualFold(x.Name, "Expect") {
				t.Request.Headers = append(t.Request.Headers, x)
			}
		}
		return &t
	case 102:
		t := *c
		t.Situation.Processing.LongRunning = false
		return &t
	}
	return nil
}

// info is what a decision says of its code, worked out once per code.
type info struct {
	phrase, formerly, class, ref, link, guide string
	names                                     Names
}

// codeInfo is indexed by the code itself; flows end only at registered
// codes (compile checks), so every code a walk reaches has its entry.
var codeInfo = func() []*info {
	t := make([]*info, 600)
	for _, c := range status.All() {
		i := &info{phrase: c.Phrase, formerly: c.Formerly, class: status.ClassName(c.Class()), ref: c.Ref(), link: c.URL(),
			guide: "status-" + strconv.Itoa(c.Code)}
		if c.DRF != "" {
			i.names.DRF = "status." + c.DRF
		}
		if c.Go != "" {
			i.names.Go = "http." + c.Go
		}
		t[c.Code] = i
	}
	return t
}()

func decision(o outcome, v *view, p Profile) Decision {
	ci := codeInfo[o.code]
	d := Decision{
		Code: o.code, Reason: ci.phrase, Formerly: ci.formerly, Class: ci.class,
		Profile: p, Why: expand(o.why, v), Ref: ci.ref, Link: ci.link,
		Guide: ci.guide, Constants: ci.names,
	}
	d.Headers = advise(o.code, v, p)
	d.Notes = notesFor(o.code, o.last.id, v, p)
	return d
}
