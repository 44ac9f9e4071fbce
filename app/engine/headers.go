package engine

import (
	"crypto/sha1"
	"encoding/base64"
	"strconv"
	"strings"
)

// An adviceText is one piece of header advice the engine can give: the
// header, how strongly the spec asks for it, why and where. The value is
// worked out from the case when the advice is given.
type adviceText struct {
	id, name, need, why, ref string
}

// adviceTexts are every header advice, written once; advise picks them by id.
var adviceTexts = []adviceText{
	{"upgrade-101", "Upgrade", "must", "Names the protocol the connection switches to.", "RFC 9110 §15.2.2"},
	{"connection-upgrade", "Connection", "must", "Whoever sends Upgrade must also list it in Connection.", "RFC 9110 §7.8"},
	{"websocket-accept", "Sec-WebSocket-Accept", "must", "Proves the server read this handshake: base64 of SHA-1 of the key and a fixed GUID.", "RFC 6455 §4.2.2"},
	{"upgrade-426", "Upgrade", "must", "Tells the client which protocol to upgrade to.", "RFC 9110 §15.5.22"},
	{"allow-options", "Allow", "should", "Lists the methods the endpoint supports: a successful OPTIONS answer should send the headers that show what it can do, Allow among them.", "RFC 9110 §9.3.7"},
	{"allow-405", "Allow", "must", "A 405 must list the methods the endpoint does support.", "RFC 9110 §15.5.6"},
	{"content-range-206", "Content-Range", "must", "Says which bytes the body holds and the full length.", "RFC 9110 §15.3.7.1"},
	{"etag-206", "ETag", "must", "A 206 carries the validators a 200 would have carried.", "RFC 9110 §15.3.7"},
	{"last-modified-206", "Last-Modified", "must", "Without If-Range, a 206 carries every representation header a 200 would have carried.", "RFC 9110 §15.3.7"},
	{"location-put", "Location", "may", "The new resource is the target URL itself, so Location is optional.", "RFC 9110 §15.3.2"},
	{"location-201", "Location", "should", "Points to the new resource; without it, clients take the request URL as the new resource.", "RFC 9110 §9.3.3"},
	{"location-202", "Location", "may", "Points to a status monitor the client can poll until the work is done. RFC 9110 asks a 202 to point to one (or embed it) but gives Location no meaning here: this is a common convention, and the body can carry the link too.", "RFC 9110 §15.3.3"},
	{"location-300", "Location", "should", "Names the server's preferred representation, if it has one; the body lists them all for the client to choose.", "RFC 9110 §15.4.1"},
	{"content-language", "Content-Language", "may", "Names the language the body is in, the one picked from Accept-Language.", "RFC 9110 §8.5"},
	// Each redirect asks for Location in its own section.
	{"location-301", "Location", "should", "Where to go. A client may follow it on its own (RFC 9110 §15.4); one that does not, such as curl without -L, reads it here.", "RFC 9110 §15.4.2"},
	{"location-302", "Location", "should", "Where to go. A client may follow it on its own (RFC 9110 §15.4); one that does not, such as curl without -L, reads it here.", "RFC 9110 §15.4.3"},
	{"location-303", "Location", "must", "A 303 is defined by the URI in Location: the client fetches the result there with GET, and without it has nowhere to go.", "RFC 9110 §15.4.4"},
	{"location-307", "Location", "should", "Where to go. A client may follow it on its own (RFC 9110 §15.4); one that does not, such as curl without -L, reads it here.", "RFC 9110 §15.4.8"},
	{"location-308", "Location", "should", "Where to go. A client may follow it on its own (RFC 9110 §15.4); one that does not, such as curl without -L, reads it here.", "RFC 9110 §15.4.9"},
	{"accept-patch", "Accept-Patch", "should", "Lists the patch formats the endpoint takes.", "RFC 5789 §2.2"},
	{"accept-415", "Accept", "may", "Lists the media types the endpoint would have taken.", "RFC 9110 §15.5.16"},
	{"content-range-416", "Content-Range", "should", "Tells the client the real length so it can ask again.", "RFC 9110 §15.5.17"},
	{"retry-after-429", "Retry-After", "may", "When the caller may send requests again.", "RFC 6585 §4"},
	{"retry-after-429-example", "Retry-After", "may", "When the caller may send requests again. The case gives no time, so 60 seconds is only an example.", "RFC 6585 §4"},
	{"link-blocked-by", "Link", "should", "Identifies who is implementing the block (usually this server's operator), not who demanded it.", "RFC 7725 §4"},
	{"retry-after-503", "Retry-After", "may", "When the server expects to be back.", "RFC 9110 §15.6.4"},
	{"retry-after-503-example", "Retry-After", "may", "When the server expects to be back. The case gives no time, so 60 seconds is only an example.", "RFC 9110 §15.6.4"},
	{"problem-json", "Content-Type", "may", "An error's body should explain it (RFC 9110 §15.5, §15.6); problem+json is a standard shape for that explanation, the same for every error of the API.", "RFC 9457 §3"},
	{"etag-read", "ETag", "should", "Lets clients make conditional requests later (If-None-Match, If-Match).", "RFC 9110 §8.8.3"},
	{"last-modified-read", "Last-Modified", "should", "Lets caches and clients ask 'changed since?'.", "RFC 9110 §8.8.2"},
	{"etag-write", "ETag", "may", "The new version's tag, and only if the stored representation is exactly what the client sent; never the tag this write replaced.", "RFC 9110 §9.3.4"},
	{"etag-201", "ETag", "may", "The tag of the new resource's current representation: validators in a 201 describe what the request created.", "RFC 9110 §15.3.2"},
	{"etag-changed", "ETag", "may", "The tag of the version this request produced, so the client's next If-Match can name it; never the tag it replaced.", "RFC 9110 §8.8.3"},
	{"vary-206", "Vary", "must", "A 206 carries the Vary a 200 would have carried.", "RFC 9110 §15.3.7"},
	{"vary-accept", "Vary", "should", "The answer depended on the request headers it names, so caches must key on them.", "RFC 9110 §12.5.5"},
	{"etag-304", "ETag", "must", "A 304 repeats the validators a 200 would have sent.", "RFC 9110 §15.4.5"},
	{"last-modified-304", "Last-Modified", "may", "Useful when there is no ETag to identify the version.", "RFC 9110 §15.4.5"},
	{"vary-304", "Vary", "must", "A 304 repeats the Vary a 200 would have sent.", "RFC 9110 §15.4.5"},
	{"websocket-version", "Sec-WebSocket-Version", "must", "A server that does not speak the version asked for lists every version it does.", "RFC 6455 §4.4"},
	{"www-authenticate", "WWW-Authenticate", "must", "A 401 must say how to authenticate.", "RFC 9110 §15.5.2"},
	{"www-authenticate-session", "WWW-Authenticate", "must", "A 401 must say how to authenticate. Cookie sessions have no registered scheme: name your login scheme.", "RFC 9110 §15.5.2"},
}

var adviceByID = func() map[string]*adviceText {
	m := make(map[string]*adviceText, len(adviceTexts))
	for i := range adviceTexts {
		m[adviceTexts[i].id] = &adviceTexts[i]
	}
	return m
}()

// say is the advice with its value.
func say(id, value string) Advice {
	t := adviceByID[id]
	return Advice{t.name, value, t.need, t.why, t.ref}
}

// advise lists the headers to send with a code, one small function a
// header, each with the spec's own strength (must, should, may).
func advise(code int, last string, v *view, p Profile) []Advice {
	a := []Advice{}
	add := func(id, value string) { a = append(a, say(id, value)) }
	switch code {
	case 101:
		add("upgrade-101", v.upgradeValue())
		add("connection-upgrade", "upgrade")
		if key, ok := v.header("Sec-WebSocket-Key"); ok && strings.EqualFold(v.upgradeTo(), "websocket") {
			add("websocket-accept", websocketAccept(key))
		}
	case 426:
		add("upgrade-426", v.upgradeValue())
		add("connection-upgrade", "upgrade")
	case 200, 204, 206:
		if v.is("OPTIONS") {
			add("allow-options", v.allowValue())
			break
		}
		a = validators(a, v, code)
		if code == 206 {
			f, l, _, _ := byteRange(mustHeader(v, "Range"), v.length)
			add("content-range-206", "bytes "+strconv.Itoa(f)+"-"+strconv.Itoa(l)+"/"+strconv.Itoa(v.length))
		}
		// A 206 that answers If-Range should send no representation
		// header beyond those §15.3.7 requires: the client has the rest.
		if l := v.language(); l != "" && !(code == 206 && v.has("If-Range")) {
			add("content-language", l)
		}
		a = vary(a, v, code == 206)
	case 201:
		loc := v.c.Situation.Resource.Location
		if v.method == "PUT" {
			add("location-put", or(loc, v.url))
		} else {
			add("location-201", or(loc, childURL(v.url, "42")))
		}
		a = validators(a, v, code)
	case 202:
		add("location-202", or(v.c.Situation.Resource.Location, "/api/tasks/42/"))
	case 300:
		add("location-300", v.c.Situation.Resource.Representations[0])
	case 301, 302, 303, 307, 308:
		add("location-"+strconv.Itoa(code), or(v.c.Situation.Resource.Location, childURL(v.url, "new")))
	case 304:
		a = notModified(a, v)
	case 400:
		if last == "upgrade-valid" && v.handshakeFault() == "version" {
			add("websocket-version", "13")
		}
	case 401:
		a = append(a, challenge(v))
	case 405:
		add("allow-405", v.allowValue())
	case 415:
		if v.method == "PATCH" {
			add("accept-patch", strings.Join(v.accepts, ", "))
		} else {
			add("accept-415", strings.Join(v.accepts, ", "))
		}
	case 416:
		add("content-range-416", "bytes */"+strconv.Itoa(v.length))
	case 429:
		a = append(a, retryAfter(v.c.Situation.Endpoint.RateLimitRetry, "retry-after-429"))
	case 451:
		add("link-blocked-by", `<https://api.example.com/>; rel="blocked-by"`)
	case 503:
		a = append(a, retryAfter(v.c.Situation.Server.RetryAfter, "retry-after-503"))
	}
	if code >= 400 {
		add("problem-json", "application/problem+json")
	}
	return a
}

func mustHeader(v *view, name string) string { s, _ := v.header(name); return s }

// upgradeValue names the protocol being switched to (101) or required (426).
func (v *view) upgradeValue() string {
	p := v.upgradeTo()
	if p == "" {
		p = v.c.Situation.Server.RequiredProtocol
	}
	return or(p, "websocket")
}

// websocketAccept is the Sec-WebSocket-Accept for a key (RFC 6455 §4.2.2).
func websocketAccept(key string) string {
	h := sha1.Sum([]byte(strings.TrimSpace(key) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	return base64.StdEncoding.EncodeToString(h[:])
}

// validators are the ETag and Last-Modified an answer should carry. A read
// sends the current ones (RFC 9110 §8.8.2.1, §8.8.3); a write may send the
// new version's only, never the one it replaced (§9.3.4, §15.3.2). A 206
// must carry those a 200 would have (§15.3.7).
func validators(a []Advice, v *view, code int) []Advice {
	r := &v.c.Situation.Resource
	switch {
	case v.is("DELETE", "OPTIONS"):
	case v.is("GET", "HEAD"):
		etagID, lmID := "etag-read", "last-modified-read"
		if code == 206 {
			etagID, lmID = "etag-206", "last-modified-206"
		}
		if r.ETag != "" {
			a = append(a, say(etagID, etag(r.ETag)))
		}
		// With If-Range, Last-Modified is beyond what a 206 must send,
		// so it should not be sent (RFC 9110 §15.3.7).
		if r.LastModified != "" && !(code == 206 && v.has("If-Range")) {
			a = append(a, say(lmID, r.LastModified))
		}
	case v.is("PUT") && (r.ETag != "" || v.has("If-Match") || code == 201):
		a = append(a, say("etag-write", nextTag(r.ETag)))
	case code == 201:
		a = append(a, say("etag-201", nextTag(r.ETag)))
	case r.ETag != "" || v.has("If-Match"):
		a = append(a, say("etag-changed", nextTag(r.ETag)))
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
	if i == len(t) { // no number to count on (Atoi would build an error to say so)
		return `"v1"`
	}
	if n, err := strconv.Atoi(t[i:]); err == nil {
		return `"` + t[:i] + strconv.Itoa(n+1) + `"`
	}
	return `"v1"`
}

// vary names Accept when the endpoint chose among several media types; a
// 206 must repeat what a 200 would have sent.
func vary(a []Advice, v *view, partial bool) []Advice {
	val := v.varies()
	switch {
	case val == "":
		return a
	case partial:
		return append(a, say("vary-206", val))
	}
	return append(a, say("vary-accept", val))
}

// varies names the request headers the answer was chosen by.
func (v *view) varies() string {
	var by []string
	if len(v.produces) > 1 {
		by = append(by, "Accept")
	}
	if len(v.c.Situation.Endpoint.Languages) > 1 {
		by = append(by, "Accept-Language")
	}
	return strings.Join(by, ", ")
}

func notModified(a []Advice, v *view) []Advice {
	r := &v.c.Situation.Resource
	if r.ETag != "" {
		a = append(a, say("etag-304", etag(r.ETag)))
	} else if r.LastModified != "" {
		a = append(a, say("last-modified-304", r.LastModified))
	}
	if val := v.varies(); val != "" {
		a = append(a, say("vary-304", val))
	}
	return a
}

// challenge is the WWW-Authenticate a 401 must carry (RFC 9110 §11.6.1).
func challenge(v *view) Advice {
	switch v.scheme {
	case "Token":
		return say("www-authenticate", "Token") // what DRF's TokenAuthentication sends
	case "Session":
		return say("www-authenticate-session", `Session realm="api"`)
	}
	val := v.scheme + ` realm="api"`
	// RFC 6750 §3.1: a bad token gets error="invalid_token"; a request
	// in an unsupported scheme gets no error code.
	if match, _ := v.schemeMatches(); v.scheme == "Bearer" && match && v.has("Authorization") && !v.c.Situation.Endpoint.Login {
		val += `, error="invalid_token"`
	}
	return say("www-authenticate", val)
}

// retryAfter advises the seconds the case gives, or an example.
func retryAfter(seconds int, id string) Advice {
	if seconds > 0 {
		return say(id, strconv.Itoa(seconds))
	}
	return say(id+"-example", "60")
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
