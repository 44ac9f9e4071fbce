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

	copied bool
}

func (b *CopyButton) Render() app.UI {
	word := "Copy"
	if b.copied {
		word = "Copied"
	}
	return txt("button", "copy", word).
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
