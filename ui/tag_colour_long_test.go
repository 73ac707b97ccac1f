package ui

import (
	"context"
	"strings"
	"testing"
)

// TestLongTagColours: a tag_colors key for a tag too long to keep whole
// colours the tag the library keeps, cut to 1,000 characters, whether the
// name is plain ASCII or not, and in any case it is typed.
func TestLongTagColours(t *testing.T) {
	lib := newLibrary(t, 3)
	ctx := context.Background()
	tags := map[string]string{ // the name tagged with: its colour
		strings.Repeat("w", 1200):         "#ffcc00",
		strings.Repeat("long read ", 150): "#00ccff",
		strings.Repeat("é", 1200):         "#00ff00",
	}
	for tag := range tags {
		if err := lib.Tag(ctx, []int64{1}, []string{tag}, nil); err != nil {
			t.Fatal(err)
		}
	}
	m := start(t, lib, Config{TagColors: map[string]string{
		strings.Repeat("W", 1200):         "#ffcc00",
		strings.Repeat("long read ", 150): "#00ccff",
		strings.Repeat("é", 1200):         "#00ff00",
	}}, 100, 24)
	st := root(t, m).styles
	stored := tagsOf(t, lib, 1)
	if len(stored) != len(tags) {
		t.Fatalf("the library holds %d tags, want %d", len(stored), len(tags))
	}
	for _, name := range stored {
		want := ""
		for tag, c := range tags {
			if strings.HasPrefix(tag, strings.TrimSuffix(name, "…")) {
				want = c
			}
		}
		r, g, b, _ := st.tagStyle(name).GetForeground().RGBA()
		if hex := rgbHex(r, g, b); hex != want {
			t.Errorf("the stored tag %.12q… (%d bytes) is %s, want %s", name, len(name), hex, want)
		}
	}
}

// TestLongTagColourKeysOfOneTag: two tag_colors keys that the library
// keeps as one tag once cut are refused, whether plain ASCII or not.
func TestLongTagColourKeysOfOneTag(t *testing.T) {
	tests := map[string][2]string{
		"ASCII":       {strings.Repeat("w", 1200), strings.Repeat("w", 1100)},
		"ASCII, case": {strings.Repeat("w", 1200), strings.Repeat("W", 1100)},
		"accented":    {strings.Repeat("é", 1200), strings.Repeat("é", 1100)},
	}
	for name, keys := range tests {
		t.Run(name, func(t *testing.T) {
			err := Config{TagColors: map[string]string{keys[0]: "1", keys[1]: "2"}}.Validate()
			if err == nil || !strings.Contains(err.Error(), "are one tag") {
				t.Errorf("Validate: %v, want the two keys refused as one tag", err)
			}
		})
	}
	// Two long names that differ before the cut are two tags.
	apart := Config{TagColors: map[string]string{
		"a" + strings.Repeat("w", 1200): "1",
		"b" + strings.Repeat("w", 1200): "2",
	}}
	if err := apart.Validate(); err != nil {
		t.Errorf("Validate of two tags: %v", err)
	}
}
