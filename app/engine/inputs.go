package engine

import (
	"strconv"
	"strings"
)

// Inputs are what the trace shows beside each answer: the fact, header or
// default that decided it.

// A fact words a situation field and its value for the trace, naming the
// default in the words of Fields (worded once: most cases leave most
// facts at it).
type fact struct{ path, plain, dflt string }

func newFact(field string) fact {
	f, ok := FieldByPath("situation." + field)
	if !ok {
		panic("engine: no field situation." + field)
	}
	return fact{f.Path, f.Plain, f.Path + ": " + f.Plain + " (default)"}
}

func (f fact) say(val string) string {
	if val == "" || val == f.plain {
		return f.dflt
	}
	return f.path + " = " + val
}

var (
	fCallerCredentialsInvalid  = newFact("caller.credentials_invalid")
	fCallerPermissionDenied    = newFact("caller.permission_denied")
	fEndpointAuthRequired      = newFact("endpoint.auth_required")
	fEndpointAuthScheme        = newFact("endpoint.auth_scheme")
	fEndpointNoRoute           = newFact("endpoint.no_route")
	fEndpointForbidden         = newFact("endpoint.forbidden")
	fProcessingFieldError      = newFact("processing.field_error")
	fEndpointHideExistence     = newFact("endpoint.hide_existence")
	fEndpointPostResult        = newFact("endpoint.post_result")
	fEndpointRateLimitExceeded = newFact("endpoint.rate_limit_exceeded")
	fProcessingAsync           = newFact("processing.async")
	fProcessingConflict        = newFact("processing.conflict")
	fProcessingFailure         = newFact("processing.failure")
	fProcessingLongRunning     = newFact("processing.long_running")
	fProcessingResponseBody    = newFact("processing.response_body")
	fProcessingRuleViolation   = newFact("processing.rule_violation")
	fResourceKeepMethod        = newFact("resource.keep_method")
	fResourceLegalBlock        = newFact("resource.legal_block")
	fResourceState             = newFact("resource.state")
	fServerRequiredProtocol    = newFact("server.required_protocol")
	fServerUnavailable         = newFact("server.unavailable")
)

// The inputs of the usual case, worded once: most cases keep the default
// methods and version, and send a usual method (five allocations fewer
// per case).
var (
	defaultImplementedInput = "situation.server.implemented_methods: " + strings.Join(DefaultImplementedMethods, " ") + " (default)"
	defaultVersionInput     = "request version HTTP/1.1"
	// Most cases send no headers or no body, under the default limits
	// (sizeInput: an allocation fewer for each).
	noHeadersInput = headersTake + "0 bytes; limit " + strconv.Itoa(DefaultMaxHeaderBytes)
	noBodyInput    = bodyIs + "0 bytes; limit " + strconv.Itoa(DefaultMaxBodyBytes)
	methodInputs   = func() (in []string) {
		for _, m := range DefaultImplementedMethods {
			in = append(in, "method "+m)
		}
		return in
	}()
)

func present(ok bool) string {
	if ok {
		return "present"
	}
	return "absent"
}

// methodInput words the request's method for the trace.
func (v *view) methodInput() string { return v.methodIn }

const headersTake, bodyIs = "headers take ", "body is "

// sizeInput words a size against its limit: "URL is 11 bytes; limit 8000".
func sizeInput(what string, n, limit int) string {
	switch {
	case n == 0 && what == headersTake && limit == DefaultMaxHeaderBytes:
		return noHeadersInput
	case n == 0 && what == bodyIs && limit == DefaultMaxBodyBytes:
		return noBodyInput
	}
	var buf [64]byte // worded on the stack: one allocation, the string
	b := strconv.AppendInt(append(buf[:0], what...), int64(n), 10)
	return string(strconv.AppendInt(append(b, " bytes; limit "...), int64(limit), 10))
}
