package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// still is a part of a page that most edits leave as it was: a component
// whose Part holds everything its render reads, so that go-app, which
// compares a component's exported fields, renders it again only when the
// part changes. An edit otherwise builds and compares every element of the
// page again (the header, the intro, the profile switch, …), though only
// the verdict and the control edited changed.
//
// A part is a small value of its own type that renders itself: two parts
// of different types never compare equal, so a still that go-app updates
// with another part (when the parts before it change in number) renders
// that part. A part that needs its owner, for the handlers it sets, holds
// a pointer to it: the same pointer compares equal at once. One component
// type for every part: a generic one would be a copy of go-app's
// component methods per part, 470 KB more of app.wasm.
type still struct {
	app.Compo

	Part part
}

// part is what a still shows.
type part interface{ render() app.UI }

// Render gives an empty text for a part that is not there (go-app wants
// one root), which also keeps the parts after it in their places.
func (s *still) Render() app.UI {
	BootYield()
	if ui := s.Part.render(); ui != nil {
		return ui
	}
	return app.Text("")
}

// OnMount: the first still mounted is the first component of the first
// render to be mounted (BootMounted).
func (s *still) OnMount(app.Context) { BootMounted() }

// keep is p, rendered again only when p changes.
func keep(p part) app.UI { return &still{Part: p} }
