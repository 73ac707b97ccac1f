package query

import (
	"slices"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/feeds/marks"
)

// TestCompileLongTagCut: a tag name longer than a tag is kept is asked
// for as the library keeps it, cut by feeds.ShortLine, whether typed as
// tag:, as # or as a prefix; a name that fits is asked for whole.
func TestCompileLongTagCut(t *testing.T) {
	word := strings.Repeat("verylongtag", 120) // 1,320 characters
	words := strings.TrimSpace(strings.Repeat("Long Read ", 150))
	chinese := strings.Repeat("长篇报道", 300)
	fits := strings.Repeat("x", feeds.MaxLineLength)
	kept := func(name string) string { return marks.FoldTag(feeds.ShortLine(name)) }
	tests := []struct {
		name string
		in   string
		want []any
	}{
		{"tag: one word", "tag:" + word, []any{kept(word)}},
		{"# one word", "#" + word, []any{kept(word)}},
		{"tag: words", `tag:"` + words + `"`, []any{kept(words)}},
		{"# words", `#"` + words + `"`, []any{kept(words)}},
		{"tag: chinese", "tag:" + chinese, []any{kept(chinese)}},
		{"tag: prefix", "tag:" + word + "*", []any{kept(word) + "%"}},
		{"-tag:", "-tag:" + word, []any{kept(word)}},
		{"tag: fits", "tag:" + fits, []any{fits}},
		{"tag: prefix fits", "tag:" + fits + "*", []any{fits + "%"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CompileString(tt.in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.Args, tt.want) {
				t.Errorf("%.30q… (%d bytes): args of %v bytes, want %v", tt.in, len(tt.in), argLengths(got.Args), argLengths(tt.want))
			}
		})
	}
}

// TestCutTagNameKeepsShortNames: a name that fits is its own cut, and a
// cut name cut again is the same name.
func TestCutTagNameKeepsShortNames(t *testing.T) {
	for _, name := range []string{"news", "long read", strings.Repeat("长", feeds.MaxLineLength), strings.Repeat("x", feeds.MaxLineLength)} {
		if got := CutTagName(name); got != name {
			t.Errorf("CutTagName(%.20q…) = %.20q…, want it unchanged", name, got)
		}
	}
	cut := CutTagName(strings.Repeat("verylongtag", 120))
	if again := CutTagName(cut); again != cut {
		t.Errorf("a cut name cut again is %.20q…, not itself", again)
	}
}

// argLengths is how many bytes each argument has, to tell long ones apart.
func argLengths(args []any) []int {
	n := make([]int, len(args))
	for i, a := range args {
		s, _ := a.(string)
		n[i] = len(s)
	}
	return n
}
