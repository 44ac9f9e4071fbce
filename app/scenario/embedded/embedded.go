// Package embedded gives package scenario its Source in wasm from the
// embedded scenario files, for tests and tools that run in wasm without
// the server (the client is given the list by the server instead, and
// does not link this package). Import it for its effect:
//
//	import _ "whichstatus/app/scenario/embedded"
//
// Natively it does nothing: package scenario reads the files itself.
package embedded
