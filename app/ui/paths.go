package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// prefix is the sub-path the site is served under, "" at the root. go-app
// sets GOAPP_ROOT_PREFIX for both the prerendering server and the client.
func prefix() string { return app.Getenv("GOAPP_ROOT_PREFIX") }

// Href turns a site path such as "/codes" into a link that works under the
// prefix. Never navigate to a bare site path: under a prefix it leaves the
// site.
func Href(path string) string { return prefix() + path }

// sitePath is the route a URL path names: the path without the prefix.
func sitePath(urlPath string) string {
	p := strings.TrimPrefix(urlPath, prefix())
	if p == "" {
		return "/"
	}
	return p
}
