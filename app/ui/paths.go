package ui

import (
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// prefix is the sub-path the site is served under, "" at the root. go-app
// sets GOAPP_ROOT_PREFIX for both the prerendering server and the client.
// The client reads it once: each app.Getenv is a call into JavaScript,
// and the links an edit renders again asked for it 1.5 ms an edit (a CPU
// profile of make bench's edit loop). The server reads it each time: it
// builds sites under several prefixes in one process.
func prefix() string {
	if !app.IsClient {
		return app.Getenv("GOAPP_ROOT_PREFIX")
	}
	clientPrefixOnce.Do(func() { clientPrefix = app.Getenv("GOAPP_ROOT_PREFIX") })
	return clientPrefix
}

var (
	clientPrefixOnce sync.Once
	clientPrefix     string
)

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
