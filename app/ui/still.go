package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// still is a part of a page that most edits leave as it was: a component
// whose Key holds everything its render reads, so that go-app, which
// compares a component's exported fields, renders it again only when the
// key changes. An edit otherwise builds and compares every element of the
// page again (the header, the intro, the profile switch, …), though only
// the verdict and the control edited changed.
//
// Each part has its own key type: go-app updates a component in place
// only with another of the same type, so two parts never swap their
// render funcs. render is the first one given (go-app copies only
// exported fields), so it builds the part from the key it is given, and
// keeps nothing else of the render that made it but the page itself (for
// its handlers).
type still[K any] struct {
	app.Compo

	Key K

	render func(K) app.UI
}

// Render gives an empty text for a part that is not there (go-app wants
// one root), which also keeps the parts after it in their places.
func (s *still[K]) Render() app.UI {
	if ui := s.render(s.Key); ui != nil {
		return ui
	}
	return app.Text("")
}

// keep is the part render builds, rendered again only when key changes.
func keep[K any](key K, render func(K) app.UI) app.UI {
	return &still[K]{Key: key, render: render}
}
