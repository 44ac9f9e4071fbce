package engine

import (
	"strconv"
	"strings"

	"whichstatus/app/status"
)

// Recommend decides the status code for a case.
func Recommend(c Case) Decision {
	p := c.Profile
	if flows[p] == nil {
		p = RFC9110
	}
	v := newView(&c, p)
	o := flows[p].walk(v, withTrace)
	d := decision(o, v, p)
	d.Trace = o.trace
	d.Also = also(flows[p], v, o)

	other := DRF
	if p == DRF {
		other = RFC9110
	}
	ov := v // the profiles read the case alike, but for a lower-case method
	if other == DRF && isToken(v.method) && strings.ToUpper(v.method) != v.method || v.upcased {
		ov = newView(&c, other)
	}
	if oo := flows[other].walk(ov, codeOnly); oo.code != o.code {
		why := expand(oo.why, ov)
		if oo.last != o.last {
			// A different question decided, so the order explains the
			// difference; when the same one did, its why already does.
			why += " " + orderNote[other]
		}
		d.Other = &Brief{Profile: other, Code: oo.code, Reason: codeInfo[oo.code].Reason, Why: why}
	}
	if then, ok := afterInterim(c, o.code); ok {
		d.Then = brief(then, p)
		tv := newView(&then, p)
		d.Then.Headers = advise(d.Then.Code, flows[p].walk(tv, codeOnly).last.id, tv, p)
	}
	return d
}

// brief decides a case in short: the code and why, without the trace,
// headers and notes a full Decision carries.
func brief(c Case, p Profile) *Brief {
	v := newView(&c, p)
	o := flows[p].walk(v, codeOnly)
	return &Brief{Profile: p, Code: o.code, Reason: codeInfo[o.code].Reason, Why: expand(o.why, v)}
}

// afterInterim is the case as it stands once an interim answer is done:
// the body has been sent, or the long work has finished. There is none
// after any other code.
func afterInterim(c Case, code int) (Case, bool) {
	switch code {
	case 100:
		var kept []Header
		for _, x := range c.Request.Headers {
			if !strings.EqualFold(x.Name, "Expect") {
				kept = append(kept, x)
			}
		}
		c.Request.Headers = kept
		return c, true
	case 102:
		c.Situation.Processing.LongRunning = false
		return c, true
	}
	return c, false
}

// codeInfo is what a decision says of each registered code, worded once:
// flows end only at registered codes (compile checks).
var codeInfo = func() map[int]Decision {
	m := map[int]Decision{}
	for _, sc := range status.All() {
		m[sc.Code] = Decision{Code: sc.Code, Reason: sc.Phrase, Formerly: sc.Formerly, Class: status.ClassName(sc.Class()),
			Ref: sc.Ref(), Link: sc.URL(), Guide: "status-" + strconv.Itoa(sc.Code), Constants: sc.Names()}
	}
	return m
}()

func decision(o outcome, v *view, p Profile) Decision {
	d := codeInfo[o.code]
	d.Profile, d.Why = p, expand(o.why, v)
	d.Headers = advise(o.code, o.last.id, v, p)
	d.Notes = notesFor(o.code, o.last.id, v, p)
	return d
}
