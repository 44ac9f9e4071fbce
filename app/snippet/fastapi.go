package snippet

import (
	"strconv"
	"strings"

	"whichstatus/app/engine"
)

// fastapiNote says what FastAPI (or the ASGI server under it) does by
// itself.
var fastapiNote = map[int]string{
	100: "The ASGI server (uvicorn, hypercorn) sends 100 Continue when the endpoint first reads the body.",
	101: "Use @app.websocket() for WebSockets: FastAPI performs the handshake and the 101 for you.",
	102: "FastAPI cannot send interim responses; queue the work and answer 202 instead.",
	405: "FastAPI answers 405 itself, with Allow, for a method no route of this path declares.",
	422: "FastAPI answers 422 itself when a request body fails its Pydantic model.",
}

// FastAPI writes a path operation that returns the decision: the status
// from fastapi's status module (Starlette's names, the same as DRF's), an
// error raised as HTTPException with its headers.
func FastAPI(c engine.Case, d engine.Decision) string {
	method := methodOf(c)
	code := d.Constants.DRF.Type() // status.HTTP_409_CONFLICT, or the number
	var b strings.Builder
	b.WriteString("from fastapi import FastAPI, HTTPException, Response, status\n\napp = FastAPI()\n\n\n")
	// post_users: the underscore keeps a path word like "import" from
	// being a Python keyword.
	route := routeMethod(c)
	fn := or(route, "handle") + "_" + strings.ToLower(viewName(c.Request.URL))
	if route == "" {
		b.WriteString("@app.api_route(" + strconv.Quote(pathOf(c)) + ", methods=[" + strconv.Quote(method) + "]")
	} else {
		b.WriteString("@app." + route + "(" + strconv.Quote(pathOf(c)))
	}
	withBody := d.Code < 400 && sendsBody(d, method)
	if withBody {
		b.WriteString(", status_code=" + code + ")\ndef " + fn + "(response: Response):\n")
	} else {
		b.WriteString(")\ndef " + fn + "():\n")
	}
	if note, ok := fastapiNote[d.Code]; ok {
		b.WriteString("    # " + note + "\n")
	}
	if d.Code < 200 {
		b.WriteString("    # " + strconv.Itoa(d.Code) + " " + d.Reason + " is an interim answer; the final one follows.\n")
	}
	hs := headers(d)
	dict := func(indent string) {
		b.WriteString(indent + "headers={\n")
		for _, h := range hs {
			b.WriteString(indent + "    " + strconv.Quote(h.Name) + ": " + strconv.Quote(h.Value) + ",  # " + h.Need + "\n")
		}
		b.WriteString(indent + "},\n")
	}
	switch {
	case d.Code >= 400:
		b.WriteString("    raise HTTPException(\n        status_code=" + code + ",\n        detail=" + strconv.Quote(d.Why) + ",\n")
		if len(hs) > 0 {
			dict("        ")
		}
		b.WriteString("    )\n")
	case !withBody:
		b.WriteString("    return Response(\n        status_code=" + code + ",\n")
		if len(hs) > 0 {
			dict("        ")
		}
		b.WriteString("    )\n")
	default:
		for _, h := range hs {
			b.WriteString("    response.headers[" + strconv.Quote(h.Name) + "] = " + strconv.Quote(h.Value) + "  # " + h.Need + "\n")
		}
		if ct := contentType(d); ct != "application/json" {
			b.WriteString("    return Response(" + strconv.Quote(body(d)) + ", media_type=" + strconv.Quote(ct) + ", status_code=" + code + ", headers=response.headers)\n")
		} else {
			// The example bodies are flat JSON objects of strings and
			// numbers, which Python reads as a dict literal.
			b.WriteString("    return " + body(d) + "\n")
		}
	}
	return b.String()
}
