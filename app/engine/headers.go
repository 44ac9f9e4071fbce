package engine

import (
	"crypto/sha1"
	"encoding/base64"
	"strconv"
	"strings"
)

// advise lists the headers to send with a code, one small function a
// header, each with the spec's own strength (must, should, may).
func advise(code int, v *view, p Profile) []Advice {
	var buf [6]Advice // on the stack: the answer is copied out at its exact size
	a := buf[:0]
	add := func(x Advice) { a = append(a, x) }
	switch code {
	case 101:
		add(upgradeHeader(v, "must", "Names the protocol the connection switches to.", "RFC 9110 §15.2.2"))
		add(Advice{"Connection", "upgrade", "must", "Whoever sends Upgrade must also list it in Connection.", "RFC 9110 §7.8"})
		if key, ok := v.header("Sec-WebSocket-Key"); ok && strings.EqualFold(v.upgradeTo(), "websocket") {
			add(Advice{"Sec-WebSocket-Accept", websocketAccept(key), "must", "Proves the server read this handshake: base64 of SHA-1 of the key and a fixed GUID.", "RFC 6455 §4.2.2"})
		}
	case 426:
		add(upgradeHeader(v, "must", "Tells the client which protocol to upgrade to.", "RFC 9110 §15.5.22"))
		add(Advice{"Connection", "upgrade", "must", "Whoever sends Upgrade must also list it in Connection.", "RFC 9110 §7.8"})
	case 200, 204, 206:
		if v.is("OPTIONS") {
			add(allowHeader(v, "should", "Lists what the endpoint supports: the point of OPTIONS."))
			break
		}
		a = validators(a, v, code)
		if code == 206 {
			f, l, _, _ := byteRange(mustHeader(v, "Range"), v.length)
			add(Advice{"Content-Range", "bytes " + strconv.Itoa(f) + "-" + strconv.Itoa(l) + "/" + strconv.Itoa(v.length), "must",
				"Says which bytes the body holds and the full length.", "RFC 9110 §15.3.7"})
			for i := range a {
				if a[i].Name == "ETag" || a[i].Name == "Last-Modified" {
					a[i].Need, a[i].Why, a[i].Ref = "must", "A 206 carries the validators a 200 would have carried.", "RFC 9110 §15.3.7"
				}
			}
		}
		a = vary(a, v, code == 206)
	case 201:
		loc := v.c.Situation.Resource.Location
		if v.method == "PUT" {
			add(Advice{"Location", or(loc, v.url), "may", "The new resource is the target URL itself, so Location is optional.", "RFC 9110 §15.3.2"})
		} else {
			add(Advice{"Location", or(loc, childURL(v.url, "42")), "should", "Points to the new resource; without it, clients take the request URL as the new resource.", "RFC 9110 §15.3.2"})
		}
		a = validators(a, v, code)
	case 202:
		add(Advice{"Location", or(v.c.Situation.Resource.Location, "/api/tasks/42/"), "may",
			"Points to a status monitor the client can poll until the work is done.", "RFC 9110 §15.3.3"})
	case 301, 302, 303, 307, 308:
		add(Advice{"Location", or(v.c.Situation.Resource.Location, childURL(v.url, "new")), "should", "Where to go: clients follow it automatically.", "RFC 9110 §10.2.2"})
	case 304:
		a = notModified(a, v)
	case 401:
		add(challenge(v))
	case 405:
		add(allowHeader(v, "must", "A 405 must list the methods the endpoint does support."))
	case 415:
		if v.method == "PATCH" {
			add(Advice{"Accept-Patch", strings.Join(v.accepts, ", "), "should", "Lists the patch formats the endpoint takes.", "RFC 5789 §2.2"})
		}
	case 416:
		add(Advice{"Content-Range", "bytes */" + strconv.Itoa(v.length), "should", "Tells the client the real length so it can ask again.", "RFC 9110 §15.5.17"})
	case 429:
		add(retryAfter(v.c.Situation.Endpoint.RateLimitRetry, "When the caller may send requests again.", "RFC 6585 §4"))
	case 451:
		add(Advice{"Link", `<https://api.example.com/>; rel="blocked-by"`, "should", "Identifies who is implementing the block (usually this server's operator), not who demanded it.", "RFC 7725 §4"})
	case 503:
		add(retryAfter(v.c.Situation.Server.RetryAfter, "When the server expects to be back.", "RFC 9110 §10.2.3"))
	}
	if code >= 400 {
		add(Advice{"Content-Type", "application/problem+json", "may",
			"A standard shape for error details, the same for every error of the API.", "RFC 9457 §3"})
	}
	return exact(a)
}

// exact copies a list built in a stack buffer to the heap at its size;
// an empty one is a shared empty slice (JSON shows [] rather than null).
func exact[T any](a []T) []T {
	if len(a) == 0 {
		return []T{}
	}
	return append(make([]T, 0, len(a)), a...)
}

func mustHeader(v *view, name string) string { s, _ := v.header(name); return s }

// upgradeHeader names the protocol being switched to (101) or required (426).
func upgradeHeader(v *view, need, why, ref string) Advice {
	p := v.upgradeTo()
	if p == "" {
		p = v.c.Situation.Server.RequiredProtocol
	}
	return Advice{"Upgrade", or(p, "websocket"), need, why, ref}
}

// websocketAccept is the Sec-WebSocket-Accept for a key (RFC 6455 §4.2.2).
func websocketAccept(key string) string {
	h := sha1.Sum([]byte(strings.TrimSpace(key) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	return base64.StdEncoding.EncodeToString(h[:])
}

func allowHeader(v *view, need, why string) Advice {
	return Advice{"Allow", v.allowHeader(), need, why, "RFC 9110 §10.2.1"}
}

// validators are the ETag and Last-Modified an answer should carry. A read
// sends the current ones (RFC 9110 §8.8.2.1, §8.8.3); a write may send the
// new version's only, never the one it replaced (§9.3.4, §15.3.2).
func validators(a []Advice, v *view, code int) []Advice {
	r := &v.c.Situation.Resource
	switch {
	case v.is("DELETE", "OPTIONS"):
	case v.is("GET", "HEAD"):
		if r.ETag != "" {
			a = append(a, Advice{"ETag", etag(r.ETag), "should", "Lets clients make conditional requests later (If-None-Match, If-Match).", "RFC 9110 §8.8.3"})
		}
		if r.LastModified != "" {
			a = append(a, Advice{"Last-Modified", r.LastModified, "should", "Lets caches and clients ask 'changed since?'.", "RFC 9110 §8.8.2"})
		}
	case r.ETag != "" || v.has("If-Match") || code == 201:
		a = append(a, Advice{"ETag", nextTag(r.ETag), "may",
			"The new version's tag, and only if the stored representation is exactly what the client sent; never the tag this write replaced.", "RFC 9110 §9.3.4"})
	}
	return a
}

// nextTag suggests the tag of the version a write creates: "v8" after "v7".
func nextTag(cur string) string {
	t := strings.Trim(strings.TrimPrefix(etag(cur), "W/"), `"`)
	i := len(t)
	for i > 0 && t[i-1] >= '0' && t[i-1] <= '9' {
		i--
	}
	if n, err := strconv.Atoi(t[i:]); err == nil && i < len(t) {
		return `"` + t[:i] + strconv.Itoa(n+1) + `"`
	}
	return `"v1"`
}

// vary names Accept when the endpoint chose among several media types; a
// 206 must repeat what a 200 would have sent.
func vary(a []Advice, v *view, partial bool) []Advice {
	if len(v.produces) < 2 {
		return a
	}
	if partial {
		return append(a, Advice{"Vary", "Accept", "must", "A 206 carries the Vary a 200 would have carried.", "RFC 9110 §15.3.7"})
	}
	return append(a, Advice{"Vary", "Accept", "should", "The answer depended on Accept, so caches must key on it.", "RFC 9110 §12.5.5"})
}

func notModified(a []Advice, v *view) []Advice {
	r := &v.c.Situation.Resource
	if r.ETag != "" {
		a = append(a, Advice{"ETag", etag(r.ETag), "must", "A 304 repeats the validators a 200 would have sent.", "RFC 9110 §15.4.5"})
	} else if r.LastModified != "" {
		a = append(a, Advice{"Last-Modified", r.LastModified, "may", "Useful when there is no ETag to identify the version.", "RFC 9110 §15.4.5"})
	}
	if len(v.produces) > 1 {
		a = append(a, Advice{"Vary", "Accept", "must", "A 304 repeats the Vary a 200 would have sent.", "RFC 9110 §15.4.5"})
	}
	return a
}

// challenge is the WWW-Authenticate a 401 must carry (RFC 9110 §11.6.1).
func challenge(v *view) Advice {
	why := "A 401 must say how to authenticate."
	var val string
	switch v.scheme {
	case "Token":
		val = "Token" // what DRF's TokenAuthentication sends
	case "Session":
		val = `Session realm="api"`
		why += " Cookie sessions have no registered scheme: name your login scheme."
	default:
		val = v.scheme + ` realm="api"`
		// RFC 6750 §3.1: a bad token gets error="invalid_token"; a request
		// in an unsupported scheme gets no error code.
		if match, _ := v.schemeMatches(); v.scheme == "Bearer" && match && v.has("Authorization") && !v.c.Situation.Endpoint.Login {
			val += `, error="invalid_token"`
		}
	}
	return Advice{"WWW-Authenticate", val, "must", why, "RFC 9110 §15.5.2"}
}

func retryAfter(seconds int, why, ref string) Advice {
	if seconds > 0 {
		return Advice{"Retry-After", strconv.Itoa(seconds), "may", why, ref}
	}
	return Advice{"Retry-After", "60", "may", why + " The case gives no time, so 60 seconds is only an example.", ref}
}

// childURL suggests the URL of a member of a collection.
func childURL(u, id string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if strings.HasSuffix(u, "/") {
		return u + id + "/"
	}
	return u + "/" + id
}
