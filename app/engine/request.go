package engine

import (
	"strings"
	"sync"
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

// view is the case with defaults applied and the request parsed once, so
// that both profiles' walks share the work.
type view struct {
	cs      Case
	c       *Case // &cs
	method  string
	verb    int8 // method's index in verbs, -1 when it is not one of them
	url     string
	version string
	headers []Header
	body    string

	implemented, allowed, accepts, produces []string
	maxURL, maxHeader, maxBody, length      int
	scheme                                  string
	allowList                               []string
	allowDone                               bool
	allowText                               string
	allowIn                                 string                  // allowPrefix + allowText
	allowBuf                                [8]string               // room for allowList
	sizes                                   [3]string               // sizeInput's words, once worked out
	known                                   [len(knownHeaders)]int8 // 1 + index in headers of the first of each, 0 when absent
	repeated                                uint32                  // bit k: knownHeaders[k] has more than one line
	asked, yes                              uint64                  // bit k: nodes[k] was asked, answered yes
	inputs                                  [maxNodes]string        // what decided each answer
}

// views are recycled: a view is large, and nothing a Decision holds points
// into it.
var views = sync.Pool{New: func() any { return new(view) }}

// release returns a view to the pool once its walks are done.
//
// Only the scalar fields are reset: clearing the strings a view keeps would
// cost write barriers for nothing; the next newView overwrites them.
func (v *view) release() {
	v.known, v.repeated = [len(knownHeaders)]int8{}, 0
	v.allowList, v.allowText, v.allowIn, v.allowDone = nil, "", "", false
	v.sizes = [3]string{}
	views.Put(v)
}

func newView(from *Case, p Profile) *view {
	v := views.Get().(*view)
	v.cs = *from // a copy in the pooled view, so that the caller's case stays on its stack
	c := &v.cs
	r, s := &c.Request, &c.Situation
	v.c, v.method, v.url, v.version, v.headers, v.body = c, r.Method, r.URL, r.Version, r.Headers, r.Body
	v.method = or(v.method, "GET")
	if p == DRF && isToken(v.method) {
		v.method = strings.ToUpper(v.method) // Django's WSGIRequest upper-cases it
	}
	v.verb = verbIndex(v.method)
	v.url = or(v.url, "/")
	v.version = or(v.version, "HTTP/1.1")
	v.implemented = orList(s.Server.ImplementedMethods, DefaultImplementedMethods)
	v.allowed = orList(s.Endpoint.AllowedMethods, DefaultAllowedMethods)
	v.accepts = orList(s.Endpoint.Accepts, DefaultMediaTypes)
	v.produces = orList(s.Endpoint.Produces, DefaultMediaTypes)
	v.maxURL = orInt(s.Server.MaxURLLength, DefaultMaxURLLength)
	v.maxHeader = orInt(s.Server.MaxHeaderBytes, DefaultMaxHeaderBytes)
	v.maxBody = orInt(s.Server.MaxBodyBytes, DefaultMaxBodyBytes)
	v.length = orInt(s.Resource.Length, DefaultLength)
	v.scheme = or(s.Endpoint.AuthScheme, DefaultAuthScheme)
	for i := 0; i < len(v.headers) && i < 127; i++ {
		if k := knownConst(v.headers[i].Name); k >= 0 {
			if v.known[k] == 0 {
				v.known[k] = int8(i + 1)
			} else {
				v.repeated |= 1 << k
			}
		}
	}
	return v
}

// knownHeaders are the headers the engine reads; newView finds each once.
var knownHeaders = [...]string{"Accept", "Access-Control-Request-Method", "Authorization", "Connection", "Content-Length",
	"Content-Type", "Cookie", "Expect", "Host", "If-Match", "If-Modified-Since", "If-None-Match", "If-Range",
	"If-Unmodified-Since", "Range", "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Upgrade"}

// knownConst is knownIndex for the names the engine itself spells, as a
// switch the compiler turns into a few comparisons.
func knownConst(name string) int {
	switch name {
	case "Accept":
		return 0
	case "Access-Control-Request-Method":
		return 1
	case "Authorization":
		return 2
	case "Connection":
		return 3
	case "Content-Length":
		return 4
	case "Content-Type":
		return 5
	case "Cookie":
		return 6
	case "Expect":
		return 7
	case "Host":
		return 8
	case "If-Match":
		return 9
	case "If-Modified-Since":
		return 10
	case "If-None-Match":
		return 11
	case "If-Range":
		return 12
	case "If-Unmodified-Since":
		return 13
	case "Range":
		return 14
	case "Sec-WebSocket-Key":
		return 15
	case "Sec-WebSocket-Version":
		return 16
	case "Upgrade":
		return 17
	}
	return knownIndex(name)
}

func knownIndex(name string) int {
	for i, k := range knownHeaders {
		if len(k) == len(name) && strings.EqualFold(k, name) {
			return i
		}
	}
	return -1
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

// header returns the first value of the named header (case-insensitive),
// trimmed, and whether it was present.
//
// Several lines of one name mean their values joined by commas (RFC 9110
// §5.3).
func (v *view) header(name string) (string, bool) {
	if k := knownConst(name); k >= 0 && len(v.headers) < 127 {
		i := v.known[k]
		if i == 0 {
			return "", false
		}
		if v.repeated&(1<<k) == 0 {
			return strings.TrimSpace(v.headers[i-1].Value), true
		}
	}
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
	if k := knownConst(name); k >= 0 && len(v.headers) < 127 {
		return v.repeated&(1<<k) != 0
	}
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

// safe methods do not ask for a change (RFC 9110 §9.2.1).
func (v *view) safe() bool { return v.is("GET", "HEAD", "OPTIONS", "TRACE") }

// hasContent: the request carries a body the method gives meaning to.
func (v *view) hasContent() bool { return v.body != "" && v.is("POST", "PUT", "PATCH") }

func (v *view) exists() bool {
	st := v.c.Situation.Resource.State
	return st == "" || st == "exists"
}
