package engine

// The explanations that depend on what exactly failed: each is a template
// (expand fills it), picked from the case.

func unavailableWhy(v *view, yes bool) string {
	if v.c.Situation.Server.Unavailable == "overloaded" {
		return "The server is overloaded; it is temporary, so the client should come back later."
	}
	return "The server is down for maintenance; it is temporary, so the client should come back later."
}

func credentialsWhy(v *view, yes bool) string {
	e := &v.c.Situation.Endpoint
	if e.Login && v.c.Request.Body == "" {
		return "The login request carries no username and password, so there is nothing to check and the client is not authenticated."
	}
	if e.Login {
		return "The username and password sent in the body are wrong, so the login fails and the client is not authenticated."
	}
	if ok, _ := v.schemeMatches(); !ok && !v.c.Situation.Caller.CredentialsInvalid {
		return "The credentials use the {scheme} scheme, but the endpoint expects {expected}, so they cannot authenticate the client; the challenge names the scheme to use."
	}
	return "Credentials were sent, but they are wrong or expired, so the client is not authenticated."
}

func challengeWhy(v *view, yes bool) string {
	var why string
	if v.c.Situation.Endpoint.Forbidden {
		why = "The endpoint refuses this to everyone, but DRF's permission_denied() raises NotAuthenticated while no authenticator recognised the caller. "
		if found, _ := drfCredentialsPresent(v); found {
			// An authenticator that finds credentials it handles and rejects them
			// raises AuthenticationFailed in APIView.initial, before any permission.
			why = "The endpoint refuses this to everyone, but DRF authenticates before it checks permissions, and its authenticator rejects these credentials (AuthenticationFailed). "
		}
	}
	if yes {
		return why + "Not authenticated; DRF's authenticator can name its scheme in WWW-Authenticate, so it answers 401."
	}
	return why + "Not authenticated, but SessionAuthentication has no WWW-Authenticate challenge, so DRF turns its 401 into 403."
}

func ifMatchWhy(v *view, yes bool) string {
	if v.is("GET", "HEAD") {
		return "If-Match names no current version of the resource, so the {method} is not carried out: the client's stored copy is not the current one."
	}
	if !v.exists() { // If-Match is false when there is no current representation (RFC 9110 §13.1.1)
		return "If-Match makes the {method} depend on a current version, but the resource has no current representation, so the {method} is not carried out: it would create what the client meant to update."
	}
	return "If-Match names no current version of the resource, so the {method} would overwrite a change the client has not seen."
}
