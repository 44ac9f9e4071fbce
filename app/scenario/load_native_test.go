//go:build !wasm

package scenario

import (
	"reflect"
	"testing"
)

// The client lists the scenarios from IndexText (load_wasm.go): it must
// read back as Index.
func TestIndexText(t *testing.T) {
	got, want := ParseIndex(IndexText()), Index()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseIndex(IndexText()) = %d entries, want Index()'s %d, the same", len(got), len(want))
	}
}
