package scenario_test

import (
	"fmt"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
)

func ExampleByID() {
	s, ok := scenario.ByID("duplicate-email")
	if !ok {
		return
	}
	d := engine.Recommend(s.Case)
	fmt.Println(s.Title)
	fmt.Println(s.Code, d.Code == s.Code, s.Class())
	// Output:
	// Sign up with an e-mail that is taken
	// 409 true 4
}
