package ui

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/scenario"
	"whichstatus/app/share"
)

// savedKey is where the saved cases live in localStorage: a JSON list of
// savedCase, newest first. Resetting removes this key only: the other
// thing of ours stored there, the verdict's choice of ecosystems
// (ecosystemsKey), stays.
const savedKey = "whichstatus.saved"

// savedCase is one saved case. The case is a share token: compact, and
// checked by share.Decode when it is opened again.
type savedCase struct {
	Name string `json:"name"`
	Path string `json:"path"` // the page it was saved on: "/" or "/scenarios/<id>"
	Case string `json:"case"`
	Code int    `json:"code"` // the answer when it was saved, for the list
}

// saved is the state of the saved cases dialog, part of the Playground.
type saved struct {
	list   []savedCase
	broken bool   // what is stored could not be read: report it, and write nothing over it
	name   string // the name typed
	msg    string // what the last action did
}

// storage calls localStorage's method, or returns "" and false when the
// browser refuses (storage turned off, full, or not allowed in a frame):
// it throws, which would otherwise be a panic.
func storage(method string, args ...any) (v string, ok bool) {
	defer func() {
		if recover() != nil {
			v, ok = "", false
		}
	}()
	r := app.Window().Get("localStorage").Call(method, args...)
	if r.Truthy() { // getItem: null when there is nothing
		v = r.String()
	}
	return v, true
}

// readSaved reads the list when the dialog opens.
func (p *Playground) readSaved() {
	s := &p.saved
	s.list, s.broken, s.msg, s.name = nil, false, "", orText(p.sc.Title, "My case")
	data, ok := storage("getItem", savedKey)
	if !ok || data != "" && json.Unmarshal([]byte(data), &s.list) != nil {
		s.list, s.broken = nil, true
	}
}

func (p *Playground) writeSaved(list []savedCase, done string) {
	b, _ := json.Marshal(list)
	if _, ok := storage("setItem", savedKey, string(b)); !ok {
		p.saved.msg = "This browser would not store it: its storage may be full or turned off."
		return
	}
	p.saved.list, p.saved.msg = list, done
}

func (p *Playground) saveCase(ctx app.Context, e app.Event) {
	e.PreventDefault() // a form: Enter saves too
	name := strings.TrimSpace(p.saved.name)
	if name == "" {
		name = orText(p.sc.Title, "My case")
	}
	tok := share.Encode(p.c)
	if !share.Fits(tok) { // it would not open again: share.Decode refuses it
		p.saved.msg = "This case is too big to keep here. Save it to a file instead, from the Share link dialog."
		return
	}
	list := []savedCase{{Name: name, Path: p.pagePath(), Case: tok, Code: p.d.Code}}
	for _, c := range p.saved.list {
		if c.Name != name { // the same name replaces the old case
			list = append(list, c)
		}
	}
	p.writeSaved(list, "Saved as “"+name+"”.")
}

func (p *Playground) savedCases() app.UI {
	s := &p.saved
	if s.broken {
		return el("div", "saved",
			notice("saved-error", "Your saved cases could not be read.",
				"What this browser holds for them is damaged (or it will not let the page read it). Reset them to start a new list; nothing else is touched."),
			button("saved-reset", "", "Reset saved cases", func(ctx app.Context, e app.Event) {
				storage("removeItem", savedKey)
				s.broken = false
				p.writeSaved(nil, "The saved cases were reset.")
			}),
		)
	}
	items := make([]app.UI, len(s.list))
	for i, c := range s.list {
		items[i] = p.savedItem(i, c)
	}
	if len(items) == 0 {
		items = []app.UI{txt("li", "muted", "No saved cases yet.")}
	}
	return el("div", "saved",
		el("form", "save-form",
			label("save-name", "Save this case as"),
			el("div", "copy-row",
				textInput("save-name", "text", s.name).Attr("maxlength", 80).Attr("autofocus", true).
					OnInput(func(ctx app.Context, e app.Event) { s.name = value(ctx) }),
				attrs(txt("button", "", "Save"), "id", "save-case", "type", "submit"),
			),
		).OnSubmit(p.saveCase),
		attrs(txt("p", "hint", orText(s.msg, "Saved in this browser only. Saving under a name already used replaces that case.")),
			"id", "saved-msg", "role", "status"),
		txt("h3", "", "In this browser"),
		el("ul", "saved-list", items...).ID("saved-list"),
	)
}

func (p *Playground) savedItem(i int, c savedCase) app.UI {
	n, name := strconv.Itoa(i), orText(c.Name, "Untitled")
	_, err := share.Decode(c.Case)
	var what, open app.UI
	if err != nil {
		what = txt("span", "muted", "damaged: it cannot be opened")
	} else {
		what = codeChip(c.Code, reasonOf(c.Code))
		open = attrs(button("saved-open-"+n, "ghost", "Open", func(ctx app.Context, e app.Event) { ctx.Navigate(savedHref(c)) }),
			"aria-label", "Open "+name)
	}
	return el("li", "saved-item",
		el("div", "saved-what", what, txt("span", "saved-name", name)),
		el("div", "saved-buttons",
			open,
			attrs(button("saved-del-"+n, "ghost", "Delete", func(ctx app.Context, e app.Event) {
				list := append(append([]savedCase(nil), p.saved.list[:i]...), p.saved.list[i+1:]...)
				p.writeSaved(list, "Deleted “"+name+"”.")
			}), "aria-label", "Delete "+name),
		),
	)
}

// savedHref opens a saved case: its page, if that still exists, with the
// case as a share link.
func savedHref(c savedCase) string {
	path := "/"
	if id, ok := strings.CutPrefix(c.Path, "/scenarios/"); ok {
		if _, ok := scenario.ByID(id); ok {
			path = c.Path
		}
	}
	return Href(path) + "?case=" + strings.TrimSpace(c.Case)
}
