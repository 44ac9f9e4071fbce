// Package engine decides which HTTP status code a simulated request should
// get, and records why: the trace of questions it asked, the headers that go
// with the answer and the mistakes people make near it.
//
// It is plain Go (no go-app, no syscall/js) and imports only the status
// registry, so it runs the same natively, in the wasm client and in tests.
package engine

// Case is one simulated exchange: the request a client sends, the facts of
// the server it reaches, and the profile (set of conventions) to judge by.
// The zero Case is a GET of "/" on a healthy server whose resource exists.
type Case struct {
	Profile   Profile   `json:"profile,omitempty"`
	Request   Request   `json:"request"`
	Situation Situation `json:"situation"`
}

// Profile names the conventions the engine follows.
type Profile string

const (
	RFC9110 Profile = "rfc9110" // the default: RFC 9110 order and codes
	DRF     Profile = "drf"     // Django REST Framework's dispatch order and defaults
)

// Profiles lists every profile, the default first.
var Profiles = []Profile{RFC9110, DRF}

// Title is how the profile is shown to people.
func (p Profile) Title() string {
	if p == DRF {
		return "Django REST Framework"
	}
	return "RFC 9110"
}

// Request is what the client sends. Everything the engine can learn from
// the request itself (the method, the URL length, Content-Type, Accept,
// If-* headers, Range, Expect, Upgrade, Authorization, whether the body is
// valid JSON) is read from here, never from a separate toggle.
type Request struct {
	Method  string   `json:"method,omitempty"`  // default "GET"; methods are case-sensitive
	URL     string   `json:"url,omitempty"`     // default "/"
	Version string   `json:"version,omitempty"` // default "HTTP/1.1"
	Headers []Header `json:"headers,omitempty"` // in order; a name may repeat
	Body    string   `json:"body,omitempty"`
}

// Header is one header line.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Situation is what the server knows and the request cannot show. Every
// field's zero value is the common case.
type Situation struct {
	Server     Server     `json:"server"`
	Endpoint   Endpoint   `json:"endpoint"`
	Caller     Caller     `json:"caller"`
	Resource   Resource   `json:"resource"`
	Processing Processing `json:"processing"`
}

// Server holds facts about the whole server, true for every URL.
type Server struct {
	// Unavailable is "" (serving), "maintenance" or "overloaded".
	Unavailable string `json:"unavailable,omitempty"`
	// RetryAfter is the seconds until the server expects to serve again
	// (0: unknown). It also fills Retry-After when a dependency is down.
	RetryAfter int `json:"retry_after,omitempty"`
	// ImplementedMethods are the methods the server knows at all; default
	// GET HEAD POST PUT PATCH DELETE OPTIONS.
	ImplementedMethods []string `json:"implemented_methods,omitempty"`
	MaxURLLength       int      `json:"max_url_length,omitempty"`   // default 8000 bytes
	MaxHeaderBytes     int      `json:"max_header_bytes,omitempty"` // default 8192 bytes, all header lines
	MaxBodyBytes       int      `json:"max_body_bytes,omitempty"`   // default 1048576 bytes
	// LengthRequired: the server refuses a body without Content-Length.
	LengthRequired bool `json:"length_required,omitempty"`
	// Upgrades are protocols the server can switch to on request
	// (the Upgrade header), e.g. "websocket".
	Upgrades []string `json:"upgrades,omitempty"`
	// RequiredProtocol: the server answers only after the client upgrades
	// to it (e.g. "TLS/1.3"); "" requires nothing.
	RequiredProtocol string `json:"required_protocol,omitempty"`
}

// Endpoint holds facts about the URL's handler.
type Endpoint struct {
	// NoRoute: nothing at all is mapped to this URL, whatever the method.
	NoRoute bool `json:"no_route,omitempty"`
	// AllowedMethods the endpoint supports; default GET (HEAD and OPTIONS
	// come with it).
	AllowedMethods []string `json:"allowed_methods,omitempty"`
	Accepts        []string `json:"accepts,omitempty"`  // request media types; default application/json
	Produces       []string `json:"produces,omitempty"` // response media types; default application/json
	// Languages the endpoint can answer in, e.g. "en", "fr"; none: it
	// does not negotiate the language.
	Languages []string `json:"languages,omitempty"`
	// Forbidden: the endpoint refuses this action whoever asks.
	Forbidden bool `json:"forbidden,omitempty"`
	// AuthRequired: anonymous callers may not use the endpoint.
	AuthRequired bool `json:"auth_required,omitempty"`
	// AuthScheme is how credentials come: "Bearer" (default), "Basic",
	// "Token" (DRF's TokenAuthentication) or "Session" (a sessionid cookie).
	AuthScheme string `json:"auth_scheme,omitempty"`
	// Login: the endpoint checks a username and password sent in the body.
	Login bool `json:"login,omitempty"`
	// HideExistence: answer 404 where the truth would be 403, so that
	// strangers cannot learn what exists.
	HideExistence bool `json:"hide_existence,omitempty"`
	// RateLimitExceeded: this caller has used up its quota.
	RateLimitExceeded bool `json:"rate_limit_exceeded,omitempty"`
	RateLimitRetry    int  `json:"rate_limit_retry_after,omitempty"` // seconds; 0: unknown
	// ConditionalWritesRequired: PUT, PATCH and DELETE must carry If-Match
	// or If-Unmodified-Since.
	ConditionalWritesRequired bool `json:"conditional_writes_required,omitempty"`
	// Ranges: the endpoint serves byte ranges of its representations.
	Ranges bool `json:"ranges,omitempty"`
	// PostResult is what a successful POST does: "" or "create" (makes a
	// new resource), "action" (runs an action), "see_other" (its result is
	// at another URL).
	PostResult string `json:"post_result,omitempty"`
}

// Caller holds what the server concludes about the client.
type Caller struct {
	// CredentialsInvalid: the credentials sent (Authorization, the session
	// cookie, or a login body) are wrong or expired.
	CredentialsInvalid bool `json:"credentials_invalid,omitempty"`
	// PermissionDenied: the caller may not do this to this resource.
	PermissionDenied bool `json:"permission_denied,omitempty"`
}

// Resource holds facts about the target resource.
type Resource struct {
	// State is "" or "exists", "missing", "gone" (existed, removed for
	// good), "moved_permanently" or "moved_temporarily".
	State string `json:"state,omitempty"`
	// Location is where a moved resource now lives, or where a created or
	// queued one can be found.
	Location string `json:"location,omitempty"`
	// KeepMethod: clients following the redirect must repeat the method
	// and body (307/308 rather than 302/301).
	KeepMethod   bool   `json:"keep_method,omitempty"`
	ETag         string `json:"etag,omitempty"`          // current entity tag, e.g. "\"v7\"" or W/"v7"
	LastModified string `json:"last_modified,omitempty"` // HTTP-date
	Length       int    `json:"length,omitempty"`        // bytes in the representation; default 10000
	// Representations are the URLs of the resource's representations when
	// the client must choose among them (300); the first is the preferred.
	Representations []string `json:"representations,omitempty"`
	LegalBlock      bool     `json:"legal_block,omitempty"` // a legal demand forbids serving it
}

// Processing holds what happens once the server works on the request.
type Processing struct {
	// Failure is "" (none), "crash" (an unexpected error), "upstream_invalid"
	// (a server we call answered badly), "upstream_timeout" (it did not
	// answer in time) or "dependency_down" (e.g. the database is down).
	Failure string `json:"failure,omitempty"`
	// FieldError, when not empty, is the validation error of a field:
	// missing, of the wrong type or badly formatted, e.g. "email: this
	// field is required".
	FieldError string `json:"field_error,omitempty"`
	// RuleViolation, when not empty, is the business rule that the
	// (well-formed) content breaks, e.g. "amount must be greater than 0".
	RuleViolation string `json:"rule_violation,omitempty"`
	// Conflict is "" (none), "duplicate" (it already exists), "version"
	// (edited since the client read it) or "state" (not allowed in the
	// resource's current state).
	Conflict string `json:"conflict,omitempty"`
	// Async: the work is queued and finishes after the response.
	Async bool `json:"async,omitempty"`
	// LongRunning: the work is done before answering and takes a long
	// time (over 20 seconds).
	LongRunning bool `json:"long_running,omitempty"`
	// ResponseBody is what a successful write sends back: "" (the usual:
	// a body for POST, PUT and PATCH, none for DELETE), "body" or "empty".
	ResponseBody string `json:"response_body,omitempty"`
}
