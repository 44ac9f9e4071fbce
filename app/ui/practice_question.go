package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/practice"
	"whichstatus/app/status"
)

// questionView shows a question without its answer: the situation in
// words, the request as it travels, and what the server knows.
func (p *Practice) questionView(q *practice.Question) app.UI {
	return el("div", "q-body",
		el("p", "eyebrow",
			app.Text(p.set.Title+" · question "+strconv.Itoa(p.at+1)+" of "+strconv.Itoa(len(p.queue))),
		),
		txt("h2", "", "Which status code should this request get?").ID("question-title").TabIndex(-1),
		txt("p", "q-prompt", q.Prompt).ID("q-prompt"),
		when(q.Change != "", func() app.UI {
			return el("p", "q-change", txt("strong", "", "Same request, except: "), app.Text(q.Change))
		}),
		txt("p", "q-profile", practice.ProfileLine(q, p.d)).ID("q-profile"),
		txt("h3", "", "The request (the headers that matter)"),
		txt("pre", "request-text", requestText(q.Case.Request)).ID("q-request"),
		knownFacts(&q.Case.Situation, practice.Deciding(p.d)),
	)
}

// knownFacts lists the facts of the situation that are not the defaults,
// as the playground's editor names them, without a code in the label;
// and the fact the deciding step read, even at its default ("Hides what
// exists: no"), since the answer turns on it.
func knownFacts(s *engine.Situation, deciding engine.Step) app.UI {
	var items []app.UI
	read := deciding.Input
	for _, g := range groups {
		for _, f := range g.facts {
			v := f.get(s)
			if v == "" {
				if !strings.Contains(read, f.path+":") {
					continue
				}
				switch f.kind {
				case check:
					v = "no"
				case choice:
					v = optionLabel(f, "")
				default:
					v = f.def
				}
				if v == "" {
					continue
				}
			} else {
				switch f.kind {
				case check:
					v = "yes"
				case choice:
					v = optionLabel(f, v)
				}
			}
			items = append(items, el("li", "", txt("span", "fact-name", noCodes(f.label)+": "), txt("span", "fact-value", v)))
		}
	}
	if len(items) == 0 {
		return txt("p", "muted", "The server knows nothing unusual: it is healthy and the resource exists.")
	}
	return el("div", "",
		txt("h3", "", "What the server knows"),
		el("ul", "q-facts", items...),
	)
}

// noCodes drops a bracketed aside that names codes, as in "Hides what
// exists (404 rather than 403)": in practice a label must not hint.
func noCodes(label string) string {
	if i := strings.Index(label, " ("); i > 0 && strings.ContainsAny(label[i:], "12345") {
		return label[:i]
	}
	return label
}

// answerPad is how the learner commits: four choices on the easy level,
// else the palette of codes by class, or the number typed.
func (p *Practice) answerPad() app.UI {
	var pad app.UI
	if p.easy {
		cs := practice.Choices(p.queue[p.at], p.d)
		items := make([]app.UI, len(cs))
		for i, c := range cs {
			items[i] = p.codeButton(c, true)
		}
		pad = el("div", "choices", items...)
	} else {
		pad = p.palette()
	}
	mode := "Show four choices"
	if p.easy {
		mode = "Show every code"
	}
	return el("div", "answer-pad",
		txt("h3", "", "Your answer"),
		pad,
		el("form", "type-code",
			label("typed-code", "Or type the code"),
			attrs2(textInput("typed-code", "text", p.typed), "inputmode", "numeric", "maxlength", "3", "pattern", "[1-5][0-9][0-9]").
				OnInput(func(ctx app.Context, e app.Event) { p.typed = value(ctx) }),
			attrs(txt("button", "primary", "Check"), "type", "submit", "id", "check-typed"),
		).OnSubmit(p.submitTyped),
		when(p.typed != "" && !validCode(p.typed), func() app.UI {
			return txt("p", "muted", "A status code is three digits, from 100 to 599.").ID("typed-hint")
		}),
		button("pad-mode", "ghost", mode, func(ctx app.Context, e app.Event) { p.easy = !p.easy }),
	)
}

func validCode(s string) bool {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return err == nil && n >= 100 && n <= 599
}

func (p *Practice) submitTyped(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if validCode(p.typed) {
		n, _ := strconv.Atoi(strings.TrimSpace(p.typed))
		p.choose(ctx, n)
	}
}

// palette is every code that may be given as advice, grouped by class.
func (p *Practice) palette() app.UI {
	var groups []app.UI
	var row []app.UI
	last := 0
	flush := func() {
		if len(row) > 0 {
			groups = append(groups, el("div", "pal-group", txt("h4", "", classTitle(last)), el("div", "pal-row", row...)))
		}
		row = nil
	}
	for _, c := range status.All() {
		if !c.Recommendable() {
			continue
		}
		if c.Class() != last {
			flush()
			last = c.Class()
		}
		row = append(row, p.codeButton(c.Code, false))
	}
	flush()
	return el("div", "palette", groups...)
}

// codeButton commits to a code; wide ones show the reason phrase too.
func (p *Practice) codeButton(code int, wide bool) app.UI {
	phrase, num := reasonOf(code), strconv.Itoa(code)
	var b app.HTMLElem
	if wide {
		b = el("button", "code-btn wide "+classClass(code), txt("strong", "", num), txt("span", "", " "+phrase))
	} else {
		b = el("button", "code-btn "+classClass(code), txt("strong", "", num)).Aria("label", num+" "+phrase)
	}
	return attrs(b, "type", "button", "id", "pick-"+num, "title", phrase).OnClick(func(ctx app.Context, e app.Event) { p.choose(ctx, code) })
}

// attrs2 is attrs for an element without children.
func attrs2(e app.HTMLElemSelfClosing, kv ...string) app.HTMLElemSelfClosing {
	for i := 0; i+1 < len(kv); i += 2 {
		e = e.Attr(kv[i], kv[i+1])
	}
	return e
}
