package ui

import (
	"strings"
	"testing"
)

func TestRenderCache(t *testing.T) {
	r := newRenderer()
	r.cacheSize = 3
	body := "Some *text* to render."
	for id := int64(1); id <= 4; id++ {
		if _, err := r.render(renderKey{id: id, width: 60, style: "dark"}, body); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := r.cached(renderKey{id: 1, width: 60, style: "dark"}); ok {
		t.Error("the least recently used rendering was kept past the cache size")
	}
	for id := int64(2); id <= 4; id++ {
		if _, ok := r.cached(renderKey{id: id, width: 60, style: "dark"}); !ok {
			t.Errorf("rendering %d was dropped", id)
		}
	}
	if _, ok := r.cached(renderKey{id: 2, width: 61, style: "dark"}); ok {
		t.Error("a rendering answered for another width")
	}

	// A body too big for the budget stays alone in the cache.
	r.cacheBytes = 2000
	huge := strings.Repeat("word ", 1000)
	if _, err := r.render(renderKey{id: 9, width: 60, style: "dark"}, huge); err != nil {
		t.Fatal(err)
	}
	if r.recent.Len() != 1 {
		t.Errorf("after a huge rendering the cache holds %d entries, %d bytes", r.recent.Len(), r.bytes)
	}
}

func TestRenderersAreBounded(t *testing.T) {
	r := newRenderer()
	for w := 40; w < 40+3*maxTermRenderers; w++ {
		if err := r.prepare(w, "dark"); err != nil {
			t.Fatal(err)
		}
	}
	if len(r.terms) > maxTermRenderers {
		t.Errorf("%d glamour renderers kept", len(r.terms))
	}
}

func TestRenderMarkdown(t *testing.T) {
	out, err := RenderMarkdown("# Title\n\nBody with &#27;]52;c;eA==&#7; an entity.", "", 80, "dark", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkTerminalSafe(out); err != nil {
		t.Error(err)
	}
	if !strings.Contains(stripSGR(out), "Body with") || !strings.HasSuffix(out, "\n") {
		t.Errorf("rendered: %q", out)
	}
	plain, err := RenderMarkdown("Some *text*.", "", 80, "light", true)
	if err != nil {
		t.Fatal(err)
	}
	checkNoColor(t, plain)
	if _, err := RenderMarkdown("x", "", 80, "blue", false); err == nil {
		t.Error("a bad theme was accepted")
	}
}
