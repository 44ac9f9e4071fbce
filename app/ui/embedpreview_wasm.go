//go:build wasm

package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// embedPreview is for the prerendered page only (embedpreview_native.go).
func (p *Playground) embedPreview() app.UI { return nil }
