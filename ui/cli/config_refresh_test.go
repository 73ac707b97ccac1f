package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRefreshEvery: refresh_every reads as a duration Go writes, with days
// and weeks as queries count them, or a number of minutes, as newsboat's
// reload-time counts them, written as a number or a string; less than a
// minute, or anything else, is refused naming the setting and its line.
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
		{`"30"`, 30 * time.Minute, ""},
		{`" 30 "`, 30 * time.Minute, ""},
		{`"1d"`, 24 * time.Hour, ""},
		{`"2w"`, 14 * 24 * time.Hour, ""},
		{`"1d12h"`, 36 * time.Hour, ""},
		{`"1.5d"`, 36 * time.Hour, ""},
		{"0", 0, ""},
		{`"0"`, 0, ""},
		{`"0s"`, 0, ""},
		{`"1m"`, time.Minute, ""},
		{`"10s"`, 0, "refresh_every (line 1): at least a minute (or 0: never), not 10s"},
		{"-5", 0, "refresh_every (line 1): at least a minute (or 0: never), not -5m"},
		{`"-1d"`, 0, "refresh_every (line 1): at least a minute (or 0: never), not -24h"},
		{`"soon"`, 0, `refresh_every (line 1): want a duration such as "30m", "2h" or "1d", or a number of minutes, not "soon"`},
		{`"1x"`, 0, `not "1x"`},
		{`"d"`, 0, `not "d"`},
		{`"1dd"`, 0, `not "1dd"`},
		{`"99999999999999d"`, 0, `not "99999999999999d"`},
		{"9999999999999999", 0, "not 9999999999999999"},
		{"true", 0, `refresh_every (line 1): want a duration such as "30m" or a number of minutes, not true`},
		{"1.5", 0, "refresh_every (line 1): want a duration"},
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
