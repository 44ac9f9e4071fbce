//go:build !wasm

package ui

import (
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/flowchart"
)

// Natively the diagrams are drawn by the generator whose output is
// committed in web/ (a test keeps the two the same), for /flow's
// prerendered page. A playground page's prerendered HTML has none: its
// diagram comes after the first render (FlowView.OnMount).

var flowSVGs = sync.OnceValue(func() map[engine.Profile]string {
	m := map[engine.Profile]string{}
	for _, p := range engine.Profiles {
		if svg, err := flowchart.SVG(p); err == nil {
			m[p] = svg
		}
	}
	return m
})

func flowSVG(p engine.Profile) (string, bool) {
	svg, ok := flowSVGs()[p]
	return svg, ok
}

func loadFlow(ctx app.Context, done func()) { done() }

// flowFailed: natively the diagrams are always at hand.
const flowFailed = false
