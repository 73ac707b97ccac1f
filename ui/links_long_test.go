package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
)

// TestLongLinksListed: a link's address longer than the screen reads of a
// field (lineMost) is listed whole, to be opened and copied; one with a
// control or direction character is refused however far into it that is.
func TestLongLinksListed(t *testing.T) {
	long := "https://example.com/l?q=" + strings.Repeat("a", 20000)
	tests := []struct {
		name string
		dest string
		want string // "" when refused
	}{
		{"longer than the screen reads", long, long},
		{"just past it", "https://example.com/l?q=" + strings.Repeat("b", lineMost), "https://example.com/l?q=" + strings.Repeat("b", lineMost)},
		{"a direction override past what the screen reads", long + "\u202egnp.exe", ""},
		{"a C1 control past what the screen reads", long + "\u009b31m", ""},
		{"a direction override where the screen reads", "https://example.com/l?q=\u202e" + strings.Repeat("a", 20000), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links, _ := articleLinks("", "", "A [long link]("+tt.dest+") and [short](https://example.com/s).")
			var got []string
			for _, l := range links {
				got = append(got, l.url)
			}
			want := []string{"https://example.com/s"}
			if tt.want != "" {
				want = append([]string{tt.want}, want...)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("listed %d links of %v bytes, want %d of %v", len(got), lengths(got), len(want), lengths(want))
			}
		})
	}
}

// TestLongLinkOpenedAndCopiedWhole: L lists a body link of 20 KB with the
// others; the panel draws its beginning, and enter opens and y copies the
// whole of it.
func TestLongLinkOpenedAndCopiedWhole(t *testing.T) {
	long := "https://example.com/l?q=" + strings.Repeat("a", 20000)
	mid := "https://example.com/m?q=" + strings.Repeat("b", 10000)
	st, _ := openLibrary(t)
	a := feeds.Article{ExternalID: "LONGLINK", Source: "Wire", Title: "Long link", URL: "https://example.com/ll",
		Published: time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC),
		Body:      "A [short link](https://example.com/s) and a [long link](" + long + ") and [mid](" + mid + ")."}
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	var opened []string
	cfg := Config{OpenURL: func(u string) error { opened = append(opened, u); return nil }}
	m := start(t, st, cfg, 90, 20)
	m = steps(t, m, "enter", "L")
	view := viewText(m)
	if !strings.Contains(view, "Links (4)") || !strings.Contains(view, "long link") || !strings.Contains(view, "https://example.com/l?q=aaa") {
		t.Errorf("the panel does not list the long link:\n%s", view)
	}
	checkFits(t, m, 90, 20)

	m = steps(t, m, "j", "j", "enter")
	if len(opened) != 1 || opened[0] != long {
		t.Errorf("enter on the long link opened %d links of %v bytes, want the long link's %d", len(opened), lengths(opened), len(long))
	}
	m = steps(t, m, "L", "j", "j")
	noClipboardTool(t)
	_, sent := pressCopy(t, m, "y")
	if !reflect.DeepEqual(sent, []tea.Msg{tea.SetClipboard(long)()}) {
		t.Errorf("y on the long link did not copy it whole (%d sent)", len(sent))
	}
}

// lengths are the lengths of ss, in bytes.
func lengths(ss []string) []int {
	n := make([]int, len(ss))
	for i, s := range ss {
		n[i] = len(s)
	}
	return n
}
