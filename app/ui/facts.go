package ui

import (
	"strconv"
	"strings"

	"whichstatus/app/engine"
)

// The facts of the situation, group by group: how each is edited, shown
// and read from a case. SituationEditor renders them.

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

// fact describes one field of the situation and how to edit it.
type fact struct {
	id, label, hint string
	path            string // for a choice: its key in engine.Choices
	kind            kind
	options         []choiceOpt // choice: the first is the default ""
	def             string      // the default shown for text, number and list
	get             func(s *engine.Situation) string
	set             func(s *engine.Situation, v string)
}

type group struct {
	id, title, about string
	facts            []fact
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return ""
}

func itoa0(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func atoi0(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0
	}
	return n
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

// The choices' values are engine.Choices' (a test holds them together);
// the labels are ours.
var groups = []group{
	{"server", "Server", "Facts about the whole server, true for every URL.", []fact{
		{id: "unavailable", path: "situation.server.unavailable", label: "Availability", kind: choice,
			options: []choiceOpt{{"", "serving (default)"}, {"maintenance", "down for maintenance"}, {"overloaded", "overloaded"}},
			get:     func(s *engine.Situation) string { return s.Server.Unavailable },
			set:     func(s *engine.Situation, v string) { s.Server.Unavailable = v }},
		{id: "retry_after", label: "Retry after (seconds)", kind: number, def: "unknown",
			hint: "Also fills Retry-After when a dependency is down.",
			get:  func(s *engine.Situation) string { return itoa0(s.Server.RetryAfter) },
			set:  func(s *engine.Situation, v string) { s.Server.RetryAfter = atoi0(v) }},
		{id: "implemented_methods", label: "Methods the server knows", kind: list,
			def: joinList(engine.DefaultImplementedMethods),
			get: func(s *engine.Situation) string { return joinList(s.Server.ImplementedMethods) },
			set: func(s *engine.Situation, v string) { s.Server.ImplementedMethods = splitList(v) }},
		{id: "max_url_length", label: "Longest URL (bytes)", kind: number, def: strconv.Itoa(engine.DefaultMaxURLLength),
			get: func(s *engine.Situation) string { return itoa0(s.Server.MaxURLLength) },
			set: func(s *engine.Situation, v string) { s.Server.MaxURLLength = atoi0(v) }},
		{id: "max_header_bytes", label: "Largest headers (bytes)", kind: number, def: strconv.Itoa(engine.DefaultMaxHeaderBytes),
			get: func(s *engine.Situation) string { return itoa0(s.Server.MaxHeaderBytes) },
			set: func(s *engine.Situation, v string) { s.Server.MaxHeaderBytes = atoi0(v) }},
		{id: "max_body_bytes", label: "Largest body (bytes)", kind: number, def: strconv.Itoa(engine.DefaultMaxBodyBytes),
			get: func(s *engine.Situation) string { return itoa0(s.Server.MaxBodyBytes) },
			set: func(s *engine.Situation, v string) { s.Server.MaxBodyBytes = atoi0(v) }},
		{id: "length_required", label: "Refuses a body without Content-Length", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Server.LengthRequired) },
			set: func(s *engine.Situation, v string) { s.Server.LengthRequired = v != "" }},
		{id: "upgrades", label: "Protocols it can switch to", kind: list, def: "none", hint: "For the Upgrade header, e.g. websocket.",
			get: func(s *engine.Situation) string { return joinList(s.Server.Upgrades) },
			set: func(s *engine.Situation, v string) { s.Server.Upgrades = splitList(v) }},
		{id: "required_protocol", label: "Requires the client to upgrade to", kind: text, def: "nothing",
			get: func(s *engine.Situation) string { return s.Server.RequiredProtocol },
			set: func(s *engine.Situation, v string) { s.Server.RequiredProtocol = v }},
	}},
	{"endpoint", "Endpoint", "Facts about the handler of this URL.", []fact{
		{id: "no_route", label: "Nothing is mapped to this URL", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Endpoint.NoRoute) },
			set: func(s *engine.Situation, v string) { s.Endpoint.NoRoute = v != "" }},
		{id: "allowed_methods", label: "Methods it allows", kind: list, def: joinList(engine.DefaultAllowedMethods),
			hint: "HEAD and OPTIONS come with GET.",
			get:  func(s *engine.Situation) string { return joinList(s.Endpoint.AllowedMethods) },
			set:  func(s *engine.Situation, v string) { s.Endpoint.AllowedMethods = splitList(v) }},
		{id: "accepts", label: "Media types it reads", kind: list, def: joinList(engine.DefaultMediaTypes),
			get: func(s *engine.Situation) string { return joinList(s.Endpoint.Accepts) },
			set: func(s *engine.Situation, v string) { s.Endpoint.Accepts = splitList(v) }},
		{id: "produces", label: "Media types it writes", kind: list, def: joinList(engine.DefaultMediaTypes),
			get: func(s *engine.Situation) string { return joinList(s.Endpoint.Produces) },
			set: func(s *engine.Situation, v string) { s.Endpoint.Produces = splitList(v) }},
		{id: "languages", label: "Languages it writes", kind: list, def: "one, not negotiated",
			get: func(s *engine.Situation) string { return joinList(s.Endpoint.Languages) },
			set: func(s *engine.Situation, v string) { s.Endpoint.Languages = splitList(v) }},
		{id: "forbidden", label: "Refuses this to everyone", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Endpoint.Forbidden) },
			set: func(s *engine.Situation, v string) { s.Endpoint.Forbidden = v != "" }},
		{id: "auth_required", label: "Requires authentication", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Endpoint.AuthRequired) },
			set: func(s *engine.Situation, v string) { s.Endpoint.AuthRequired = v != "" }},
		{id: "auth_scheme", path: "situation.endpoint.auth_scheme", label: "Authentication scheme", kind: choice,
			options: []choiceOpt{{"", "Bearer (default)"}, {"Bearer", "Bearer (said so)"}, {"Basic", "Basic"}, {"Token", "Token (DRF)"}, {"Session", "Session cookie"}},
			get:     func(s *engine.Situation) string { return s.Endpoint.AuthScheme },
			set:     func(s *engine.Situation, v string) { s.Endpoint.AuthScheme = v }},
		{id: "login", label: "Is a login endpoint (credentials in the body)", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Endpoint.Login) },
			set: func(s *engine.Situation, v string) { s.Endpoint.Login = v != "" }},
		{id: "hide_existence", label: "Hides what exists (404 rather than 403)", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Endpoint.HideExistence) },
			set: func(s *engine.Situation, v string) { s.Endpoint.HideExistence = v != "" }},
		{id: "rate_limit_exceeded", label: "Caller is over its rate limit", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Endpoint.RateLimitExceeded) },
			set: func(s *engine.Situation, v string) { s.Endpoint.RateLimitExceeded = v != "" }},
		{id: "rate_limit_retry_after", label: "Rate limit resets in (seconds)", kind: number, def: "unknown",
			get: func(s *engine.Situation) string { return itoa0(s.Endpoint.RateLimitRetry) },
			set: func(s *engine.Situation, v string) { s.Endpoint.RateLimitRetry = atoi0(v) }},
		{id: "conditional_writes_required", label: "Writes must be conditional (If-Match)", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Endpoint.ConditionalWritesRequired) },
			set: func(s *engine.Situation, v string) { s.Endpoint.ConditionalWritesRequired = v != "" }},
		{id: "ranges", label: "Serves byte ranges", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Endpoint.Ranges) },
			set: func(s *engine.Situation, v string) { s.Endpoint.Ranges = v != "" }},
		{id: "post_result", path: "situation.endpoint.post_result", label: "A successful POST", kind: choice,
			options: []choiceOpt{{"", "creates a resource (default)"}, {"create", "creates a resource (said so)"}, {"action", "runs an action"}, {"see_other", "has its result elsewhere"}},
			get:     func(s *engine.Situation) string { return s.Endpoint.PostResult },
			set:     func(s *engine.Situation, v string) { s.Endpoint.PostResult = v }},
	}},
	{"caller", "Caller", "What the server concludes about the client.", []fact{
		{id: "credentials_invalid", label: "Credentials are wrong or expired", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Caller.CredentialsInvalid) },
			set: func(s *engine.Situation, v string) { s.Caller.CredentialsInvalid = v != "" }},
		{id: "permission_denied", label: "Caller may not do this", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Caller.PermissionDenied) },
			set: func(s *engine.Situation, v string) { s.Caller.PermissionDenied = v != "" }},
	}},
	{"resource", "Resource", "Facts about the target resource.", []fact{
		{id: "state", path: "situation.resource.state", label: "State", kind: choice,
			options: []choiceOpt{{"", "exists (default)"}, {"exists", "exists (said so)"}, {"missing", "missing"}, {"gone", "gone for good"},
				{"moved_permanently", "moved permanently"}, {"moved_temporarily", "moved temporarily"}},
			get: func(s *engine.Situation) string { return s.Resource.State },
			set: func(s *engine.Situation, v string) { s.Resource.State = v }},
		{id: "location", label: "Location (where it moved or was created)", kind: text, def: "none",
			get: func(s *engine.Situation) string { return s.Resource.Location },
			set: func(s *engine.Situation, v string) { s.Resource.Location = v }},
		{id: "keep_method", label: "Redirect must keep the method and body", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Resource.KeepMethod) },
			set: func(s *engine.Situation, v string) { s.Resource.KeepMethod = v != "" }},
		{id: "etag", label: "Current ETag", kind: text, def: "none", hint: `With the quotes: "v7" or W/"v7".`,
			get: func(s *engine.Situation) string { return s.Resource.ETag },
			set: func(s *engine.Situation, v string) { s.Resource.ETag = v }},
		{id: "last_modified", label: "Last modified (HTTP-date)", kind: text, def: "unknown",
			get: func(s *engine.Situation) string { return s.Resource.LastModified },
			set: func(s *engine.Situation, v string) { s.Resource.LastModified = v }},
		{id: "length", label: "Length (bytes)", kind: number, def: strconv.Itoa(engine.DefaultLength),
			get: func(s *engine.Situation) string { return itoa0(s.Resource.Length) },
			set: func(s *engine.Situation, v string) { s.Resource.Length = atoi0(v) }},
		{id: "representations", label: "Representations the client chooses among", kind: list, def: "one", hint: "Their URLs; the first is preferred.",
			get: func(s *engine.Situation) string { return joinList(s.Resource.Representations) },
			set: func(s *engine.Situation, v string) { s.Resource.Representations = splitList(v) }},
		{id: "legal_block", label: "A legal demand forbids serving it", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Resource.LegalBlock) },
			set: func(s *engine.Situation, v string) { s.Resource.LegalBlock = v != "" }},
	}},
	{"processing", "Processing", "What happens once the server works on the request.", []fact{
		{id: "failure", path: "situation.processing.failure", label: "Failure", kind: choice,
			options: []choiceOpt{{"", "none (default)"}, {"crash", "an unexpected error"}, {"upstream_invalid", "upstream answered badly"},
				{"upstream_timeout", "upstream timed out"}, {"dependency_down", "a dependency is down"}},
			get: func(s *engine.Situation) string { return s.Processing.Failure },
			set: func(s *engine.Situation, v string) { s.Processing.Failure = v }},
		{id: "field_error", label: "A field is invalid (missing, wrong type or format)", kind: text, def: "none",
			hint: "e.g. email: this field is required",
			get:  func(s *engine.Situation) string { return s.Processing.FieldError },
			set:  func(s *engine.Situation, v string) { s.Processing.FieldError = v }},
		{id: "rule_violation", label: "Business rule the content breaks", kind: text, def: "none",
			hint: "e.g. amount must be greater than 0",
			get:  func(s *engine.Situation) string { return s.Processing.RuleViolation },
			set:  func(s *engine.Situation, v string) { s.Processing.RuleViolation = v }},
		{id: "conflict", path: "situation.processing.conflict", label: "Conflict", kind: choice,
			options: []choiceOpt{{"", "none (default)"}, {"duplicate", "it already exists"}, {"version", "edited since the client read it"},
				{"state", "not allowed in its current state"}},
			get: func(s *engine.Situation) string { return s.Processing.Conflict },
			set: func(s *engine.Situation, v string) { s.Processing.Conflict = v }},
		{id: "async", label: "Work is queued, finishes later", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Processing.Async) },
			set: func(s *engine.Situation, v string) { s.Processing.Async = v != "" }},
		{id: "long_running", label: "Work takes over 20 seconds", kind: check,
			get: func(s *engine.Situation) string { return boolStr(s.Processing.LongRunning) },
			set: func(s *engine.Situation, v string) { s.Processing.LongRunning = v != "" }},
		{id: "response_body", path: "situation.processing.response_body", label: "A successful write sends back", kind: choice,
			options: []choiceOpt{{"", "the usual (default)"}, {"body", "a body"}, {"empty", "nothing"}},
			get:     func(s *engine.Situation) string { return s.Processing.ResponseBody },
			set:     func(s *engine.Situation, v string) { s.Processing.ResponseBody = v }},
	}},
}
