package engine

import "strings"

// The Allow header: HEAD comes with GET (RFC 9110 §9.3.2), OPTIONS is
// always answered, and only what the server implements can be allowed.

// allows reports whether Allow lists the method.
func (v *view) allows(m string) bool {
	e := v.endpointMethods
	listed := contains(e, m) || m == "HEAD" && contains(e, "GET") || m == "OPTIONS"
	return listed && contains(v.implemented, m)
}

// allowInput words Allow's methods for the trace: "endpoint allows GET,
// HEAD, OPTIONS", in the endpoint's order, HEAD after GET, OPTIONS last.
// It is worked out where it is shown, so a case words it at most once.
func (v *view) allowInput() string {
	s := &v.c.Situation
	if len(s.Endpoint.AllowedMethods) == 0 && len(s.Server.ImplementedMethods) == 0 {
		return defaultAllowInput
	}
	var room [10]string
	listed := room[:0] // on the stack
	for _, m := range v.endpointMethods {
		listed = v.list(listed, m)
		if m == "GET" {
			listed = v.list(listed, "HEAD")
		}
	}
	listed = v.list(listed, "OPTIONS")
	var b strings.Builder
	b.Grow(len(allowsPrefix) + 8*len(listed)) // one allocation
	b.WriteString(allowsPrefix)
	for i, m := range listed {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(m)
	}
	return b.String()
}

// list adds a method to Allow's list, once, if the server implements it
// (each method it is given is one that allows lets through). Not inlined:
// Go's wasm would hold three copies of its loops (4 KB).
//
//go:noinline
func (v *view) list(listed []string, m string) []string {
	if contains(v.implemented, m) && !contains(listed, m) {
		return append(listed, m)
	}
	return listed
}

// allowValue is the Allow header's value: the trace's input, less its
// first words.
func (v *view) allowValue() string { return strings.TrimPrefix(v.allowInput(), allowsPrefix) }

const allowsPrefix = "endpoint allows "

// defaultAllowInput is the input for the default methods, worded once:
// most cases keep them (an allocation fewer per case).
var defaultAllowInput = allowsPrefix + "GET, HEAD, OPTIONS"
