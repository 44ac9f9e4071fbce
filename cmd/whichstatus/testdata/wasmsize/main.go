// Command wasmsize prints how many bytes of code each package (or, with
// -funcs, each function) takes in a wasm binary built without -s -w, from
// its name section, largest first. Compare two builds to see what a change
// costs (see BENCHMARKS.md):
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/app.wasm ./cmd/whichstatus
//	go run ./cmd/whichstatus/testdata/wasmsize /tmp/app.wasm | head
package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	funcs := flag.Bool("funcs", false, "one line per function, not per package")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-funcs] file.wasm")
		os.Exit(2)
	}
	b, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		err = run(b, *funcs)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

func run(b []byte, funcs bool) error {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return errors.New("not a wasm binary")
	}
	b = b[8:]
	imports, sizes, names := 0, []int{}, map[int]string{}
	for len(b) > 0 {
		id := b[0]
		n, l := binary.Uvarint(b[1:])
		sec := b[1+l : 1+l+int(n)]
		b = b[1+l+int(n):]
		switch id {
		case 2: // imports: they come first in the function index space
			imports = countFuncImports(sec)
		case 10: // code: one body per defined function
			cnt, l := binary.Uvarint(sec)
			p := sec[l:]
			for i := 0; i < int(cnt); i++ {
				n, l := binary.Uvarint(p)
				sizes = append(sizes, int(n)+l)
				p = p[l+int(n):]
			}
		case 0: // custom: "name", subsection 1 names the functions
			n, l := binary.Uvarint(sec)
			if string(sec[l:l+int(n)]) != "name" {
				continue
			}
			for p := sec[l+int(n):]; len(p) > 0; {
				sub := p[0]
				n, l := binary.Uvarint(p[1:])
				body := p[1+l : 1+l+int(n)]
				p = p[1+l+int(n):]
				if sub != 1 {
					continue
				}
				cnt, l := binary.Uvarint(body)
				q := body[l:]
				for i := 0; i < int(cnt); i++ {
					idx, l := binary.Uvarint(q)
					q = q[l:]
					n, l := binary.Uvarint(q)
					names[int(idx)] = string(q[l : l+int(n)])
					q = q[l+int(n):]
				}
			}
		}
	}
	if len(names) == 0 {
		return errors.New("no name section: build without -ldflags='-s -w'")
	}
	total := map[string]int{}
	for i, size := range sizes {
		name := names[imports+i]
		if !funcs {
			name = pkgOf(name)
		}
		total[name] += size
	}
	keys := make([]string, 0, len(total))
	for k := range total {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return total[keys[i]] > total[keys[j]] })
	w := bufio.NewWriter(os.Stdout)
	for _, k := range keys {
		fmt.Fprintf(w, "%d\t%s\n", total[k], k)
	}
	return w.Flush()
}

// pkgOf is the package part of a function's name. The name section writes
// "whichstatus/app/ui.(*Playground).Render" as
// "whichstatus_app_ui.__Playground_.Render", and keeps the dots of a
// domain: "github.com_maxence_charriere_go_app_v9_pkg_app.Elem".
func pkgOf(name string) string {
	dot := strings.Index(name, ".")
	if dot < 0 {
		return name
	}
	if rest := name[dot+1:]; !strings.Contains(name[:dot], "_") {
		if next := strings.Index(rest, "."); next > 0 && rest[0] >= 'a' && rest[0] <= 'z' &&
			strings.Contains(rest[:next], "_") && !strings.ContainsAny(rest[:next], "[( ") {
			return name[:dot+1+next] // a domain: github.com_…
		}
	}
	return name[:dot]
}

// countFuncImports counts the imported functions in an import section.
func countFuncImports(sec []byte) int {
	cnt, l := binary.Uvarint(sec)
	p, funcs := sec[l:], 0
	skip := func() { _, l := binary.Uvarint(p); p = p[l:] }
	for i := 0; i < int(cnt); i++ {
		for j := 0; j < 2; j++ { // module and field names
			n, l := binary.Uvarint(p)
			p = p[l+int(n):]
		}
		kind := p[0]
		p = p[1:]
		switch kind {
		case 0: // function: its type index
			skip()
			funcs++
		case 1: // table: element type, limits
			p = p[1:]
			fallthrough
		case 2: // memory: limits
			flags := p[0]
			p = p[1:]
			skip()
			if flags&1 != 0 {
				skip()
			}
		case 3: // global: type, mutability
			p = p[2:]
		}
	}
	return funcs
}
