package ui

import (
	"strings"
	"testing"
)

// TestRefreshSaysRulesLeftOut: a refresh that left tag rules out (rules
// of the library and config.toml leaving out each other's tags, a query
// that no longer parses) says so on the status line, before the counts,
// which a narrow screen cuts, and where to read why; one that left none
// out says nothing of rules.
func TestRefreshSaysRulesLeftOut(t *testing.T) {
	for _, tt := range []struct {
		res  RefreshResult
		want string
	}{
		{RefreshResult{Feeds: 2, New: 3}, "Fetched 2 feeds: 3 new articles"},
		{RefreshResult{Feeds: 2, New: 3, RulesLeftOut: 2},
			"2 tag rules left out (tidings rule list says why) · Fetched 2 feeds: 3 new articles"},
		{RefreshResult{Feeds: 1, RulesLeftOut: 1, moved: []feedMove{{feed: "News", to: "https://example.com/news.xml"}}},
			"News moved to example.com/news.xml · 1 tag rule left out (tidings rule list says why) · Fetched 1 feed: 0 new articles"},
	} {
		if got := refreshSummary(tt.res); got != tt.want {
			t.Errorf("refreshSummary(%+v) = %q, want %q", tt.res, got, tt.want)
		}
	}
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{}, 120, 24)
	m, _ = m.Update(refreshDoneMsg{res: RefreshResult{Feeds: 2, New: 3, RulesLeftOut: 2}})
	if s := viewText(m); !strings.Contains(s, "2 tag rules left out (tidings rule list says why)") {
		t.Errorf("the status line after the refresh:\n%s", s)
	}
}
