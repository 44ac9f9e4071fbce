package ui

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
	"whichstatus/app/share"
)

// open mounts a playground and navigates it to a URL, as the router does.
func open(t *testing.T, rawURL string) (*Playground, string) {
	t.Helper()
	p := &Playground{}
	disp := app.NewClientTester(p)
	t.Cleanup(disp.Close)
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	disp.Nav(u)
	disp.Consume()
	return p, app.HTMLString(p)
}

func TestShareLinkOpens(t *testing.T) {
	s, _ := scenario.ByID("duplicate-email")
	c := s.Case
	c.Request.Body = `{"email": `
	p, html := open(t, "/scenarios/duplicate-email?case="+share.Encode(c))
	for _, want := range []string{`class="num">400<`, "You changed this case", s.Title} {
		if !strings.Contains(html, want) {
			t.Errorf("the shared, changed scenario lacks %q", want)
		}
	}
	if got, want := p.link(p.token(), "embed=1"), "/scenarios/duplicate-email?case="+share.Encode(c)+"&embed=1"; got != want {
		t.Errorf("link(embed=1) = %s, want %s", got, want)
	}

	// Unchanged, a scenario's link is its page.
	p, _ = open(t, "/scenarios/duplicate-email?case="+share.Encode(s.Case))
	if got := p.link(p.token(), ""); got != "/scenarios/duplicate-email" {
		t.Errorf("link of an unchanged scenario = %s", got)
	}
}

func TestDamagedLinkShowsMessage(t *testing.T) {
	for _, tt := range []struct{ url, code string }{
		{"/scenarios/duplicate-email?case=1!!", ">409<"},
		{"/?case=", ">200<"},
		{"/?case=2abc", ">200<"},
		{"/?case=1%%%%", ">200<"},
		{"/?x=1&case=%zz&y", ">200<"},
	} {
		_, html := open(t, tt.url)
		if !strings.Contains(html, `id="link-error"`) || !strings.Contains(html, "This share link ") || !strings.Contains(html, tt.code) {
			t.Errorf("%s: want the message and the page's own case (%s)", tt.url, tt.code)
		}
		if strings.Contains(html, "?.") || strings.Contains(html, "..<") {
			t.Errorf("%s: the message has stray punctuation", tt.url)
		}
	}
}

func TestEmbedView(t *testing.T) {
	c := engine.Case{Request: engine.Request{Method: "POST", URL: "/x", Body: `<img src=x onerror=alert(1)>`,
		Headers: []engine.Header{{Name: "X-Note", Value: `"><script>alert(1)</script>`}}}}
	_, html := open(t, "/scenarios/duplicate-email?embed=1&lock=1&case="+share.Encode(c))
	for _, want := range []string{`class="embed"`, `id="request-text"`, "POST /x HTTP/1.1", "&lt;img src=x", "Open in the playground", `id="trace"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the locked embed lacks %q", want)
		}
	}
	for _, bad := range []string{`class="top"`, `id="req-body"`, "<img src=x", "<script>alert"} {
		if strings.Contains(html, bad) {
			t.Errorf("the locked embed contains %q", bad)
		}
	}
	// The embed folds the whole trace once, with no fold inside.
	if got := strings.Count(html, "<details"); got != 1 || strings.Contains(html, "trace-early") {
		t.Errorf("the embed has %d details around its trace, want 1 and no folded early steps", got)
	}
	if _, html := open(t, "/scenarios/duplicate-email?embed=1"); !strings.Contains(html, `id="req-body"`) {
		t.Errorf("an embed without lock=1 cannot edit the request")
	}
}

// An embed may carry its own title and story, and the dialog's snippet
// reflects them and the theme.
func TestEmbedTitleStoryTheme(t *testing.T) {
	s, _ := scenario.ByID("duplicate-email")
	tok := share.EncodeLink(share.Link{Case: s.Case, Title: "Ada signs up twice", Story: "Her second sign-up <b>clashes</b>."})
	_, html := open(t, "/scenarios/duplicate-email?embed=1&case="+tok)
	for _, want := range []string{">Ada signs up twice<", "Her second sign-up &lt;b&gt;clashes&lt;/b&gt;."} {
		if !strings.Contains(html, want) {
			t.Errorf("the embed lacks %q", want)
		}
	}
	if strings.Contains(html, ">"+s.Title+"<") {
		t.Errorf("the embed shows the scenario's title, not its own")
	}

	p, _ := open(t, "/scenarios/duplicate-email")
	p.startEmbedForm()
	if p.emb.title != s.Title || p.embedToken() != "" {
		t.Errorf("the dialog starts from %q with token %q, want the scenario's title and no token", p.emb.title, p.embedToken())
	}
	p.emb.title, p.emb.theme = "Mine", "dark"
	html = app.HTMLString(p.embedDialog())
	l, err := share.DecodeLink(p.embedToken())
	if err != nil || l.Title != "Mine" || l.Story != "" {
		t.Errorf("the embed token holds %+v, %v; want the title Mine and no story (the scenario's own)", l, err)
	}
	for _, want := range []string{"&amp;theme=dark", "whichstatus: Mine", "case=" + p.embedToken()} {
		if !strings.Contains(html, want) {
			t.Errorf("the embed snippet lacks %s", want)
		}
	}
}

func TestRequestText(t *testing.T) {
	got := requestText(engine.Request{Headers: []engine.Header{{Name: "Accept", Value: "*/*"}}, Body: "{}"})
	if want := "GET / HTTP/1.1\nAccept: */*\n\n{}"; got != want {
		t.Errorf("requestText = %q, want %q", got, want)
	}
}

func TestAttr(t *testing.T) {
	if got := attr(`a "b" & <c>`); got != `a &#34;b&#34; &amp; &lt;c>` {
		t.Errorf("attr = %s", got)
	}
}

func TestSavedHref(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{"/scenarios/duplicate-email", "/scenarios/duplicate-email?case=1x"},
		{"/scenarios/gone-away", "/?case=1x"},
		{"https://evil.example/", "/?case=1x"},
		{"", "/?case=1x"},
	} {
		if got := savedHref(savedCase{Path: tt.path, Case: " 1x "}); got != tt.want {
			t.Errorf("savedHref(%q) = %s, want %s", tt.path, got, tt.want)
		}
	}
}

func TestUpdatePrompt(t *testing.T) {
	u := &UpdatePrompt{}
	disp := app.NewClientTester(u)
	defer disp.Close()
	if strings.Contains(app.HTMLString(u), "update-reload") {
		t.Fatal("the prompt shows before any update")
	}
	disp.AppUpdate()
	disp.Consume()
	if html := app.HTMLString(u); !strings.Contains(html, "new version") || !strings.Contains(html, `id="update-reload"`) {
		t.Errorf("after an update the prompt shows %s", html)
	}
}
