package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestSplitRemoval: a removal of a name the articles do not have, whose
// bare words after it name, with it, a tag they have, is told apart.
func TestSplitRemoval(t *testing.T) {
	tests := map[string]struct {
		line  string
		tags  []string
		typed []string
		tag   string
	}{
		"split":                 {"-Long Read", []string{"draft", "Long Read"}, []string{"Long", "Read"}, "Long Read"},
		"any case, any spacing": {"+x -long   READ", []string{"Long Read"}, []string{"long", "READ"}, "Long Read"},
		"the longest":           {"-Long Read Later y", []string{"Long Read", "Long Read Later"}, []string{"Long", "Read", "Later"}, "Long Read Later"},
		"a later removal":       {"-draft -Long Read", []string{"draft", "Long Read"}, []string{"Long", "Read"}, "Long Read"},
		"after a hash":          {"-#Long #Read", []string{"Long Read"}, []string{"Long", "Read"}, "Long Read"},
		"quoted":                {`-"Long Read"`, []string{"Long Read"}, nil, ""},
		"quoted first word":     {`-"Long" Read`, []string{"Long Read"}, nil, ""},
		"quoted next word":      {`-Long "Read"`, []string{"Long Read"}, nil, ""},
		"a sign next":           {"-Long +Read", []string{"Long Read"}, nil, ""},
		"they have the first":   {"-Long Read", []string{"long", "Long Read"}, nil, ""},
		"no such tag":           {"-Long Read", []string{"Long Reads"}, nil, ""},
		"an addition":           {"+Long Read", []string{"Long Read"}, nil, ""},
		"no tags":               {"-Long Read", nil, nil, ""},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			typed, tag, ok := splitRemoval(tt.line, tt.tags)
			if !slices.Equal(typed, tt.typed) || tag != tt.tag || ok != (tt.tag != "") {
				t.Errorf("splitRemoval(%q, %q) = %q, %q, %v; want %q, %q", tt.line, tt.tags, typed, tag, ok, tt.typed, tt.tag)
			}
		})
	}
}

// TestTagEditSplitRemoval: -Long Read on an article tagged "Long Read"
// neither adds Read nor removes anything: the editor stays open on the
// line, and the status line says how to write it, whole on the screen.
func TestTagEditSplitRemoval(t *testing.T) {
	lib := newLibrary(t, 5)
	ctx := context.Background()
	m := start(t, lib, Config{}, 100, 30)
	row, _ := root(t, m).list.current()
	if err := lib.Tag(ctx, []int64{row.ID}, []string{"Long Read", "nato"}, nil); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, pollMsg{})

	m = step(t, m, press("t"))
	m = typeKeys(t, m, "-Long Read")
	m = step(t, m, press("enter"))
	if got := tagsOf(t, lib, row.ID); !slices.Equal(got, []string{"Long Read", "nato"}) {
		t.Errorf("-Long Read changed the tags: %q", got)
	}
	r := root(t, m)
	if !r.editor.open || r.editor.input.Value() != "-Long Read" {
		t.Errorf("the editor is not open on the line: open %v, %q", r.editor.open, r.editor.input.Value())
	}
	const hint = `To remove “Long Read”, write -"Long Read": -Long Read would add “Read”.`
	if s := viewText(m); !strings.Contains(s, hint) {
		t.Errorf("no hint on the screen:\n%s", s)
	}
	checkFits(t, m, 100, 30)

	// Written as it says, it removes the tag.
	m = steps(t, m, "esc", "t")
	m = typeKeys(t, m, `-"Long Read"`)
	m = step(t, m, press("enter"))
	if got := tagsOf(t, lib, row.ID); !slices.Equal(got, []string{"nato"}) {
		t.Errorf(`-"Long Read" left %q`, got)
	}
	// Where the article has a tag of the first word, the line is what it says.
	if err := lib.Tag(ctx, []int64{row.ID}, []string{"Long", "Long Read"}, nil); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, pollMsg{})
	m = step(t, m, press("t"))
	m = typeKeys(t, m, "-Long Read")
	m = step(t, m, press("enter"))
	if got := tagsOf(t, lib, row.ID); !slices.Equal(got, []string{"Long Read", "nato", "Read"}) {
		t.Errorf("-Long Read with Long there: %q", got)
	}
}

// TestTagAllSplitRemoval: tagging what the filter matches (T), the line is
// checked against the library's tags.
func TestTagAllSplitRemoval(t *testing.T) {
	lib := newLibrary(t, 10)
	ctx := context.Background()
	m := start(t, lib, Config{}, 100, 30)
	row, _ := root(t, m).list.current()
	if err := lib.Tag(ctx, []int64{row.ID}, []string{"Long Read"}, nil); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "storm")
	m = steps(t, m, "enter", "T", "y")
	m = typeKeys(t, m, "-long read")
	m = step(t, m, press("enter"))
	if !root(t, m).editor.open || len(idsTagged(t, lib, "read")) != 0 {
		t.Errorf("-long read tagged %v, editor open %v", idsTagged(t, lib, "read"), root(t, m).editor.open)
	}
	if s := root(t, m).status; !strings.Contains(s, `write -"Long Read"`) {
		t.Errorf("status %q", s)
	}
}
