// Package content embeds the project's written material so that the UI, the
// command and the tests read the same bytes: the scenario files and the guide
// as HTML rendered at build time (the Markdown sources stay out of the wasm).
//
// It imports nothing of the project; anything may import it.
package content

import "embed"

// Scenarios holds scenarios/*.json: one case each, plus its story and the
// code it is expected to produce.
//
//go:embed scenarios
var Scenarios embed.FS

// HTML holds html/: the guide pages and the per-code explanations, rendered
// from guide/*.md and codes/*.md by the generator test (see render_test.go).
//
//go:embed html
var HTML embed.FS
