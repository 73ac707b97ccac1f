package store

import "testing"

func TestWithoutShortOpenWord(t *testing.T) {
	tests := map[string]string{
		"":                  "",
		"t":                 "",
		"ta":                "",
		"tau":               "tau",
		"ukraine t":         "ukraine ",
		"ukraine ta":        "ukraine ",
		"ukraine tau":       "ukraine tau",
		"ukraine -ta":       "ukraine ",
		"ukraine (oil OR g": "ukraine (oil OR ",
		"ukraine ":          "ukraine ",
		"tag:ta":            "tag:ta",
		"source:ab":         "source:ab",
		`"oil pr`:           `"oil pr`,
		"u.s":               "u.s",
		"zü":                "",
		"東京":                "",
		"東京都":               "東京都",
	}
	for in, want := range tests {
		if got := withoutShortOpenWord(in); got != want {
			t.Errorf("withoutShortOpenWord(%q) = %q, want %q", in, got, want)
		}
	}
}
