package engine

import "strings"

// allow is the endpoint's methods as the Allow header lists them: HEAD
// comes with GET (RFC 9110 §9.3.2), and OPTIONS is always answered.
func (v *view) allow() []string {
	if v.allowDone {
		return v.allowList
	}
	v.allowDone = true
	if len(v.c.Situation.Endpoint.AllowedMethods) == 0 && len(v.c.Situation.Server.ImplementedMethods) == 0 {
		v.allowList, v.allowText, v.allowIn = defaultAllow, defaultAllowText, defaultAllowInput
		return v.allowList
	}
	out := v.allowBuf[:0]   // the list stays in the view: a Decision keeps only its text
	add := func(m string) { // only what the server implements can be allowed
		if !contains(out, m) && contains(v.implemented, m) {
			out = append(out, m)
		}
	}
	for _, m := range v.allowed {
		add(m)
		if m == "GET" {
			add("HEAD")
		}
	}
	add("OPTIONS")
	v.allowList = out
	return out
}

var (
	defaultAllow      = []string{"GET", "HEAD", "OPTIONS"}
	defaultAllowText  = "GET, HEAD, OPTIONS"
	defaultAllowInput = allowPrefix + defaultAllowText
)

// producesText lists the response types, worded once for the default.
func (v *view) producesText() string {
	if len(v.c.Situation.Endpoint.Produces) == 0 {
		return DefaultMediaTypes[0]
	}
	return strings.Join(v.produces, ", ")
}

// allowHeader is the Allow value, worked out once per view.
func (v *view) allowHeader() string {
	v.allowInput()
	return v.allowText
}

const allowPrefix = "endpoint allows "

// allowInput is the Allow value as the trace words it; the header value is
// the same bytes without the prefix.
func (v *view) allowInput() string {
	if v.allowIn == "" {
		v.allow()
	}
	if v.allowIn == "" {
		var buf [128]byte
		b := append(buf[:0], allowPrefix...)
		for i, m := range v.allowList {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, m...)
		}
		v.allowIn = string(b)
		v.allowText = v.allowIn[len(allowPrefix):]
	}
	return v.allowIn
}
