package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// go-app links every method of each element type a program names
// (app.Input alone has about 150), and app.wasm has a size budget: the UI
// builds all its elements from go-app's two generic element types, through
// these helpers.

// el is an element with a class (none if "") and children.
func el(tag, class string, kids ...app.UI) app.HTMLElem {
	e := app.Elem(tag)
	if class != "" {
		// Not Class(""): that makes the element a map of attributes all
		// the same, which every render builds and compares.
		e = e.Class(class)
	}
	if len(kids) > 0 {
		e = e.Body(kids...)
	}
	return e
}

// txt is an element holding only text, rendered as text.
func txt(tag, class, text string) app.HTMLElem {
	return el(tag, class).Text(text)
}

// void is an element without children, such as input.
func void(tag string) app.HTMLElemSelfClosing { return app.ElemSelfClosing(tag) }

// link is an internal link; give it a path made with Href.
func link(href, class, text string) app.HTMLElem {
	return el("a", class).Attr("href", href).Text(text)
}

// extLink opens a page of another site in a new tab.
func extLink(href, text string) app.HTMLElem {
	return app.Elem("a").Attr("href", href).Attr("target", "_blank").Attr("rel", "noopener").Text(text)
}

// label is a control's label.
func label(forID, text string) app.HTMLElem {
	return app.Elem("label").Attr("for", forID).Text(text)
}

// textInput is an input of a type, with its value.
func textInput(id, typ, value string) app.HTMLElemSelfClosing {
	return app.ElemSelfClosing("input").ID(id).Attr("type", typ).Attr("value", value).
		Attr("autocomplete", "off").Spellcheck(false)
}

// option is one choice of a select; see checked about false.
func option(value, text string, selected bool) app.HTMLElem {
	o := app.Elem("option").Attr("value", value).Text(text)
	if selected || app.IsClient {
		o = o.Attr("selected", selected)
	}
	return o
}

// value is the value of the element an event came from.
func value(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }

// when renders f's element only if cond holds; unlike app.If it does not
// build the element otherwise, so f may dereference what cond checks.
func when(cond bool, f func() app.UI) app.UI {
	if !cond {
		return nil
	}
	return f()
}

// checked sets a checkbox's or radio's state. The client sets the property
// either way. The prerendered HTML must leave out a false one: go-app
// writes checked="false", which HTML reads as checked.
func checked(e app.HTMLElemSelfClosing, on bool) app.HTMLElemSelfClosing {
	if on || app.IsClient {
		return e.Attr("checked", on)
	}
	return e
}

// attrs sets attributes from name, value pairs. One call for several keeps
// app.wasm small: each chained builder call is an interface call.
func attrs(e app.HTMLElem, kv ...string) app.HTMLElem {
	for i := 0; i+1 < len(kv); i += 2 {
		e = e.Attr(kv[i], kv[i+1])
	}
	return e
}

// button is a button that runs h (not a form's submit button).
func button(id, class, text string, h app.EventHandler) app.HTMLElem {
	return attrs(txt("button", class, text), "id", id, "type", "button").OnClick(h)
}
