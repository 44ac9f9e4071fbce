package engine

import (
	"math/bits"
	"strconv"
	"strings"

	"whichstatus/app/status"
)

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
			guide: "status-" + strconv.Itoa(c.Code), names: c.Names()}
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
