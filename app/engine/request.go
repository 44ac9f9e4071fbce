package engine

import "strings"

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
	cs       Case
	c        *Case // &cs
	method   string
	methodIn string // "method GET", as the trace words it
	upcased  bool   // DRF read a lower-case method as upper case
	url      string
	version  string
	headers  []Header
	body     string

	implemented, allowed, accepts, produces []string
	maxURL, maxHeader, maxBody, length      int
	scheme                                  string
	// override holds answers supposed rather than asked, by node id: how
	// also finds the faults a walk did not reach.
	override map[string]bool
}

func newView(c Case, p Profile) *view {
	r, s := &c.Request, &c.Situation
	v := &view{cs: c, headers: r.Headers, body: r.Body}
	v.c = &v.cs
	v.method = or(r.Method, "GET")
	if p == DRF && isToken(v.method) && strings.ToUpper(v.method) != v.method {
		v.method, v.upcased = strings.ToUpper(v.method), true // Django's WSGIRequest upper-cases it
	}
	v.methodIn = "method " + v.method
	if v.upcased {
		v.methodIn = "method " + r.Method + ", read as " + v.method + " (Django upper-cases it)"
	}
	v.url = or(r.URL, "/")
	v.version = or(r.Version, "HTTP/1.1")
	v.implemented = orList(s.Server.ImplementedMethods, DefaultImplementedMethods)
	v.allowed = orList(s.Endpoint.AllowedMethods, DefaultAllowedMethods)
	v.accepts = orList(s.Endpoint.Accepts, DefaultMediaTypes)
	v.produces = orList(s.Endpoint.Produces, DefaultMediaTypes)
	v.maxURL = orInt(s.Server.MaxURLLength, DefaultMaxURLLength)
	v.maxHeader = orInt(s.Server.MaxHeaderBytes, DefaultMaxHeaderBytes)
	v.maxBody = orInt(s.Server.MaxBodyBytes, DefaultMaxBodyBytes)
	v.length = orInt(s.Resource.Length, DefaultLength)
	v.scheme = or(s.Endpoint.AuthScheme, DefaultAuthScheme)
	return v
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
	var joined []string
	for _, h := range v.headers {
		if strings.EqualFold(h.Name, name) {
			joined = append(joined, strings.TrimSpace(h.Value))
		}
	}
	return strings.Join(joined, ", "), joined != nil
}

// repeats reports whether a header comes on more than one line.
func (v *view) repeats(name string) bool {
	n := 0
	for _, h := range v.headers {
		if strings.EqualFold(h.Name, name) {
			n++
		}
	}
	return n > 1
}

// headerBytes is the size of the header section, as a server would count
// it: name, colon, space, value and CRLF for each line.
func (v *view) headerBytes() int {
	n := 0
	for _, h := range v.headers {
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
func (v *view) hasContent() bool { return v.body != "" && v.is("POST", "PUT", "PATCH") }

func (v *view) exists() bool {
	st := v.c.Situation.Resource.State
	return st == "" || st == "exists"
}
