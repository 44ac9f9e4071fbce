//go:build wasm

package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/scenario"
)

// The scenarios come from the client's environment (see ScenariosEnv).
func init() {
	scenario.Source = func() []byte { return []byte(app.Getenv(ScenariosEnv)) }
	scenario.IndexSource = func() string { return app.Getenv(ScenarioIndexEnv) }
}
