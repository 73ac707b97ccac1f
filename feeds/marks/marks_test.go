package marks

import "testing"

func TestDropTag(t *testing.T) {
	tests := map[string]string{
		"ukraine":                 "ukraine",
		"ukr\u200daine":           "ukraine",
		"\u200e\u00adx\ufe0f":     "x",
		"👍🏽":                      "👍",
		"1\ufe0f\u20e3":           "1",
		"été":                     "été",
		"\U000E0041tag\U000E007F": "tag",
		"":                        "",
	}
	for in, want := range tests {
		if got := DropTag(in); got != want {
			t.Errorf("DropTag(%q) = %q, want %q", in, got, want)
		}
	}
}
