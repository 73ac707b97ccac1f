package marks

import (
	"strings"
	"testing"
)

func TestDrop(t *testing.T) {
	tests := map[string]string{
		"ukraine":             "ukraine",
		"ukr\u200daine":       "ukraine",
		"ukr\u200caine":       "ukraine",
		"\u200e\u00adx\ufe0f": "x",
		"\u200d":              "",
		"":                    "",
		"ukr\U000E0041aine":   "ukraine",
		"été":                 "été",
		"👍🏽":                  "👍🏽", // a skin tone is drawn
		"1\ufe0f\u20e3":       "1\ufe0f\u20e3",
		"\u2764\ufe0f":        "\u2764\ufe0f",
		"🏳\ufe0f\u200d🌈":      "🏳\ufe0f\u200d🌈",
		"👨\u200d👩\u200d👧":     "👨\u200d👩\u200d👧",
		"a\u200d👩":            "a👩",
		"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F": "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
		"x\U000E0067": "x",
		"🏴" + strings.Repeat("\U000E0067", 10000):          "🏴" + strings.Repeat("\U000E0067", maxFlagTags),
		"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645": "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
		"\u0915\u094d\u200d\u0937":                         "\u0915\u094d\u200d\u0937",
		"\u0645\u06cc\u200e\u062e":                         "\u0645\u06cc\u062e", // a direction mark is not a joiner
	}
	for in, want := range tests {
		if got := Drop(in); got != want {
			t.Errorf("Drop(%+q) = %+q, want %+q", in, got, want)
		}
		if again := Drop(Drop(in)); again != Drop(in) {
			t.Errorf("Drop(%+q) is not idempotent: %+q", in, again)
		}
	}
}

func TestDropInWords(t *testing.T) {
	tests := map[string]string{
		"Bundes\u00adregierung":    "Bundesregierung",
		"ukr\u200daine":            "ukraine",
		"zero\u200bwidth":          "zerowidth",
		"\u202eevil\u202c":         "\u202eevil\u202c", // direction controls stand between words
		"a \u200eb":                "a \u200eb",
		"🏳\ufe0f\u200d🌈":           "🏳\ufe0f\u200d🌈",
		"\u2764\ufe0f":             "\u2764\ufe0f",
		"\u0645\u06cc\u200c\u062e": "\u0645\u06cc\u200c\u062e",
	}
	for in, want := range tests {
		if got := DropInWords(in); got != want {
			t.Errorf("DropInWords(%+q) = %+q, want %+q", in, got, want)
		}
	}
}
