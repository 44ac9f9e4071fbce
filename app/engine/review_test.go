package engine

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
	// 5: a refused handshake is about the request, not its content.
	{"WebSocket handshake sent as a POST", Case{Request: Request{Method: "POST", Headers: hdr("Connection", "Upgrade", "Upgrade", "websocket", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13")},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "POST"}}, Server: Server{Upgrades: []string{"websocket"}}}}},
}

func init() { goldenExtras = append(goldenExtras, reviewExtras...) }
