package feeds

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// compactDates are runs of digits feeds write as dates, with the instant
// each is read as (UTC; "" for none): a compact date where the digits
// read as one (YYYYMMDD, and its hour, minute and second), else a Unix
// time of 1990 to two days from now, else none.
var compactDates = []struct{ date, want string }{
	{"20240305", "2024-03-05T00:00:00Z"},
	{"2024030510", "2024-03-05T10:00:00Z"},
	{"202403051030", "2024-03-05T10:30:00Z"},
	{"20240305103015", "2024-03-05T10:30:15Z"},
	{"19700102", "1970-01-02T00:00:00Z"},
	{"21001231", "2100-12-31T00:00:00Z"},
	// Not a compact date: a Unix time, of seconds or milliseconds.
	{"1709634600", "2024-03-05T10:30:00Z"},
	{"1709634600000", "2024-03-05T10:30:00Z"},
	{"700000000", "1992-03-07T20:26:40Z"},
	// A month, day, hour or minute out of range, a year before 1970 or
	// after 2100, and a Unix time before 1990 or after two days from now
	// are no date.
	{"20241305", ""},
	{"20240230", ""},
	{"2024030525", ""},
	{"202403051060", ""},
	{"21010101", ""},
	{"19690101", ""},
	{"123456789", ""},
	{"9999999999", ""},
	{"999999999999", ""},
	{"9999999999999", ""},
	{"12345678901", ""},
}

// TestCompactDates: an entry dated by a run of digits is dated at the
// instant compactDates gives, or left undated with the warning that says
// so; never at a Unix time the digits of a date make (1976 for
// 202403051030, 2034 for 2024030510).
func TestCompactDates(t *testing.T) {
	dates := compactDates
	var items strings.Builder
	for i, tt := range dates {
		fmt.Fprintf(&items, `<item><title>t%d</title><guid>g%d</guid><pubDate>%s</pubDate><description>x</description></item>`, i, i, tt.date)
	}
	f, err := ParseFeed([]byte(`<rss version="2.0"><channel><title>t</title>`+items.String()+`</channel></rss>`), "", "", Subscription{URL: testFeedURL})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Article{}
	for _, a := range f.Articles {
		got[a.Title] = a
	}
	for i, tt := range dates {
		a, ok := got[fmt.Sprintf("t%d", i)]
		if !ok {
			t.Errorf("%q: no article", tt.date)
			continue
		}
		if shown := dateShown(a.Published); shown != tt.want {
			t.Errorf("%q: published %q, want %q", tt.date, shown, tt.want)
		}
		warned := strings.Contains(strings.Join(a.Warnings, "\n"), `cannot read "`+tt.date+`" as a date: left undated`)
		if warned != (tt.want == "") {
			t.Errorf("%q: warnings %q; want the undated warning %v", tt.date, a.Warnings, tt.want == "")
		}
	}
}

// TestUnixTimeAhead: a Unix time is read up to two days after now, and
// not beyond: a clock a little fast is a date, a number of a year ahead
// is not.
func TestUnixTimeAhead(t *testing.T) {
	now := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		ahead time.Duration
		ok    bool
	}{{0, true}, {47 * time.Hour, true}, {49 * time.Hour, false}, {365 * 24 * time.Hour, false}} {
		at := now.Add(tc.ahead)
		if _, ok := parseUnixTime(fmt.Sprint(at.Unix()), now); ok != tc.ok {
			t.Errorf("seconds %v ahead: read %v, want %v", tc.ahead, ok, tc.ok)
		}
		if _, ok := parseUnixTime(fmt.Sprint(at.UnixMilli()), now); ok != tc.ok {
			t.Errorf("milliseconds %v ahead: read %v, want %v", tc.ahead, ok, tc.ok)
		}
	}
}

// TestCompactDatesKeepContentIDs: an entry without a guid or a link,
// known by its content and date, keeps the id it had while its compact
// date was read as a Unix time, or not read: the id is made of the date as
// the parser reads it, which reads none here.
func TestCompactDatesKeepContentIDs(t *testing.T) {
	for _, date := range []string{"202403051030", "2024030510", "20240305", "1709634600"} {
		doc := `<rss version="2.0"><channel><title>t</title><item><title>Glatteis</title><pubDate>` + date + `</pubDate><description>Vorsicht.</description></item></channel></rss>`
		f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
		if err != nil || len(f.Articles) != 1 {
			t.Fatalf("%s: ParseFeed: %v, %d articles", date, err, len(f.Articles))
		}
		if want := entryID(testFeedURL, "", Article{Title: "Glatteis", Body: "Vorsicht."}); f.Articles[0].ExternalID != want {
			t.Errorf("%s: id %q, want the id it had before, %q", date, f.Articles[0].ExternalID, want)
		}
	}
}
