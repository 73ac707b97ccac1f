package feeds

import (
	"strings"
	"testing"
)

// Double-encoded UTF-8 read as Windows-1252 puts C1 controls in ordinary
// text: ” (E2 80 9D) becomes "â€" and U+009D, ‐ (E2 80 90) "â€" and U+0090.
// Cleaning drops the control and keeps every word after it.
func TestCleanKeepsTextAfterC1(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"mojibake closing quote": {
			"Minister says â€œnoâ€\u009d to resignation calls amid vote",
			"Minister says â€œnoâ€ to resignation calls amid vote",
		},
		"mojibake hyphen": {
			"a well\u00e2\u20ac\u0090known fact, and more",
			"a wellâ€known fact, and more",
		},
		"osc introducer alone":  {"one \u009d two\u0007 three", "one  two three"},
		"dcs introducer alone":  {"one \u0090 two \u009c three", "one  two  three"},
		"sos pm apc alone":      {"a\u0098b\u009ec\u009fd", "abcd"},
		"csi introducer alone":  {"Ã\u009bBER alles", "ÃBER alles"},
		"latin-1 mojibake dash": {"yes \u00e2\u0080\u0094 no", "yes â no"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := CleanText(tc.in); got != tc.want {
				t.Errorf("CleanText(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got, want := CleanLine(tc.in), foldSpace(tc.want); got != want {
				t.Errorf("CleanLine(%q) = %q, want %q", tc.in, got, want)
			}
		})
	}
}

// TestCleanC1KeepsParagraphs: a C1 introducer in a body loses neither the
// rest of its paragraph nor those after it, and the 7-bit sequences around
// it still go whole.
func TestCleanC1KeepsParagraphs(t *testing.T) {
	in := "He said â€œnoâ€\u009d and left.\nThe vote is next week.\n\nA â€\u0090 dash \x1b]0;title\x07here."
	want := "He said â€œnoâ€ and left.\nThe vote is next week.\n\nA â€ dash here."
	if got := CleanText(in); got != want {
		t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
	}
}

// TestImportKeepsTextAfterC1 imports a JSON line whose title and body hold
// double-encoded quotes and checks that every word is stored.
func TestImportKeepsTextAfterC1(t *testing.T) {
	line := `{"external_id": "moj1", "title": "Minister says \u00e2\u20ac\u0153no\u00e2\u20ac\u009d to resignation calls amid vote", ` +
		`"source": "Wire", "body": "The minister said \u00e2\u20ac\u0153we will not resign\u00e2\u20ac\u009d and then left the building. The opposition called for a vote."}` + "\n"
	items := readString(t, "mojibake.jsonl", line)
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items %+v", items)
	}
	a := items[0].Article
	if want := "Minister says â€œnoâ€ to resignation calls amid vote"; a.Title != want {
		t.Errorf("title %q, want %q", a.Title, want)
	}
	if !strings.HasSuffix(a.Body, "and then left the building. The opposition called for a vote.") {
		t.Errorf("body %q lost its end", a.Body)
	}
}
