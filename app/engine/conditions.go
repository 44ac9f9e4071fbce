package engine

import "strconv"

// The tests behind the redirect, precondition (RFC 9110 §13) and range
// (§14) nodes.

func keepMethod(v *view) (bool, string) {
	k := v.c.Situation.Resource.KeepMethod
	return k, fResourceKeepMethod.say(strconv.FormatBool(k))
}

// preconditionsApply: RFC 9110 §13.2.1 has servers ignore them for
// CONNECT, OPTIONS and TRACE.
func (v *view) preconditionsApply() bool { return !v.is("CONNECT", "OPTIONS", "TRACE") }

func ifMatch(v *view) (bool, string) {
	im, ok := v.header("If-Match")
	if !ok || !v.preconditionsApply() {
		return true, "no If-Match header"
	}
	cur := v.c.Situation.Resource.ETag
	return listMatch(im, cur, v.exists(), true), "If-Match: " + im + "; current ETag " + or(cur, "none")
}

func ifUnmodifiedSince(v *view) (bool, string) {
	ius, ok := v.header("If-Unmodified-Since")
	switch {
	case !ok || !v.preconditionsApply():
		return true, "no If-Unmodified-Since header"
	case v.has("If-Match"):
		return true, "ignored: If-Match was already checked"
	}
	since, ok1 := httpDate(ius)
	lm, ok2 := httpDate(v.c.Situation.Resource.LastModified)
	if !ok1 || !ok2 || !v.exists() {
		return true, "ignored: If-Unmodified-Since " + ius + " or Last-Modified is not a date"
	}
	return !lm.After(since), "If-Unmodified-Since: " + ius + "; Last-Modified " + v.c.Situation.Resource.LastModified
}

func ifNoneMatch(v *view) (bool, string) {
	inm, ok := v.header("If-None-Match")
	if !ok || !v.preconditionsApply() {
		return true, "no If-None-Match header"
	}
	cur := v.c.Situation.Resource.ETag
	return !listMatch(inm, cur, v.exists(), false), "If-None-Match: " + inm + "; current ETag " + or(cur, "none")
}

func ifModifiedSince(v *view) (bool, string) {
	ims, ok := v.header("If-Modified-Since")
	switch {
	case !ok:
		return true, "no If-Modified-Since header"
	case !v.is("GET", "HEAD"):
		return true, "ignored: only GET and HEAD use If-Modified-Since"
	case v.has("If-None-Match"):
		return true, "ignored: If-None-Match was already checked"
	}
	since, ok1 := httpDate(ims)
	lm, ok2 := httpDate(v.c.Situation.Resource.LastModified)
	if !ok1 || !ok2 {
		return true, "ignored: If-Modified-Since " + ims + " or Last-Modified is not a date"
	}
	return lm.After(since), "If-Modified-Since: " + ims + "; Last-Modified " + v.c.Situation.Resource.LastModified
}

// rangeRequested: only GET has range semantics (RFC 9110 §14.2), and a
// failed If-Range means the whole representation is sent (§13.1.5).
func rangeRequested(v *view) (bool, string) {
	r, ok := v.header("Range")
	switch {
	case !ok:
		return false, "no Range header"
	case v.method != "GET":
		return false, "Range is ignored for " + v.method
	case !v.c.Situation.Endpoint.Ranges:
		return false, "Range: " + r + "; the endpoint does not serve ranges, so it is ignored"
	}
	if _, _, parsed, _ := byteRange(r, v.length); !parsed {
		return false, "Range: " + r + " is not one byte range this engine reads, so it is ignored"
	}
	if ir, ok := v.header("If-Range"); ok && !v.ifRange(ir) {
		return false, "If-Range: " + ir + " no longer matches, so the whole representation is sent"
	}
	return true, "Range: " + r
}

func (v *view) ifRange(ir string) bool {
	res := &v.c.Situation.Resource
	if t, ok := httpDate(ir); ok {
		lm, ok := httpDate(res.LastModified)
		return ok && t.Equal(lm)
	}
	return res.ETag != "" && etagMatch(etag(ir), etag(res.ETag), true)
}
