//go:build !wasm

package main

import (
	"fmt"
	"os"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// generate writes the static site into the directory named by the first
// argument, as go-app's documentation does it. The icons are local (the
// default ones are on another host, which a closed network cannot reach);
// the caller copies app.wasm and the icons into DIR/web.
func generate() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: hello DIR (writes the static site)")
		os.Exit(2)
	}
	err := app.GenerateStaticWebsite(os.Args[1], &app.Handler{
		Name:        "Floor",
		Description: "An Hello World! example",
		Icon:        app.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", SVG: "/web/icon.svg"},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
