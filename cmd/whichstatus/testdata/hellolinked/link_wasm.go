//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/scenario"
	"whichstatus/app/ui"
)

// link registers whichstatus's pages as cmd/whichstatus's routes.go does,
// under /linked/, so that their code is in the binary; nothing opens them.
func link() {
	app.Route("/linked/", &ui.Playground{})
	app.Route("/linked/codes", &ui.Codes{})
	app.Route("/linked/scenarios", &ui.Scenarios{})
	app.Route("/linked/guide", &ui.GuideIndex{})
	app.Route("/linked/flow", &ui.FlowPage{})
	app.Route("/linked/practice", &ui.Practice{})
	for _, p := range ui.GuidePages() {
		app.Route("/linked/guide/"+p.Slug, &ui.GuidePage{})
	}
	for _, s := range scenario.Index() {
		app.Route("/linked/scenarios/"+s.ID, &ui.Playground{})
	}
	app.Route("/linked/404", &ui.NotFound{})
}
