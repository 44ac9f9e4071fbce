package engine

import (
	"strconv"
	"strings"
	"sync"

	"whichstatus/app/status"
)

// Recommend decides the status code for a case.
func Recommend(c Case) Decision {
	p, f := flowOf(c)
	other := DRF
	if p == DRF {
		other = RFC9110
	}
	v := spareView()
	defer v.keep()
	v.read(c, p)
	var room, otherRoom [48]int16
	o, taken := f.walk(v, withTrace, room[:])
	d := decision(o, v, p)
	d.Trace = o.trace
	d.Also = also(f, v, o, taken)

	ov := v // the profiles read the case alike, but for a lower-case method
	if other == DRF && isToken(v.method) && strings.ToUpper(v.method) != v.method || v.upcased {
		ov = newView(c, other)
	}
	if oo, otherTaken := flows[other].walk(ov, codeOnly, otherRoom[:]); oo.code != o.code {
		why := expand(oo.why, ov)
		var ids, otherIDs [48]string // the walks' node ids, on the stack
		switch {
		case oo.code == 102 || o.code == 102:
			why += " " + noInterimNote
		case oo.last != o.last && (f.endsBefore(traceNodes(d.Trace, ids[:0]), oo.last.id) ||
			flows[other].endsBefore(flows[other].pathNodes(otherTaken, otherIDs[:0]), o.last.id)):
			// One profile's deciding question is asked by the other
			// too, but later than where the other ended: the order
			// explains the difference. When the same question decided,
			// its why already does, and where no order is crossed (a
			// question only one flow asks: DRF's login view, OPTIONS,
			// its challenge) the why says it.
			why += " " + orderNote[other]
		}
		d.Other = &Brief{Profile: other, Code: oo.code, Reason: codeInfo[oo.code].d.Reason, Why: why}
	}
	if interim(o.code) {
		d.Then = then(v, c, o.code, p)
	}
	return d
}

// endsBefore reports whether the flow asks the node id but a walk that
// passed these nodes ended without reaching it.
func (f *flow) endsBefore(passed []string, id string) bool {
	_, asked := f.at[id]
	return asked && !contains(passed, id)
}

// traceNodes appends the node ids of a trace's steps to ids.
func traceNodes(trace []Step, ids []string) []string {
	for _, s := range trace {
		ids = append(ids, s.Node())
	}
	return ids
}

// pathNodes appends the node ids of a walk's path to ids.
func (f *flow) pathNodes(p path, ids []string) []string {
	for _, t := range p {
		ids = append(ids, f.steps[t/2].n.id)
	}
	return ids
}

// flowOf is the case's profile and its flow: an unknown profile is the
// default.
func flowOf(c Case) (Profile, *flow) {
	if f, ok := flows[c.Profile]; ok {
		return c.Profile, f
	}
	return RFC9110, flows[RFC9110]
}

// decideSteps is Recommend's code and its trace's steps without their
// words (the question, the input), in room: what Alternatives needs of
// each change it tries, at a tenth of Recommend's work. It reads the case
// into v.
func decideSteps(v *view, c Case, room []Step) (int, []Step) {
	p, f := flowOf(c)
	v.read(c, p)
	var taken [48]int16
	o, path := f.walk(v, codeOnly, taken[:])
	steps := room[:0]
	for _, s := range path {
		steps = append(steps, Step{at: &f.steps[s/2].shown[s%2]})
	}
	return o.code, steps
}

// then decides the final answer that follows an interim one, with its
// headers. It reads the case as it stands after the interim answer into
// v, the decision's own view, which nothing reads any more: a new view
// would be a kilobyte more per 1xx. It is out of Recommend so that the
// case it copies is allocated only after a 1xx (in Recommend it was for
// every case: 650 bytes).
func then(v *view, c Case, code int, p Profile) *Brief {
	v.read(afterInterim(c, code), p)
	var room [48]int16
	o, _ := flows[p].walk(v, codeOnly, room[:])
	return &Brief{Profile: p, Code: o.code, Reason: codeInfo[o.code].d.Reason, Why: expand(o.why, v),
		Headers: advise(o.code, o.last.id, v, p)}
}

// interim reports whether a code is an interim answer that a final one
// follows: 100 once the body has been sent, 102 once the work is done.
func interim(code int) bool { return code == 100 || code == 102 }

// afterInterim is the case as it stands once an interim answer is done:
// the body has been sent, or the long work has finished.
func afterInterim(c Case, code int) Case {
	if code == 100 {
		var kept []Header
		for _, x := range c.Request.Headers {
			if !strings.EqualFold(x.Name, "Expect") {
				kept = append(kept, x)
			}
		}
		c.Request.Headers = kept
	} else {
		c.Situation.Processing.LongRunning = false
	}
	return c
}

// codeInfo is what a decision says of each registered code, worded once:
// flows end only at registered codes (compile checks). A code's constants
// (its names in nine ecosystems) are worked out by its first decision:
// all 64 at start-up were part of every page's boot in the browser.
var codeInfo = func() map[int]*codeEntry {
	m := map[int]*codeEntry{}
	for _, sc := range status.All() {
		m[sc.Code] = &codeEntry{d: Decision{Code: sc.Code, Reason: sc.Phrase, Formerly: sc.Formerly, Class: status.ClassName(sc.Class()),
			Ref: sc.Ref(), Link: sc.URL(), Guide: "status-" + strconv.Itoa(sc.Code)}}
	}
	return m
}()

// codeEntry is codeInfo's: the decision's words, and its Constants once
// named.
type codeEntry struct {
	d     Decision
	named sync.Once
}

func decision(o outcome, v *view, p Profile) Decision {
	e := codeInfo[o.code]
	e.named.Do(func() { e.d.Constants = status.MustLookup(o.code).Names() })
	d := e.d
	d.Profile, d.Why = p, expand(o.why, v)
	d.Headers = advise(o.code, o.last.id, v, p)
	d.Notes = notesFor(o.code, o.last.id, v, p)
	return d
}
