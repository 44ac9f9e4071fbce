// Command floor is go-app v9's own floor for an edit: the four controls
// make bench's edit loop uses (cmd/whichstatus/bench_test.go's editLoop:
// #req-body, #s-unavailable, #h-value-0, #profile-*) and one line of text
// in #verdict .verdict-head that changes with them, nothing else. The loop
// run on it gives the time go-app itself takes from an input event to the
// DOM (a frame tick of its engine, 1/120 s, plus the smallest render) and
// to the paint. make bench builds it and runs the same edit loop on it in
// every turn, right after whichstatus's edits (the rows "go-app's floor
// (testdata/floor)"). Built and served like hello (testdata/hello):
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o DIR/web/app.wasm ./cmd/whichstatus/testdata/floor
//	go run ./cmd/whichstatus/testdata/floor DIR
package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

type floor struct {
	app.Compo
	body, fact, header, profile string
}

func (f *floor) Render() app.UI {
	set := func(p *string) app.EventHandler {
		return func(ctx app.Context, e app.Event) { *p = ctx.JSSrc().Get("value").String() }
	}
	m := app.Main().ID("main")
	if app.IsClient {
		m = m.DataSet("booted", "wasm")
	}
	return m.Body(
		app.Textarea().ID("req-body").Text(`{"email": "ada@example.com"}`).OnInput(set(&f.body)),
		app.Select().ID("s-unavailable").OnChange(set(&f.fact)).Body(
			app.Option().Value("").Text("up"), app.Option().Value("maintenance").Text("maintenance")),
		app.Input().ID("h-value-0").Value("application/json").OnInput(set(&f.header)),
		app.Input().Type("radio").Name("p").ID("profile-rfc9110").Value("rfc9110").OnChange(set(&f.profile)),
		app.Input().Type("radio").Name("p").ID("profile-drf").Value("drf").OnChange(set(&f.profile)),
		app.Section().ID("verdict").Body(app.Div().Class("verdict-head").Text(f.body+"|"+f.fact+"|"+f.header+"|"+f.profile)),
		app.Ol().ID("trace").Body(app.Li().Text("x")),
	)
}

func main() {
	app.Route("/", &floor{})
	app.Route("/scenarios/duplicate-email", &floor{})
	app.RunWhenOnBrowser()
	generate()
}
