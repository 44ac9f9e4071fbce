// Command hellolinked is make bench's floor: go-app's hello world
// (../hello) with whichstatus's client packages linked into its wasm, and
// initialised as every Go package is, but never rendered: "/" shows the
// same h1 as hello world, and whichstatus's pages are routes nobody opens
// (link_wasm.go). Built the same way as both (client only, -trimpath
// -ldflags='-s -w'), its boot beside hello world's is the part of a boot
// that comes only from the binary's size and function count, which no
// render work can remove.
//
// Compiled natively, it writes its static site as hello world does (the
// routes are left out there, so the site is hello world's):
// go run ./cmd/whichstatus/testdata/hellolinked DIR.
package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello, World!") }

func main() {
	app.Route("/", &hello{})
	link()
	app.RunWhenOnBrowser() // in the browser it never returns
	generate()
}
