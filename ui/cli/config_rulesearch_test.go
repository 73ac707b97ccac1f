package cli

import (
	"slices"
	"strings"
	"testing"
)

// TestConfigRuleTagsAreNormalised: a [[rule]] whose tags are all blank
// once normalised, as rule add normalises them (" ", "#"), has no tag: it
// is refused as a rule without tags is, naming it.
func TestConfigRuleTagsAreNormalised(t *testing.T) {
	for _, tt := range []struct {
		name, tags string
		wantErr    string // "" for none
	}{
		{"a blank tag", `[" "]`, `rule 1 ("ferry"): tags is empty`},
		{"a blank tag alone", `" "`, `rule 1 ("ferry"): tags is empty`},
		{"blank tags", `["", "  ", "#"]`, `rule 1 ("ferry"): tags is empty`},
		{"no tags", `[]`, `rule 1 ("ferry"): tags is empty`},
		{"a blank tag beside one", `[" ", "boat"]`, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadConfigText(t, "[[rule]]\nquery = \"ferry\"\ntags = "+tt.tags+"\n")
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

// TestConfigSearchNamesOnce: two [[search]] tables of one name, in any
// case, are one search: the first is kept, and the second left out with a
// warning naming its line and the search it repeats; the # panel lists the
// name once, as the library's saved searches are one in any case.
func TestConfigSearchNamesOnce(t *testing.T) {
	cfg, err := loadConfigText(t, `[[search]]
name = "Big"
query = "big"

[[search]]
name = "Small"
query = "small"

[[search]]
name = "big"
query = "large"

[[search]]
name = " BIG "
query = "huge"
`)
	if err != nil {
		t.Fatal(err)
	}
	want := []SavedSearch{{Name: "Big", Query: "big"}, {Name: "Small", Query: "small"}}
	if !slices.Equal(cfg.Searches, want) {
		t.Errorf("searches %+v, want %+v", cfg.Searches, want)
	}
	wantWarnings := []string{
		`search.name (line 10): "big": search 1 is named so already ("Big"): this one is left out`,
		`search.name (line 14): " BIG ": search 1 is named so already ("Big"): this one is left out`,
	}
	if !slices.Equal(cfg.Warnings, wantWarnings) {
		t.Errorf("warnings\n%q\nwant\n%q", cfg.Warnings, wantWarnings)
	}
	// A blank name is still the mistake it was, numbered as the file has it.
	if _, err := loadConfigText(t, "[[search]]\nname = \"a\"\nquery = \"a\"\n[[search]]\nname = \"A\"\nquery = \"b\"\n[[search]]\nname = \" \"\nquery = \"c\"\n"); err == nil ||
		!strings.Contains(err.Error(), "search 3: name is empty") {
		t.Errorf("a blank name after a repeated one: %v", err)
	}
}
