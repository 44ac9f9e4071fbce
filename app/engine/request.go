package engine

import (
	"slices"
	"strings"
	"sync/atomic"
)

// Defaults for facts left at their zero value.
var (
	DefaultImplementedMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
	DefaultAllowedMethods     = []string{"GET"}
	DefaultMediaTypes         = []string{"application/json"}
)

const (
	DefaultMaxURLLength   = 8000
	DefaultMaxHeaderBytes = 8192
	DefaultMaxBodyBytes   = 1 << 20
	DefaultLength         = 10000
	DefaultAuthScheme     = "Bearer"
)

// view is the case as one profile reads it: defaults applied, and the
// method as that profile's server sees it.
type view struct {
	c      Case // read only; in the view's own allocation (one fewer per case)
	method string
	// usual is the method's position in DefaultImplementedMethods, -1 for
	// any other: the flow words questions and inputs for these once.
	usual    int
	methodIn string // "method GET", as the trace words it
	upcased  bool   // DRF read a lower-case method as upper case
	url      string
	version  string

	implemented, endpointMethods, accepts, produces []string
	maxURL, maxHeader, maxBody, length              int
	scheme                                          string
	// answers are what the walks over this view learned, by node index:
	// the other profile's walk and also's walks ask only what is new.
	// Only the answers: the input is shown by the first walk alone.
	answers []answer
	// room holds them while the table has at most 96 nodes (it has 67):
	// with its 8-byte allocation header the view stays in its 1,024-byte size
	// class, and a case makes one allocation fewer (1,082 → 1,017
	// per 63 cases; in wasm, 14 turns under load: min 23.2 → 20.9 µs, median
	// 35.9 → 35.6).
	room [96]answer
	// override holds answers supposed rather than asked, by node id: how
	// also finds the faults a walk did not reach.
	override []supposed
}

func newView(c Case, p Profile) *view {
	v := new(view)
	v.read(c, p)
	return v
}

// spare is a view kept for the next decision: one made per process rather
// than per case is 1 KB and an allocation fewer per case (2,734 → 1,710 B)
// and 8 to 10 % of a case's time in wasm (BENCHMARKS.md). A decision that
// finds it taken, by another goroutine, makes its own. It holds the last
// case it read until the next.
var spare atomic.Pointer[view]

// spareView is the spare view, or a new one, to read a case into; give
// it back with keep once nothing reads it.
func spareView() *view {
	if v := spare.Swap(nil); v != nil {
		return v
	}
	return new(view)
}

// keep makes the view the spare. Nothing a decision returns points into
// its view (TestViewsAreReused), so the decision outlives it.
func (v *view) keep() { spare.Store(v) }

// read makes the view the case's for a profile, every field anew, so that
// one view can serve case after case (Alternatives reads each change it
// tries into one) with nothing of the last one left.
func (v *view) read(c Case, p Profile) {
	// The room of also's suppositions is kept, emptied: in the spare view
	// they are allocated once, not in most cases (0.7 allocations a case).
	*v = view{c: c, override: v.override[:0]}
	r, s := &v.c.Request, &v.c.Situation
	v.method = or(r.Method, "GET")
	if p == DRF && isToken(v.method) && strings.ToUpper(v.method) != v.method {
		v.method, v.upcased = strings.ToUpper(v.method), true // Django's WSGIRequest upper-cases it
	}
	v.usual = slices.Index(DefaultImplementedMethods, v.method)
	if v.usual >= 0 {
		v.methodIn = methodInputs[v.usual]
	} else {
		v.methodIn = "method " + v.method
	}
	if v.upcased {
		v.methodIn = "method " + r.Method + ", read as " + v.method + " (Django upper-cases it)"
	}
	v.url = or(r.URL, "/")
	v.version = or(r.Version, "HTTP/1.1")
	v.implemented = orList(s.Server.ImplementedMethods, DefaultImplementedMethods)
	v.endpointMethods = orList(s.Endpoint.AllowedMethods, DefaultAllowedMethods)
	v.accepts = orList(s.Endpoint.Accepts, DefaultMediaTypes)
	v.produces = orList(s.Endpoint.Produces, DefaultMediaTypes)
	v.maxURL = orInt(s.Server.MaxURLLength, DefaultMaxURLLength)
	v.maxHeader = orInt(s.Server.MaxHeaderBytes, DefaultMaxHeaderBytes)
	v.maxBody = orInt(s.Server.MaxBodyBytes, DefaultMaxBodyBytes)
	v.length = orInt(s.Resource.Length, DefaultLength)
	v.scheme = or(s.Endpoint.AuthScheme, DefaultAuthScheme)
}

// supposed is an answer also supposes, to find what else is wrong.
type supposed struct {
	n   *node
	yes bool
}

// supposedAnswer is the answer also() supposes for the node id, if any.
func (v *view) supposedAnswer(id string) (yes, ok bool) {
	for _, o := range v.override {
		if o.n.id == id {
			return o.yes, true
		}
	}
	return false, false
}

// An answer is what the walks over a view learned of a node.
type answer uint8

const (
	notAsked answer = iota
	saidNo
	saidYes
)

// ask is the node's answer for this view: supposed (override), already
// known, or asked now. nodes is the size of the node's table. The input
// that decided comes with an answer asked now; a walk that shows the
// inputs (input) asks every node anew. An answer asked while also()
// supposes others is not kept: it may hang on what is supposed (see
// permitted), and the other profile's walk, after also(), reads the
// case as it is.
func (v *view) ask(n *node, nodes int, input bool) (bool, string) {
	for _, o := range v.override {
		if o.n == n {
			return o.yes, "supposed, to find what else is wrong"
		}
	}
	if v.answers == nil {
		v.answers = v.room[:]
		if nodes > len(v.room) {
			v.answers = make([]answer, nodes)
		}
	}
	if a := v.answers[n.idx]; a != notAsked && !input {
		return a == saidYes, ""
	}
	yes, in := n.test(v)
	if len(v.override) > 0 {
		return yes, in
	}
	v.answers[n.idx] = saidNo
	if yes {
		v.answers[n.idx] = saidYes
	}
	return yes, in
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orList(l, def []string) []string {
	if len(l) == 0 {
		return def
	}
	return l
}

func orInt(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}

// header returns the value of the named header (case-insensitive),
// trimmed, and whether it was present. Several lines of one name mean
// their values joined by commas (RFC 9110 §5.3).
func (v *view) header(name string) (string, bool) {
	first := -1
	for i, h := range v.c.Request.Headers {
		if h.named(name) {
			if first >= 0 {
				return v.joined(name), true
			}
			first = i
		}
	}
	if first < 0 {
		return "", false
	}
	return strings.TrimSpace(v.c.Request.Headers[first].Value), true
}

// named reports whether the header line has the name. Names are tokens,
// compared without regard to case (RFC 9110 §5.1): a name of another
// length is another name, and the length is the cheap test.
func (h Header) named(name string) bool {
	return len(h.Name) == len(name) && strings.EqualFold(h.Name, name)
}

// joined is the values of a header that comes on several lines.
func (v *view) joined(name string) string {
	var all []string
	for _, h := range v.c.Request.Headers {
		if h.named(name) {
			all = append(all, strings.TrimSpace(h.Value))
		}
	}
	return strings.Join(all, ", ")
}

// repeats reports whether a header comes on more than one line.
func (v *view) repeats(name string) bool {
	n := 0
	for _, h := range v.c.Request.Headers {
		if h.named(name) {
			n++
		}
	}
	return n > 1
}

// headerBytes is the size of the header section, as a server would count
// it: name, colon, space, value and CRLF for each line.
func (v *view) headerBytes() int {
	n := 0
	for _, h := range v.c.Request.Headers {
		n += len(h.Name) + len(h.Value) + 4
	}
	return n
}

// has reports whether the header is present.
func (v *view) has(name string) bool { _, ok := v.header(name); return ok }

func (v *view) is(methods ...string) bool {
	for _, m := range methods {
		if v.method == m {
			return true
		}
	}
	return false
}

// hasContent: the request carries a body the method gives meaning to.
func (v *view) hasContent() bool { return v.c.Request.Body != "" && v.is("POST", "PUT", "PATCH") }

func (v *view) exists() bool {
	st := v.c.Situation.Resource.State
	return st == "" || st == "exists"
}
