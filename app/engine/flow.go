package engine

// An edge leads to another node (to) or ends at a code. why, when set,
// replaces the node's own explanation of that answer.
type edge struct {
	to   string
	code int
	why  string
}

// A row wires one node's answers.
type row struct {
	id      string
	yes, no edge
}

func to(id string) edge            { return edge{to: id} }
func give(code int) edge           { return edge{code: code} }
func because(c int, w string) edge { return edge{code: c, why: w} }

// rows puts blocks of rows one after the other.
func rows(blocks ...[]row) []row {
	var r []row
	for _, b := range blocks {
		r = append(r, b...)
	}
	return r
}

// bypass leaves the node id out of a flow: every edge that led to it leads
// where its answer would have led. A variant named this way stays right
// when rows are added or moved.
func bypass(r []row, id string, answer bool) []row {
	var out []row
	var via edge
	found := false
	for _, x := range r {
		if x.id == id {
			via, found = x.no, true
			if answer {
				via = x.yes
			}
			continue
		}
		out = append(out, x)
	}
	if !found {
		panic("engine: bypass of " + id + ", which the rows do not hold")
	}
	for i := range out {
		for _, e := range []*edge{&out[i].yes, &out[i].no} {
			if e.to == id {
				*e = via
			}
		}
	}
	return out
}

// system: facts about the server, checked before any handler runs. DRF has
// no server-wide method check: an unknown method reaches dispatch, which
// answers it like any method the view lacks (405).
func system(next string, checkMethod bool) []row {
	r := []row{
		{"request-well-formed", to("service-available"), give(400)},
		{"service-available", to("version-supported"), give(503)},
		{"version-supported", to("method-implemented"), give(505)},
		{"method-implemented", to("url-length-ok"), give(501)},
		{"url-length-ok", to("headers-size-ok"), give(414)},
		{"headers-size-ok", to("expectation-ok"), give(431)},
		{"expectation-ok", to("protocol-ok"), give(417)},
		{"protocol-ok", to(next), give(426)},
	}
	if !checkMethod {
		r = bypass(r, "method-implemented", true)
	}
	return r
}

// retrieve: the target is missing; find out why. create is where a PUT that
// may create the resource goes on.
func retrieve(missing edge) []row {
	return []row{
		{"moved", to("moved-permanently"), to("gone")},
		{"moved-permanently", to("keep-method-permanent"), to("keep-method-temporary")},
		{"keep-method-permanent", give(308), give(301)},
		{"keep-method-temporary", give(307), give(302)},
		{"gone", give(410), missing},
	}
}

// preconditions follow RFC 9110 §13.2.2, then go to next.
func preconditions(next string) []row {
	return []row{
		{"precondition-present", to("if-match"), give(428)},
		{"if-match", to("if-unmodified-since"), give(412)},
		{"if-unmodified-since", to("if-none-match"), give(412)},
		{"if-none-match", to("if-modified-since"), to("safe-method")},
		{"safe-method", give(304), give(412)},
		{"if-modified-since", to(next), give(304)},
	}
}

// process: the server does the work and picks the success code.
func process(rule edge, interim bool) []row {
	r := []row{
		{"rules-ok", to("no-conflict"), rule},
		{"no-conflict", to("no-crash"), give(409)},
		{"no-crash", to("upstream-valid"), give(500)},
		{"upstream-valid", to("upstream-on-time"), give(502)},
		{"upstream-on-time", to("dependencies-up"), give(504)},
		{"dependencies-up", to("queued"), give(503)},
		{"queued", give(202), to("long-running")},
		{"long-running", give(102), to("is-get")},
		{"is-get", to("choice-needed"), to("is-post")},
		{"choice-needed", give(300), to("range-requested")},
		{"range-requested", to("range-satisfiable"), give(200)},
		{"range-satisfiable", give(206), give(416)},
		{"is-post", to("post-see-other"), to("is-put")},
		{"post-see-other", give(303), to("post-creates")},
		{"post-creates", give(201), to("response-body")},
		{"is-put", to("put-created"), to("is-delete")},
		{"put-created", give(201), to("response-body")},
		{"is-delete", to("delete-body"), to("response-body")},
		{"delete-body", give(200), give(204)},
		{"response-body", give(200), give(204)},
	}
	if !interim {
		r = bypass(r, "long-running", false)
	}
	return r
}

// rfc9110Flow orders the checks like webmachine and for-GET: the method,
// then the rate limit (before credentials, so that throttling cannot be
// dodged and does not reveal whether a password was right), then who is
// asking, then the headers about the body, then the resource and its
// preconditions, then the body itself.
var rfc9110Flow = rows(
	system("route-exists", true),
	[]row{
		{"route-exists", to("method-allowed"), give(404)},
		{"method-allowed", to("rate-ok"), give(405)},
		{"rate-ok", to("forbidden-to-all"), give(429)},
		{"forbidden-to-all", give(403), to("credentials-present")},
		{"credentials-present", to("credentials-valid"), to("auth-required")},
		{"credentials-valid", to("permitted"), give(401)},
		{"auth-required", give(401), to("permitted")},
		{"permitted", to("legal-ok"), to("caller-known")},
		{"caller-known", to("hide-existence"), give(401)},
		{"hide-existence", give(404), give(403)},
		{"legal-ok", to("body-size-ok"), give(451)},
		{"body-size-ok", to("length-given"), give(413)},
		{"length-given", to("content-type-ok"), give(411)},
		{"content-type-ok", to("acceptable"), give(415)},
		{"acceptable", to("resource-exists"), give(406)},
		{"resource-exists", to("precondition-present"), to("moved")},
		{"put-creates", to("precondition-present"), give(404)},
	},
	retrieve(to("put-creates")),
	preconditions("is-options"),
	[]row{
		{"is-options", to("options-body"), to("expects-continue")},
		{"options-body", give(200), give(204)},
		{"expects-continue", give(100), to("upgrade-offered")},
		{"upgrade-offered", to("upgrade-valid"), to("content-well-formed")},
		{"upgrade-valid", give(101), give(400)},
		{"content-well-formed", to("fields-valid"), give(400)},
		{"fields-valid", to("rules-ok"), give(400)},
	},
	process(give(422), true),
)

// drfFlow follows APIView.dispatch: the web server's own limits, then
// initial() (content negotiation, authentication, permissions, throttles),
// then the method's handler, which looks the object up (get_object) before
// it parses request.data and validates it with a serializer.
var drfFlow = rows(
	system("expects-continue", false),
	[]row{
		// The web server answers Expect: 100-continue before Django runs:
		// gunicorn as it reads the headers, uvicorn once Django reads the
		// body, which it does before it resolves the URL.
		{"expects-continue", because(100, "The web server (gunicorn, or uvicorn under ASGI) sends 100 Continue before Django sees the request, whatever DRF will decide; the final answer comes once the body is in."), to("route-exists")},
		// Django's URL resolver answers 404 before any view runs.
		{"route-exists", to("upgrade-offered"), give(404)},
		// Django Channels (ASGI) routes WebSocket handshakes before any view.
		{"upgrade-offered", to("upgrade-valid"), to("body-size-ok")},
		{"upgrade-valid", because(101, "The client asked to upgrade to WebSocket. Django Channels (ASGI), not DRF, answers the handshake: it routes WebSocket connections before any view runs, and switches protocols."), give(400)},
		{"body-size-ok", to("length-given"), give(413)},
		{"length-given", to("acceptable"), give(411)},
		{"acceptable", to("drf-credentials-present"), give(406)},
		{"drf-credentials-present", to("credentials-valid"), to("auth-required")},
		{"credentials-valid", to("permitted"), to("challenge-sent")},
		{"auth-required", to("challenge-sent"), to("permitted")},
		{"challenge-sent", give(401), give(403)},
		{"permitted", to("rate-ok"), to("drf-caller-known")},
		{"drf-caller-known", to("hide-existence"), to("challenge-sent")},
		{"hide-existence", give(404), give(403)},
		{"rate-ok", to("method-allowed"), give(429)},
		{"method-allowed", to("is-options"), give(405)},
		{"is-options", because(200, "DRF answers OPTIONS itself: its metadata class describes the endpoint in a 200 body."), to("resource-exists")},
		{"resource-exists", to("legal-ok"), to("moved")},
		{"legal-ok", to("precondition-present"), give(451)},
	},
	retrieve(to("put-creates")),
	[]row{
		{"put-creates", because(404, "get_object() finds nothing, and DRF's update views do not create on PUT (since DRF 3.0), so the answer is 404."), give(404)},
	},
	preconditions("content-type-ok"),
	[]row{
		{"content-type-ok", to("content-well-formed"), give(415)},
		{"content-well-formed", to("login-ok"), give(400)},
		{"login-ok", to("fields-valid"), give(400)},
		{"fields-valid", to("rules-ok"), because(400, "The serializer rejects a field ({field_error}); DRF answers every ValidationError with 400.")},
	},
	// Django cannot send interim responses, so no 102.
	process(because(400, "The serializer's validation fails ({rule}); DRF answers every ValidationError with 400."), false),
)

// orderNote says, for the answer of the other profile, how its order differs.
var orderNote = map[Profile]string{
	RFC9110: "The RFC 9110 profile checks the method first, then the rate limit and who is asking, then the resource, and answers 422 when well-formed content breaks a rule.",
	DRF:     "DRF runs content negotiation, authentication, permissions and throttling before it looks at the method, looks the object up before it parses the body, and answers 400 for every validation error.",
}

// noInterimNote says why the profiles differ where one sends 102: the
// order has nothing to do with it.
const noInterimNote = "102 comes from RFC 2518, not RFC 9110, and Django cannot send an interim response, so DRF answers only once the work is done."
