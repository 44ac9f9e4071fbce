// Command hellosized is make bench's floor for a page of our size: go-app's
// hello world (../hello) whose one component renders as many elements as
// whichstatus's first render of "/", with the same tags nested the same
// way, but plain: no attributes, no listeners, a short word where the page
// has text, nothing decided. make bench takes the shape from the
// prerendered "/" it has just built (the tree under body's first element)
// and builds this program with it (-X main.shape=…), the same way as hello
// world otherwise (client only, -trimpath -ldflags='-s -w'). Its boot
// beside hello world's is what go-app v9 costs to mount a page with this
// much on it: no work of ours can bring a page of this size under it.
//
// The shape is written as: an element is its tag, then its children in
// parentheses, separated by commas; a text node is a dot. For example
// div(h1(.),p(.,a(.)),input).
//
// Compiled natively, it writes its static site as hello world does, with
// the same page prerendered: go run -ldflags=-X=main.shape=… ./cmd/whichstatus/testdata/hellosized DIR.
package main

import (
	"fmt"
	"os"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// shape is the page's tree, set at build time.
var shape string

type page struct{ app.Compo }

func (p *page) Render() app.UI { return build(shape) }

// voids are the elements HTML writes without a closing tag.
var voids = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// build makes the tree the shape describes.
func build(s string) app.UI {
	i := 0
	var node func() app.UI
	node = func() app.UI {
		if s[i] == '.' {
			i++
			return app.Text("text")
		}
		j := i
		for i < len(s) && s[i] != '(' && s[i] != ',' && s[i] != ')' {
			i++
		}
		tag := s[j:i]
		if voids[tag] {
			return app.ElemSelfClosing(tag)
		}
		var kids []app.UI
		if i < len(s) && s[i] == '(' {
			i++
			for s[i] != ')' {
				kids = append(kids, node())
				if s[i] == ',' {
					i++
				}
			}
			i++
		}
		return app.Elem(tag).Body(kids...)
	}
	return node()
}

func main() {
	if shape == "" {
		fmt.Fprintln(os.Stderr, "hellosized: built without a shape (-ldflags=-X=main.shape=…)")
		os.Exit(2)
	}
	app.Route("/", &page{})
	app.RunWhenOnBrowser() // in the browser it never returns
	generate()
}
