package engine

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// A FieldType is the JSON type of a field of the case.
type FieldType int

const (
	String  FieldType = iota // a string; Values, when set, are the ones it accepts
	Bool                     // true or false
	Int                      // a whole number, 0 or more (0: the default)
	Strings                  // a list of strings
	Headers                  // a list of {"name": …, "value": …}
)

// A Field is one field of the case format. Fields lists them all, once:
// the decoder and Validate check a case against it, the trace words a
// fact's default with it, the playground builds its situation controls
// from it, and the README's case-format table is checked against it.
type Field struct {
	Path    string    // "situation.endpoint.auth_required"
	Type    FieldType //
	Values  []string  // for an enumerated string: the values it accepts, "" (the default) first
	Plain   string    // the default in plain words, as the trace and the playground say it
	Default string    // the README's default column (Markdown)
	Example string    // the README's example column (Markdown)
	Meaning string    // what it means (Markdown)
}

// Fields are the case's fields in document order.
var Fields = []Field{
	{"profile", String, []string{"", string(RFC9110), string(DRF)}, "rfc9110", "`\"rfc9110\"`", "`\"drf\"`", "the conventions to judge by: RFC 9110, or Django REST Framework's dispatch order and defaults"},
	{"request.method", String, nil, "GET", "`\"GET\"`", "`\"PATCH\"`", "the method, as sent"},
	{"request.url", String, nil, "/", "`\"/\"`", "`\"/api/orders/7/\"`", "the target: a path or an absolute `http(s)` URL"},
	{"request.version", String, nil, "HTTP/1.1", "`\"HTTP/1.1\"`", "`\"HTTP/2\"`", "the protocol version"},
	{"request.headers", Headers, nil, "none", "none", "`[{\"name\": \"If-None-Match\", \"value\": \"\\\"v7\\\"\"}]`", "header lines in order; a name may repeat"},
	{"request.body", String, nil, "none", "`\"\"`", "`\"{\\\"amount\\\": -5}\"`", "the body, as text"},
	{"situation.server.unavailable", String, []string{"", "maintenance", "overloaded"}, "serving", "`\"\"` (serving)", "`\"maintenance\"`, `\"overloaded\"`", "the whole server is down for a while → 503"},
	{"situation.server.retry_after", Int, nil, "unknown", "`0` (unknown)", "`600`", "seconds until it is back; fills Retry-After"},
	{"situation.server.implemented_methods", Strings, nil, "GET HEAD POST PUT PATCH DELETE OPTIONS", "GET HEAD POST PUT PATCH DELETE OPTIONS", "`[\"GET\", \"POST\"]`", "methods the server knows at all (others → 501)"},
	{"situation.server.max_url_length", Int, nil, "8000", "`8000`", "`2048`", "longer URLs → 414"},
	{"situation.server.max_header_bytes", Int, nil, "8192", "`8192`", "`4096`", "larger header sections → 431"},
	{"situation.server.max_body_bytes", Int, nil, "1048576", "`1048576`", "`10000`", "larger bodies (or Content-Length) → 413"},
	{"situation.server.length_required", Bool, nil, "false", "`false`", "`true`", "a body without Content-Length → 411"},
	{"situation.server.upgrades", Strings, nil, "none", "none", "`[\"websocket\"]`", "protocols the server switches to on request (Upgrade) → 101"},
	{"situation.server.required_protocol", String, nil, "none", "`\"\"`", "`\"TLS/1.3\"`", "the server answers only after an upgrade to this → 426"},
	{"situation.endpoint.no_route", Bool, nil, "false", "`false`", "`true`", "nothing at all is mapped to this URL → 404 whatever the method"},
	{"situation.endpoint.allowed_methods", Strings, nil, "GET", "`[\"GET\"]`", "`[\"GET\", \"POST\"]`", "what this endpoint supports (HEAD comes with GET, OPTIONS always) → 405"},
	{"situation.endpoint.accepts", Strings, nil, "application/json", "`[\"application/json\"]`", "`[\"application/json\", \"multipart/form-data\"]`", "request body types it takes → 415"},
	{"situation.endpoint.produces", Strings, nil, "application/json", "`[\"application/json\"]`", "`[\"application/json\", \"text/csv\"]`", "response types it can send → 406"},
	{"situation.endpoint.languages", Strings, nil, "one, not negotiated", "none", "`[\"en\", \"fr\"]`", "languages it can answer in: Content-Language, `Vary: Accept-Language`"},
	{"situation.endpoint.forbidden", Bool, nil, "false", "`false`", "`true`", "the endpoint refuses this action whoever asks → 403, no challenge"},
	{"situation.endpoint.auth_required", Bool, nil, "false", "`false`", "`true`", "anonymous callers are refused → 401"},
	{"situation.endpoint.auth_scheme", String, []string{"", "Bearer", "Basic", "Token", "Session"}, "Bearer", "`\"Bearer\"`", "`\"Basic\"`, `\"Token\"`, `\"Session\"`", "how credentials come: the Authorization scheme, or a `sessionid` cookie. Under the DRF profile: a JWT authenticator (Bearer), `TokenAuthentication`, `BasicAuthentication`, `SessionAuthentication`"},
	{"situation.endpoint.login", Bool, nil, "false", "`false`", "`true`", "the endpoint checks a username and password sent in the body"},
	{"situation.endpoint.hide_existence", Bool, nil, "false", "`false`", "`true`", "answer 404 where the truth would be 403"},
	{"situation.endpoint.rate_limit_exceeded", Bool, nil, "false", "`false`", "`true`", "the caller used up its quota → 429"},
	{"situation.endpoint.rate_limit_retry_after", Int, nil, "unknown", "`0` (unknown)", "`30`", "seconds until it may try again"},
	{"situation.endpoint.conditional_writes_required", Bool, nil, "false", "`false`", "`true`", "PUT, PATCH and DELETE must carry If-Match → 428"},
	{"situation.endpoint.ranges", Bool, nil, "false", "`false`", "`true`", "the endpoint serves byte ranges → 206 / 416"},
	{"situation.endpoint.post_result", String, []string{"", "create", "action", "see_other"}, "create", "`\"create\"`", "`\"action\"`, `\"see_other\"`", "what a POST does: makes a resource (201), runs an action (200/204), or has its result elsewhere (303)"},
	{"situation.caller.credentials_invalid", Bool, nil, "false", "`false`", "`true`", "the credentials sent are wrong or expired → 401"},
	{"situation.caller.permission_denied", Bool, nil, "false", "`false`", "`true`", "this caller may not do this → 403 (401 when anonymous)"},
	{"situation.resource.state", String, []string{"", "exists", "missing", "gone", "moved_permanently", "moved_temporarily"}, "exists", "`\"exists\"`", "`\"missing\"`, `\"gone\"`, `\"moved_permanently\"`, `\"moved_temporarily\"`", "404, 410, 301/308, 302/307"},
	{"situation.resource.location", String, nil, "none", "derived", "`\"/api/v2/users/7/\"`", "where a moved, created or queued resource is (Location)"},
	{"situation.resource.keep_method", Bool, nil, "false", "`false`", "`true`", "followers of a redirect must repeat the method and body: 307/308 instead of 302/301"},
	{"situation.resource.etag", String, nil, "none", "`\"\"`", "`\"\\\"v7\\\"\"`, `\"W/\\\"v7\\\"\"`", "the current entity tag, for If-Match / If-None-Match"},
	{"situation.resource.last_modified", String, nil, "unknown", "`\"\"`", "`\"Tue, 03 Nov 2026 10:00:00 GMT\"`", "for If-Modified-Since / If-Unmodified-Since"},
	{"situation.resource.length", Int, nil, "10000", "`10000`", "`2048`", "bytes in the representation, for ranges"},
	{"situation.resource.representations", Strings, nil, "one", "none", "`[\"/r/7.pdf\", \"/r/7.xlsx\"]`", "URLs of representations the client must choose among → 300 (the first is preferred)"},
	{"situation.resource.legal_block", Bool, nil, "false", "`false`", "`true`", "a legal demand forbids serving it → 451"},
	{"situation.processing.failure", String, []string{"", "crash", "upstream_invalid", "upstream_timeout", "dependency_down"}, "none", "`\"\"`", "`\"crash\"`, `\"upstream_invalid\"`, `\"upstream_timeout\"`, `\"dependency_down\"`", "500, 502, 504, 503"},
	{"situation.processing.field_error", String, nil, "none", "`\"\"`", "`\"email: this field is required\"`", "a field is missing, of the wrong type or badly formatted → 400 (both profiles)"},
	{"situation.processing.rule_violation", String, nil, "none", "`\"\"`", "`\"amount must be greater than 0\"`", "the well-formed content breaks this rule → 422 (DRF: 400)"},
	{"situation.processing.conflict", String, []string{"", "duplicate", "version", "state"}, "none", "`\"\"`", "`\"duplicate\"`, `\"version\"`, `\"state\"`", "the request clashes with the current state → 409"},
	{"situation.processing.async", Bool, nil, "false", "`false`", "`true`", "the work is queued → 202"},
	{"situation.processing.long_running", Bool, nil, "false", "`false`", "`true`", "the work takes over 20 s before answering → interim 102"},
	{"situation.processing.response_body", String, []string{"", "body", "empty"}, "the usual", "`\"\"` (the usual)", "`\"body\"`, `\"empty\"`", "does a successful write send a body? 200 vs 204"},
}

// Choices lists the values each enumerated field accepts, "" (the default)
// first, keyed by the field's path.
var Choices = func() map[string][]string {
	m := map[string][]string{}
	for _, f := range Fields {
		if f.Values != nil {
			m[f.Path] = f.Values
		}
	}
	return m
}()

// FieldByPath is the field at a path of the case format.
func FieldByPath(path string) (Field, bool) {
	for _, f := range Fields {
		if f.Path == path {
			return f, true
		}
	}
	return Field{}, false
}

// value is the Go value of the field inside a case, found by the JSON
// names along its path. The walk by names is done once per path: done on
// every call, it was most of Validate, which each of a decision's
// alternatives runs (about 1 ms of an edit natively, more in wasm).
func (f Field) value(c *Case) reflect.Value {
	idx, ok := fieldIndexes()[f.Path]
	if !ok {
		idx = fieldIndex(f.Path)
	}
	return reflect.ValueOf(c).Elem().FieldByIndex(idx)
}

// fieldIndexes are the struct field indexes of every path in Fields.
var fieldIndexes = sync.OnceValue(func() map[string][]int {
	m := make(map[string][]int, len(Fields))
	for _, f := range Fields {
		m[f.Path] = fieldIndex(f.Path)
	}
	return m
})

// fieldIndex walks the case's types by the JSON names along path.
func fieldIndex(path string) []int {
	var idx []int
	t := reflect.TypeFor[Case]()
	for _, name := range strings.Split(path, ".") {
		found := false
		for i := 0; i < t.NumField(); i++ {
			if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); tag == name {
				idx, t, found = append(idx, i), t.Field(i).Type, true
				break
			}
		}
		if !found {
			panic("engine: the case has no field " + path)
		}
	}
	return idx
}

// Get is the field's value in a case as text: "" for the default (false,
// 0, an empty list); lists are words joined by spaces.
func (f Field) Get(c *Case) string {
	v := f.value(c)
	switch f.Type {
	case Bool:
		if v.Bool() {
			return "true"
		}
		return ""
	case Int:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	case Strings:
		return strings.Join(v.Interface().([]string), " ")
	case Headers:
		return ""
	}
	return v.String()
}

// Set sets the field of a case from text as Get gives it: any text but ""
// is true, a number that does not read (or is negative) is the default,
// and a list is words separated by spaces or commas.
func (f Field) Set(c *Case, text string) {
	v := f.value(c)
	switch f.Type {
	case Bool:
		v.SetBool(text != "")
	case Int:
		n, err := strconv.Atoi(strings.TrimSpace(text))
		if err != nil || n < 0 {
			n = 0
		}
		v.SetInt(int64(n))
	case Strings:
		words := strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
		if len(words) == 0 {
			words = nil
		}
		v.Set(reflect.ValueOf(words))
	case String:
		v.SetString(text)
	}
}
