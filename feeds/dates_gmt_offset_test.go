package feeds

import (
	"testing"
	"time"
)

// TestFeedDatesOffsetFromGMT: a feed's date whose zone is an offset from
// GMT of hours ("GMT+1"), which the feed parser reads as GMT, is read at
// that offset, as "UTC+1" and "GMT+01:00" are, and so is one in MEZ or MESZ
// (German for CET and CEST), in English or German. An entry known by its
// date (no guid, no link) keeps the id it had, made of the date as it was
// read for ids before (idAs: at 0, or none when it was read as none), so
// that the next fetch does not add it a second time.
func TestFeedDatesOffsetFromGMT(t *testing.T) {
	const undated = ""
	tests := []struct{ date, want, idAs string }{
		{"Mon, 04 Mar 2024 10:00:00 GMT+1", "2024-03-04T09:00:00Z", "Mon, 04 Mar 2024 10:00:00 GMT"},
		{"4 Mar 2024 10:00:00 GMT+1", "2024-03-04T09:00:00Z", "Mon, 04 Mar 2024 10:00:00 GMT"},
		{"2024-03-04 10:00:00 GMT+1", "2024-03-04T09:00:00Z", "Mon, 04 Mar 2024 10:00:00 GMT"},
		{"Mon, 04 Mar 2024 10:00:00 GMT-7", "2024-03-04T17:00:00Z", "Mon, 04 Mar 2024 10:00:00 GMT"},
		{"Mon, 04 Mar 2024 10:00:00 GMT+10", "2024-03-04T00:00:00Z", "Mon, 04 Mar 2024 10:00:00 GMT"},
		{"Mon, 04 Mar 2024 10:00:00 GMT+0530", "2024-03-04T04:30:00Z", "Mon, 04 Mar 2024 10:00:00 +0530"},
		{"Mon, 04 Mar 2024 10:00:00 UTC+1", "2024-03-04T09:00:00Z", undated},
		{"Mon, 04 Mar 2024 10:00:00 UT+1", "2024-03-04T09:00:00Z", undated},
		{"Mon, 04 Mar 2024 10:00:00 GMT+01:00", "2024-03-04T09:00:00Z", undated},
		{"Di, 03 Dez 2019 10:00:00 MEZ", "2019-12-03T09:00:00Z", undated},
		{"Tue, 03 Dec 2019 10:00:00 MEZ", "2019-12-03T09:00:00Z", "Tue, 03 Dec 2019 10:00:00 GMT"},
		{"Di, 03 Dez 2019 10:00:00 MESZ", "2019-12-03T08:00:00Z", undated},
		{"Tue, 03 Dec 2019 10:00:00 MESZ", "2019-12-03T08:00:00Z", undated},
		{"Tue, 03 Dec 2019 10:00:00 CET", "2019-12-03T09:00:00Z", "Tue, 03 Dec 2019 10:00:00 CET"},
	}
	entry := func(date string) Article {
		t.Helper()
		item := `<item><title>Cranes</title><description>The cranes will go.</description>`
		if date != "" {
			item += `<pubDate>` + date + `</pubDate>`
		}
		f, err := ParseFeed([]byte(`<rss version="2.0"><channel><title>t</title>`+item+`</item></channel></rss>`), "", "", Subscription{URL: testFeedURL})
		if err != nil || len(f.Articles) != 1 {
			t.Fatalf("%s: %v, %+v", date, err, f)
		}
		return f.Articles[0]
	}
	for _, tc := range tests {
		a := entry(tc.date)
		if got := a.Published.UTC().Format(time.RFC3339); got != tc.want {
			t.Errorf("%s: published %s, want %s", tc.date, got, tc.want)
		}
		if before := entry(tc.idAs); before.ExternalID != a.ExternalID {
			t.Errorf("%s: id %s, want %s, the id it had (as %q)", tc.date, a.ExternalID, before.ExternalID, tc.idAs)
		}
	}
}

// TestParseTimeOffsetFromGMT: front matter and pages read an offset from
// GMT ("GMT+1") and MEZ and MESZ at their offsets too.
func TestParseTimeOffsetFromGMT(t *testing.T) {
	for _, tc := range []struct{ date, want string }{
		{"Mon, 04 Mar 2024 10:00:00 GMT+1", "2024-03-04T09:00:00Z"},
		{"4 Mar 2024 10:00:00 GMT+1", "2024-03-04T09:00:00Z"},
		{"2024-03-04 10:00:00 GMT+1", "2024-03-04T09:00:00Z"},
		{"2024-03-04 10:00:00 UTC-05:00", "2024-03-04T15:00:00Z"},
		{"Mon, 04 Mar 2024 10:00:00 GMT+0100 (CET)", "2024-03-04T09:00:00Z"},
		{"Tue, 03 Dec 2019 10:00:00 MEZ", "2019-12-03T09:00:00Z"},
		{"Tue, 03 Dec 2019 10:00:00 MESZ", "2019-12-03T08:00:00Z"},
		{"Mon, 04 Mar 2024 10:00:00 GMT+99", ""},
	} {
		got, ok := parseTime(tc.date)
		if s := got.UTC().Format(time.RFC3339); tc.want == "" && ok || tc.want != "" && (!ok || s != tc.want) {
			t.Errorf("parseTime(%q) = %s, %v; want %q", tc.date, s, ok, tc.want)
		}
	}
}
