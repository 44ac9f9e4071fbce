//go:build !wasm

package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// afterPaint runs fn after the current render: there is no paint outside
// a browser (the component tests).
func afterPaint(ctx app.Context, fn func(app.Context)) { ctx.Defer(fn) }
