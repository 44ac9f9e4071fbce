package ui

import (
	"strconv"
	"strings"
	"testing"
)

// learnerQueries are words people type into a status code reference, with
// what must come first: a code, or "guide:page#section" for the guide's
// search. The words are the ones the issue tracker and our own tries
// showed finding nothing before the keywords existed.
var learnerQueries = []struct{ q, first string }{
	// What people type when they have a situation, not a number.
	{"login", "401"},
	{"logged in", "401"},
	{"not logged in", "401"},
	{"user is not logged in", "401"},
	{"unauthenticated", "401"},
	{"expired", "401"},
	{"token expired", "401"},
	{"jwt", "401"},
	{"permission", "403"},
	{"permissions", "403"},
	{"access denied", "403"},
	{"json", "400"},
	{"invalid json", "400"},
	{"validation", "422"},
	{"unprocessable entity", "422"},
	{"duplicate", "409"},
	{"already exists", "409"},
	{"too big", "413"},
	{"payload too large", "413"},
	{"upload", "413"},
	{"moved", "301"},
	{"rate limit", "429"},
	{"throttled", "429"},
	{"down", "503"},
	{"maintenance", "503"},
	{"timeout", "504"},
	{"upstream", "502"},
	{"crash", "500"},
	{"not modified", "304"},
	{"cache", "304"},
	{"etag", "304"},
	{"created", "201"},
	{"deleted", "204"},
	{"gone", "410"},
	{"wrong method", "405"},
	{"websocket", "101"},
	{"cookie", "431"},
	{"captive portal", "511"},
	{"legal", "451"},
	{"teapot", "418"},
	{"5xx", "500"},
	{"4xx", "400"},
	{"40", "400"},
	{"422", "422"},
	{"http_409", "409"},
	{"HTTPStatus.CONFLICT", "409"},
	{"https", "301"},
	// The guide's search.
	{"401 or 403", "guide:client-errors#authentication"},
	{"400 versus 422", "guide:client-errors#validation"},
	{"failed login", "guide:mistakes#mistake-404-for-failed-login"},
	{"hiding", "guide:client-errors#hiding-existence"},
	{"background", "guide:success#async-work"},
	{"error shape", "guide:best-practices#error-shape"},
	{"size limit", "guide:conventions#limits"},
	{"vary", "guide:conventions#content-negotiation"},
	{"conditional", "guide:redirection#conditional-requests"},
	{"dependency", "guide:server-errors#upstream-failures"},
	{"200 for errors", "guide:mistakes#mistake-200-for-errors"},
}

// TestLearnerQueries: each query finds what it must, first.
func TestLearnerQueries(t *testing.T) {
	if len(learnerQueries) < 40 {
		t.Fatalf("%d queries, want at least 40", len(learnerQueries))
	}
	for _, tt := range learnerQueries {
		if section, ok := strings.CutPrefix(tt.first, "guide:"); ok {
			hits := searchGuide(tt.q)
			if len(hits) == 0 {
				t.Errorf("searchGuide(%q) found nothing, want %s first", tt.q, section)
				continue
			}
			if got := hits[0].Slug + "#" + hits[0].ID; got != section {
				t.Errorf("searchGuide(%q) first = %s, want %s", tt.q, got, section)
			}
			continue
		}
		found := searchCodes(tt.q)
		if len(found) == 0 {
			t.Errorf("searchCodes(%q) found nothing, want %s first", tt.q, tt.first)
			continue
		}
		if got := strconv.Itoa(found[0].Code.Code); got != tt.first {
			var top []string
			for i, m := range found {
				if i == 3 {
					break
				}
				top = append(top, strconv.Itoa(m.Code.Code)+" ("+m.Why+")")
			}
			t.Errorf("searchCodes(%q) first = %s, want %s; top: %s", tt.q, got, tt.first, strings.Join(top, ", "))
		}
		if found[0].Why == "" {
			t.Errorf("searchCodes(%q): the first result does not say why it matched", tt.q)
		}
	}
}

// TestSearchSaysWhy: the reason names the field that matched.
func TestSearchSaysWhy(t *testing.T) {
	for _, tt := range []struct{ q, why string }{
		{"login", "keyword “login”"},
		{"conflict", "phrase"},
		{"unprocessable entity", "formerly “Unprocessable Entity”"},
		{"409", "number"},
		{"5xx", "class 5xx"},
		{"http_409", "constant status.HTTP_409_CONFLICT"},
	} {
		if got := searchCodes(tt.q); len(got) == 0 || got[0].Why != tt.why {
			t.Errorf("searchCodes(%q)[0].Why = %v, want %q", tt.q, got, tt.why)
		}
	}
}
