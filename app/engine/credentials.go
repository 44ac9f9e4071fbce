package engine

import "strings"

// Who is asking: credentials as RFC 9110 §11 and DRF's authenticators see them.

// drfCredentialsPresent is what DRF's authenticators see: an Authorization
// header in another scheme is not theirs and is ignored, a login body is no
// authentication at all, and a stale session is simply anonymous.
func drfCredentialsPresent(v *view) (bool, string) {
	if v.scheme == "Session" {
		c, _ := v.header("Cookie")
		switch {
		case !strings.Contains(c, "sessionid="):
			return false, "no sessionid cookie"
		case v.c.Situation.Caller.CredentialsInvalid:
			return false, "the session has expired, so Django sees an anonymous user"
		}
		return true, "sessionid cookie of a live session"
	}
	a, ok := v.header("Authorization")
	if !ok || a == "" {
		return false, "no Authorization header"
	}
	if match, scheme := v.schemeMatches(); !match {
		return false, "Authorization: " + scheme + " … is not the " + v.scheme + " scheme, so the authenticator ignores it"
	}
	return true, schemeInput(v.scheme)
}

func schemeInput(scheme string) string { return "Authorization: " + scheme + " …" }

func credentialsPresent(v *view) (bool, string) {
	switch {
	case v.c.Situation.Endpoint.Login:
		return true, "a login endpoint: the body is where credentials go"
	case v.scheme == "Session":
		c, _ := v.header("Cookie")
		return strings.Contains(c, "sessionid="), "session cookie " + present(strings.Contains(c, "sessionid="))
	}
	a, ok := v.header("Authorization")
	if !ok || a == "" {
		return false, "no Authorization header"
	}
	scheme, _, _ := strings.Cut(a, " ")
	return true, schemeInput(scheme)
}

// schemeMatches reports whether an Authorization header uses the scheme
// the endpoint expects (a login body or a session cookie always does).
func (v *view) schemeMatches() (bool, string) {
	if v.c.Situation.Endpoint.Login || v.scheme == "Session" {
		return true, ""
	}
	a, _ := v.header("Authorization")
	scheme, _, _ := strings.Cut(a, " ")
	return strings.EqualFold(scheme, v.scheme), scheme
}
