//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// site is a static build held in memory and served the way GitHub Pages
// serves it: /x is x.html, an unknown address gets 404.html with the
// status 404, responses are compressed by Accept-Encoding and may be
// cached for ten minutes. It serves the files build wrote and nothing
// else: a request names a key of files or gets the 404 page, so no path,
// encoded or not, reaches the file system.
type site struct {
	prefix   string               // "" or "/name"
	files    map[string]*siteFile // by path in the build: "index.html", "web/app.wasm"
	notFound *siteFile
}

type siteFile struct {
	body, gz []byte // gz is nil when compressing does not pay
	ctype    string
	etag     string
	mod      time.Time
}

// wasmLengthHeader carries app.wasm's uncompressed length, which go-app's
// loading bar divides by (Handler.WasmContentLengthHeader): Content-Length
// is the compressed length when the response is compressed.
const wasmLengthHeader = "X-Uncompressed-Content-Length"

// loadSite reads a build from dir.
func loadSite(dir, prefix string) (*site, error) {
	s := &site{prefix: prefix, files: map[string]*siteFile{}}
	mod := time.Now().UTC().Truncate(time.Second)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		name := filepath.ToSlash(rel)
		sum := sha256.Sum256(b)
		f := &siteFile{body: b, ctype: contentType(name), etag: `W/"` + hex.EncodeToString(sum[:8]) + `"`, mod: mod}
		if compressible(f.ctype) {
			var z bytes.Buffer
			w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
			w.Write(b)
			w.Close()
			if z.Len() < len(b) {
				f.gz = z.Bytes()
			}
		}
		s.files[name] = f
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.notFound = s.files[strings.TrimPrefix(notFoundPath, "/")+".html"]
	return s, nil
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".webmanifest":
		return "application/manifest+json"
	case ".wasm":
		return "application/wasm"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "javascript") ||
		strings.Contains(ctype, "json") || strings.Contains(ctype, "svg") || ctype == "application/wasm"
}

// lookup finds the file a URL path names, nil for none.
func (s *site) lookup(urlPath string) *siteFile {
	p, ok := strings.CutPrefix(urlPath, s.prefix)
	if !ok || !strings.HasPrefix(p, "/") {
		return nil
	}
	name := p[1:]
	if name == "" {
		name = "index.html"
	}
	if f := s.files[name]; f != nil {
		return f
	}
	if path.Ext(name) == "" {
		return s.files[name+".html"]
	}
	return nil
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", pagePolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if s.prefix != "" && r.URL.Path == s.prefix {
		http.Redirect(w, r, s.prefix+"/", http.StatusMovedPermanently)
		return
	}
	f := s.lookup(r.URL.Path)
	if f == nil {
		s.serveNotFound(w, r)
		return
	}
	h.Set("Cache-Control", "max-age=600")
	h.Set("ETag", f.etag)
	h.Set("Content-Type", f.ctype)
	body := f.body
	if f.gz != nil {
		h.Set("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			h.Set("Content-Encoding", "gzip")
			body = f.gz
		}
	}
	if f.ctype == "application/wasm" {
		h.Set(wasmLengthHeader, strconv.Itoa(len(f.body)))
	}
	// ServeContent answers If-None-Match and If-Modified-Since with 304,
	// HEAD without a body, and ranges.
	http.ServeContent(w, r, "", f.mod, bytes.NewReader(body))
}

func (s *site) serveNotFound(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	if s.notFound == nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	h.Set("Content-Type", s.notFound.ctype)
	body := s.notFound.body
	if s.notFound.gz != nil {
		h.Set("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			h.Set("Content-Encoding", "gzip")
			body = s.notFound.gz
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// acceptsGzip reads Accept-Encoding: gzip, unless its q is 0.
func acceptsGzip(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept-Encoding") {
		for _, part := range strings.Split(v, ",") {
			coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			if c := strings.ToLower(strings.TrimSpace(coding)); c != "gzip" && c != "*" {
				continue
			}
			if q, ok := strings.CutPrefix(strings.ReplaceAll(strings.ToLower(params), " ", ""), "q="); ok {
				if f, err := strconv.ParseFloat(q, 64); err == nil && f == 0 {
					return false
				}
			}
			return true
		}
	}
	return false
}

// The page policy. Scripts and styles come from the site only, the wasm
// may be compiled ('wasm-unsafe-eval', not 'unsafe-eval'), and the two
// inline scripts (embedScript, earlyWasmScript) are allowed by their hashes. go-app's Style()
// and any style attribute are refused: the UI uses classes. Pages carry it
// in a <meta> (fixPage), which any static host serves; serve sends it as a
// header as well. frame-ancestors works only in a header, and the app is
// made to be embedded anywhere, so neither names it (see the README).
var pagePolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '" + scriptHash(embedScript) +
	"' '" + scriptHash(earlyWasmScript) + "'; object-src 'none'; base-uri 'self'; form-action 'self'"

func scriptHash(js string) string {
	sum := sha256.Sum256([]byte(js))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}
