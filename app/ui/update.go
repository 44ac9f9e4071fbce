package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// UpdatePrompt says when a new version of the app is ready, with a button
// to reload into it: web/client.js handles its click, and waits until the
// new version is in charge. Saved cases are in localStorage and the case
// being edited is in the address (see Playground.changed), so a reload
// loses nothing.
//
// go-app reports a new version through OnAppUpdate once app.wasm runs;
// web/client.js remembers one that arrived before (whichstatusUpdated).
type UpdatePrompt struct {
	app.Compo

	ready bool
}

func (u *UpdatePrompt) OnMount(ctx app.Context) {
	u.ready = ctx.AppUpdateAvailable() || app.Window().Get("whichstatusUpdated").Truthy()
}

func (u *UpdatePrompt) OnAppUpdate(ctx app.Context) { u.ready = true }

func (u *UpdatePrompt) Render() app.UI {
	// The live region is always there, so that its news is announced.
	box := attrs(el("div", "update"), "id", "update", "role", "status")
	if u.ready {
		box = box.Body(
			txt("span", "", "A new version of whichstatus is ready."),
			// web/client.js handles the click: it reloads once the new
			// version is in charge, which is plain JavaScript.
			attrs(txt("button", "", "Reload"), "id", "update-reload", "type", "button"),
		)
	}
	return box
}
