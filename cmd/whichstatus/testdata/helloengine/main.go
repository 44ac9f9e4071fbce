// Command helloengine is go-app's hello world that also runs the engine:
// it decides a case from its environment and keeps the decision, so the
// linker keeps every part of the engine a decision can reach (the flow,
// the advice, the alternatives, the registry) and nothing of the rest of
// whichstatus. make size compares its size with hello world's: what the
// engine alone costs app.wasm, which issue 9 budgets (BENCHMARKS.md,
// Sizes). Only its wasm build is used.
package main

import (
	"encoding/json"
	"os"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"whichstatus/app/engine"
)

type hello struct {
	app.Compo
	decision string
}

func (h *hello) Render() app.UI { return app.H1().Text("Hello, World!" + h.decision) }

func main() {
	var c engine.Case
	json.Unmarshal([]byte(os.Getenv("CASE")), &c)
	b, _ := json.Marshal(engine.Recommend(c))
	app.Route("/", &hello{decision: string(b)})
	app.RunWhenOnBrowser()
}
