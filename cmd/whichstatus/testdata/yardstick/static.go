//go:build !wasm

// Package yardstick writes the static site of make bench's yardsticks
// (hello, hellolinked, hellosized, floor), each a go-app client of its own.
package yardstick

import (
	"fmt"
	"os"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Generate writes the static site into the directory named by the first
// argument, as go-app's documentation does it. The icons are local (the
// default ones are on another host, which a closed network cannot reach);
// the caller copies app.wasm and the icons into DIR/web.
func Generate(name string) {
	if len(os.Args) != 2 {
		fmt.Fprintf(os.Stderr, "usage: %s DIR (writes the static site)\n", os.Args[0])
		os.Exit(2)
	}
	err := app.GenerateStaticWebsite(os.Args[1], &app.Handler{
		Name:        name,
		Description: "An Hello World! example",
		Icon:        app.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", SVG: "/web/icon.svg"},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
