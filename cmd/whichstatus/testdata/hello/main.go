// Command hello is the yardstick for app.wasm's size: the smallest go-app
// v9 client, built the same way (client only, -trimpath -ldflags='-s -w').
// make size compares the two; see BENCHMARKS.md.
package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello, World!") }

func main() {
	app.Route("/", &hello{})
	app.RunWhenOnBrowser()
}
