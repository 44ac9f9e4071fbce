package engine

import "strings"

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
	s := &v.c.Situation
	switch key {
	case "method":
		return v.method
	case "METHOD":
		return strings.ToUpper(v.method)
	case "preconditions":
		return preconditionNames(v)
	case "unavailable":
		return s.Server.Unavailable
	case "rule": // the rule ends a sentence of ours: its own full stop goes
		return strings.TrimRight(strings.TrimSpace(s.Processing.RuleViolation), ".")
	case "field_error":
		return strings.TrimRight(strings.TrimSpace(s.Processing.FieldError), ".")
	case "scheme":
		a, _ := v.header("Authorization")
		scheme, _, _ := strings.Cut(a, " ")
		return scheme
	case "expected":
		return v.scheme
	case "raw":
		return or(v.c.Request.Method, "GET")
	case "conflict":
		return conflictWords[s.Processing.Conflict]
	case "ctype":
		ct, ok := v.header("Content-Type")
		if !ok {
			return "no Content-Type"
		}
		return mediaType(ct)
	case "ws_version":
		ver, _ := v.header("Sec-WebSocket-Version")
		return ver
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
