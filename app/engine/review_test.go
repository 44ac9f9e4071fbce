package engine

import (
	"slices"
	"strings"
	"testing"
)

// reviewExtras pin the defects that a review of the engine's advice
// against RFC 9110 found (numbered as in the review) and that no other
// golden case shows. They join goldenExtras here, in a file of their own,
// so that edits to that list elsewhere merge without a clash.
var reviewExtras = []struct {
	name string
	c    Case
}{
	// 1: without the refusal, only what really follows is listed.
	{"forbidden to everyone, anonymous, authentication required", Case{Request: Request{Method: "DELETE", URL: "/api/audit-log/"},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "DELETE"}, Forbidden: true, AuthRequired: true}}}},
	// 6: If-Match is false when nothing exists (RFC 9110 §13.1.1).
	{"PUT with If-Match to a missing resource", Case{Request: Request{Method: "PUT", URL: "/api/docs/a", Headers: hdr("If-Match", `"v1"`, "Content-Type", "application/json"), Body: `{}`},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "PUT"}}, Resource: Resource{State: "missing"}}}},
	// 5 and 7: a refused handshake is about the request, not its content;
	// the wrong version gets the versions the server speaks (RFC 6455 §4.4).
	{"WebSocket handshake asking for version 8", Case{Request: Request{Headers: hdr("Connection", "Upgrade", "Upgrade", "websocket", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "8")},
		Situation: Situation{Server: Server{Upgrades: []string{"websocket"}}}}},
	{"WebSocket handshake sent as a POST", Case{Request: Request{Method: "POST", Headers: hdr("Connection", "Upgrade", "Upgrade", "websocket", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13")},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "POST"}}, Server: Server{Upgrades: []string{"websocket"}}}}},
	// 8: a 206 that answers If-Range sends no Last-Modified or
	// Content-Language (RFC 9110 §15.3.7).
	{"range with a matching If-Range, validators and languages", Case{Request: Request{URL: "/api/exports/3", Headers: hdr("Range", "bytes=0-99", "If-Range", `"e3"`, "Accept-Language", "fr")},
		Situation: Situation{Endpoint: Endpoint{Ranges: true, Languages: []string{"en", "fr"}}, Resource: Resource{ETag: `"e3"`, LastModified: lastMod}}}},
	// A Content-Type header with no value names no format at all.
	{"POST with an empty Content-Type", Case{Request: Request{Method: "POST", URL: "/api/users/", Headers: hdr("Content-Type", ""), Body: `{}`},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "POST"}}}}},
	// Under DRF, credentials the authenticator rejects fail before any
	// permission check (AuthenticationFailed), even where all are refused.
	{"forbidden to everyone, rejected token", Case{Request: Request{Method: "DELETE", URL: "/api/audit-log/", Headers: hdr("Authorization", "Bearer expired-token")},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "DELETE"}, Forbidden: true, AuthRequired: true}, Caller: Caller{CredentialsInvalid: true}}}},
	// Without Content-Type the body counts as application/octet-stream
	// (RFC 9110 §8.3): an endpoint that takes raw bytes reads it.
	{"PUT of raw bytes with no Content-Type", Case{Request: Request{Method: "PUT", URL: "/api/files/report.bin", Body: "\x01\x02"},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "PUT"}, Accepts: []string{"application/octet-stream"}}}}},
	{"PUT of raw bytes with no Content-Type to a JSON endpoint", Case{Request: Request{Method: "PUT", URL: "/api/files/report.bin", Body: "\x01\x02"},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "PUT"}}}}},
}

func init() { goldenExtras = append(goldenExtras, reviewExtras...) }

// Finding 13: only a write of content can duplicate what exists; other
// writes are offered a conflict with the resource's current state.
func TestConflictAlternativeFitsTheMethod(t *testing.T) {
	for _, tt := range []struct {
		method, want, not string
	}{
		{"POST", "duplicate", "current state"},
		{"PUT", "duplicate", "current state"},
		{"DELETE", "current state", "duplicate"},
		{"PATCH", "current state", "duplicate"},
	} {
		var got []string
		for _, k := range candidates(Case{Request: Request{Method: tt.method}}) {
			if k.edit.Name == "situation.processing.conflict" {
				got = append(got, k.change)
			}
		}
		if len(got) != 1 || !strings.Contains(got[0], tt.want) || strings.Contains(got[0], tt.not) {
			t.Errorf("candidates(%s) offer the conflicts %q, want one about %q", tt.method, got, tt.want)
		}
	}
	if got := candidates(Case{Request: Request{Method: "GET"}}); slices.ContainsFunc(got, func(k candidate) bool { return k.edit.Name == "situation.processing.conflict" }) {
		t.Errorf("candidates(GET) offer a conflict")
	}
}
