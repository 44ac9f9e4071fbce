package ui

import (
	"reflect"
	"testing"
)

// The client reads the guide's index from guideIndexText's form
// (content_wasm.go): it must read back as the embedded index.
func TestGuideIndexText(t *testing.T) {
	want := GuidePages()
	if len(want) == 0 {
		t.Fatal("the guide has no pages")
	}
	if got := parseGuideIndex(guideIndexText(want)); !reflect.DeepEqual(got, want) {
		t.Errorf("parseGuideIndex(guideIndexText(GuidePages())) = %+v, want %+v", got, want)
	}
}
