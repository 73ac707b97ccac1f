package query

import (
	"reflect"
	"strings"
	"testing"
)

// TestElfeedHintsSayTheWholeFieldTerm: a sign before one of tidings' field
// terms is told the whole term as typed without the sign, its quoted value
// too, so that what the hint says to write finds what was meant; a field
// with no value after its colon is told what goes there, never the bare
// field name, which tidings refuses.
func TestElfeedHintsSayTheWholeFieldTerm(t *testing.T) {
	tests := []struct {
		query string
		want  []Hint
	}{
		{`+tag:"long read"`, []Hint{{`+tag:"long read"`, `tag:"long read"`}}},
		{`+tag:"long read"*`, []Hint{{`+tag:"long read"*`, `tag:"long read"*`}}},
		{`+Title:"cold war" ukraine`, []Hint{{`+Title:"cold war"`, `Title:"cold war"`}}},
		{`+unread +tag:"a \"b\" c"`, []Hint{{"+unread", "is:unread"}, {`+tag:"a \"b\" c"`, `tag:"a \"b\" c"`}}},
		// Fullwidth syntax is said as typed.
		{`＋tag:＂long read＂`, []Hint{{`＋tag:＂long read＂`, `tag:＂long read＂`}}},
		// No value: what goes after the colon, not the field alone.
		{"+tag:(a OR b)", []Hint{{"+tag:", "tag:NAME"}}},
		{"+is:", []Hint{{"+is:", "is:STATE"}}},
		{"+tag: news", []Hint{{"+tag:", "tag:NAME"}}},
		{"+source:*", []Hint{{"+source:*", "source:NAME"}}},
		// A quote left open is no value.
		{`+tag:"long read`, []Hint{{"+tag:", "tag:NAME"}}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := Hints(tt.query)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Hints(%q) = %q, want %q", tt.query, got, tt.want)
			}
			for _, h := range got {
				if strings.HasSuffix(h.Instead, ":") {
					t.Errorf("Hints(%q) says to write %q, a field with no value", tt.query, h.Instead)
				}
			}
		})
	}
}

// TestElfeedHintLineForAQuotedTag: the line the command line says for
// +tag:"long read" tells the term that finds the tag.
func TestElfeedHintLineForAQuotedTag(t *testing.T) {
	got := HintLine(Hints(`+tag:"long read"`))
	want := `elfeed's syntax searches words here: write tag:"long read" for +tag:"long read"`
	if got != want {
		t.Errorf("HintLine = %q, want %q", got, want)
	}
	if _, err := Parse(`tag:"long read"`); err != nil {
		t.Errorf("what the hint says to write does not parse: %v", err)
	}
}
