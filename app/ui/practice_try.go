package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/practice"
)

// tryFirst is "try it first" on a scenario's page: the verdict, the
// expected answer, the class and the picker's codes stay hidden until the
// learner guesses the code or asks to see it. It lasts while the learner
// moves from scenario to scenario, until "show".
type tryFirst struct {
	on    bool
	typed string
	guess int // the last guess, shown above the verdict; 0 for none
}

// tryOffer is the "try it first" button, on the line of the expected
// answer (its own line would push the verdict's notes down).
func tryOffer(p *Playground) app.UI {
	return attrs(button("try-first", "ghost", "Try it first", func(ctx app.Context, e app.Event) { p.try = tryFirst{on: true} }),
		"title", "Hide the answer until you have made your guess")
}

// tryIntro asks for the guess while trying first.
func (p *Playground) tryIntro() app.UI {
	if !p.try.on {
		return nil
	}
	return el("form", "try-box type-code",
		label("try-code", "Your guess: which code will the engine give?"),
		attrs2(textInput("try-code", "text", p.try.typed), "inputmode", "numeric", "maxlength", "3").
			OnInput(func(ctx app.Context, e app.Event) { p.try.typed = value(ctx) }),
		attrs(txt("button", "primary", "Check"), "type", "submit", "id", "try-check"),
		button("try-show", "ghost", "Show the answer", func(ctx app.Context, e app.Event) { p.try = tryFirst{} }),
	).OnSubmit(func(ctx app.Context, e app.Event) {
		e.PreventDefault()
		if validCode(p.try.typed) {
			n, _ := strconv.Atoi(strings.TrimSpace(p.try.typed))
			p.try = tryFirst{guess: n}
		}
	})
}

// tryResult says how the guess went, above the verdict.
func (p *Playground) tryResult() app.UI {
	g := p.try.guess
	if p.try.on || g == 0 {
		return nil
	}
	if g == p.d.Code {
		return txt("p", "notice try-right", "Right: "+strconv.Itoa(g)+" is the engine's answer.").ID("try-result")
	}
	q := &practice.Question{ID: p.sc.ID, Scenario: p.sc.ID, Case: p.c}
	return el("div", "reveal wrong", txt("p", "reveal-title", "You guessed "+strconv.Itoa(g)+"; the engine answers "+strconv.Itoa(p.d.Code)+"."),
		whyNot(practice.Explain(q, p.d, g))).ID("try-result")
}
