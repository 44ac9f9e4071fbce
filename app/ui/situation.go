package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// SituationEditor edits what the server knows and the request cannot show,
// in the case format's five groups. Every control shows its default.
type SituationEditor struct {
	app.Compo

	Situation engine.Situation // what to show

	// onEdit is the owner's, as RequestEditor's onEdit. It is unexported
	// because go-app compares a component's exported fields to decide
	// whether to render it again, and two funcs never compare equal: an
	// edit of the request alone would render every fact again.
	onEdit func(ctx app.Context, edit func(c *engine.Case))

	// raw keeps list fields as typed ("GET, PO"), so that normalising the
	// list does not fight the person typing it.
	raw map[string]string

	// filled: in the browser the groups' facts (about 170 elements, in
	// closed groups) are built once the first render has been painted
	// (afterPaint), so that the app's start, which the page waits on, does
	// not build them.
	filled bool
}

func (e *SituationEditor) OnMount(ctx app.Context) {
	if !e.filled {
		afterPaint(ctx, func(app.Context) { e.filled = true })
	}
}

func (e *SituationEditor) Render() app.UI {
	BootYield()
	sections := make([]app.UI, len(groups))
	for i := range groups {
		sections[i] = &factGroup{G: &groups[i], Values: e.values(&groups[i]), Filled: e.filled || !app.IsClient, ed: e}
	}
	return el("section", "panel situation",
		txt("h2", "", "The situation").ID("sit-title"),
		txt("p", "hint", "What the server knows and the request cannot show. Everything starts at its default: a healthy server and a resource that exists."),
		el("div", "groups", sections...),
	).Aria("labelledby", "sit-title")
}

// changed lists the facts of a group that differ from their defaults.
func changed(g group, s *engine.Situation) []string {
	var out []string
	for _, f := range g.facts {
		v := f.get(s)
		if v == "" {
			continue
		}
		switch f.kind {
		case check:
			out = append(out, strings.ToLower(f.label[:1])+f.label[1:])
		case choice:
			out = append(out, optionLabel(f, v))
		default:
			out = append(out, strings.ToLower(f.label[:1])+f.label[1:]+": "+v)
		}
	}
	return out
}

func optionLabel(f fact, v string) string {
	for _, o := range f.options {
		if o.value == v {
			return o.label
		}
	}
	return v
}

// values are what a group shows: its facts' values, and what was typed in
// its lists.
func (e *SituationEditor) values(g *group) []string {
	s := &e.Situation
	out := make([]string, 0, len(g.facts))
	for _, f := range g.facts {
		out = append(out, f.get(s))
		if raw, ok := e.raw[f.id]; ok && f.kind == list {
			out = append(out, raw)
		}
	}
	return out
}

// factGroup is one group of facts: a component of its own, so that an
// edit renders again only the group whose values it changed (go-app
// compares the exported fields), not all five groups' 170 elements.
type factGroup struct {
	app.Compo

	G      *group   // the group (one of groups: the same pointer each time)
	Values []string // what it shows (SituationEditor.values)
	Filled bool     // its controls are built (SituationEditor.filled)

	ed *SituationEditor // the editor it belongs to, for the case and its edits
}

func (g *factGroup) Render() app.UI {
	BootYield()
	s := g.ed.Situation
	return g.ed.group(*g.G, &s, g.Filled)
}

func (e *SituationEditor) group(g group, s *engine.Situation, filled bool) app.UI {
	summary := "all defaults"
	if c := changed(g, s); len(c) > 0 {
		summary = strings.Join(c, " · ")
	}
	var controls []app.UI
	if filled {
		controls = make([]app.UI, len(g.facts))
		for i, f := range g.facts {
			controls[i] = e.control(f, s)
		}
	}
	return el("details", "group",
		el("summary", "",
			txt("span", "group-title", g.title),
			txt("span", "group-sum", summary),
		),
		txt("p", "hint", g.about),
		el("div", "facts", controls...),
	).ID("g-" + g.id)
}

func (e *SituationEditor) apply(ctx app.Context, f fact, v string) {
	if e.onEdit != nil {
		e.onEdit(ctx, func(c *engine.Case) { f.set(&c.Situation, v) })
	}
}

func (e *SituationEditor) control(f fact, s *engine.Situation) app.UI {
	id := "s-" + f.id
	v := f.get(s)
	hint := f.hint
	if f.def != "" {
		hint = strings.TrimSpace("Default: " + f.def + ". " + hint)
	}
	var describe app.UI
	if hint != "" {
		describe = txt("small", "hint", hint).ID(id + "-hint")
	}
	switch f.kind {
	case check:
		return el("div", "fact check",
			checked(void("input").ID(id).Attr("type", "checkbox"), v != "").
				OnChange(func(ctx app.Context, ev app.Event) {
					e.apply(ctx, f, boolStr(ctx.JSSrc().Get("checked").Bool()))
				}),
			label(id, f.label),
		)
	case choice:
		opts := make([]app.UI, len(f.options))
		for i, o := range f.options {
			opts[i] = option(o.value, o.label, o.value == v)
		}
		return el("div", "fact",
			label(id, f.label),
			el("select", "", opts...).ID(id).OnChange(func(ctx app.Context, ev app.Event) {
				e.apply(ctx, f, value(ctx))
			}),
		)
	}
	shown := v
	if raw, ok := e.raw[f.id]; ok && f.kind == list && joinList(splitList(raw)) == v {
		shown = raw
	}
	in := textInput(id, "text", shown).Attr("placeholder", f.def)
	if describe != nil {
		in = in.Aria("describedby", id+"-hint")
	}
	switch f.kind {
	case number:
		in = in.Attr("type", "number").Attr("min", 0).Attr("inputmode", "numeric")
	case list:
		in = in.Class("mono")
	}
	in = in.OnInput(func(ctx app.Context, ev app.Event) {
		v := value(ctx)
		if f.kind == list {
			if e.raw == nil {
				e.raw = map[string]string{}
			}
			e.raw[f.id] = v
		}
		e.apply(ctx, f, v)
	})
	return el("div", "fact", label(id, f.label), in, describe)
}
