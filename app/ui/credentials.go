package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// credState is what the credentials control offers.
type credState string

const (
	credNone    credState = "none"
	credInvalid credState = "invalid"
	credValid   credState = "valid"
)

func (r *RequestEditor) credentials() app.UI {
	cr := r.Creds
	cur := credControl(cr)
	opt := func(v credState, text string) app.UI {
		id := "cred-" + string(v)
		return el("label", "seg",
			checked(void("input").ID(id).Attr("type", "radio").Attr("name", "credentials").Attr("value", string(v)), cur == v).
				OnChange(func(ctx app.Context, e app.Event) {
					r.change(ctx, func(c *engine.Case) { *c = withCredentials(*c, v) })
				}),
			txt("span", "", text),
		).Attr("for", id)
	}
	return el("fieldset", "block creds",
		txt("legend", "", "Credentials"),
		el("div", "segs",
			opt(credNone, "None"),
			opt(credInvalid, "Invalid"),
			opt(credValid, "Valid"),
		),
		txt("p", "hint", credentialsHint(cr)).ID("cred-hint"),
	)
}

// credentialsHint says where the credentials go, and why they count as
// invalid when the facts alone would not say so.
func credentialsHint(cr engine.Credentials) string {
	switch {
	case cr.Expected == "":
		return "This endpoint reads a username and password from the body; the control marks them right or wrong."
	case cr.Present && !cr.SchemeMatches:
		return "The Authorization header uses " + orText(cr.Scheme, "no scheme") + ", and this endpoint expects " + cr.Expected + ": the server cannot accept it, so it counts as invalid."
	}
	return "Sent as " + credentialHeader(cr.Expected)
}

// credentialHeader names the header the credentials travel in.
func credentialHeader(scheme string) string {
	if scheme == "Session" {
		return "a sessionid cookie"
	}
	return "an Authorization: " + scheme + " header"
}

// credControl is the control's state: the engine's reading of the
// credentials, the scheme included.
func credControl(cr engine.Credentials) credState {
	switch {
	case !cr.Present:
		return credNone
	case !cr.Valid():
		return credInvalid
	}
	return credValid
}

// withCredentials adds or removes the credentials header for the endpoint's
// scheme and sets whether the server finds them invalid.
func withCredentials(c engine.Case, v credState) engine.Case {
	c.Situation.Caller.CredentialsInvalid = v == credInvalid
	scheme := engine.CredentialsOf(c).Expected
	if scheme == "" {
		return c // a login: the credentials are in the body
	}
	name, value := "Authorization", scheme+" "+token(scheme, v)
	if scheme == "Session" {
		name, value = "Cookie", "sessionid="+token("Session", v)
	}
	hs := make([]engine.Header, 0, len(c.Request.Headers)+1)
	for _, h := range c.Request.Headers {
		if strings.EqualFold(h.Name, "Authorization") ||
			strings.EqualFold(h.Name, "Cookie") && strings.Contains(h.Value, "sessionid=") {
			continue
		}
		hs = append(hs, h)
	}
	if v != credNone {
		hs = append(hs, engine.Header{Name: name, Value: value})
	}
	c.Request.Headers = hs
	return c
}

// token is a made-up credential that looks the part.
func token(scheme string, v credState) string {
	bad := v == credInvalid
	switch scheme {
	case "Basic":
		if bad {
			return "YWRhOndyb25n" // ada:wrong
		}
		return "YWRhOmxvdmVsYWNl" // ada:lovelace
	case "Session":
		if bad {
			return "expired0c1d"
		}
		return "7f3b2a9c1d"
	}
	if bad {
		return "expired.eyJzdWIiOiJhZGEifQ"
	}
	return "eyJzdWIiOiJhZGEifQ.sig"
}
