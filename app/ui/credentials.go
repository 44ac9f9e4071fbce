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
	cur := credentialsOf(r.Case)
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
	hint := "Sent as " + credentialHeader(r.Case)
	if r.Case.Situation.Endpoint.Login {
		hint = "This endpoint reads a username and password from the body; the control marks them right or wrong."
	}
	return el("fieldset", "block creds",
		txt("legend", "", "Credentials"),
		el("div", "segs",
			opt(credNone, "None"),
			opt(credInvalid, "Invalid"),
			opt(credValid, "Valid"),
		),
		txt("p", "hint", hint),
	)
}

// scheme is the endpoint's authentication scheme, with its default.
func scheme(c engine.Case) string {
	if s := c.Situation.Endpoint.AuthScheme; s != "" {
		return s
	}
	return engine.DefaultAuthScheme
}

// credentialHeader names the header the credentials travel in.
func credentialHeader(c engine.Case) string {
	if scheme(c) == "Session" {
		return "a sessionid cookie"
	}
	return "an Authorization: " + scheme(c) + " header"
}

// credentialsOf reads the control's state from the case: credentials are
// there when the request carries them, and wrong when the situation says so.
func credentialsOf(c engine.Case) credState {
	present := c.Situation.Endpoint.Login && c.Request.Body != ""
	for _, h := range c.Request.Headers {
		switch {
		case strings.EqualFold(h.Name, "Authorization") && h.Value != "":
			present = true
		case strings.EqualFold(h.Name, "Cookie") && strings.Contains(h.Value, "sessionid="):
			present = true
		}
	}
	switch {
	case !present:
		return credNone
	case c.Situation.Caller.CredentialsInvalid:
		return credInvalid
	}
	return credValid
}

// withCredentials adds or removes the credentials header for the endpoint's
// scheme and sets whether the server finds them invalid.
func withCredentials(c engine.Case, v credState) engine.Case {
	c.Situation.Caller.CredentialsInvalid = v == credInvalid
	if c.Situation.Endpoint.Login {
		return c // the credentials are in the body
	}
	name, value := "Authorization", scheme(c)+" "+token(scheme(c), v)
	if scheme(c) == "Session" {
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
