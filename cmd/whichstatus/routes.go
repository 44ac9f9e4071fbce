// Command whichstatus is the playground that answers "which HTTP status code
// should this request get, and why?".
//
// One program, two builds. Compiled to WebAssembly (GOOS=js GOARCH=wasm) it
// is the client: the routes below and app.RunWhenOnBrowser, nothing else, so
// that net/http and the server stay out of app.wasm. Compiled natively it
// serves the app (serve, the default), writes it as a static site (build),
// and answers on the command line (decide, scenarios); that code lives in
// files tagged !wasm.
package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/scenario"
	"whichstatus/app/ui"
)

// routes is the route table both builds share: it gives each path and its
// component to add (app.Route, or a list of the pages for the service
// worker: see sitePaths). go-app's static generator writes one HTML file
// per exact route, so every scenario and every guide page gets its own
// route rather than a pattern.
func routes(add func(path string, c app.Composer)) {
	add("/", &ui.Playground{})
	add("/codes", &ui.Codes{})
	add("/scenarios", &ui.Scenarios{})
	add("/guide", &ui.GuideIndex{})
	add("/flow", &ui.FlowPage{})
	add("/practice", &ui.Practice{})
	for _, p := range ui.GuidePages() {
		add("/guide/"+p.Slug, &ui.GuidePage{})
	}
	for _, s := range scenario.Index() {
		add("/scenarios/"+s.ID, &ui.Playground{})
	}
	// The page for addresses that lead nowhere: a route, so that the
	// static site has it as 404.html and the worker can cache it.
	add(notFoundPath, &ui.NotFound{})
}

// notFoundPath is the 404 page's route. Servers answer it for unknown
// addresses with the status 404; at its own address it is a page (GitHub
// Pages serves 404.html that way, and the worker must cache it).
const notFoundPath = "/404"

func registerRoutes() {
	routes(app.Route)
	registerNotFound()
}

// registerNotFound gives what the client shows for a route it does not
// know: go-app v9.8.0 ignores app.NotFound and shows its own blank page,
// but tries the exact routes before any pattern.
func registerNotFound() { app.RouteWithRegexp("^/", &ui.NotFound{}) }
