package feeds

import (
	"fmt"
	"testing"
	"time"
)

// TestISODatesSitesWrite: the ISO 8601 dates sites write beyond RFC 3339
// (the Telegraph's offset without a colon and no seconds, the Dropbox
// blog's space and milliseconds, the basic format without separators) are
// read as the instants they are, in front matter and in a page's
// article:published_time alike.
func TestISODatesSitesWrite(t *testing.T) {
	for _, tc := range []struct{ date, want string }{
		{"2017-11-16T14:15+0000", "2017-11-16T14:15:00Z"},
		{"2017-11-16T14:15+0100", "2017-11-16T13:15:00Z"},
		{"2020-11-11 12:00:00.000-0600", "2020-11-11T18:00:00Z"},
		{"2020-11-11 12:00:00-0600", "2020-11-11T18:00:00Z"},
		{"2020-11-11 12:00 -0600", "2020-11-11T18:00:00Z"},
		{"2020-11-11 12:00-06:00", "2020-11-11T18:00:00Z"},
		{"2020-11-11T12:00:00.000-0600", "2020-11-11T18:00:00Z"},
		{"20201111T120000Z", "2020-11-11T12:00:00Z"},
		{"20201111T120000+0100", "2020-11-11T11:00:00Z"},
		{"20201111T1200Z", "2020-11-11T12:00:00Z"},
		{"20201111T120000", "2020-11-11T12:00:00Z"},
	} {
		got, ok := parseTime(tc.date)
		if !ok || got.UTC().Format(time.RFC3339) != tc.want {
			t.Errorf("parseTime(%q) = %v, %v; want %s", tc.date, got.UTC(), ok, tc.want)
		}
		md := readString(t, "d.md", "---\ntitle: D\ndate: "+tc.date+"\n---\n\nBody.\n")
		if len(md) != 1 || md[0].Err != nil || md[0].Article.Published.UTC().Format(time.RFC3339) != tc.want {
			t.Errorf("front matter date: %q: %+v; want %s", tc.date, md, tc.want)
		}
		page := fmt.Sprintf(`<html><head><title>D</title><meta property="article:published_time" content="%s"></head><body><article><p>The body of the article, long enough to be one.</p></article></body></html>`, tc.date)
		html := readString(t, "d.html", page)
		if len(html) != 1 || html[0].Err != nil || html[0].Article.Published.UTC().Format(time.RFC3339) != tc.want {
			t.Errorf("article:published_time %q: published %v; want %s", tc.date, html[0].Article.Published.UTC(), tc.want)
		}
	}
}

// TestDatesReadBeforeReadAlike: dates parseTime read before are read as
// they were; what it did not read, it still does not.
func TestDatesReadBeforeReadAlike(t *testing.T) {
	for _, tc := range []struct{ date, want string }{
		{"2024-03-05T10:00:00+01:00", "2024-03-05T09:00:00Z"},
		{"2024-03-05T10:00:00.5Z", "2024-03-05T10:00:00Z"},
		{"2024-03-05T10:00:00+0100", "2024-03-05T09:00:00Z"},
		{"2024-03-05T10:00", "2024-03-05T10:00:00Z"},
		{"2024-03-05 10:00:00 -0700", "2024-03-05T17:00:00Z"},
		{"2024-03-05 10:00:00+01:00", "2024-03-05T09:00:00Z"},
		{"2024-03-05 10:00", "2024-03-05T10:00:00Z"},
		{"2024-03-05", "2024-03-05T00:00:00Z"},
		{"Tue, 05 Mar 2024 10:00:00 +0100", "2024-03-05T09:00:00Z"},
		{"Tue, 05 Mar 2024 23:30:00 EST", "2024-03-06T04:30:00Z"},
		{"Tue, 05 Mar 2024 10:00:00 +0100 (CET)", "2024-03-05T09:00:00Z"},
		{"Tue, 05 Mar 2024 10:00:00 (CET)", "2024-03-05T09:00:00Z"},
		{"Tue, 05 Mar 2024 10:00:00 +0100 (MEZ)", "2024-03-05T09:00:00Z"},
		{"Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00Z"},
		{"5 March 2024", "2024-03-05T00:00:00Z"},
		{"March 5, 2024", "2024-03-05T00:00:00Z"},
		{"not a date", ""},
		{"2024", ""},
		{"0001-01-01T00:00:00Z", ""},
		{"Tue, 05 Mar 2024 10:00:00 XYZ", ""},
	} {
		got, ok := parseTime(tc.date)
		before, okBefore := formerTime(tc.date)
		if tc.want == "" {
			if ok || okBefore {
				t.Errorf("%q read as %v (before: %v), want no date", tc.date, got, before)
			}
			continue
		}
		if !ok || got.UTC().Format(time.RFC3339) != tc.want || !okBefore || !before.Equal(got) {
			t.Errorf("%q = %v, %v (before %v, %v); want %s", tc.date, got.UTC(), ok, before.UTC(), okBefore, tc.want)
		}
	}
}
