package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRefreshEvery: refresh_every reads as a duration Go writes or a
// number of minutes, as newsboat's reload-time counts them; less than a
// minute, or anything else, is refused naming the setting.
func TestRefreshEvery(t *testing.T) {
	tests := []struct {
		value   string // "" leaves the setting out
		want    time.Duration
		wantErr string
	}{
		{"", 0, ""},
		{`"30m"`, 30 * time.Minute, ""},
		{`"1h30m"`, 90 * time.Minute, ""},
		{`" 2h "`, 2 * time.Hour, ""},
		{"45", 45 * time.Minute, ""},
		{"0", 0, ""},
		{`"0s"`, 0, ""},
		{`"1m"`, time.Minute, ""},
		{`"10s"`, 0, "refresh_every: at least a minute (or 0: never), not 10s"},
		{"-5", 0, "refresh_every: at least a minute (or 0: never), not -5m"},
		{`"soon"`, 0, `line 1: refresh_every: want a duration such as "30m" or "2h", not "soon"`},
		{"true", 0, `line 1: refresh_every: want a duration such as "30m" or a number of minutes, not true`},
		{"1.5", 0, "refresh_every: want a duration"},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			text := "theme = \"dark\"\n"
			if tt.value != "" {
				text = "refresh_every = " + tt.value + "\n" + text
			}
			if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			cfg, err := LoadConfig(path)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("LoadConfig: %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := time.Duration(cfg.RefreshEvery); got != tt.want {
				t.Errorf("refresh_every = %v, want %v", got, tt.want)
			}
		})
	}
}
