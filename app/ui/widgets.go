package ui

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/status"
)

// classOf is the class digit of a code, 0 for anything outside 100–599.
func classOf(code int) int {
	if code < 100 || code > 599 {
		return 0
	}
	return code / 100
}

// classClass is the CSS class that colours a code by its class.
func classClass(code int) string { return "k" + strconv.Itoa(classOf(code)) }

// classBadge names a code's class in words beside its colour, so that the
// colour is never the only signal: "4xx · Client error".
func classBadge(code int) app.UI {
	c := classOf(code)
	return txt("span", "badge "+classClass(code), strconv.Itoa(c)+"xx · "+status.ClassName(c))
}

// codeChip is a small "409 Conflict" pill in the class colour.
func codeChip(code int, text string) app.UI {
	return el("span", "chip "+classClass(code),
		txt("strong", "", strconv.Itoa(code)),
		app.Text(" "+text),
	)
}

// CopyButton copies Text to the clipboard and says so for a moment.
type CopyButton struct {
	app.Compo

	Text  string // what to copy
	Label string // what it is, for screen readers: "the DRF constant …"
	Word  string // the button's word, "Copy" if ""
	ID    string // the button's id, if it needs one

	copied bool
}

func (b *CopyButton) Render() app.UI {
	word := orText(b.Word, "Copy")
	if b.copied {
		word = "Copied"
	}
	btn := txt("button", "copy", word)
	if b.ID != "" {
		btn = btn.ID(b.ID)
	}
	return btn.
		Attr("type", "button").
		Title("Copy "+b.Text).
		Aria("label", word+" "+b.Label).
		OnClick(b.copy)
}

// ignore swallows a rejected promise; made once, never released.
var ignore app.Func

func (b *CopyButton) copy(ctx app.Context, e app.Event) {
	if clip := app.Window().Get("navigator").Get("clipboard"); clip.Truthy() {
		// The promise may reject (no focus, no permission); the button
		// still shows the text, which can be selected by hand.
		if ignore == nil {
			ignore = app.FuncOf(func(app.Value, []app.Value) any { return nil })
		}
		clip.Call("writeText", b.Text).Call("catch", ignore)
	}
	b.copied = true
	ctx.After(1500*time.Millisecond, func(ctx app.Context) {
		b.copied = false
		b.Update()
	})
}

// constant shows a name to type with its copy button, or says there is none.
func constant(lang, name string) app.UI {
	if name == "" {
		return el("div", "const", txt("span", "const-lang", lang), txt("span", "muted", "no constant"))
	}
	return el("div", "const",
		txt("span", "const-lang", lang),
		txt("code", "", name),
		&CopyButton{Text: name, Label: "the " + lang + " constant " + name},
	)
}

// modal is a dialog box, shown with showModal by openModal: the page
// behind it is inert, Escape, the close button and a click beside it close
// it, and focus returns to where it was. onClose hears every way it closes.
func modal(id, title string, onClose app.EventHandler, body ...app.UI) app.UI {
	return attrs(el("dialog", "modal",
		el("div", "modal-head",
			txt("h2", "", title).ID(id+"-title"),
			attrs(button(id+"-close", "icon close", "×", func(ctx app.Context, e app.Event) { closeModal(id) }), "aria-label", "Close"),
		),
		el("div", "modal-body", body...),
	), "id", id, "aria-labelledby", id+"-title").
		OnClick(func(ctx app.Context, e app.Event) {
			if e.Get("target").Equal(ctx.JSSrc()) { // the backdrop
				closeModal(id)
			}
		}).
		On("close", onClose)
}

// openModal shows a modal once it is rendered.
func openModal(ctx app.Context, id string) {
	ctx.Defer(func(app.Context) {
		if d := app.Window().GetElementByID(id); d.Truthy() && !d.Get("open").Bool() {
			d.Call("showModal")
		}
	})
}

func closeModal(id string) {
	if d := app.Window().GetElementByID(id); d.Truthy() {
		d.Call("close")
	}
}
