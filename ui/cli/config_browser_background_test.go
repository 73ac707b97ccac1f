package cli

import (
	"slices"
	"testing"
)

// TestBrowserBackgroundDropped: newsboat's browser "firefox %u &" starts
// the browser in the background in a shell; tidings starts it so itself,
// so the & at the end is left out, with a warning naming the setting and
// its line, rather than given to the browser as an argument. A quoted or
// escaped & is the browser's argument, and the & of a shell's script is
// the script's.
func TestBrowserBackgroundDropped(t *testing.T) {
	const left = `: the & at its end is left out: tidings starts the browser in the background itself`
	tests := []struct {
		name, toml string
		browser    string
		warnings   []string
	}{
		{"a lone & word", "theme = \"dark\"\nbrowser = \"firefox %u &\"\n", "firefox %u",
			[]string{`browser (line 2): "firefox %u &"` + left}},
		{"& after spaces", "browser = \"firefox --new-tab '%u'  &  \"\n", "firefox --new-tab '%u'",
			[]string{`browser (line 1): "firefox --new-tab '%u' & "` + left}}, // spaces drawn as one
		{"& against the last word", "browser = \"firefox %u&\"\n", "firefox %u",
			[]string{`browser (line 1): "firefox %u&"` + left}},
		{"a quoted &", "browser = \"firefox '&'\"\n", "firefox '&'", nil},
		{"an escaped &", "browser = 'firefox \\&'\n", `firefox \&`, nil},
		{"a shell script's &", "browser = \"sh -c 'firefox %u &'\"\n", "sh -c 'firefox %u &'", nil},
		{"no &", "browser = \"w3m %u\"\n", "w3m %u", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := loadConfigText(t, tt.toml)
			if err != nil {
				t.Fatalf("LoadConfig: %v", err)
			}
			if cfg.Browser != tt.browser {
				t.Errorf("browser read as %q, want %q", cfg.Browser, tt.browser)
			}
			if !slices.Equal(cfg.Warnings, tt.warnings) {
				t.Errorf("warnings %q, want %q", cfg.Warnings, tt.warnings)
			}
			if len(cfg.ReaderMistakes) > 0 {
				t.Errorf("reader mistakes %q", cfg.ReaderMistakes)
			}
		})
	}
}
