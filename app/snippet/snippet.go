// Package snippet writes the code a learner would type to send a decision:
// a Django REST Framework view, a Go net/http handler, an Express route and
// a FastAPI path operation, built from the
// decision's code, its constants and its headers (never hand-written per
// code).
//
// It is plain Go and imports only the engine and the standard library.
package snippet

import (
	"strconv"
	"strings"

	"whichstatus/app/engine"
)

// Snippet is one fragment of code.
type Snippet struct {
	Lang   string // "python", "go" or "javascript"
	Target string // "Django REST Framework", "Go net/http", "Express", "FastAPI"
	Code   string
}

// For returns the fragments for a decision about a case: DRF, Go,
// Express and FastAPI, in that order.
func For(c engine.Case, d engine.Decision) []Snippet {
	return []Snippet{
		{"python", "Django REST Framework", DRF(c, d)},
		{"go", "Go net/http", Go(c, d)},
		{"javascript", "Express", Express(c, d)},
		{"python", "FastAPI", FastAPI(c, d)},
	}
}

// sendsBody reports whether the answer carries content.
func sendsBody(d engine.Decision, method string) bool {
	switch {
	case d.Code < 200, d.Code == 204, d.Code == 304, method == "HEAD":
		return false
	}
	return true
}

// body is an example payload: the resource for a success, a problem
// document (RFC 9457) for an error.
func body(d engine.Decision) string {
	switch {
	case d.Code >= 400:
		return `{"type": "about:blank", "title": ` + strconv.Quote(d.Reason) + `, "status": ` + strconv.Itoa(d.Code) +
			`, "detail": ` + strconv.Quote(d.Why) + `}`
	case d.Code == 202:
		return `{"task": "42", "status": "queued"}`
	case d.Code >= 300:
		return `{"detail": "See the Location header."}`
	}
	return `{"id": 42}`
}

// headers are the decision's headers but Content-Type, which both
// frameworks set apart.
func headers(d engine.Decision) []engine.Advice {
	var out []engine.Advice
	for _, h := range d.Headers {
		if h.Name != "Content-Type" && h.Value != "" {
			out = append(out, h)
		}
	}
	return out
}

func contentType(d engine.Decision) string {
	for _, h := range d.Headers {
		if h.Name == "Content-Type" {
			return h.Value
		}
	}
	return "application/json"
}

// viewName turns "/api/users/7/" into "Users".
func viewName(url string) string {
	var name string
	for _, part := range strings.FieldsFunc(url, func(r rune) bool { return r == '/' || r == '?' || r == '#' }) {
		if part == "api" || strings.ContainsAny(part[:1], "0123456789:{<") {
			continue
		}
		name = part
	}
	var b strings.Builder
	up := true
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' && b.Len() > 0:
			if up && r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteRune(r)
			up = false
		default:
			up = true
		}
	}
	if b.Len() == 0 {
		return "Resource"
	}
	return b.String()
}

// pathOf is the URL's path, without query or fragment, for a route.
func pathOf(c engine.Case) string {
	u := c.Request.URL
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			u = "/"
		}
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return or(u, "/")
}

// routeMethod is the method in lower case when the framework has a
// decorator or function of that name; "" when it has none (an unknown
// method, or one spelt in lower case, which HTTP treats as another method).
func routeMethod(c engine.Case) string {
	switch m := methodOf(c); m {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD":
		return strings.ToLower(m)
	}
	return ""
}

func methodOf(c engine.Case) string {
	if c.Request.Method == "" {
		return "GET"
	}
	return c.Request.Method
}
