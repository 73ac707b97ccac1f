package feeds

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	tests := map[string]struct {
		in   string
		want string // RFC 3339 in UTC; "" when the date cannot be read
	}{
		"RFC 3339":               {"2024-03-05T23:30:00-05:00", "2024-03-06T04:30:00Z"},
		"RFC 3339 UTC":           {"2024-03-05T23:30:00Z", "2024-03-05T23:30:00Z"},
		"a day":                  {"2024-03-05", "2024-03-05T00:00:00Z"},
		"no zone is UTC":         {"2024-03-05 23:30", "2024-03-05T23:30:00Z"},
		"RFC 1123 numeric":       {"Tue, 05 Mar 2024 23:30:00 -0500", "2024-03-06T04:30:00Z"},
		"RFC 1123 EST":           {"Tue, 05 Mar 2024 23:30:00 EST", "2024-03-06T04:30:00Z"},
		"RFC 1123 GMT":           {"Tue, 05 Mar 2024 23:30:00 GMT", "2024-03-05T23:30:00Z"},
		"one-digit day, PDT":     {"Tue, 5 Mar 2024 08:00:00 PDT", "2024-03-05T15:00:00Z"},
		"RFC 822 CST":            {"05 Mar 24 23:30 CST", "2024-03-06T05:30:00Z"},
		"UT":                     {"Tue, 05 Mar 2024 23:30:00 UT", "2024-03-05T23:30:00Z"},
		"Z":                      {"Tue, 05 Mar 2024 23:30:00 Z", "2024-03-05T23:30:00Z"},
		"lower case":             {"2024-03-05 23:30:00 est", "2024-03-06T04:30:00Z"},
		"ISO date and time, IST": {"2024-03-05 10:00:00 IST", "2024-03-05T04:30:00Z"},
		"CEST":                   {"2024-07-05T10:00:00 CEST", "2024-07-05T08:00:00Z"},
		"AEDT":                   {"5 Mar 2024 09:00 AEDT", "2024-03-04T22:00:00Z"},
		"NZDT":                   {"Tue, 05 Mar 2024 12:00:00 NZDT", "2024-03-04T23:00:00Z"},
		"a comment after":        {"Tue, 05 Mar 2024 23:30:00 -0500 (EST)", "2024-03-06T04:30:00Z"},
		"a comment in words":     {"Tue, 05 Mar 2024 23:30:00 -0500 (Eastern Standard Time)", "2024-03-06T04:30:00Z"},
		"a comment is the zone":  {"Tue, 05 Mar 2024 23:30:00 (EST)", "2024-03-06T04:30:00Z"},
		"a zone over a comment":  {"Tue, 05 Mar 2024 23:30:00 +0000 (EST)", "2024-03-05T23:30:00Z"},
		"only a comment":         {"(EST)", ""},
		"runs of spaces":         {"  Tue,  05 Mar 2024   23:30:00 EST ", "2024-03-06T04:30:00Z"},
		"written out":            {"5 March 2024", "2024-03-05T00:00:00Z"},
		"unknown abbreviation":   {"Tue, 05 Mar 2024 23:30:00 XYZ", ""},
		"unknown, four letters":  {"Tue, 05 Mar 2024 23:30:00 ABCT", ""},
		"a zone after a zone":    {"2024-03-05T23:30:00-05:00 EST", ""},
		"a zone and no date":     {"sometime EST", ""},
		"the zero time":          {"0001-01-01", ""},
		"Go's zero time":         {"0001-01-01T00:00:00Z", ""},
		"the year 1":             {"0001-06-01T10:00:00Z", ""},
		"words":                  {"sometime soon", ""},
		"empty":                  {"", ""},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, ok := parseTime(tt.in)
			switch {
			case tt.want == "" && ok:
				t.Errorf("parseTime(%q) = %v, want a failure", tt.in, got)
			case tt.want != "" && !ok:
				t.Errorf("parseTime(%q) failed, want %s", tt.in, tt.want)
			case ok && got.UTC().Format(time.RFC3339) != tt.want:
				t.Errorf("parseTime(%q) = %s, want %s", tt.in, got.UTC().Format(time.RFC3339), tt.want)
			}
		})
	}
}

// Every abbreviation parseTime knows gives its own offset, not UTC's, in
// whatever zone the machine runs.
func TestZoneOffsetsAreUsed(t *testing.T) {
	for abbr, offset := range zoneOffsets {
		got, ok := parseTime("2024-03-05 12:00:00 " + abbr)
		want := time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC).Add(-time.Duration(offset) * time.Second)
		if !ok || !got.Equal(want) {
			t.Errorf("%s: %v %v, want %v", abbr, got, ok, want.UTC())
		}
	}
}

// The file importers read zone abbreviations the same way, and say so when
// they cannot read a date.
func TestImportedDates(t *testing.T) {
	const est = "Tue, 05 Mar 2024 23:30:00 EST"
	want := time.Date(2024, 3, 6, 4, 30, 0, 0, time.UTC)
	htmlPage := func(date string) string {
		return fmt.Sprintf(`<html><head><title>Ferry</title><meta property="article:published_time" content="%s"></head>`+
			`<body><p>The ferry is back.</p></body></html>`, date)
	}
	markdown := func(date string) string {
		return fmt.Sprintf("---\ntitle: Ferry\ndate: %s\n---\n\nThe ferry is back.\n", date)
	}
	tests := map[string]struct {
		name, text string
		warning    string // "" when the date is read
	}{
		"JSON":                   {"a.json", `{"title": "Ferry", "body": "The ferry is back.", "published": "` + est + `"}`, ""},
		"Markdown":               {"a.md", markdown(est), ""},
		"HTML":                   {"a.html", htmlPage(est), ""},
		"HTML, unknown zone":     {"a.html", htmlPage("Tue, 05 Mar 2024 23:30:00 XYZ"), `cannot read "Tue, 05 Mar 2024 23:30:00 XYZ" as a date`},
		"HTML, zero":             {"a.html", htmlPage("0001-01-01"), `cannot read "0001-01-01" as a date`},
		"Markdown, zero":         {"a.md", markdown("0001-01-01"), `"0001-01-01" as a date`},
		"Markdown, unknown zone": {"a.md", markdown("Tue, 05 Mar 2024 23:30:00 XYZ"), `"Tue, 05 Mar 2024 23:30:00 XYZ" as a date`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			items := readString(t, tt.name, tt.text)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("%+v", items)
			}
			a := items[0].Article
			warnings := strings.Join(a.Warnings, "; ")
			if tt.warning == "" {
				if !a.Published.Equal(want) {
					t.Errorf("published %v, want %v", a.Published, want)
				}
				return
			}
			if !a.Published.IsZero() {
				t.Errorf("published %v, want none", a.Published)
			}
			if !strings.Contains(warnings, tt.warning) {
				t.Errorf("warnings %q, want one with %q", warnings, tt.warning)
			}
		})
	}
}
