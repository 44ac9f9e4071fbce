package share

// In wasm, the scenarios come from the embedded files (natively, package
// scenario reads them itself).
import _ "whichstatus/app/scenario/embedded"
