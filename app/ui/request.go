package ui

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// headerNames are suggested for header rows: the ones the engine reads.
var headerNames = []string{
	"Accept", "Authorization", "Content-Length", "Content-Type", "Cookie",
	"Expect", "If-Match", "If-Modified-Since", "If-None-Match", "If-Range",
	"If-Unmodified-Since", "Range", "Upgrade", "Accept-Language", "Origin",
	"Prefer", "User-Agent",
}

// RequestEditor edits the request: the request line, the headers, the body
// and the credentials (which also set a fact of the situation, so it edits
// the whole case).
type RequestEditor struct {
	app.Compo

	// What to show: the request, and what the engine makes of its
	// credentials and body in this case. Not the whole case, so that an
	// edit of a fact or the profile that leaves these as they were does
	// not render the request again (go-app compares exported fields).
	Request engine.Request
	Creds   engine.Credentials
	Body    engine.Body
	// onEdit applies an edit to the owner's current case. Edits, not new
	// cases, go up: two events can fire before the owner renders again,
	// and the second must not undo the first with a stale copy. It is
	// unexported, as SituationEditor's: go-app renders a child again when
	// an exported field differs, and two funcs never compare equal.
	onEdit func(ctx app.Context, edit func(c *engine.Case))

	otherMethod bool // the person chose "Other…" in the method select
}

// requestEditor is the editor of c's request.
func requestEditor(c engine.Case, onEdit func(ctx app.Context, edit func(c *engine.Case))) *RequestEditor {
	return &RequestEditor{Request: c.Request, Creds: engine.CredentialsOf(c), Body: engine.BodyOf(c), onEdit: onEdit}
}

// The editor's parts that an edit of another part leaves as they were
// are stills (see still): the method, the lists of suggestions, the
// credentials.
type (
	methodKey struct {
		r      *RequestEditor
		method string
		other  bool // RequestEditor.otherMethod
	}
	versionsKey struct{}
	namesKey    struct{}
	credsKey    struct {
		r     *RequestEditor
		creds engine.Credentials
	}
)

func (k methodKey) render() app.UI { return k.r.methodControl(k.method) }
func (k credsKey) render() app.UI  { return k.r.credentials() }

func (versionsKey) render() app.UI {
	return el("datalist", "",
		option("HTTP/1.0", "", false), option("HTTP/1.1", "", false),
		option("HTTP/2", "", false), option("HTTP/3", "", false),
	).ID("versions")
}

func (namesKey) render() app.UI {
	names := make([]app.UI, len(headerNames))
	for i, n := range headerNames {
		names[i] = option(n, "", false)
	}
	return el("datalist", "", names...).ID("header-names")
}

func (r *RequestEditor) Render() app.UI {
	BootYield()
	req := r.Request
	return el("section", "panel request",
		txt("h2", "", "The request").ID("req-title"),
		el("div", "reqline",
			keep(methodKey{r, req.Method, r.otherMethod}),
			el("div", "field grow",
				label("req-url", "URL"),
				textInput("req-url", "text", req.URL).Class("mono").Attr("placeholder", "/").
					OnInput(r.edit(func(q *engine.Request, v string) { q.URL = v })),
			),
			el("div", "field version",
				label("req-version", "Version"),
				textInput("req-version", "text", req.Version).Class("mono").
					Attr("list", "versions").Attr("placeholder", "HTTP/1.1").
					OnInput(r.edit(func(q *engine.Request, v string) { q.Version = v })),
				keep(versionsKey{}),
			),
		),
		r.headerRows(req.Headers),
		r.bodyEditor(),
		keep(credsKey{r, r.Creds}),
	).Aria("labelledby", "req-title")
}

func (r *RequestEditor) change(ctx app.Context, edit func(c *engine.Case)) {
	if r.onEdit != nil {
		r.onEdit(ctx, edit)
	}
}

// edit makes an input handler that applies the input's value to the
// request.
func (r *RequestEditor) edit(set func(q *engine.Request, v string)) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		v := ctx.JSSrc().Get("value").String()
		r.change(ctx, func(c *engine.Case) { set(&c.Request, v) })
	}
}

func (r *RequestEditor) methodControl(method string) app.UI {
	shown := method
	if shown == "" {
		shown = "GET"
	}
	// The select offers the methods RFC 9110 defines; anything else is typed.
	methods := engine.Methods()
	custom := r.otherMethod || !slices.Contains(methods, shown)
	opts := make([]app.UI, 0, len(methods)+1)
	for _, m := range methods {
		opts = append(opts, option(m, m, !custom && m == shown))
	}
	opts = append(opts, option("", "Other…", custom))
	return el("div", "field method",
		label("req-method", "Method"),
		el("select", "mono", opts...).ID("req-method").OnChange(func(ctx app.Context, e app.Event) {
			v := value(ctx)
			r.otherMethod = v == ""
			if v == "" {
				return // keep the method until one is typed
			}
			r.change(ctx, func(c *engine.Case) { c.Request.Method = v })
		}),
		when(custom, func() app.UI {
			return textInput("req-method-other", "text", method).Class("mono").
				Aria("label", "Method, as typed (methods are case-sensitive)").
				Attr("placeholder", "PROPFIND").
				OnInput(r.edit(func(q *engine.Request, v string) { q.Method = v }))
		}),
	)
}

func (r *RequestEditor) headerRows(headers []engine.Header) app.UI {
	rows := make([]app.UI, len(headers))
	for i, h := range headers {
		i, n := i, strconv.Itoa(i)
		rows[i] = el("li", "hrow",
			textInput("h-name-"+n, "text", h.Name).Class("mono hname").Attr("list", "header-names").
				Aria("label", "Header "+strconv.Itoa(i+1)+" name").Attr("placeholder", "Name").
				OnInput(r.editHeader(i, func(h *engine.Header, v string) { h.Name = v })),
			textInput("h-value-"+n, "text", h.Value).Class("mono hvalue").
				Aria("label", "Header "+strconv.Itoa(i+1)+" value").Attr("placeholder", "value").
				OnInput(r.editHeader(i, func(h *engine.Header, v string) { h.Value = v })),
			txt("button", "icon remove", "×").Attr("type", "button").
				Aria("label", "Remove header "+orText(h.Name, strconv.Itoa(i+1))).
				Title("Remove").
				OnClick(func(ctx app.Context, e app.Event) {
					r.change(ctx, func(c *engine.Case) { c.Request.Headers = removeHeaderAt(c.Request.Headers, i) })
				}),
			// The playground decides without it (see Playground.decide).
			when(h.Name == "", func() app.UI {
				return txt("small", "hint hrow-hint", "Not sent until it has a name.").ID("h-hint-" + n)
			}),
		)
	}
	return el("div", "block headers",
		txt("h3", "", "Headers"),
		when(len(headers) == 0, func() app.UI { return txt("p", "muted", "No headers.") }),
		el("ul", "hrows", rows...),
		keep(namesKey{}),
		txt("button", "ghost", "+ Add a header").ID("add-header").Attr("type", "button").
			OnClick(func(ctx app.Context, e app.Event) {
				n := 0
				r.change(ctx, func(c *engine.Case) {
					c.Request.Headers = append(cloneHeaders(c.Request.Headers), engine.Header{})
					n = len(c.Request.Headers)
				})
				ctx.Defer(func(app.Context) {
					if el := app.Window().GetElementByID("h-name-" + strconv.Itoa(n-1)); el.Truthy() {
						el.Call("focus")
					}
				})
			}),
	)
}

func (r *RequestEditor) editHeader(i int, set func(h *engine.Header, v string)) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		v := ctx.JSSrc().Get("value").String()
		r.change(ctx, func(c *engine.Case) {
			if i >= len(c.Request.Headers) {
				return
			}
			c.Request.Headers = cloneHeaders(c.Request.Headers)
			set(&c.Request.Headers[i], v)
		})
	}
}

func (r *RequestEditor) bodyEditor() app.UI {
	body := r.Request.Body
	b := r.Body
	class, words := bodyBadge(b)
	ta := el("textarea", "mono").ID("req-body").Attr("rows", 6).Spellcheck(false).
		Aria("describedby", "body-state").
		Attr("placeholder", `{"email": "ada@example.com"}`).
		OnInput(r.edit(func(q *engine.Request, v string) { q.Body = v }))
	if app.IsServer {
		ta = ta.Text(body) // what the prerendered page shows
	} else {
		ta = ta.Attr("value", body)
	}
	return el("div", "block body",
		el("div", "body-head",
			label("req-body", "Body"),
			txt("span", "json-state "+class, words).ID("body-state").Aria("live", "polite"),
		),
		ta,
		when(b.Kind != engine.BodyNone && !b.Read, func() app.UI {
			return txt("p", "hint body-note", unreadBody(orText(r.Request.Method, "GET"))).ID("body-note")
		}),
	)
}

// bodyBadge says what the engine sees in the body: a CSS class (ok, bad,
// warn, none) and the words.
func bodyBadge(b engine.Body) (class, words string) {
	switch {
	case b.Kind == engine.BodyNone:
		return "none", "no body"
	case !b.Read:
		return "none", strconv.Itoa(b.Bytes) + " bytes, not read"
	case b.Kind == engine.BodyBroken:
		return "bad", "✗ JSON broken at line " + strconv.Itoa(b.Line) + ", column " + strconv.Itoa(b.Column) + ": " + b.Error
	case b.Type == "" && b.Declared:
		return "bad", "Content-Type is empty: the server cannot tell the format"
	case b.Type == "" && b.Accepted:
		return "ok", "no Content-Type: read as application/octet-stream, which this endpoint takes"
	case b.Type == "":
		return "bad", "no Content-Type: read as application/octet-stream"
	case b.Kind == engine.BodyJSON && b.Accepted:
		return "ok", "✓ valid JSON"
	case b.Kind == engine.BodyJSON:
		return "bad", "✓ valid JSON, but this endpoint does not take " + b.Type
	case b.Accepted:
		return "ok", b.Type + ": not JSON, and this endpoint takes it"
	}
	return "bad", b.Type + ": not JSON, and this endpoint does not take it"
}

// unreadBody is how servers treat a body on a method that gives it no
// meaning.
func unreadBody(method string) string {
	switch method {
	case "GET", "HEAD", "DELETE":
		sec := map[string]string{"GET": "9.3.1", "HEAD": "9.3.2", "DELETE": "9.3.5"}[method]
		return "A body on " + method + " has no defined meaning (RFC 9110 §" + sec + "): many servers and proxies ignore it, some refuse the request. The verdict ignores it too; send the data in the URL or with another method."
	case "TRACE":
		return "A client must not send a body with TRACE (RFC 9110 §9.3.8). The verdict ignores it."
	}
	return "Only POST, PUT and PATCH give a body its meaning here; the verdict ignores this one."
}

func cloneHeaders(hs []engine.Header) []engine.Header {
	return append([]engine.Header(nil), hs...)
}

func removeHeaderAt(hs []engine.Header, i int) []engine.Header {
	out := make([]engine.Header, 0, len(hs))
	for j, h := range hs {
		if j != i {
			out = append(out, h)
		}
	}
	return out
}

func orText(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
