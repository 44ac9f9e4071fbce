package engine_test

import (
	"fmt"

	"whichstatus/app/engine"
)

// The README's example case: a sign-up whose e-mail address is taken.
func ExampleRecommend() {
	c, err := engine.Decode([]byte(`{
	  "request": {
	    "method": "POST",
	    "url": "/api/users/",
	    "headers": [{"name": "Content-Type", "value": "application/json"}],
	    "body": "{\"email\": \"ann@example.com\"}"
	  },
	  "situation": {
	    "endpoint": {"allowed_methods": ["GET", "POST"]},
	    "processing": {"conflict": "duplicate"}
	  }
	}`))
	if err != nil {
		panic(err)
	}
	d := engine.Recommend(c)
	fmt.Println(d.Code, d.Reason)
	fmt.Println(d.Why)
	fmt.Println(d.Constants.DRF.Name, d.Constants.Go.Name)
	last := d.Trace[len(d.Trace)-1]
	fmt.Println(last.Question, last.Answer(), "→", last.Next())
	// Output:
	// 409 Conflict
	// The request is valid on its own but clashes with the current state (it already exists).
	// status.HTTP_409_CONFLICT http.StatusConflict
	// Does the request fit the resource's current state? no → 409
}
