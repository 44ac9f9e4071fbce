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
	case "rule":
		return s.Processing.RuleViolation
	case "conflict":
		return conflictWords[s.Processing.Conflict]
	case "ctype":
		ct, ok := v.header("Content-Type")
		if !ok {
			return "no Content-Type"
		}
		return mediaType(ct)
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
