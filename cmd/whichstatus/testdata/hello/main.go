// Command hello is the yardstick for app.wasm's size and speed: the
// smallest go-app v9 client, built the same way (client only, -trimpath
// -ldflags='-s -w'). make size compares the two sizes, make bench their
// boot and first visit; see BENCHMARKS.md.
//
// Compiled natively, it writes its static site, as whichstatus build does
// (static.go): go run ./cmd/whichstatus/testdata/hello DIR.
package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello, World!") }

func main() {
	app.Route("/", &hello{})
	app.RunWhenOnBrowser() // in the browser it never returns
	generate()
}
