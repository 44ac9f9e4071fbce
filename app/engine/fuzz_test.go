package engine

import (
	"strings"
	"testing"

	"whichstatus/app/status"
)

// checkDecision is what must hold for any case at all.
func checkDecision(t *testing.T, c Case, d Decision) {
	t.Helper()
	sc, ok := status.Lookup(d.Code)
	if !ok || !sc.Recommendable() {
		t.Fatalf("Recommend(%s) = %d, not a recommendable registered code", Encode(c), d.Code)
	}
	if len(d.Trace) == 0 || d.Trace[len(d.Trace)-1].Next() != itoa(d.Code) {
		t.Fatalf("Recommend(%s): trace does not end at %d", Encode(c), d.Code)
	}
	if d.Why == "" {
		t.Fatalf("Recommend(%s): no why", Encode(c))
	}
	for _, key := range placeholders {
		if p := "{" + key + "}"; strings.Contains(d.Why, p) && !strings.Contains(string(Encode(c)), p) {
			t.Fatalf("Recommend(%s): why %q keeps the placeholder %s", Encode(c), d.Why, p)
		}
	}
}

var placeholders = []string{"method", "unavailable", "rule", "conflict", "ctype", "accepts", "accept", "produces"}

func itoa(n int) string { return status.MustLookup(n).Text()[:3] }

// FuzzDecode: any bytes either decode to a case the engine answers with a
// registered code, or give an error; nothing panics.
func FuzzDecode(f *testing.F) {
	for _, tt := range engineTests {
		f.Add(Encode(tt.c))
	}
	f.Add([]byte(`{`))
	f.Add([]byte(`{"request":{"headers":[{"name":"If-None-Match","value":"*"}]},"situation":{"resource":{"state":"missing"}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Decode(data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("Decode error spans lines: %q", err)
			}
			return
		}
		checkDecision(t, c, Recommend(c))
	})
}

// FuzzRecommend builds cases from loose parts: odd methods, URLs, header
// values and bodies, with every enumerated fact.
func FuzzRecommend(f *testing.F) {
	f.Add("POST", "/api/users/", "Content-Type", "application/json", `{"a":1}`, "If-None-Match", `"v1"`, uint32(0))
	f.Add("GET", "/", "Range", "bytes=5-1", "", "If-Range", "Tue, 03 Nov 2026 10:00:00 GMT", uint32(1<<20))
	f.Add("PUT", "*", "Expect", "100-continue", "{", "Upgrade", "websocket", uint32(0xffffffff))
	f.Fuzz(func(t *testing.T, method, url, h1, v1, body, h2, v2 string, bits uint32) {
		c := Case{Request: Request{Method: method, URL: url, Body: body, Headers: []Header{{h1, v1}, {h2, v2}}}}
		pick := func(field string, shift uint) string {
			ch := Choices[field]
			return ch[int(bits>>shift)%len(ch)]
		}
		c.Profile = Profile(pick("profile", 0))
		s := &c.Situation
		s.Server.Unavailable = pick("situation.server.unavailable", 2)
		s.Endpoint.AuthScheme = pick("situation.endpoint.auth_scheme", 4)
		s.Endpoint.PostResult = pick("situation.endpoint.post_result", 7)
		s.Resource.State = pick("situation.resource.state", 9)
		s.Processing.Failure = pick("situation.processing.failure", 12)
		s.Processing.Conflict = pick("situation.processing.conflict", 15)
		s.Processing.ResponseBody = pick("situation.processing.response_body", 17)
		s.Endpoint.AuthRequired = bits&(1<<19) != 0
		s.Caller.CredentialsInvalid = bits&(1<<20) != 0
		s.Caller.PermissionDenied = bits&(1<<21) != 0
		s.Endpoint.HideExistence = bits&(1<<22) != 0
		s.Endpoint.Ranges = bits&(1<<23) != 0
		s.Endpoint.ConditionalWritesRequired = bits&(1<<24) != 0
		s.Processing.Async = bits&(1<<25) != 0
		s.Processing.LongRunning = bits&(1<<26) != 0
		s.Endpoint.Login = bits&(1<<27) != 0
		s.Resource.KeepMethod = bits&(1<<28) != 0
		s.Endpoint.AllowedMethods = []string{"GET", method}
		s.Resource.ETag = v2
		s.Resource.LastModified = v1
		checkDecision(t, c, Recommend(c))
	})
}
