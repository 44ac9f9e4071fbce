package engine

import "strings"

// Protocol upgrades (RFC 9110 §7.8) and the WebSocket handshake (RFC 6455).

func upgradeOffered(v *view) (bool, string) {
	up, ok := v.header("Upgrade")
	if !ok {
		return false, "no Upgrade header"
	}
	if v.version != "HTTP/1.1" {
		return false, "Upgrade is ignored in " + v.version
	}
	conn, _ := v.header("Connection")
	if !hasToken(conn, "upgrade") {
		return false, "Upgrade: " + up + " without Connection: upgrade is ignored"
	}
	if p := v.upgradeTo(); p != "" {
		if waiting, _ := expectsContinue(v); waiting {
			return false, "Upgrade: " + up + ", but 100 Continue must come first (RFC 9110 §7.8)"
		}
		return true, "Upgrade: " + up + "; server offers " + p
	}
	return false, "Upgrade: " + up + "; server offers " + or(strings.Join(v.c.Situation.Server.Upgrades, ", "), "no upgrades")
}

// upgradeTo is the first protocol in Upgrade that the server offers or
// requires, "" when there is none.
func (v *view) upgradeTo() string {
	up, _ := v.header("Upgrade")
	s := &v.c.Situation.Server
	for up != "" {
		var p string
		p, up, _ = strings.Cut(up, ",")
		p = strings.TrimSpace(p)
		for _, o := range s.Upgrades {
			if strings.EqualFold(p, o) {
				return p
			}
		}
		if s.RequiredProtocol != "" && strings.EqualFold(p, s.RequiredProtocol) {
			return p
		}
	}
	return ""
}

// upgradeValid checks the WebSocket opening handshake (RFC 6455 §4.1,
// §4.2.1); other protocols need nothing more.
func upgradeValid(v *view) (bool, string) {
	if !strings.EqualFold(v.upgradeTo(), "websocket") {
		return true, "upgrade to " + v.upgradeTo()
	}
	ver, _ := v.header("Sec-WebSocket-Version")
	switch v.handshakeFault() {
	case "method":
		return false, "a WebSocket handshake must be a GET, not " + v.method
	case "key":
		return false, "no Sec-WebSocket-Key"
	case "version":
		return false, "Sec-WebSocket-Version: " + or(ver, "(none)") + "; the protocol's version is 13"
	}
	return true, "GET with Sec-WebSocket-Key and Sec-WebSocket-Version: 13"
}

// handshakeFault names what a WebSocket opening handshake gets wrong
// first ("method", "key", "version"), or "" when it is complete.
func (v *view) handshakeFault() string {
	key, hasKey := v.header("Sec-WebSocket-Key")
	ver, _ := v.header("Sec-WebSocket-Version")
	switch {
	case v.method != "GET":
		return "method"
	case !hasKey || key == "":
		return "key"
	case ver != "13":
		return "version"
	}
	return ""
}

// handshakeWhy explains a refused WebSocket handshake by its fault.
func handshakeWhy(v *view, yes bool) string {
	if yes {
		return "The client asked to upgrade the connection to a protocol the server supports, so it switches."
	}
	switch v.handshakeFault() {
	case "method":
		return "A WebSocket handshake must be a GET; this one is a {method}, so the server refuses it."
	case "key":
		return "The WebSocket handshake has no Sec-WebSocket-Key, so the server cannot prove it read it and refuses it."
	}
	if ver, ok := v.header("Sec-WebSocket-Version"); ok && ver != "" {
		return "The handshake asks for WebSocket version {ws_version}; this server speaks 13."
	}
	return "The handshake names no WebSocket version; this server speaks 13."
}

// protocolOK: the server needs another protocol unless the request is
// already asking to switch to it. Upgrade exists only in HTTP/1.1.
func protocolOK(v *view) (bool, string) {
	p := v.c.Situation.Server.RequiredProtocol
	switch {
	case p == "":
		return true, fServerRequiredProtocol.say(p)
	case v.version != "HTTP/1.1":
		return true, "server wants " + p + ", but " + v.version + " has no Upgrade mechanism"
	case strings.EqualFold(v.upgradeTo(), p):
		return true, "the client is asking to switch to " + p
	}
	return false, "situation.server.required_protocol = " + p
}

// hasToken reports whether a comma-separated list holds tok, ignoring case.
func hasToken(list, tok string) bool {
	for list != "" {
		var t string
		t, list, _ = strings.Cut(list, ",")
		if strings.EqualFold(strings.TrimSpace(t), tok) {
			return true
		}
	}
	return false
}
