package snippet

import (
	"encoding/json"
	"strconv"
	"strings"

	"whichstatus/app/engine"
)

// nodeNote says what Node's http server or Express does by itself.
var nodeNote = map[int]string{
	100: "Node's http server answers Expect: 100-continue by itself unless you listen for 'checkContinue'.",
	101: "A WebSocket library (ws, socket.io) performs the handshake and writes the 101 for you.",
	304: "res.send() answers 304 itself when the request is fresh (its If-None-Match matches the ETag Express sets).",
	206: "express.static and res.sendFile() answer Range requests (206, 416) for you.",
	416: "express.static and res.sendFile() answer Range requests (206, 416) for you.",
}

// jsString quotes s as a JavaScript string literal: JSON's quoting is
// valid JavaScript, and Go's encoder escapes U+2028 and U+2029 too.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// Express writes an Express route that returns the decision. Node has no
// named constants, so the status is the number, with its phrase beside it.
func Express(c engine.Case, d engine.Decision) string {
	method := methodOf(c)
	var b strings.Builder
	b.WriteString("const express = require(\"express\");\n\nconst app = express();\n\n")
	route := routeMethod(c)
	if route == "" {
		b.WriteString("// app.all() takes every method; this route is for " + jsIdent(method) + ".\n")
		route = "all"
	}
	b.WriteString("app." + route + "(" + jsString(pathOf(c)) + ", (req, res) => {\n")
	if note, ok := nodeNote[d.Code]; ok {
		b.WriteString("  // " + note + "\n")
	}
	if d.Code < 200 {
		b.WriteString("  // " + strconv.Itoa(d.Code) + " " + d.Reason + " is an interim answer; the final one follows.\n")
	}
	for _, h := range headers(d) {
		b.WriteString("  res.set(" + jsString(h.Name) + ", " + jsString(h.Value) + "); // " + h.Need + "\n")
	}
	code := strconv.Itoa(d.Code)
	switch {
	case d.Code == 100:
		b.WriteString("  res.writeContinue();\n")
	case d.Code == 102:
		b.WriteString("  res.writeProcessing();\n")
	case sendsBody(d, method):
		b.WriteString("  res.status(" + code + ") // " + d.Reason + "\n")
		b.WriteString("    .type(" + jsString(contentType(d)) + ")\n")
		if ct := contentType(d); strings.HasSuffix(ct, "json") {
			// The example bodies are flat JSON objects, which JavaScript
			// reads as object literals; json() keeps the type set above.
			b.WriteString("    .json(" + body(d) + ");\n")
		} else {
			b.WriteString("    .send(" + jsString(body(d)) + ");\n")
		}
	default:
		b.WriteString("  res.status(" + code + ").end(); // " + d.Reason + "\n")
	}
	b.WriteString("});\n")
	return b.String()
}

// jsIdent keeps the letters of a method for a comment (a method may hold
// anything a token allows, "*/" and newlines not among them, but be safe).
func jsIdent(m string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return -1
	}, m)
}
