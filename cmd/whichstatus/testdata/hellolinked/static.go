//go:build !wasm

package main

import "whichstatus/cmd/whichstatus/testdata/yardstick"

// generate writes the static site (yardstick.Generate).
func generate() { yardstick.Generate("Hello") }
