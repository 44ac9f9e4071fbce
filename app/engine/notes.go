package engine

import "strings"

// A noteText is one note the engine can add: a mistake people make near a
// verdict, which code they are tempted to send instead and why it is
// wrong. Its text may hold {placeholders} (expand fills them).
type noteText struct {
	id, title, text, guide string
}

// noteTexts are every note, written once; notesFor picks them by id.
var noteTexts = []noteText{
	{"201-not-200", "Why not 200?", "200 works, but 201 tells the client something new exists, and Location tells it where.", "status-201"},
	{"201-put-not-200", "Why not 200?", "A PUT that creates the resource must say so with 201 (RFC 9110 §9.3.4). 200 and 204 are for a PUT that replaced a resource that was already there.", "status-201"},
	{"202-not-201", "Why not 201?", "Nothing exists yet: the work is only queued. The status URL answers 200 with the progress, and can point to the result (303) once it exists.", "async-work"},
	{"202-not-done", "Why not 200 or 204?", "Either would say the {method} is done, and it is only queued. The status URL answers 200 with the progress until the work is finished.", "async-work"},
	{"204-not-200", "Why not 200 with an empty body?", "204 says plainly that no body follows, so clients do not try to parse one.", "status-204"},
	{"300-not-200", "Why not 200?", "A 200 would pick one representation for the client (proactive negotiation, from Accept and Accept-Language). A 300 leaves the choice to the client; few clients choose on their own, so use it where a person picks.", "status-300"},
	{"301-post", "Will the POST survive the redirect?", "Clients may follow a 301 or 302 after a POST with a GET and drop the body. If the POST must be repeated, use 308 or 307.", "mistake-302-for-method-keeping"},
	{"307-not-301", "Why not 301 or 302?", "Clients may turn a POST into a GET when they follow a 301 or 302; 307 and 308 forbid any change of method and body.", "mistake-302-for-method-keeping"},
	{"304-not-200", "Why not 200?", "The client's cached copy is current: sending it again would waste the transfer. A 304 has no body.", "conditional-requests"},
	{"400-not-500", "Why not 500?", "The client sent something the server cannot use: that is the client's to fix, so it is a 4xx. A 5xx says the server failed.", "mistake-500-for-bad-input"},
	{"400-login-not-401", "Why not 401?", "Many APIs answer a failed login with 401 (the RFC 9110 profile does); DRF's obtain_auth_token answers 400 from its serializer. Both are defensible; 404 is not.", "mistake-404-for-failed-login"},
	{"400-drf-not-422", "Why not 422?", "Under RFC 9110 a well-formed body that breaks a rule is 422; DRF's serializers answer 400 for every validation error.", "mistake-400-vs-422"},
	{"400-fields-not-422", "Why not 422?", "RFC 9110 allows 422 for any well-formed content the server cannot process; this guide keeps 400 for missing or mistyped fields and 422 for broken rules. Some frameworks (Rails, FastAPI) use 422 for both; pick one and use it everywhere.", "mistake-400-vs-422"},
	{"400-not-422", "Why not 422?", "422 is for content the server can read but that breaks a rule. This body could not be read at all: 400.", "mistake-400-vs-422"},
	{"400-request-not-422", "Why not 422?", "The fault is in the request itself (its request line or headers), not in any content; 422 is only about content.", "mistake-400-vs-422"},
	{"401-not-403", "Why not 403?", "403 says the server understood the request and refuses it; if credentials came with it, they are not enough. Here the client is not authenticated and valid credentials could change the answer: 401 says so, and its challenge says how to authenticate.", "mistake-403-when-not-logged-in"},
	{"401-login-not-403", "Why not 403?", "403 says the server understood the request and refuses it, and that credentials, if any came, are not enough. Here the username and password are wrong, and the right ones would log the client in: 401 says so. Its WWW-Authenticate names the scheme the token issued here is then used with.", "mistake-403-when-not-logged-in"},
	{"401-login-not-404", "Why not 404?", "The login URL exists; what failed is authentication. 404 would send the client looking for a different URL.", "mistake-404-for-failed-login"},
	{"401-login-400", "400 is defensible too", "Some APIs answer a failed login with 400: DRF's obtain_auth_token does, and so do OAuth 2 token endpoints (invalid_grant, RFC 6749 §5.2). Either way, say the same for a wrong password and an unknown user.", "mistake-404-for-failed-login"},
	{"401-drf-forbidden", "DRF asks for credentials first", "The endpoint refuses this to everyone, but DRF authenticates first: credentials its authenticator rejects raise AuthenticationFailed (401), and when no authenticator recognised the caller, permission_denied() raises NotAuthenticated (401). To answer 403 to every caller, give the view no authentication classes: DRF then neither checks credentials nor asks for them.", "profiles"},
	{"401-challenge", "Send WWW-Authenticate", "A 401 must carry a challenge that says how to authenticate.", "mistake-missing-headers"},
	{"403-drf-session", "DRF turns 401 into 403 here", "The caller is not authenticated, but with SessionAuthentication first DRF has no challenge to send, and a 401 without WWW-Authenticate is not allowed. Put an authenticator with a challenge (TokenAuthentication, a JWT one) first to get 401.", "profiles"},
	{"403-all-not-401", "Why not 401?", "No credentials would change the answer: the endpoint refuses this to everyone. A 401 would send the client to log in for nothing.", "mistake-403-when-not-logged-in"},
	{"403-not-401", "Why not 401?", "The caller is authenticated; logging in again changes nothing. 401 is for missing or wrong credentials.", "mistake-403-when-not-logged-in"},
	{"403-or-404", "Or hide it with 404", "If even the existence of this resource is secret, the server may answer 404 instead.", "hiding-existence"},
	{"404-hidden-not-403", "Why not 403?", "403 would confirm the resource exists. Saying 404 hides it from callers who may not see it.", "hiding-existence"},
	{"404-no-route-not-405", "Why not 405?", "405 says the URL exists and only the method is wrong. Here nothing is mapped to the URL at all, whatever the method.", "method-handling"},
	{"404-not-410", "Why not 410?", "Use 410 when you know the resource existed and was removed for good; 404 makes no such claim.", "mistake-404-vs-410"},
	{"405-not-404", "Why not 404?", "The URL exists; only the method is wrong. 404 would hide that, and send the client looking elsewhere.", "method-handling"},
	{"405-not-501", "Why not 501?", "501 means no resource on the server supports the method at all; 405 means this endpoint does not.", "method-handling"},
	{"405-drf-not-501", "Why not 501?", "RFC 9110 would answer 501, since no resource here supports {method}; DRF answers 405 for any method the view lacks.", "method-handling"},
	{"409-not-400", "Why not 400 or 422?", "The request is fine on its own; it clashes with what is stored now. Retrying after resolving the clash can work.", "status-409"},
	{"409-drf-400", "DRF's default is 400", "A UniqueValidator on the serializer answers 400; raise an exception with status 409 to follow this convention.", "profiles"},
	{"410-not-404", "Why not 404?", "404 leaves open whether it will come back; 410 says it is gone for good, so clients and search engines can drop their links.", "mistake-404-vs-410"},
	{"412-not-409", "Why not 409?", "The client made the request conditional ({preconditions}), and the condition is false: 412 reports exactly that.", "conditional-requests"},
	{"102-deprecated", "Deprecated", "RFC 4918 dropped 102 and most clients ignore it. Queueing the work and answering 202 with a status URL serves clients better.", "async-work"},
	{"422-not-400", "Why not 400?", "400 covers any client error and is not wrong here, but it says less: 422 tells the client that the body parsed and its type is supported, and that what it says breaks a rule.", "mistake-400-vs-422"},
	{"429-not-403", "Why not 403 or 503?", "403 refuses the request itself, so waiting and sending it again will not help, and 503 says the server is in trouble. Here the server is healthy and the caller has only sent too many requests, too fast; Retry-After says when it may try again.", "rate-limiting"},
	{"406-body", "List the formats in the body", "The body should list the representations the server can send, so that the client can pick one (RFC 9110 §15.5.7).", "status-406"},
	{"428-body", "Say how to resend", "The body should explain how to resend the request successfully (RFC 6585 §3): fetch the resource, then send the change again with If-Match and the ETag it came with.", "status-428"},
	{"429-body", "Explain the limit in the body", "The body should explain the condition (RFC 6585 §4): which limit was reached, and when it resets.", "rate-limiting"},
	{"431-body", "Name the field that is too large", "When one header field is at fault, the body should say which one (RFC 6585 §5); when it is all of them together, say that.", "status-431"},
	{"505-body", "Say which versions work", "The body should say why the version is not supported and which protocols the server does support (RFC 9110 §15.6.6).", "status-505"},
	{"451-body", "Explain the block in the body", "The body should explain the legal demand (RFC 7725 §3): say who demanded the block, under which law, and which people and resources it applies to.", "status-451"},
	{"500-not-400", "Why not 400?", "The client did nothing wrong; blaming it would send it hunting for a bug that is not there.", "status-500"},
	{"500-no-internals", "Keep internals out of the body", "Log the error and its stack trace on the server; the body says only that something failed, with an id the client can quote. Stack traces, SQL and paths help attackers, not clients.", "status-500"},
	{"502-not-500", "Why not 500?", "Saying the fault is upstream (a bad answer) saves hours of searching the wrong server.", "status-502"},
	{"504-not-500", "Why not 500?", "Saying the fault is upstream (no answer in time) saves hours of searching the wrong server.", "status-504"},
	{"503-not-500", "Why not 500?", "503 says the condition is temporary, so clients can retry later; Retry-After can say when.", "status-503"},
	{"method-case", "Methods are case-sensitive", "The method {method} is not {METHOD}: HTTP methods are compared letter for letter (RFC 9110 §9.1).", "method-handling"},
	{"drf-upper-case", "Django upper-cases the method", "HTTP methods are case-sensitive, so {raw} is not {method} (RFC 9110 §9.1), but Django's request object upper-cases the method and DRF handles it as {method}. Send methods in upper case: other servers answer 501 or 405.", "profiles"},
	{"406-or-200", "Or ignore Accept with 200", "RFC 9110 also lets a server disregard Accept and send its default representation with 200 (§12.5.1). 406 is for an API that would rather refuse than send a format the client did not ask for.", "status-406"},
	{"416-or-200", "Or ignore Range with 200", "A server may ignore Range and send the whole representation with 200 (RFC 9110 §14.2), so clients cannot count on a 416. When it does answer 416, Content-Range gives the real length.", "status-416"},
	{"error-not-200", "Why not 200?", "An error inside a 200 looks like success to clients, caches and monitoring. The status code is what they read first.", "mistake-200-for-errors"},
}

var noteByID = func() map[string]*noteText {
	m := make(map[string]*noteText, len(noteTexts))
	for i := range noteTexts {
		m[noteTexts[i].id] = &noteTexts[i]
	}
	return m
}()

// notesFor explains the mistakes people make near a verdict: which code
// they are tempted to send instead, and why it is wrong.
func notesFor(code int, last string, v *view, p Profile) []Note {
	ids := make([]string, 0, 8) // room for the most any code adds: on the stack
	add := func(id ...string) { ids = append(ids, id...) }
	s := &v.c.Situation
	switch code {
	case 201:
		if v.is("PUT") {
			add("201-put-not-200")
		} else {
			add("201-not-200")
		}
	case 202:
		if v.is("POST") || v.is("PUT") && !v.exists() {
			add("202-not-201")
		} else {
			add("202-not-done")
		}
	case 204:
		add("204-not-200")
	case 300:
		add("300-not-200")
	case 301, 302:
		if v.method == "POST" {
			add("301-post")
		}
	case 307, 308:
		add("307-not-301")
	case 304:
		add("304-not-200")
	case 400:
		add("400-not-500")
		switch last {
		case "login-ok":
			add("400-login-not-401")
		case "rules-ok":
			add("400-drf-not-422")
		case "fields-valid":
			add("400-fields-not-422")
		case "content-well-formed":
			add("400-not-422")
		default:
			add("400-request-not-422")
		}
	case 401:
		// When the endpoint refuses everyone, credentials would change
		// nothing; 401-drf-forbidden explains DRF's 401 instead.
		if s.Endpoint.Login {
			add("401-login-not-403")
		} else if !s.Endpoint.Forbidden {
			add("401-not-403")
		}
		if s.Endpoint.Login {
			add("401-login-not-404", "401-login-400")
		}
		if p == DRF && s.Endpoint.Forbidden {
			add("401-drf-forbidden")
		}
		add("401-challenge")
	case 403:
		if last == "challenge-sent" {
			add("403-drf-session")
			break
		}
		if s.Endpoint.Forbidden {
			add("403-all-not-401")
			break
		}
		add("403-not-401", "403-or-404")
	case 404:
		if last == "hide-existence" {
			add("404-hidden-not-403")
		} else if last == "route-exists" {
			add("404-no-route-not-405")
		} else {
			add("404-not-410")
		}
	case 405:
		if contains(v.implemented, v.method) {
			add("405-not-404", "405-not-501")
		} else { // DRF has no server-wide method check (flow.go)
			add("405-not-404", "405-drf-not-501")
		}
	case 409:
		add("409-not-400")
		if p == DRF && s.Processing.Conflict == "duplicate" {
			add("409-drf-400")
		}
	case 410:
		add("410-not-404")
	case 412:
		add("412-not-409")
	case 102:
		add("102-deprecated")
	case 422:
		add("422-not-400")
	case 428:
		add("428-body")
	case 429:
		add("429-not-403", "429-body")
	case 431:
		add("431-body")
	case 505:
		add("505-body")
	case 406:
		add("406-body", "406-or-200")
	case 416:
		add("416-or-200")
	case 451:
		add("451-body")
	case 500:
		add("500-not-400", "500-no-internals")
	case 502:
		add("502-not-500")
	case 504:
		add("504-not-500")
	case 503:
		add("503-not-500")
	}
	if (code == 405 || code == 501) && strings.ToUpper(v.method) != v.method && contains(DefaultImplementedMethods, strings.ToUpper(v.method)) {
		add("method-case")
	}
	if v.upcased {
		add("drf-upper-case")
	}
	if code >= 400 && code != 406 && code != 416 { // for those two, 200 is allowed (above)
		add("error-not-200")
	}
	n := make([]Note, len(ids))
	for i, id := range ids {
		t := noteByID[id]
		n[i] = Note{t.title, expand(t.text, v), t.guide}
	}
	return n
}

// preconditionNames lists the If-* headers the request carries.
func preconditionNames(v *view) string {
	var n []string
	for _, h := range []string{"If-Match", "If-None-Match", "If-Unmodified-Since"} {
		if v.has(h) {
			n = append(n, h)
		}
	}
	return strings.Join(n, ", ")
}
