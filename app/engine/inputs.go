package engine

import "strconv"

// Inputs are what the trace shows beside each answer: the fact, header or
// default that decided it.

// A fact words a situation field and its value for the trace, naming the
// default (worded once: most cases leave most facts at it).
type fact struct{ field, def, dflt string }

func newFact(field, def string) fact {
	return fact{field, def, "situation." + field + ": " + def + " (default)"}
}

func (f fact) say(val string) string {
	if val == "" || val == f.def {
		return f.dflt
	}
	return "situation." + f.field + " = " + val
}

var (
	fCallerCredentialsInvalid  = newFact("caller.credentials_invalid", "false")
	fCallerPermissionDenied    = newFact("caller.permission_denied", "false")
	fEndpointAuthRequired      = newFact("endpoint.auth_required", "false")
	fEndpointAuthScheme        = newFact("endpoint.auth_scheme", DefaultAuthScheme)
	fEndpointNoRoute           = newFact("endpoint.no_route", "false")
	fEndpointForbidden         = newFact("endpoint.forbidden", "false")
	fProcessingFieldError      = newFact("processing.field_error", "none")
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
func (v *view) methodInput() string { return v.methodIn }

// sizeInput words a size against its limit: "URL is 11 bytes; limit 8000".
func sizeInput(what string, n, limit int) string {
	b := make([]byte, 0, len(what)+32)
	b = strconv.AppendInt(append(b, what...), int64(n), 10)
	return string(strconv.AppendInt(append(b, " bytes; limit "...), int64(limit), 10))
}
