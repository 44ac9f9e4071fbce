package engine

import (
	"fmt"
	"strconv"
	"strings"

	"whichstatus/app/status"
)

// step is a node with its answers resolved to positions in a flow.
type step struct {
	n       *node
	memo    int               // the node's position in nodes, where its answer is kept
	asked   *Asked            // the shared part of its trace steps
	byVerb  map[string]*Asked // the same, for questions that name the method
	yes, no edge
	yesI    int // index of the yes node, -1 when yes ends at a code
	noI     int
}

// askedFor is the shared part of a step for this request's method; a
// method no one foresaw gets its own.
func (s *step) askedFor(v *view) *Asked {
	if s.byVerb == nil {
		return s.asked
	}
	if a, ok := s.byVerb[v.method]; ok {
		return a
	}
	a := *s.asked
	a.Question = expand(s.n.question, v)
	return &a
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

var memoIndex = func() map[string]int {
	m := make(map[string]int, len(nodes))
	for i := range nodes {
		m[nodes[i].id] = i
	}
	return m
}()

// answer is a node's result, kept so that a second walk over the same
// view (the other profile's) does not ask again.
type answer struct {
	epoch uint32 // the view's epoch when it was asked, +1 (0: never)
	yes   bool
	input string
}

// maxNodes bounds the node table, so that a view keeps its answers inline.
const maxNodes = 64

func (v *view) ask(s *step) (bool, string) {
	a := &v.memo[s.memo]
	if a.epoch != v.epoch+1 {
		a.yes, a.input = s.n.test(v)
		a.epoch = v.epoch + 1
	}
	return a.yes, a.input
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
		st := step{n: n, memo: memoIndex[r.id], yes: r.yes, no: r.no,
			asked: &Asked{Node: n.id, Question: n.question, Ref: n.spec + " §" + n.section,
				Link: status.SpecURL(n.spec, n.section), Guide: n.guide}}
		if strings.Contains(n.question, "{method}") {
			st.byVerb = map[string]*Asked{}
			for _, m := range DefaultImplementedMethods {
				a := *st.asked
				a.Question = strings.ReplaceAll(n.question, "{method}", m)
				st.byVerb[m] = &a
			}
		}
		f.steps = append(f.steps, st)
	}
	for i := range f.steps {
		s := &f.steps[i]
		var err error
		if s.yesI, err = target(p, s.n.id, s.yes, at); err != nil {
			return nil, err
		}
		if s.noI, err = target(p, s.n.id, s.no, at); err != nil {
			return nil, err
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

func mustCompile(p Profile, rows []row) *flow {
	f, err := compile(p, rows)
	if err != nil {
		panic("engine: " + err.Error())
	}
	return f
}

// outcome is where a walk ended.
type outcome struct {
	steps int
	code  int
	why   string
	last  *node
	trace []Step
}

// walk is the one loop that asks the questions; it alone records the trace.
func (f *flow) walk(v *view, record bool) outcome {
	var o outcome
	if record {
		// A first walk only counts: it asks the questions, and this one
		// finds every answer kept.
		o.trace = make([]Step, 0, f.walk(v, false).steps)
	}
	i := 0
	for guard := 0; guard <= len(f.steps); guard++ {
		s := &f.steps[i]
		yes, input := v.ask(s)
		o.steps++
		e, next, answer, why := s.no, s.noI, "no", s.n.noWhy
		if yes {
			e, next, answer, why = s.yes, s.yesI, "yes", s.n.yesWhy
		}
		if record {
			// Filled in place: copying a whole Step costs a bulk write barrier.
			o.trace = o.trace[:len(o.trace)+1]
			st := &o.trace[len(o.trace)-1]
			st.Asked, st.Answer, st.Input = s.askedFor(v), answer, input
			if next < 0 {
				st.Next = codeInfo[e.code].num
			} else {
				st.Next = f.steps[next].n.id
			}
		}
		if next < 0 {
			if e.why != "" {
				why = e.why
			}
			o.code, o.why, o.last = e.code, why, s.n
			return o
		}
		i = next
	}
	panic("engine: the " + string(f.profile) + " flow loops") // the lint test rules this out
}

// Recommend decides the status code for a case.
func Recommend(c Case) Decision {
	p := c.Profile
	if flows[p] == nil {
		p = RFC9110
	}
	v := newView(&c, p)
	o := flows[p].walk(v, true)
	d := decision(o, v, p)

	other := DRF
	if p == DRF {
		other = RFC9110
	}
	ov := v
	if m := or(c.Request.Method, "GET"); strings.ToUpper(m) != m {
		ov = newView(&c, other) // the profiles read a lower-case method differently
	}
	if oo := flows[other].walk(ov, false); oo.code != o.code {
		d.Other = &Brief{Profile: other, Code: oo.code, Reason: status.MustLookup(oo.code).Phrase,
			Why: expand(oo.why, ov) + " " + orderNote[other]}
	}
	if ov != v {
		ov.release()
	}
	v.release()
	if then, ok := afterInterim(c, o.code); ok {
		t := Recommend(then)
		d.Then = &Brief{Profile: p, Code: t.Code, Reason: t.Reason, Why: t.Why}
	}
	return d
}

// afterInterim is the case as it stands once an interim answer is done:
// the body has been sent, or the long work has finished.
func afterInterim(c Case, code int) (Case, bool) {
	switch code {
	case 100:
		h := make([]Header, 0, len(c.Request.Headers))
		for _, x := range c.Request.Headers {
			if !strings.EqualFold(x.Name, "Expect") {
				h = append(h, x)
			}
		}
		c.Request.Headers = h
		return c, true
	case 102:
		c.Situation.Processing.LongRunning = false
		return c, true
	}
	return c, false
}

// info is what a decision says of its code, worked out once per code.
type info struct {
	num, class, ref, link, guide string
	names                        Names
}

var codeInfo = func() map[int]*info {
	m := map[int]*info{}
	for _, c := range status.All() {
		i := &info{num: strconv.Itoa(c.Code), class: status.ClassName(c.Class()), ref: c.Ref(), link: c.URL(),
			guide: "status-" + strconv.Itoa(c.Code)}
		if c.DRF != "" {
			i.names.DRF = "status." + c.DRF
		}
		if c.Go != "" {
			i.names.Go = "http." + c.Go
		}
		m[c.Code] = i
	}
	return m
}()

func decision(o outcome, v *view, p Profile) Decision {
	sc, ci := status.MustLookup(o.code), codeInfo[o.code]
	d := Decision{
		Code: sc.Code, Reason: sc.Phrase, Formerly: sc.Formerly, Class: ci.class,
		Profile: p, Why: expand(o.why, v), Ref: ci.ref, Link: ci.link,
		Guide: ci.guide, Trace: o.trace, Constants: ci.names,
	}
	d.Headers = advise(o.code, v, p)
	d.Notes = notesFor(o.code, o.last.id, v, p)
	return d
}

// expand fills the {placeholders} of a question or explanation.
func expand(s string, v *view) string {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		return s
	}
	if j := strings.IndexByte(s, '}'); j > i && strings.IndexByte(s[j:], '{') < 0 {
		return s[:i] + v.fill(s[i+1:j]) + s[j+1:] // the common case: one placeholder
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s, '}')
		if i < 0 || j < i {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(v.fill(s[i+1 : j]))
		s = s[j+1:]
	}
}

func (v *view) fill(key string) string {
	s := v.c.Situation
	switch key {
	case "method":
		return v.method
	case "unavailable":
		return s.Server.Unavailable
	case "rule":
		return s.Processing.RuleViolation
	case "conflict":
		return conflictWords[s.Processing.Conflict]
	case "ctype":
		ct, ok := v.header("Content-Type")
		if !ok {
			return "no Content-Type"
		}
		return mediaType(ct)
	case "accepts":
		return strings.Join(v.accepts, ", ")
	case "accept":
		a, _ := v.header("Accept")
		return a
	case "produces":
		return strings.Join(v.produces, ", ")
	}
	return "{" + key + "}"
}

var conflictWords = map[string]string{
	"duplicate": "it already exists",
	"version":   "someone changed it since the client read it",
	"state":     "the resource's current state does not allow it",
}
