//go:build ignore

// icongen draws the app icons (the same picture as icon.svg) without any
// image tool: go run web/icongen.go, from the repository root.
//
// The picture is a request coming in from the left and forking into three
// outcomes coloured like the status classes: success, client error, server
// error.
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

type pt struct{ x, y float64 }

var (
	bg    = color.NRGBA{0x1e, 0x1b, 0x4b, 0xff}
	ink   = color.NRGBA{0xe0, 0xe7, 0xff, 0xff}
	green = color.NRGBA{0x34, 0xd3, 0x99, 0xff}
	amber = color.NRGBA{0xfb, 0xbf, 0x24, 0xff}
	red   = color.NRGBA{0xf8, 0x71, 0x71, 0xff}
)

// shape reports whether a point of the 512×512 design is inside it.
type shape struct {
	in func(p pt) bool
	c  color.NRGBA
}

func bezier(a, b, c, d pt, n int) []pt {
	out := make([]pt, 0, n+1)
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		out = append(out, pt{
			u*u*u*a.x + 3*u*u*t*b.x + 3*u*t*t*c.x + t*t*t*d.x,
			u*u*u*a.y + 3*u*u*t*b.y + 3*u*t*t*c.y + t*t*t*d.y,
		})
	}
	return out
}

func segDist(p, a, b pt) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	t := ((p.x-a.x)*dx + (p.y-a.y)*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p.x-(a.x+t*dx), p.y-(a.y+t*dy))
}

func stroke(w float64, lines ...[]pt) func(pt) bool {
	return func(p pt) bool {
		for _, l := range lines {
			for i := 1; i < len(l); i++ {
				if segDist(p, l[i-1], l[i]) <= w/2 {
					return true
				}
			}
		}
		return false
	}
}

func circle(c pt, r float64) func(pt) bool {
	return func(p pt) bool { return math.Hypot(p.x-c.x, p.y-c.y) <= r }
}

func roundRect(r float64) func(pt) bool {
	return func(p pt) bool {
		cx := math.Max(r, math.Min(512-r, p.x))
		cy := math.Max(r, math.Min(512-r, p.y))
		return math.Hypot(p.x-cx, p.y-cy) <= r
	}
}

func draw(size int, rounded bool, scale float64) *image.NRGBA {
	bgShape := func(pt) bool { return true }
	if rounded {
		bgShape = roundRect(112)
	}
	shapes := []shape{
		{bgShape, bg},
		{stroke(30,
			[]pt{{96, 256}, {200, 256}},
			bezier(pt{200, 256}, pt{260, 256}, pt{260, 146}, pt{330, 146}, 40),
			[]pt{{200, 256}, {330, 256}},
			bezier(pt{200, 256}, pt{260, 256}, pt{260, 366}, pt{330, 366}, 40),
		), ink},
		{circle(pt{96, 256}, 34), ink},
		{circle(pt{376, 146}, 46), green},
		{circle(pt{376, 256}, 46), amber},
		{circle(pt{376, 366}, 46), red},
	}
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	const ss = 4 // samples per side of a pixel
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					// Map the sample to the design, shrinking the foreground
					// around the centre for the maskable safe zone.
					dx := (float64(x) + (float64(sx)+0.5)/ss) * 512 / float64(size)
					dy := (float64(y) + (float64(sy)+0.5)/ss) * 512 / float64(size)
					fg := pt{256 + (dx-256)/scale, 256 + (dy-256)/scale}
					var c color.NRGBA
					for i, s := range shapes {
						p := fg
						if i == 0 {
							p = pt{dx, dy}
						}
						if s.in(p) {
							c = s.c
						}
					}
					fa := float64(c.A) / 255
					r += float64(c.R) * fa
					g += float64(c.G) * fa
					b += float64(c.B) * fa
					a += fa
				}
			}
			n := float64(ss * ss)
			if a > 0 {
				img.SetNRGBA(x, y, color.NRGBA{
					uint8(r/a + 0.5), uint8(g/a + 0.5), uint8(b/a + 0.5), uint8(a/n*255 + 0.5),
				})
			}
		}
	}
	return img
}

func write(name string, img image.Image) {
	f, err := os.Create(name)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func main() {
	write("web/icon-192.png", draw(192, true, 1))
	write("web/icon-512.png", draw(512, true, 1))
	// Maskable: full-bleed background, the picture inside the central 80%.
	write("web/icon-maskable-512.png", draw(512, false, 0.78))
	write("web/icon-maskable-192.png", draw(192, false, 0.78))
}
