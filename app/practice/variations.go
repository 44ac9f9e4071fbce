package practice

import (
	"slices"
	"strings"

	"whichstatus/app/engine"
)

// A variation changes one fact of a scenario's case. apply changes the
// copy it is given and says what changed, in words; "" when the variation
// does not fit the case (then the copy is thrown away). Whether the answer
// moves, and to what, is for the engine to say: a variation that leaves
// the answer as it was is dropped.
type variation struct {
	id    string
	apply func(c *engine.Case) string
}

var variations = []variation{
	{"anonymous", func(c *engine.Case) string {
		if !c.Situation.Endpoint.AuthRequired || header(c, "Authorization") == "" && header(c, "Cookie") == "" {
			return ""
		}
		dropHeaders(c, "Authorization", "Cookie")
		c.Situation.Caller = engine.Caller{}
		return "it is sent without any credentials: no Authorization header, no session."
	}},
	{"expired", func(c *engine.Case) string {
		if !c.Situation.Endpoint.AuthRequired || header(c, "Authorization") == "" || c.Situation.Caller.CredentialsInvalid {
			return ""
		}
		c.Situation.Caller = engine.Caller{CredentialsInvalid: true}
		return "its token expired an hour ago."
	}},
	{"forbidden", func(c *engine.Case) string {
		// "/me/" is always the caller's own: it cannot be someone else's.
		if !c.Situation.Endpoint.AuthRequired || header(c, "Authorization") == "" || c.Situation.Caller != (engine.Caller{}) ||
			strings.Contains(c.Request.URL, "/me/") {
			return ""
		}
		c.Situation.Caller.PermissionDenied = true
		return "The caller is signed in, but this resource belongs to someone else, and the caller may not touch it; the API does not hide that it exists."
	}},
	{"gone", func(c *engine.Case) string {
		if !item(c) {
			return ""
		}
		absent(c, "gone")
		return "The resource was deleted for good last week, and the server keeps a record that it is gone."
	}},
	{"missing", func(c *engine.Case) string {
		if !item(c) {
			return ""
		}
		absent(c, "missing")
		return "There is no resource at this URL, and the server has no record of one ever being there."
	}},
	{"method", func(c *engine.Case) string {
		allowed := c.Situation.Endpoint.AllowedMethods
		if !succeeds(c) || len(allowed) == 0 || !slices.Contains(allowed, c.Request.Method) || c.Request.Method == "OPTIONS" {
			return ""
		}
		for _, m := range []string{"DELETE", "PUT", "POST", "PATCH"} {
			if !slices.Contains(allowed, m) {
				c.Request.Method = m
				return "The client sends " + m + " instead, and the endpoint allows only " + methodList(allowed) + "."
			}
		}
		return ""
	}},
	{"database", func(c *engine.Case) string {
		if !healthy(c) {
			return ""
		}
		c.Situation.Processing.Failure = "dependency_down"
		return "While handling it, the server finds it cannot reach its database."
	}},
	{"crash", func(c *engine.Case) string {
		if !healthy(c) || c.Request.Method != "GET" {
			return ""
		}
		c.Situation.Processing.Failure = "crash"
		return "While handling it, the view raises an exception nobody expected."
	}},
	{"upstream", func(c *engine.Case) string {
		switch c.Situation.Processing.Failure {
		case "upstream_invalid":
			c.Situation.Processing.Failure = "upstream_timeout"
			return "This time the service the server calls does not answer at all within 30 seconds."
		case "upstream_timeout":
			c.Situation.Processing.Failure = "upstream_invalid"
			return "This time the service the server calls answers at once, but with a broken response."
		case "dependency_down":
			c.Situation.Processing.Failure = "upstream_timeout"
			return "The database is fine; the service the server calls does not answer within 30 seconds."
		}
		return ""
	}},
	{"keep-method", func(c *engine.Case) string {
		// For a GET or a HEAD, 301 and 308 (302 and 307) do the same: the
		// method is kept either way, so there is nothing to change.
		r := &c.Situation.Resource
		if !strings.HasPrefix(r.State, "moved") || c.Request.Method == "GET" || c.Request.Method == "HEAD" || c.Request.Method == "" {
			return ""
		}
		r.KeepMethod = !r.KeepMethod
		if r.KeepMethod {
			return "The client must repeat the very same " + c.Request.Method + " and body at the new URL; turning it into a GET would be wrong."
		}
		return "The client may follow the redirect with a plain GET; the method need not be kept."
	}},
	{"how-long", func(c *engine.Case) string {
		r := &c.Situation.Resource
		switch r.State {
		case "moved_permanently":
			r.State = "moved_temporarily"
			return "The move is only for now: the resource may be back at the old URL tomorrow."
		case "moved_temporarily":
			r.State = "moved_permanently"
			return "The move is for good: the old URL will never serve it again."
		}
		return ""
	}},
	{"reply", func(c *engine.Case) string {
		p := &c.Situation.Processing
		if !healthy(c) || c.Request.Method != "PUT" && c.Request.Method != "PATCH" {
			return ""
		}
		if p.ResponseBody == "empty" {
			p.ResponseBody = "body"
			return "After saving, the server sends the updated resource back."
		}
		p.ResponseBody = "empty"
		return "After saving, the server sends nothing back: no body at all."
	}},
	{"rule", func(c *engine.Case) string {
		// The body must break the rule it is said to break: the username
		// it sends is cut to two letters.
		const key = `"username": "`
		body := c.Request.Body
		i := strings.Index(body, key)
		if engine.Recommend(*c).Code != 201 || c.Request.Method != "POST" || !strings.HasPrefix(strings.TrimSpace(body), "{") || i < 0 {
			return ""
		}
		start := i + len(key)
		end := strings.IndexByte(body[start:], '"')
		if end < 3 {
			return ""
		}
		c.Request.Body = body[:start] + body[start:start+2] + body[start+end:]
		c.Situation.Processing.RuleViolation = "the username must be at least 3 characters long"
		return "The JSON parses, but the username in it is \"" + body[start:start+2] + "\", and the API's rule is that a username has at least 3 characters."
	}},
	{"broken-json", func(c *engine.Case) string {
		body := strings.TrimSpace(c.Request.Body)
		if c.Situation.Processing.RuleViolation == "" || !strings.HasPrefix(body, "{") {
			return ""
		}
		c.Request.Body = body[:len(body)/2]
		// A body that does not parse breaks no rule that can be seen.
		c.Situation.Processing.RuleViolation = ""
		return "The body is cut off halfway through, so it is not valid JSON."
	}},
	{"profile", func(c *engine.Case) string {
		d := engine.Recommend(*c)
		if d.Other == nil {
			return ""
		}
		c.Profile = d.Other.Profile
		return "it is judged by the " + c.Profile.Title() + " profile this time."
	}},
}

// item: a request for one resource that is there, with nothing else
// going wrong.
func item(c *engine.Case) bool {
	s := c.Situation
	m := c.Request.Method
	u := strings.TrimSuffix(c.Request.URL, "/")
	return (m == "GET" || m == "DELETE" || m == "PATCH") && u != "" && strings.IndexByte("0123456789", u[len(u)-1]) >= 0 &&
		healthy(c) && !s.Caller.PermissionDenied && !s.Endpoint.HideExistence
}

// succeeds: the engine answers the case with a 2xx.
func succeeds(c *engine.Case) bool { return engine.Recommend(*c).Code/100 == 2 }

// healthy: the server works and the resource is there.
func healthy(c *engine.Case) bool {
	s := c.Situation
	return s.Processing.Failure == "" && s.Server.Unavailable == "" && (s.Resource.State == "" || s.Resource.State == "exists") &&
		s.Processing.RuleViolation == "" && s.Processing.Conflict == ""
}

// absent makes the resource missing or gone, and drops what the server
// could only know of one that is there: its validators, its
// representations, where it lives.
func absent(c *engine.Case, state string) {
	r := &c.Situation.Resource
	*r = engine.Resource{State: state, Length: r.Length, LegalBlock: r.LegalBlock}
}

// methodList words an endpoint's methods as Allow will have them: "GET,
// PUT and DELETE (HEAD and OPTIONS come with them)".
func methodList(ms []string) string {
	s := ms[0]
	if len(ms) > 1 {
		s = strings.Join(ms[:len(ms)-1], ", ") + " and " + ms[len(ms)-1]
	}
	switch {
	case slices.Contains(ms, "GET") && !slices.Contains(ms, "HEAD"):
		return s + " (HEAD and OPTIONS come with them)"
	case !slices.Contains(ms, "OPTIONS"):
		return s + " (OPTIONS comes with them)"
	}
	return s
}
