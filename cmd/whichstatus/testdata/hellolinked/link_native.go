//go:build !wasm

package main

// link adds nothing natively: the static site is hello world's.
func link() {}
