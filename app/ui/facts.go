package ui

import (
	"strconv"
	"strings"

	"whichstatus/app/engine"
)

// The facts of the situation, group by group. What each field is (its
// path, type, default and allowed values) comes from engine.Fields; this
// file holds only the playground's words for it: the label, a hint, the
// label of each choice. SituationEditor renders them.

// kind is how a fact is edited.
type kind int

const (
	check  kind = iota // a yes/no fact
	choice             // one of a few values (select)
	text               // free text
	number             // a count; 0 means the default
	list               // words separated by spaces or commas
)

type choiceOpt struct{ value, label string }

// fact is one field of the situation and how to edit it.
type fact struct {
	id, label, hint string
	path            string // "situation.<group>.<id>"
	kind            kind
	options         []choiceOpt // choice: the first is the default ""
	def             string      // the default shown for text, number and list
	field           engine.Field
}

type group struct {
	id, title, about string
	facts            []fact
}

func (f fact) get(s *engine.Situation) string {
	c := engine.Case{Situation: *s}
	return f.field.Get(&c)
}

func (f fact) set(s *engine.Situation, v string) {
	c := engine.Case{Situation: *s}
	f.field.Set(&c, v)
	*s = c.Situation
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// splitList reads "GET, POST PUT" as [GET POST PUT].
func splitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
	if len(f) == 0 {
		return nil
	}
	return f
}

func joinList(l []string) string { return strings.Join(l, " ") }

// factWords are the playground's words for a field; options label the
// field's values, in engine.Fields' order.
type factWords struct {
	id, label, hint string
	options         []string
}

type groupWords struct {
	id, title, about string
	facts            []factWords
}

// situationGroups joins the words to engine.Fields; a word for a field
// the case format does not have is a bug (TestEveryFieldHasAControl).
func situationGroups(words []groupWords) []group {
	out := make([]group, len(words))
	for i, g := range words {
		out[i] = group{id: g.id, title: g.title, about: g.about}
		for _, w := range g.facts {
			path := "situation." + g.id + "." + w.id
			f, ok := engine.FieldByPath(path)
			if !ok {
				panic("ui: no field " + path)
			}
			x := fact{id: w.id, label: w.label, hint: w.hint, path: path, field: f}
			switch {
			case f.Type == engine.Bool:
				x.kind = check
			case f.Values != nil:
				x.kind = choice
				if len(w.options) != len(f.Values) {
					panic("ui: " + path + " has " + strconv.Itoa(len(f.Values)) + " values and " + strconv.Itoa(len(w.options)) + " labels")
				}
				for k, v := range f.Values {
					x.options = append(x.options, choiceOpt{v, w.options[k]})
				}
			case f.Type == engine.Int:
				x.kind, x.def = number, f.Plain
			case f.Type == engine.Strings:
				x.kind, x.def = list, f.Plain
			default:
				x.kind, x.def = text, f.Plain
			}
			out[i].facts = append(out[i].facts, x)
		}
	}
	return out
}

var groups = situationGroups([]groupWords{
	{"server", "Server", "Facts about the whole server, true for every URL.", []factWords{
		{id: "unavailable", label: "Availability", options: []string{"serving (default)", "down for maintenance", "overloaded"}},
		{id: "retry_after", label: "Retry after (seconds)", hint: "Also fills Retry-After when a dependency is down."},
		{id: "implemented_methods", label: "Methods the server knows"},
		{id: "max_url_length", label: "Longest URL (bytes)"},
		{id: "max_header_bytes", label: "Largest headers (bytes)"},
		{id: "max_body_bytes", label: "Largest body (bytes)"},
		{id: "length_required", label: "Refuses a body without Content-Length"},
		{id: "upgrades", label: "Protocols it can switch to", hint: "For the Upgrade header, e.g. websocket."},
		{id: "required_protocol", label: "Requires the client to upgrade to"},
	}},
	{"endpoint", "Endpoint", "Facts about the handler of this URL.", []factWords{
		{id: "no_route", label: "Nothing is mapped to this URL"},
		{id: "allowed_methods", label: "Methods it allows", hint: "HEAD and OPTIONS come with GET."},
		{id: "accepts", label: "Media types it reads"},
		{id: "produces", label: "Media types it writes"},
		{id: "languages", label: "Languages it writes"},
		{id: "forbidden", label: "Refuses this to everyone"},
		{id: "auth_required", label: "Requires authentication"},
		{id: "auth_scheme", label: "Authentication scheme", options: []string{"Bearer (default)", "Bearer (said so)", "Basic", "Token (DRF)", "Session cookie"}},
		{id: "login", label: "Is a login endpoint (credentials in the body)"},
		{id: "hide_existence", label: "Hides what exists (404 rather than 403)"},
		{id: "rate_limit_exceeded", label: "Caller is over its rate limit"},
		{id: "rate_limit_retry_after", label: "Rate limit resets in (seconds)"},
		{id: "conditional_writes_required", label: "Writes must be conditional (If-Match)"},
		{id: "ranges", label: "Serves byte ranges"},
		{id: "post_result", label: "A successful POST", options: []string{"creates a resource (default)", "creates a resource (said so)", "runs an action", "has its result elsewhere"}},
	}},
	{"caller", "Caller", "What the server concludes about the client.", []factWords{
		{id: "credentials_invalid", label: "Credentials are wrong or expired"},
		{id: "permission_denied", label: "Caller may not do this"},
	}},
	{"resource", "Resource", "Facts about the target resource.", []factWords{
		{id: "state", label: "State", options: []string{"exists (default)", "exists (said so)", "missing", "gone for good", "moved permanently", "moved temporarily"}},
		{id: "location", label: "Location (where it moved or was created)"},
		{id: "keep_method", label: "Redirect must keep the method and body"},
		{id: "etag", label: "Current ETag", hint: `With the quotes: "v7" or W/"v7".`},
		{id: "last_modified", label: "Last modified (HTTP-date)"},
		{id: "length", label: "Length (bytes)"},
		{id: "representations", label: "Representations the client chooses among", hint: "Their URLs; the first is preferred."},
		{id: "legal_block", label: "A legal demand forbids serving it"},
	}},
	{"processing", "Processing", "What happens once the server works on the request.", []factWords{
		{id: "failure", label: "Failure", options: []string{"none (default)", "an unexpected error", "upstream answered badly", "upstream timed out", "a dependency is down"}},
		{id: "field_error", label: "A field is invalid (missing, wrong type or format)", hint: "e.g. email: this field is required"},
		{id: "rule_violation", label: "Business rule the content breaks", hint: "e.g. amount must be greater than 0"},
		{id: "conflict", label: "Conflict", options: []string{"none (default)", "it already exists", "edited since the client read it", "not allowed in its current state"}},
		{id: "async", label: "Work is queued, finishes later"},
		{id: "long_running", label: "Work takes over 20 seconds"},
		{id: "response_body", label: "A successful write sends back", options: []string{"the usual (default)", "a body", "nothing"}},
	}},
})
