package engine

import (
	"strconv"
	"strings"
)

// Inputs are what the trace shows beside each answer: the fact, header or
// default that decided it. Those most cases share are worded once.

// A fact words a situation field and its value for the trace, naming the
// default; the default's wording is made once.
type fact struct {
	field, def, dflt string
	said             map[string]string // the wording of each value the format foresees
}

// newFact runs once per fact at start-up. Inlined, its loop was copied
// into the package's init for every fact: 31 KB more app.wasm.
//
//go:noinline
func newFact(field, def string) *fact {
	f := &fact{field, def, "situation." + field + ": " + def + " (default)", map[string]string{}}
	for _, val := range append([]string{"true"}, Choices["situation."+field]...) {
		f.said[val] = "situation." + field + " = " + val
	}
	return f
}

func (f *fact) say(val string) string {
	if val == "" || val == f.def {
		return f.dflt
	}
	return cached(f.said, val, "situation."+f.field+" = ")
}

var (
	fCallerCredentialsInvalid  = newFact("caller.credentials_invalid", "false")
	fCallerPermissionDenied    = newFact("caller.permission_denied", "false")
	fEndpointAuthRequired      = newFact("endpoint.auth_required", "false")
	fEndpointAuthScheme        = newFact("endpoint.auth_scheme", DefaultAuthScheme)
	fEndpointHideExistence     = newFact("endpoint.hide_existence", "false")
	fEndpointPostResult        = newFact("endpoint.post_result", "create")
	fEndpointRateLimitExceeded = newFact("endpoint.rate_limit_exceeded", "false")
	fProcessingAsync           = newFact("processing.async", "false")
	fProcessingConflict        = newFact("processing.conflict", "none")
	fProcessingFailure         = newFact("processing.failure", "none")
	fProcessingLongRunning     = newFact("processing.long_running", "false")
	fProcessingResponseBody    = newFact("processing.response_body", "")
	fProcessingRuleViolation   = newFact("processing.rule_violation", "none")
	fResourceKeepMethod        = newFact("resource.keep_method", "false")
	fResourceLegalBlock        = newFact("resource.legal_block", "false")
	fResourceState             = newFact("resource.state", "exists")
	fServerRequiredProtocol    = newFact("server.required_protocol", "none")
	fServerUnavailable         = newFact("server.unavailable", "serving")
)

func present(ok bool) string {
	if ok {
		return "present"
	}
	return "absent"
}

// methodInput words the request's method for the trace.
func (v *view) methodInput() string {
	if v.verb >= 0 {
		return methodInputs[v.verb]
	}
	return "method " + v.method
}

// Inputs that most cases share, worded once.
var (
	acceptJSONInput         = "Accept: application/json; endpoint produces " + DefaultMediaTypes[0]
	defaultImplementedInput = "situation.server.implemented_methods: " + strings.Join(DefaultImplementedMethods, " ") + " (default)"
	methodInputs            = func() (m [len(verbs)]string) {
		for i, verb := range verbs {
			m[i] = "method " + verb
		}
		return m
	}()
	versionInputs   = words("request version ", "HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/3")
	usualBodyInputs = func() map[string]string {
		m := map[string]string{}
		for _, verb := range DefaultImplementedMethods {
			m[verb] = "situation.processing.response_body: the usual for " + verb + " (default)"
		}
		return m
	}()
)

// The sizes the trace words against their limits.
const (
	urlSize = iota
	headerSize
	bodySize
)

// sizeInput words a size against its limit: "URL is 11 bytes; limit 8000".
// The first call words all three in one string, and each is a part of it.
func (v *view) sizeInput(k int) string {
	if v.sizes[k] == "" {
		var buf [160]byte
		var end [3]int
		b := appendSize(buf[:0], "URL is ", len(v.url), v.maxURL)
		end[urlSize] = len(b)
		b = appendSize(b, "headers take ", v.headerBytes(), v.maxHeader)
		end[headerSize] = len(b)
		b = appendSize(b, "body is ", v.bodySize(), v.maxBody)
		end[bodySize] = len(b)
		all := string(b)
		v.sizes = [3]string{all[:end[0]], all[end[0]:end[1]], all[end[1]:]}
	}
	return v.sizes[k]
}

func appendSize(b []byte, what string, n, limit int) []byte {
	b = strconv.AppendInt(append(b, what...), int64(n), 10)
	return strconv.AppendInt(append(b, " bytes; limit "...), int64(limit), 10)
}

func words(prefix string, values ...string) map[string]string {
	m := make(map[string]string, len(values))
	for _, v := range values {
		m[v] = prefix + v
	}
	return m
}

// cached is prefix+value, from m when it holds it.
func cached(m map[string]string, value, prefix string) string {
	if s, ok := m[value]; ok {
		return s
	}
	return prefix + value
}

// Inputs that name an Authorization scheme or a media type, worded once
// for the usual ones.
var (
	schemeInputs = func() map[string]string {
		m := words("Authorization: ", "Bearer", "Basic", "Token", "Digest")
		for k, s := range m {
			m[k] = s + " …"
		}
		return m
	}()
	mediaTypeInputs = words("Content-Type: ", "application/json", "application/merge-patch+json",
		"application/json-patch+json", "application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
)
