package engine

import (
	"strconv"
	"strings"
)

// A node is one question. Its test reads the view and says yes or no, and
// what decided it. Profiles (flow.go) wire the answers to other nodes or to
// codes; the node's yesWhy/noWhy explain an answer that ends at a code.
type node struct {
	id       string
	question string // "{method}" is replaced by the request's method
	spec     string // "RFC 9110"
	section  string // "15.5.6"
	guide    string // guide anchor id
	test     func(v *view) (bool, string)
	yesWhy   string
	noWhy    string
	// whyFor, when set, picks the explanation of an answer from the case,
	// for nodes whose reason depends on what exactly failed.
	whyFor func(v *view, yes bool) string
	idx    int // the node's position in its table, set by compile: where a view keeps its answer
}

var nodes = []node{
	// System: facts about the server, before any resource is looked at.
	{"request-well-formed", "Is the request valid HTTP syntax?", "RFC 9110", "15.5.1", "status-400", wellFormed,
		"", "The request line or a header is not valid HTTP, so the server cannot read the request as it was sent.", nil, 0},
	{"service-available", "Is the server available?", "RFC 9110", "15.6.4", "status-503", func(v *view) (bool, string) {
		u := v.c.Situation.Server.Unavailable
		return u == "", fServerUnavailable.say(u)
	}, "", "", unavailableWhy, 0},
	{"version-supported", "Does the server speak the request's HTTP version?", "RFC 9110", "15.6.6", "status-505", func(v *view) (bool, string) {
		in := defaultVersionInput
		if v.version != "HTTP/1.1" {
			in = "request version " + v.version
		}
		return versionOK(v.version), in
	}, "", "The server does not support the major version of HTTP the request uses.", nil, 0},
	{"method-implemented", "Does the server implement {method} at all?", "RFC 9110", "15.6.2", "method-handling", func(v *view) (bool, string) {
		in := defaultImplementedInput
		if len(v.c.Situation.Server.ImplementedMethods) > 0 {
			in = "situation.server.implemented_methods: " + strings.Join(v.implemented, " ")
		}
		return contains(v.implemented, v.method), in
	}, "", "No resource on this server supports {method}: the method is not implemented at all.", nil, 0},
	{"url-length-ok", "Is the URL within the server's length limit?", "RFC 9110", "15.5.15", "limits", func(v *view) (bool, string) {
		return len(v.url) <= v.maxURL, sizeInput("URL is ", len(v.url), v.maxURL)
	}, "", "The target URL is longer than the server is willing to read.", nil, 0},
	{"headers-size-ok", "Are the header fields within the server's size limit?", "RFC 6585", "5", "limits", func(v *view) (bool, string) {
		n := v.headerBytes()
		return n <= v.maxHeader, sizeInput(headersTake, n, v.maxHeader)
	}, "", "The request's header fields are larger than the server will process.", nil, 0},
	{"expectation-ok", "Can the server meet the Expect header?", "RFC 9110", "15.5.18", "expect-continue", func(v *view) (bool, string) {
		e, ok := v.header("Expect")
		if !ok || e == "" {
			return true, "no expectation"
		}
		return strings.EqualFold(e, "100-continue"), "Expect: " + e
	}, "", "The only expectation HTTP defines is 100-continue; this server meets no other expectation.", nil, 0},
	{"upgrade-offered", "Does the client ask to switch to a protocol the server offers?", "RFC 9110", "7.8", "upgrades", upgradeOffered, "", "", nil, 0},
	{"upgrade-valid", "Is the upgrade request complete?", "RFC 6455", "4.2.1", "upgrades", upgradeValid, "", "", handshakeWhy, 0},
	{"protocol-ok", "Is the request using every protocol the server requires?", "RFC 9110", "15.5.22", "upgrades", protocolOK,
		"", "The server refuses to answer over the current protocol and names the one to upgrade to.", nil, 0},

	// Request: what the client sent and who it is.
	{"route-exists", "Is anything mapped to this URL?", "RFC 9110", "15.5.5", "status-404", func(v *view) (bool, string) {
		r := v.c.Situation.Endpoint.NoRoute
		return !r, fEndpointNoRoute.say(strconv.FormatBool(r))
	}, "", "Nothing is mapped to this URL at all, so there is no resource for any method to act on.", nil, 0},
	{"forbidden-to-all", "Does the endpoint refuse {method} whoever asks?", "RFC 9110", "15.5.4", "status-403", func(v *view) (bool, string) {
		f := v.c.Situation.Endpoint.Forbidden
		return f, fEndpointForbidden.say(strconv.FormatBool(f))
	}, "The endpoint refuses this {method} to every caller: credentials would change nothing, so the answer is 403, with no challenge.", "", nil, 0},
	{"method-allowed", "Does this endpoint allow {method}?", "RFC 9110", "15.5.6", "method-handling", func(v *view) (bool, string) {
		return v.allows(v.method), v.allowInput()
	}, "", "This endpoint does not support {method}; the Allow header lists what it does support.", nil, 0},
	{"credentials-present", "Does the request carry credentials?", "RFC 9110", "11.6.2", "authentication", credentialsPresent, "", "", nil, 0},
	{"drf-credentials-present", "Does an authenticator find credentials it handles?", "RFC 9110", "11.6.2", "profiles", drfCredentialsPresent, "", "", nil, 0},
	{"drf-caller-known", "Is the caller authenticated?", "RFC 9110", "15.5.2", "profiles", drfCredentialsPresent, "", "", nil, 0},
	{"credentials-valid", "Are the credentials valid?", "RFC 9110", "15.5.2", "authentication", func(v *view) (bool, string) {
		if v.c.Situation.Endpoint.Login && v.c.Request.Body == "" {
			return false, "the body holds no username and password"
		}
		if v.c.Situation.Caller.CredentialsInvalid {
			if v.c.Situation.Endpoint.Login {
				return false, "login view; the username or password is wrong"
			}
			return false, "situation.caller.credentials_invalid = true"
		}
		if ok, scheme := v.schemeMatches(); !ok {
			return false, "Authorization uses " + scheme + ", the endpoint expects " + v.scheme
		}
		return true, "the server accepts them"
	}, "", "", credentialsWhy, 0},
	{"login-ok", "Does the login view accept the username and password?", "RFC 9110", "15.5.1", "mistake-404-for-failed-login", func(v *view) (bool, string) {
		e := &v.c.Situation.Endpoint
		switch {
		case !e.Login:
			return true, "not a login view"
		case v.c.Request.Body == "":
			return false, "login view; no username and password in the body"
		}
		// A login's credentials are a username and password, which can be
		// wrong but do not expire: word the fact for a login, not with the
		// control's "wrong or expired".
		if v.c.Situation.Caller.CredentialsInvalid {
			return false, "login view; the username or password is wrong"
		}
		return true, "login view; the username and password are right"
	}, "", "DRF's obtain_auth_token checks the username and password with a serializer; its ValidationError answers 400.", nil, 0},
	{"auth-required", "Does the endpoint require authentication?", "RFC 9110", "15.5.2", "authentication", func(v *view) (bool, string) {
		e := &v.c.Situation.Endpoint
		switch {
		case v.method == "OPTIONS" && v.has("Access-Control-Request-Method"):
			return false, "a CORS preflight never carries credentials, so it is answered without them"
		}
		return e.AuthRequired, fEndpointAuthRequired.say(strconv.FormatBool(e.AuthRequired))
	}, "The endpoint requires authentication and the request carries no credentials.", "", nil, 0},
	{"challenge-sent", "Does the first authenticator send a challenge?", "RFC 9110", "11.6.1", "profiles", func(v *view) (bool, string) {
		return v.scheme != "Session", fEndpointAuthScheme.say(v.c.Situation.Endpoint.AuthScheme)
	}, "", "", challengeWhy, 0},
	{"permitted", "Is the caller permitted to {method} this resource?", "RFC 9110", "15.5.4", "status-403", func(v *view) (bool, string) {
		// Where forbidden-to-all decides, also() may suppose that refusal
		// away; then only this caller's own permission counts.
		if refused, supposed := v.supposedAnswer("forbidden-to-all"); v.c.Situation.Endpoint.Forbidden && (!supposed || refused) {
			return false, fEndpointForbidden.say("true")
		}
		return !v.c.Situation.Caller.PermissionDenied, fCallerPermissionDenied.say(strconv.FormatBool(v.c.Situation.Caller.PermissionDenied))
	}, "", "", nil, 0},
	{"caller-known", "Is the caller authenticated?", "RFC 9110", "15.5.2", "authentication", func(v *view) (bool, string) {
		ok, in := credentialsPresent(v)
		return ok, in
	}, "", "Permission is denied to an anonymous caller: logging in might grant it, so the answer is 401, not 403.", nil, 0},
	{"hide-existence", "Should the server hide that the resource exists?", "RFC 9110", "15.5.5", "hiding-existence", func(v *view) (bool, string) {
		h := v.c.Situation.Endpoint.HideExistence
		return h, fEndpointHideExistence.say(strconv.FormatBool(h))
	}, "The caller may not see this resource and the policy is to hide what exists, so the server says it is not found.",
		"The server knows who the caller is, and this caller may not {method} this resource.", nil, 0},
	{"rate-ok", "Is the caller within its rate limit?", "RFC 6585", "4", "rate-limiting", func(v *view) (bool, string) {
		x := v.c.Situation.Endpoint.RateLimitExceeded
		return !x, fEndpointRateLimitExceeded.say(strconv.FormatBool(x))
	}, "", "The caller has sent too many requests in the window; it should wait before trying again.", nil, 0},
	{"legal-ok", "Is the resource free of legal blocks?", "RFC 7725", "3", "status-451", func(v *view) (bool, string) {
		b := v.c.Situation.Resource.LegalBlock
		return !b, fResourceLegalBlock.say(strconv.FormatBool(b))
	}, "", "A legal demand forbids serving this resource; 451 says so openly.", nil, 0},
	{"body-size-ok", "Is the body within the server's size limit?", "RFC 9110", "15.5.14", "limits", func(v *view) (bool, string) {
		n := v.bodySize()
		return n <= v.maxBody, sizeInput(bodyIs, n, v.maxBody)
	}, "", "The body is larger than the server is willing to take.", nil, 0},
	{"length-given", "Does a body that needs a length come with Content-Length?", "RFC 9110", "15.5.12", "limits", func(v *view) (bool, string) {
		if !v.c.Situation.Server.LengthRequired || v.c.Request.Body == "" {
			return true, "no length demanded"
		}
		return v.has("Content-Length"), "server.length_required = true; Content-Length " + present(v.has("Content-Length"))
	}, "", "The server demands a Content-Length header with a body, and the request has none.", nil, 0},
	{"content-type-ok", "Does the endpoint accept the body's media type?", "RFC 9110", "15.5.16", "content-negotiation", contentTypeOK,
		"", "", func(v *view, yes bool) string {
			if !v.has("Content-Type") {
				return "The body has no Content-Type, so the server treats it as application/octet-stream, which this endpoint does not take; it takes {accepts}."
			}
			if ct, _ := v.header("Content-Type"); mediaType(ct) == "" {
				return "The Content-Type header is empty, so the server cannot tell the body's format; this endpoint takes {accepts}."
			}
			return "The body is in a format ({ctype}) this endpoint does not take; it takes {accepts}."
		}, 0},
	{"acceptable", "Can the server produce a media type the client accepts?", "RFC 9110", "15.5.7", "content-negotiation", func(v *view) (bool, string) {
		a, ok := v.header("Accept")
		if !ok {
			return true, "no Accept header: any type will do"
		}
		return v.negotiate(a) != "", "Accept: " + a + "; endpoint produces " + strings.Join(v.produces, ", ")
	}, "", "None of the types the client accepts ({accept}) is one the endpoint can produce ({produces}).", nil, 0},

	// Retrieve: does the target exist, and if not, what happened to it?
	{"resource-exists", "Does the resource exist?", "RFC 9110", "15.5.5", "status-404", func(v *view) (bool, string) {
		return v.exists(), fResourceState.say(v.c.Situation.Resource.State)
	}, "", "", nil, 0},
	{"moved", "Has the resource moved to another URL?", "RFC 9110", "15.4", "redirects", func(v *view) (bool, string) {
		return strings.HasPrefix(v.c.Situation.Resource.State, "moved_"), fResourceState.say(v.c.Situation.Resource.State)
	}, "", "", nil, 0},
	{"moved-permanently", "Is the move permanent?", "RFC 9110", "15.4.2", "redirects", func(v *view) (bool, string) {
		return v.c.Situation.Resource.State == "moved_permanently", fResourceState.say(v.c.Situation.Resource.State)
	}, "", "", nil, 0},
	{"keep-method-permanent", "Must clients repeat the same method and body at the new URL?", "RFC 9110", "15.4", "redirects", keepMethod,
		"The resource moved for good, and clients must repeat {method} with its body there.",
		"The resource moved for good; clients follow Location (a POST may become a GET on the way).", nil, 0},
	{"keep-method-temporary", "Must clients repeat the same method and body at the new URL?", "RFC 9110", "15.4", "redirects", keepMethod,
		"The resource is elsewhere for now, and clients must repeat {method} with its body there.",
		"The resource is elsewhere for now; clients follow Location (a POST may become a GET on the way).", nil, 0},
	{"gone", "Was the resource removed for good?", "RFC 9110", "15.5.11", "mistake-404-vs-410", func(v *view) (bool, string) {
		return v.c.Situation.Resource.State == "gone", fResourceState.say(v.c.Situation.Resource.State)
	}, "The resource existed and was removed on purpose, for good.", "", nil, 0},
	{"put-creates", "Is it a PUT, which can create what is missing?", "RFC 9110", "9.3.4", "status-201", func(v *view) (bool, string) {
		return v.method == "PUT", v.methodInput()
	}, "", "There is no resource at this URL (and nothing says it moved or was removed).", nil, 0},

	// Preconditions, in the order of RFC 9110 §13.2.2.
	{"precondition-present", "Does a write that must be conditional carry If-Match or If-Unmodified-Since?", "RFC 6585", "3", "status-428", func(v *view) (bool, string) {
		if !v.c.Situation.Endpoint.ConditionalWritesRequired || !v.is("PUT", "PATCH", "DELETE") || !v.exists() {
			return true, "no precondition demanded"
		}
		return v.has("If-Match") || v.has("If-Unmodified-Since"), "endpoint.conditional_writes_required = true; If-Match " + present(v.has("If-Match"))
	}, "", "The server requires writes to say which version they change (If-Match), to avoid lost updates, and this one does not.", nil, 0},
	{"if-match", "Does If-Match hold?", "RFC 9110", "13.1.1", "conditional-requests", ifMatch, "", "", ifMatchWhy, 0},
	{"if-unmodified-since", "Does If-Unmodified-Since hold?", "RFC 9110", "13.1.4", "conditional-requests", ifUnmodifiedSince,
		"", "The resource changed after the date in If-Unmodified-Since, so the request is not carried out.", nil, 0},
	{"if-none-match", "Does If-None-Match hold?", "RFC 9110", "13.1.2", "conditional-requests", ifNoneMatch, "", "", nil, 0},
	{"if-modified-since", "Does If-Modified-Since hold?", "RFC 9110", "13.1.3", "conditional-requests", ifModifiedSince,
		"", "Nothing changed since the date in If-Modified-Since: the client's copy is current.", nil, 0},
	{"safe-method", "Is the method GET or HEAD?", "RFC 9110", "15.4.5", "status-304", func(v *view) (bool, string) {
		return v.is("GET", "HEAD"), v.methodInput()
	}, "The client already holds the current version (its tag matched), so there is nothing new to send.",
		"If-None-Match matched a current version, so the {method} must not be carried out.", nil, 0},

	// Process: what happens when the server does the work.
	{"is-options", "Is it an OPTIONS request?", "RFC 9110", "9.3.7", "method-handling", isMethod("OPTIONS"),
		"OPTIONS asks what the endpoint supports; the answer lists the methods in Allow.", "", nil, 0},
	{"options-body", "Does the OPTIONS answer carry a body?", "RFC 9110", "9.3.7", "method-handling", responseBody(false),
		"OPTIONS asks what the endpoint supports; the answer lists the methods in Allow and describes them in the body.",
		"OPTIONS asks what the endpoint supports; Allow says it all, so no body is needed.", nil, 0},
	{"expects-continue", "Is the client waiting for 100 Continue before it sends the body?", "RFC 9110", "10.1.1", "expect-continue", expectsContinue,
		"The headers pass every check, so the server invites the client to send the body; the final answer comes after it.", "", nil, 0},
	{"content-well-formed", "Is the body well-formed?", "RFC 9110", "15.5.1", "validation", contentWellFormed,
		"", "The body claims to be JSON but does not parse, so the server cannot read it.", nil, 0},
	{"fields-valid", "Are the fields present, of the right type and format?", "RFC 9110", "15.5.1", "validation", func(v *view) (bool, string) {
		e := v.c.Situation.Processing.FieldError
		return e == "", fProcessingFieldError.say(e)
	}, "", "The body parses, but a field fails validation ({field_error}): a validation error, for the client to fix.", nil, 0},
	{"rules-ok", "Does the content obey the business rules?", "RFC 9110", "15.5.21", "validation", func(v *view) (bool, string) {
		r := v.c.Situation.Processing.RuleViolation
		return r == "", fProcessingRuleViolation.say(r)
	}, "", "The body is well-formed JSON, but what it says breaks a rule: {rule}.", nil, 0},
	{"no-conflict", "Does the request fit the resource's current state?", "RFC 9110", "15.5.10", "status-409", func(v *view) (bool, string) {
		c := v.c.Situation.Processing.Conflict
		return c == "", fProcessingConflict.say(c)
	}, "", "The request is valid on its own but clashes with the current state ({conflict}).", nil, 0},
	{"no-crash", "Did the handler run without an unexpected error?", "RFC 9110", "15.6.1", "status-500", failure("crash"),
		"", "Something unexpected broke inside the server; the client did nothing wrong.", nil, 0},
	{"upstream-valid", "Did the upstream server send a valid answer?", "RFC 9110", "15.6.3", "status-502", failure("upstream_invalid"),
		"", "This server, acting as a gateway, passed the request on to another server and got an invalid answer back.", nil, 0},
	{"upstream-on-time", "Did the upstream server answer in time?", "RFC 9110", "15.6.5", "status-504", failure("upstream_timeout"),
		"", "This server, acting as a gateway, passed the request on to another server, which did not answer in time.", nil, 0},
	{"dependencies-up", "Are the services the server depends on up?", "RFC 9110", "15.6.4", "status-503", failure("dependency_down"),
		"", "A service the server needs (such as its database) is down for now; the server expects it back after some delay.", nil, 0},
	{"queued", "Is the work queued to finish after the response?", "RFC 9110", "15.3.3", "async-work", func(v *view) (bool, string) {
		a := v.c.Situation.Processing.Async
		return a, fProcessingAsync.say(strconv.FormatBool(a))
	}, "The server accepted the work and will do it later; the client can poll for the result.", "", nil, 0},
	{"long-running", "Will the work take over 20 seconds before the answer?", "RFC 2518", "10.1", "interim-responses", func(v *view) (bool, string) {
		l := v.c.Situation.Processing.LongRunning
		if l && v.version == "HTTP/1.0" {
			return false, "long work, but no 1xx answer may go to an HTTP/1.0 client"
		}
		return l, fProcessingLongRunning.say(strconv.FormatBool(l))
	}, "The work is long and done before answering, so an interim 102 tells the client the server is still at it.", "", nil, 0},
	{"is-get", "Is it GET or HEAD?", "RFC 9110", "9.3.1", "rest-conventions", isMethod("GET", "HEAD"), "", "", nil, 0},
	{"choice-needed", "Must the client choose among several representations?", "RFC 9110", "15.4.1", "status-300", func(v *view) (bool, string) {
		r := v.c.Situation.Resource.Representations
		if len(r) < 2 {
			return false, "situation.resource.representations: one (default)"
		}
		return true, "situation.resource.representations: " + strings.Join(r, " ")
	}, "The resource has several representations, each at its own URL, and the server leaves the choice to the client: 300 lists them.", "", nil, 0},
	{"range-requested", "Does the request ask for a byte range the endpoint serves?", "RFC 9110", "14.2", "ranges", rangeRequested,
		"", "The request succeeded and the body carries the representation.", nil, 0},
	{"range-satisfiable", "Does the range fall inside the representation?", "RFC 9110", "15.5.17", "ranges", func(v *view) (bool, string) {
		r, _ := v.header("Range")
		_, _, _, sat := byteRange(r, v.length)
		return sat, "Range: " + r + "; length " + strconv.Itoa(v.length)
	}, "The request asked for part of the representation, and that part is what is sent.",
		"The requested range starts beyond the end of the representation.", nil, 0},
	{"is-post", "Is it POST?", "RFC 9110", "9.3.3", "rest-conventions", isMethod("POST"), "", "", nil, 0},
	{"post-see-other", "Is the POST's result at another URL the client should GET?", "RFC 9110", "15.4.4", "redirects", postResult("see_other"),
		"The POST worked and its result lives at another URL, which the client should fetch with GET.", "", nil, 0},
	{"post-creates", "Does the POST create a new resource?", "RFC 9110", "15.3.2", "status-201", func(v *view) (bool, string) {
		r := v.c.Situation.Endpoint.PostResult
		if r == "" && v.c.Situation.Endpoint.Login {
			return false, "a login hands out a token; it creates no resource"
		}
		return r == "" || r == "create", fEndpointPostResult.say(r)
	}, "The POST created a new resource; Location tells the client where it is.", "", nil, 0},
	{"is-put", "Is it PUT?", "RFC 9110", "9.3.4", "rest-conventions", isMethod("PUT"), "", "", nil, 0},
	{"put-created", "Did the PUT create the resource?", "RFC 9110", "9.3.4", "status-201", func(v *view) (bool, string) {
		return !v.exists(), fResourceState.say(v.c.Situation.Resource.State)
	}, "Nothing existed at this URL, so the PUT created it.", "", nil, 0},
	{"is-delete", "Is it DELETE?", "RFC 9110", "9.3.5", "rest-conventions", isMethod("DELETE"), "", "", nil, 0},
	{"delete-body", "Does the DELETE answer carry a body?", "RFC 9110", "9.3.5", "status-204", responseBody(false),
		"The resource was deleted and the answer describes what happened.",
		"The resource was deleted and there is nothing more to say.", nil, 0},
	{"response-body", "Does the answer carry a body?", "RFC 9110", "15.3.5", "status-204", responseBody(true),
		"The request succeeded and the body carries the result.",
		"The request succeeded and there is nothing to send back.", nil, 0},
}

// why is the node's explanation of an answer that ends at a code.
func (n *node) why(v *view, yes bool) string {
	if n.whyFor != nil {
		return n.whyFor(v, yes)
	}
	if yes {
		return n.yesWhy
	}
	return n.noWhy
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isMethod(methods ...string) func(*view) (bool, string) {
	return func(v *view) (bool, string) { return v.is(methods...), v.methodInput() }
}

func failure(kind string) func(*view) (bool, string) {
	return func(v *view) (bool, string) {
		f := v.c.Situation.Processing.Failure
		return f != kind, fProcessingFailure.say(f)
	}
}

func postResult(kind string) func(*view) (bool, string) {
	return func(v *view) (bool, string) {
		r := v.c.Situation.Endpoint.PostResult
		return r == kind, fEndpointPostResult.say(r)
	}
}

// responseBody reads processing.response_body; usual is the answer when it
// is left empty.
func responseBody(usual bool) func(*view) (bool, string) {
	return func(v *view) (bool, string) {
		switch r := v.c.Situation.Processing.ResponseBody; r {
		case "body":
			return true, fProcessingResponseBody.say(r)
		case "empty":
			return false, fProcessingResponseBody.say(r)
		}
		return usual, "situation.processing.response_body: the usual for " + v.method + " (default)"
	}
}
