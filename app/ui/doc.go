// Package ui is the playground's user interface: go-app components for the
// pages (playground, scenarios, code reference, guide, flow) and the small parts
// they are made of.
//
// It is an adapter: it may import the scenarios, the engine, the status
// registry and the content (and, natively only, the flow diagrams' generator), and nothing imports it but cmd/whichstatus. It
// renders the same way when prerendered natively and in the wasm client, so
// it never touches net/http. Everything a person typed is rendered as text;
// app.Raw is kept for the guide's own HTML, rendered at build time, and the
// flow diagrams, drawn at build time.
package ui
