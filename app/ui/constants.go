package ui

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/status"
)

// ecosystemsKey is where the learner's choice of ecosystems lives in
// localStorage: a JSON list of keys ("drf", "go", …). Chosen once, it holds
// for every verdict on this device.
const ecosystemsKey = "whichstatus.ecosystems"

// defaultEcosystems are shown until the learner picks others.
var defaultEcosystems = []string{"drf", "go"}

// constantsBox is the verdict's "Constants to type": the names of the code
// in the ecosystems the learner picked, each with a copy button, and where
// an ecosystem has no name, what to write instead.
type constantsBox struct {
	app.Compo

	Code  int
	Names status.Names

	picked []string // keys, in the order of status.Ecosystems
	msg    string   // what went wrong saving the choice, if anything

	// filled: in the browser the closed "Choose ecosystems" list (about 30
	// elements) is built once the first render has been painted.
	filled bool
}

func (b *constantsBox) OnMount(ctx app.Context) {
	b.picked = readEcosystems()
	if !b.filled {
		afterPaint(ctx, func(app.Context) { b.filled = true })
	}
}

// readEcosystems is the stored choice, or the default when there is none
// or it cannot be read. Unknown keys are dropped.
func readEcosystems() []string {
	data, ok := storage("getItem", ecosystemsKey)
	var keys []string
	if !ok || data == "" || json.Unmarshal([]byte(data), &keys) != nil {
		return defaultEcosystems
	}
	var out []string
	for _, e := range status.Ecosystems {
		if slices.Contains(keys, e.Key) {
			out = append(out, e.Key)
		}
	}
	return out
}

func (b *constantsBox) toggle(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		on := ctx.JSSrc().Get("checked").Bool()
		var out []string
		for _, eco := range status.Ecosystems {
			if eco.Key == key && on || eco.Key != key && slices.Contains(b.current(), eco.Key) {
				out = append(out, eco.Key)
			}
		}
		b.picked, b.msg = out, ""
		data, _ := json.Marshal(out)
		if _, ok := storage("setItem", ecosystemsKey, string(data)); !ok {
			b.msg = "This browser does not let the page store your choice: it holds until you leave the page."
		}
	}
}

// current is the choice: the prerendered page, before the client has read
// the storage, shows the default.
func (b *constantsBox) current() []string {
	if b.picked == nil {
		return defaultEcosystems
	}
	return b.picked
}

func (b *constantsBox) Render() app.UI {
	BootYield()
	if b.Code == 0 {
		return el("div", "block constants", txt("h3", "", "Constants to type"), txt("p", "muted", "No answer yet."))
	}
	picked := b.current()
	names := b.Names.List()
	var rows []app.UI
	for i, e := range status.Ecosystems {
		if slices.Contains(picked, e.Key) {
			rows = append(rows, nameRow(e, names[i]))
		}
	}
	return el("div", "block constants",
		txt("h3", "", "Constants to type"),
		when(len(rows) == 0, func() app.UI {
			return txt("p", "muted", "Pick an ecosystem below to see what to type in it.")
		}),
		el("ul", "const-list", rows...),
		el("details", "eco-pick",
			txt("summary", "", "Choose ecosystems ("+strconv.Itoa(len(rows))+" of "+strconv.Itoa(len(status.Ecosystems))+")"),
			// The choice does not follow the code: a still.
			keep(ecoKey{b, picked, b.filled || !app.IsClient}),
			txt("p", "muted small", "Your choice is kept on this device."),
		),
		when(b.msg != "", func() app.UI { return txt("p", "warn-text", b.msg) }),
	)
}

// ecoKey is the choice of ecosystems, and whether its boxes are built.
type ecoKey struct {
	b      *constantsBox // for its handlers
	picked []string
	filled bool
}

// render is a checkbox for each ecosystem, the picked ones checked.
func (k ecoKey) render() app.UI {
	b := k.b
	var boxes []app.UI
	if k.filled {
		boxes = make([]app.UI, len(status.Ecosystems))
		for i, e := range status.Ecosystems {
			boxes[i] = el("label", "eco-choice",
				checked(void("input").ID("eco-"+e.Key).Attr("type", "checkbox"), slices.Contains(k.picked, e.Key)).OnChange(b.toggle(e.Key)),
				txt("span", "", e.Title),
			)
		}
	}
	return el("fieldset", "eco-choices",
		txt("legend", "", "Show the names for"),
		el("div", "eco-grid", boxes...),
	)
}

// nameRow is one ecosystem's name for the code: the constant, or what to
// write instead, with the source's caveat beneath.
func nameRow(e status.Ecosystem, n status.Name) app.UI {
	typed := n.Type()
	return el("li", "const-row",
		el("div", "const",
			txt("span", "const-lang", e.Short),
			txt("code", "", typed),
			when(n.Name == "", func() app.UI { return txt("span", "tag", "no name") }),
			&CopyButton{Text: typed, Label: "the " + e.Short + " name " + typed},
		),
		when(n.Note != "", func() app.UI { return txt("p", "const-note", n.Note) }),
	).Attr("data-eco", e.Key)
}
