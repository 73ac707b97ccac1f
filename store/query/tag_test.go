package query

import (
	"slices"
	"testing"
)

// TestCompileTagForms: a tag name is asked for composed (NFC), without the
// characters that show nothing and folded, as the library keeps tag names,
// whether it was typed with precomposed letters or with combining marks, as
// a whole name or as a prefix.
func TestCompileTagForms(t *testing.T) {
	tests := []struct {
		in   string
		want []any
	}{
		{"tag:\u00e9t\u00e9", []any{"\u00e9t\u00e9"}},
		{"tag:e\u0301te\u0301", []any{"\u00e9t\u00e9"}},
		{"#e\u0301te\u0301", []any{"\u00e9t\u00e9"}},
		{"tag:\"cafe\u0301 society\"", []any{"caf\u00e9 society"}},
		{"-tag:Zu\u0308rich", []any{"z\u00fcrich"}},
		{"tag:e\u0301t*", []any{"\u00e9t%"}},
		{"tag:ete", []any{"ete"}},
		{"tag:ukr\u200daine", []any{"ukraine"}},
		{"#ukr\u00adai*", []any{"ukrai%"}},
		{"tag:\"long \u200d read\"", []any{"long read"}},
		{"tag:e\u034f\u0301t\u00e9", []any{"\u00e9t\u00e9"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := CompileString(tt.in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.Args, tt.want) {
				t.Errorf("%+q: args %+q, want %+q", tt.in, got.Args, tt.want)
			}
		})
	}
}
