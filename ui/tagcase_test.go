package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"tidings/store"
)

// TestTaggingNamesTheStoredTag: a tag typed in another case than the
// library's (ÉTÉ for été, ΣΟΦΟΣ for σοφος, İZMİR for izmir) is the
// library's tag, and the status line names it as the library spells it, as
// the chips and tidings tag do.
func TestTaggingNamesTheStoredTag(t *testing.T) {
	tests := map[string]struct {
		reader bool   // in the reader, else in the list
		line   string // typed in the editor
		want   string // the status line's start
		tags   []string
	}{
		"add, reader":    {true, "+ÉTÉ", "Tags +été on “Article 000", []string{"izmir", "été", "σοφος"}},
		"remove, reader": {true, "-ÉTÉ", "Tags -été on “Article 000", []string{"izmir", "σοφος"}},
		"bare, list":     {false, "ΣΟΦΟΣ", "Tags +σοφος on “Article 000", []string{"izmir", "été", "σοφος"}},
		"final sigma":    {false, "-ΣΟΦΟΣ", "Tags -σοφος on “Article 000", []string{"izmir", "été"}},
		"dotted capital": {false, "-İZMİR", "Tags -izmir on “Article 000", []string{"été", "σοφος"}},
		"new and old":    {true, "+Neu -Été", "Tags +Neu -été on “Article 000", []string{"izmir", "Neu", "σοφος"}},
		"one tag twice":  {false, "+été +ÉTÉ", "Tags +été on “Article 000", []string{"izmir", "été", "σοφος"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			lib := newLibrary(t, 3)
			ctx := context.Background()
			m := start(t, lib, Config{}, 100, 24)
			row, _ := root(t, m).list.current()
			if err := lib.Tag(ctx, []int64{row.ID}, []string{"été", "σοφος", "izmir"}, nil); err != nil {
				t.Fatal(err)
			}
			m = step(t, m, pollMsg{}) // the list shows them
			if tt.reader {
				m = step(t, m, press("enter"))
			}
			m = step(t, m, press("t"))
			m = typeKeys(t, m, tt.line)
			m = step(t, m, press("enter"))
			if s := root(t, m).status; !strings.HasPrefix(s, tt.want) {
				t.Errorf("status %q, want it to start %q", s, tt.want)
			}
			got := tagsOf(t, lib, row.ID)
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tt.tags))
			if !slices.Equal(got, want) {
				t.Errorf("the library has %q, want %q", got, want)
			}
		})
	}
}

// TestTagAllNamesTheStoredTag: T says so too.
func TestTagAllNamesTheStoredTag(t *testing.T) {
	lib := newLibrary(t, 40)
	ctx := context.Background()
	if err := lib.Tag(ctx, []int64{1}, []string{"été"}, nil); err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "storm sha")
	m = steps(t, m, "enter", "T", "y")
	m = typeKeys(t, m, "ÉTÉ")
	m = step(t, m, press("enter"))
	if s, want := root(t, m).status, "Tags +été on 8 articles matching"; !strings.HasPrefix(s, want) {
		t.Errorf("status %q, want it to start %q", s, want)
	}
}

// TestEditTagsInAnyScript: what the list shows at once, before the library
// answers, is what it will hold: one tag in any case, as the library spells
// it.
func TestEditTagsInAnyScript(t *testing.T) {
	tests := map[string]struct {
		tags, add, remove, known, want []string
	}{
		"has it":          {[]string{"σοφος"}, []string{"ΣΟΦΟΣ"}, nil, nil, []string{"σοφος"}},
		"known spelling":  {nil, []string{"ΣΟΦΟΣ", "İZMİR"}, nil, []string{"izmir", "σοφος"}, []string{"izmir", "σοφος"}},
		"removed":         {[]string{"izmir", "σοφος", "été"}, nil, []string{"İZMİR", "ΣΟΦΟΣ", "ÉTÉ"}, nil, []string{}},
		"dotless ı apart": {[]string{"ılık"}, []string{"ILIK"}, nil, nil, []string{"ILIK", "ılık"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := editTags(tt.tags, tt.add, tt.remove, tt.known); !slices.Equal(got, tt.want) {
				t.Errorf("editTags = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTagKey: one key for the names of one tag, as the library folds them
// (store.Tag), the plain ASCII names the quick way.
func TestTagKey(t *testing.T) {
	for _, names := range [][]string{
		{"ukraine", "Ukraine", "UKRAINE"},
		{"long read", "Long Read", " long  read ", "long\tread"},
		{"été", "ÉTÉ", "e\u0301te\u0301", "ét\u200bé"},
		{"σοφος", "ΣΟΦΟΣ", "σοφοσ"},
		{"izmir", "İzmir", "IZMIR"},
	} {
		for _, n := range names[1:] {
			if tagKey(n) != tagKey(names[0]) {
				t.Errorf("tagKey(%q) = %q, tagKey(%q) = %q: want one key", n, tagKey(n), names[0], tagKey(names[0]))
			}
		}
	}
	for _, pair := range [][2]string{{"ılık", "ilik"}, {"été", "ete"}, {"longread", "long read"}} {
		if tagKey(pair[0]) == tagKey(pair[1]) {
			t.Errorf("%q and %q are one key", pair[0], pair[1])
		}
	}
}

// TestCompletionInAnyScript: the word typed completes to the library's tag
// in any case, and a tag the article has is not offered to add.
func TestCompletionInAnyScript(t *testing.T) {
	e := newTagEditor(newStyles(true, false, nil))
	e.start([]int64{1}, "", "an article", []string{"izmir"}, 1)
	e.setKnown([]store.Tag{{Name: "σοφος", Count: 2}, {Name: "izmir", Count: 1}, {Name: "été", Count: 1}})
	for _, tt := range []struct {
		line string
		want []string
	}{
		{"+ΣΟΦΟΣ", []string{"σοφος"}},
		{"+ÉT", []string{"été"}},
		{"+İZ", nil}, // the article has izmir
		{"-İZ", []string{"izmir"}},
		{"+été ÉT", nil}, // on the line already
	} {
		e.input.SetValue(tt.line)
		e.input.CursorEnd()
		if s, o := e.candidates(); !slices.Equal(append(s, o...), tt.want) {
			t.Errorf("candidates for %q: %q, want %q", tt.line, append(s, o...), tt.want)
		}
	}
}
