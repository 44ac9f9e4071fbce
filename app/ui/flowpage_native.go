//go:build !wasm

package ui

import (
	"strconv"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// flowStatic is a part of /flow that is the same on every visit, as HTML:
// made here, natively, into the prerendered page, and kept from there by
// the client (flow_wasm.go), so that its code is not in app.wasm. Each
// part is one element, with data-flow-part, ending in a marker comment the
// client finds it by in a fetched page.
func flowStatic(part string) (string, bool) {
	html, ok := flowParts()[part]
	return html, ok
}

var flowParts = sync.OnceValue(func() map[string]string {
	lists := []app.UI{txt("h2", "", "The same flow, as a list")}
	for _, p := range engine.Profiles {
		lists = append(lists, flowList(p))
	}
	return map[string]string{
		flowNotes: flowPart(flowNotes, flowDifferences(), flowLegend()),
		flowLists: flowPart(flowLists, lists...),
	}
})

// flowPart writes the part's own tag: go-app orders attributes as it
// likes, and the client looks for this one as it is written here.
func flowPart(name string, kids ...app.UI) string {
	var b strings.Builder
	b.WriteString(flowPartStart(name))
	for _, k := range kids {
		b.WriteString(app.HTMLString(k))
	}
	b.WriteString("<!--" + flowPartEnd(name) + "--></div>")
	return b.String()
}

// flowDifferences says where the profiles part; the ≠ marks in the
// diagrams show the same places.
func flowDifferences() app.UI {
	return el("section", "panel flow-diff",
		txt("h2", "", "Where the profiles differ"),
		el("ul", "",
			txt("li", "", "DRF runs content negotiation, authentication, the view's permissions (has_permission) and throttling before it looks at the method: APIView.initial runs before the handler. This playground's RFC 9110 profile checks the method first, then the rate limit, then who is asking. RFC 9110 itself sets no order for these checks."),
			txt("li", "", "Object permissions (has_object_permission) run later, inside get_object(), once the object has been found: a missing object is 404 first. The DRF profile's permission question is the view's."),
			txt("li", "", "Where well-formed content breaks a rule, the RFC 9110 profile answers 422 Unprocessable Content (§15.5.21; 400 is allowed too). DRF answers every validation error with 400."),
			txt("li", "", "DRF looks the object up before it parses the body. It sends 401 only when its first authenticator has a challenge: with SessionAuthentication first, an anonymous request gets 403. Its generic views never create on PUT (since DRF 3.0)."),
			txt("li", "", "DRF also answers 405 for a method its view does not have (the RFC 9110 profile: 501 for a method the server implements nowhere), describes OPTIONS in a 200 body, answers a failed token login with 400, and never sends 102."),
		),
		txt("p", "hint", "≠ marks a question the other profile asks elsewhere or not at all, and an answer that ends at another code there."),
	)
}

func flowLegend() app.UI {
	item := func(class, text string) app.UI {
		return el("li", "", txt("span", "swatch "+class, ""), app.Text(text))
	}
	return el("section", "panel flow-legend",
		txt("h2", "", "Reading it"),
		el("ul", "",
			item("sw-q", "a question; the next one is below it, along yes or no"),
			item("sw-jump", "an answer that skips ahead, in the lanes on the left"),
			item("k2", "a code the flow can end at, coloured by class"),
		),
		el("p", "hint",
			app.Text("The diagrams as files: "),
			attrs(link(Href("/web/"+flowFile(engine.RFC9110)), "", "RFC 9110"), "download", ""),
			app.Text(", "),
			attrs(link(Href("/web/"+flowFile(engine.DRF)), "", "Django REST Framework"), "download", ""),
			app.Text(" (SVG)."),
		),
	)
}

// flowList is a flow in words, by stage: the text alternative to the
// diagram, and each question's way to its guide text.
func flowList(p engine.Profile) app.UI {
	g, _ := engine.FlowGraph(p)
	num := map[string]int{}
	for i, n := range g.Nodes {
		num[n.ID] = i + 1
	}
	// An answer leads to a question by its number in the list, or to a code.
	to := func(t string) string {
		if c := engine.Code(t); c > 0 {
			return t + " " + reasonOf(c)
		}
		return "question " + strconv.Itoa(num[t])
	}
	var groups, items []app.UI
	first := 1
	flush := func(stage string) {
		groups = append(groups, el("li", "flow-stage",
			txt("h3", "", stageTitle(stage)),
			el("ol", "", items...).Attr("start", first),
		))
		items = nil
	}
	for i, n := range g.Nodes {
		if i > 0 && g.Nodes[i-1].Stage != n.Stage {
			flush(g.Nodes[i-1].Stage)
			first = i + 1
		}
		items = append(items, el("li", "",
			link(guideHref(n.Guide), "", flowQuestion(n.Question)),
			el("span", "flow-to",
				txt("span", "a a-yes", "yes"), app.Text(" → "+to(n.Yes)+"; "),
				txt("span", "a a-no", "no"), app.Text(" → "+to(n.No)+" · "),
				extLink(n.Link, n.Ref),
			),
		).ID("q-"+string(p)+"-"+n.ID))
	}
	if len(items) > 0 {
		flush(g.Nodes[len(g.Nodes)-1].Stage)
	}
	return el("section", "flow-list",
		txt("h3", "flow-list-title", p.Title()),
		el("ol", "flow-stages", groups...),
	).DataSet("profile", string(p))
}

// flowQuestion is a question of the whole flow, for any method.
func flowQuestion(q string) string { return strings.ReplaceAll(q, "{method}", "‹method›") }

func stageTitle(s string) string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
