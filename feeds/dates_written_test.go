package feeds

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"testing"
	"time"
)

// writtenDates are dates real feeds write, with the instant each is read
// as (in UTC; "" for none): the forms the feed parser and the layouts do
// not read, in every language and order, and the 71 dates of miniflux's
// date parser tests and of feedparser's, each at the instant they read it
// as but where the date itself says otherwise.
var writtenDates = []struct{ date, want string }{
	// Month and day names in other languages, with and without their dots.
	{"Di, 03 Dez 2019 10:00:00 +0100", "2019-12-03T09:00:00Z"},
	{"Mi, 02 Okt 2019 10:00:00 +0200", "2019-10-02T08:00:00Z"},
	{"Fr, 03 Mai 2019 10:00:00 +0200", "2019-05-03T08:00:00Z"},
	{"Do, 29 Mär 2018 00:00:00 +0200", "2018-03-28T22:00:00Z"},
	{"Dienstag, 5. März 2024 10:00 Uhr", "2024-03-05T10:00:00Z"},
	{"mer, 9 avr 2018 00:00:00 +0200", "2018-04-08T22:00:00Z"},
	{"ven., 03 juil. 2020 15:09:58 +0000", "2020-07-03T15:09:58Z"},
	{"jeu., 02 avril 2020 00:00:00 +0200", "2020-04-01T22:00:00Z"},
	{"Lundi, 16. Novembre 2020 - 15:54", "2020-11-16T15:54:00Z"},
	{"1er janvier 2021", "2021-01-01T00:00:00Z"},
	{"martes, 5 de marzo de 2024 10:00", "2024-03-05T10:00:00Z"},
	{"vie, 12 DIC 2025 09:30:00 +0100", "2025-12-12T08:30:00Z"},
	{"martedì 5 marzo 2024 10:00", "2024-03-05T10:00:00Z"},
	{"gio, 15 ago 2024 18:00:00 +0200", "2024-08-15T16:00:00Z"},
	{"terça-feira, 5 de março de 2024", "2024-03-05T00:00:00Z"},
	{"sex, 11 out 2024 08:00:00 -0300", "2024-10-11T11:00:00Z"},
	{"di 5 mrt 2024 10:00", "2024-03-05T10:00:00Z"},
	{"5 mei 2024", "2024-05-05T00:00:00Z"},
	{"tis, 7 maj 2024 10:00:00 +0200", "2024-05-07T08:00:00Z"},
	{"Τρι, 05 Μαρ 2024 10:00:00 +0200", "2024-03-05T08:00:00Z"},
	{"5 марта 2024 г. 10:00", "2024-03-05T10:00:00Z"},
	{"Salı, 5 Mart 2024 10:00:00 +0300", "2024-03-05T07:00:00Z"},
	// Where a name is a month's and a day's, its place tells which:
	// "mar." before the date is a Tuesday (mardi), "Mar" in it March.
	{"mar., 01 déc. 2020 16:11:02 +0000", "2020-12-01T16:11:02Z"},
	{"mar., 05 mars 2024 10:00:00 +0100", "2024-03-05T09:00:00Z"},
	{"Mar 5, 2024 10:00:00 -0500", "2024-03-05T15:00:00Z"},
	{"Mai 2019", "2019-05-01T00:00:00Z"},

	// JavaScript's Date.toString(), GMT with an offset, 12-hour clocks.
	{"Thu Nov 12 2020 17:00:00 GMT+0000 (Coordinated Universal Time)", "2020-11-12T17:00:00Z"},
	{"Thu Nov 12 2020 17:00:00 GMT+0100 (Central European Standard Time)", "2020-11-12T16:00:00Z"},
	{"Thu, 29 Oct 2020 07:36:03 GMT-07:00", "2020-10-29T14:36:03Z"},
	{"Sun, 17 Dec 2017 1:55 PM EST", "2017-12-17T18:55:00Z"},
	{"Sun, 17 Dec 2017 12:05 AM EST", "2017-12-17T05:05:00Z"},
	{"Friday, December 22, 2017 - 3:09pm", "2017-12-22T15:09:00Z"},
	{"Mon Jan 2 15:04:05 MST 2006", "2006-01-02T22:04:05Z"},
	{"Mon, 09 Apr 2018, 16:04", "2018-04-09T16:04:00Z"},
	{"Mon, 16th Nov 2020 13:16:28 GMT", "2020-11-16T13:16:28Z"},
	{"Fri, 31 Mar 2023 20:19:00 America/Los_Angeles", "2023-04-01T03:19:00Z"},

	// ISO 8601 beyond RFC 3339, Unix times.
	{"2018-12-12T12:12", "2018-12-12T12:12:00Z"},
	{"2018-12-12T12:12+01:00", "2018-12-12T11:12:00Z"},
	{"2018-12-12T12:12:00+0100", "2018-12-12T11:12:00Z"},
	{"1520932969", "2018-03-13T09:22:49Z"},
	{"1520932969000", "2018-03-13T09:22:49Z"},

	// Numeric dates, read only where one reading is a date, or falls on
	// the weekday named.
	{"Fri, 03/04/2020", "2020-04-03T00:00:00Z"},
	{"Wed, 03/04/2020", "2020-03-04T00:00:00Z"},
	{"Mon, 03/04/2020", ""},
	{"do, 03/04/2020", ""}, // Thursday in German and Dutch, Sunday in Spanish
	{"03.04.2020 10:00", "2020-04-03T10:00:00Z"},

	// Not dates, or dates of more than one month.
	{"next Tuesday", ""},
	{"5 listopad 2024", ""}, // November in Polish, October in Croatian
	{"5 Mar Apr 2024", ""},
	{"Sun, 17 Dec 2017 13:55 PM EST", ""},
	{"30/02/2020", ""},
	{"12345", ""},

	// miniflux's date parser tests (internal/reader/date/parser_test.go).
	{"2017-12-22T22:09:49+00:00", "2017-12-22T22:09:49Z"},
	{"2003-12-13t18:30:02z", "2003-12-13T18:30:02Z"},
	{"1985-04-12t23:20:50.52z", "1985-04-12T23:20:50Z"},
	{"1996-12-19t16:39:57-08:00", "1996-12-20T00:39:57Z"},
	{" 2003-12-13t18:30:02z\n", "2003-12-13T18:30:02Z"},
	{"Tue, 03 Jun 2003 09:39:21 GMT", "2003-06-03T09:39:21Z"},
	{"Wed, 26 Dec 2018 10:00:54 PST", "2018-12-26T18:00:54Z"},
	{"Wed, 10 Feb 2021 22:46:00 EST", "2021-02-11T03:46:00Z"},
	{"Sun, 28 Oct 2018 13:48:00 +0100", "2018-10-28T12:48:00Z"},
	{"9 Dec 2016 12:00 GMT", "2016-12-09T12:00:00Z"},
	{"Friday, December 8, 2017 - 3:07pm", "2017-12-08T15:07:00Z"},
	{"Thu, 25 Feb 2016 00:00:00 Europe/Brussels", "2016-02-24T23:00:00Z"},
	{"Di, 23 Jan 2018 00:00:00 +0100", "2018-01-22T23:00:00Z"},
	{"Tue 16 Feb 2016, 23:16:00 EDT", "2016-02-17T03:16:00Z"},
	{"Tue, 16 Feb 2016 23:16:00 EDT", "2016-02-17T03:16:00Z"},
	{"Tue, Feb 16 2016 23:16:00 EDT", "2016-02-17T03:16:00Z"},
	{"March 30 2020 07:02:38 PM", "2020-03-30T19:02:38Z"},
	{"Mon, 30 Mar 2020 19:53 +0000", "2020-03-30T19:53:00Z"},
	{"Mon, 03/30/2020 - 19:19", "2020-03-30T19:19:00Z"},
	{"2020-11-08T16:20:00-05:00Z", "2020-11-08T21:20:00Z"},
	{"Nov. 16, 2020, 10:57 a.m.", "2020-11-16T10:57:00Z"},
	{"Friday 06 November 2020", "2020-11-06T00:00:00Z"},
	{"Mon, November 16, 2020, 11:12 PM EST", "2020-11-17T04:12:00Z"},
	// miniflux reads the 4th of November, a Wednesday.
	{"Sat, 11 04 2020 08:51:49 +0100", "2020-04-11T07:51:49Z"},
	{"Nov. 2020", "2020-11-01T00:00:00Z"},
	{"Fri, 26/06/2020", "2020-06-26T00:00:00Z"},
	{"Jan. 4, 2016, 12:37 p.m.", "2016-01-04T12:37:00Z"},
	{"2018-10-23 04:07:42 +00:00", "2018-10-23T04:07:42Z"},
	{"5 August, 2019", "2019-08-05T00:00:00Z"},
	{"Thurs, 15 Oct 2020 00:00:39 +0000", "2020-10-15T00:00:39Z"},
	{"Thur, 19 Nov 2020 00:00:39 +0000", "2020-11-19T00:00:39Z"},
	{"26 Sep 2022 GMT", "2022-09-26T00:00:00Z"},
	{"Thu, June 22, 2023 at 01:11 PM EDT", "2023-06-22T17:11:00Z"},
	{"Apr 16, 2023 08:01 GMT", "2023-04-16T08:01:00Z"},
	{"Jun 23, 2023 19:00 GMT", "2023-06-23T19:00:00Z"},
	{"09/15/2014 4:20 pm PST", "2014-09-16T00:20:00Z"},
	{"Fri, 23rd Jun 2023 09:32:20 GMT", "2023-06-23T09:32:20Z"},
	{"Sat, Oct 28 2023 08:28:28 PM", "2023-10-28T20:28:28Z"},
	{"Monday, October 6, 2023 - 16:29\n", "2023-10-06T16:29:00Z"},
	{"10/30/23 21:55:58", "2023-10-30T21:55:58Z"},
	{"30.10.23", "2023-10-30T00:00:00Z"},
	{"2023-05-29 00:00:00-13:00", "2023-05-29T13:00:00Z"},
	{"2023-05-29 00:00:00+15:00", "2023-05-28T09:00:00Z"},
	// feedparser's: the RSS 2.0 specification's, the end of a day, W3C
	// dates of a month and a year, dates tidings holds for none (before
	// 1970, and 1970's first second).
	{"Wed, 02 Oct 2002 08:00:00 EST", "2002-10-02T13:00:00Z"},
	{"Wed, 02 Oct 2002 15:00:00 +0200", "2002-10-02T13:00:00Z"},
	{"Mon, 01 Jan 2001 00:00:00 Z", "2001-01-01T00:00:00Z"},
	{"Tue, 29 Feb 2000 12:00:00 UT", "2000-02-29T12:00:00Z"},
	{"2004-02-29T24:00:00Z", "2004-03-01T00:00:00Z"},
	{"2003-12-31T10:14:55.1234567890Z", "2003-12-31T10:14:55Z"},
	{"2003-12-31", "2003-12-31T00:00:00Z"},
	{"2003-12", "2003-12-01T00:00:00Z"},
	{"2003", "2003-01-01T00:00:00Z"},
	{"Wed, 31 Dec 3003 10:14:55 GMT", "3003-12-31T10:14:55Z"},
	{"Sat, 31 Dec 2033 10:14:55 ACDT", "2033-12-30T23:44:55Z"},
	{"Sun, 31 Dec 1899 23:59:59 GMT", ""},
	{"Thu, 01 Jan 1970 00:00:00 GMT", ""},
}

// TestWrittenFeedDates: an entry dated in one of writtenDates, in an RSS
// pubDate and in an Atom updated, is dated at the instant it says, or
// left undated where it says none or could be read two ways; a date read
// wrong (a month of one language taken for another's) is worse than none.
func TestWrittenFeedDates(t *testing.T) {
	var items, entries strings.Builder
	for i, tt := range writtenDates {
		date := html.EscapeString(tt.date)
		fmt.Fprintf(&items, `<item><title>t%d</title><guid>g%d</guid><pubDate>%s</pubDate><description>x</description></item>`, i, i, date)
		fmt.Fprintf(&entries, `<entry><title>t%d</title><id>urn:g%d</id><updated>%s</updated><summary>x</summary></entry>`, i, i, date)
	}
	for _, doc := range []string{
		`<rss version="2.0"><channel><title>t</title>` + items.String() + `</channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id>` + entries.String() + `</feed>`,
	} {
		f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]time.Time{}
		for _, a := range f.Articles {
			got[a.Title] = a.Published
		}
		for i, tt := range writtenDates {
			p, ok := got[fmt.Sprintf("t%d", i)]
			if !ok {
				t.Errorf("%q: no article", tt.date)
				continue
			}
			if shown := dateShown(p); shown != tt.want {
				t.Errorf("%.4s %q: published %s, want %s", doc, tt.date, shown, dateShown(mustParse(tt.want)))
			}
		}
	}
}

// dateShown is t in UTC as RFC 3339 writes it, "" for no date.
func dateShown(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// mustParse reads s, an RFC 3339 time, "" for no date.
func mustParse(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// TestUndatedEntryWarns: an entry whose date no reader reads is left
// undated with a warning that quotes the date, without the control
// characters it was written with, rather than silently; one whose date is read, or read and
// found to be no date (1970's first second), has none.
func TestUndatedEntryWarns(t *testing.T) {
	for _, tc := range []struct {
		name, date, updated string
		want                []string
	}{
		{"unread", "Dienstag nach Ostern", "", []string{`entry "x": cannot read "Dienstag nach Ostern" as a date: left undated`}},
		{"ambiguous", "Mon, 03/04/2020", "", []string{`entry "x": cannot read "Mon, 03/04/2020" as a date: left undated`}},
		{"control characters", "Dienstag\u0085\x1b]0;x\a nach Ostern", "", []string{`entry "x": cannot read "Dienstag nach Ostern" as a date: left undated`}},
		{"read", "Di, 03 Dez 2019 10:00:00 +0100", "", nil},
		{"no date", "Thu, 01 Jan 1970 00:00:00 GMT", "", nil},
		{"none given", "", "", nil},
		{"dated by its update", "someday", "2024-03-05T10:00:00Z", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id><entry><title>x</title><id>urn:x</id>`
			if tc.date != "" {
				doc += `<published>` + html.EscapeString(tc.date) + `</published>`
			}
			if tc.updated != "" {
				doc += `<updated>` + tc.updated + `</updated>`
			}
			f, err := ParseFeed([]byte(doc+`<summary>s</summary></entry></feed>`), "", "", Subscription{URL: testFeedURL})
			if err != nil || len(f.Articles) != 1 {
				t.Fatalf("ParseFeed: %v, %+v", err, f.Articles)
			}
			var got []string
			for _, w := range f.Articles[0].Warnings {
				if strings.Contains(w, "date") {
					got = append(got, w)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("warnings %q, want %q", got, tc.want)
			}
		})
	}
}

// TestWrittenDatesKeepContentIDs: an entry without a guid or a link, known
// by its content and date, keeps the id it had while its date was not
// read, so that the next fetch updates it instead of adding it again.
func TestWrittenDatesKeepContentIDs(t *testing.T) {
	doc := `<rss version="2.0"><channel><title>t</title><item><title>Glatteis</title><pubDate>Di, 03 Dez 2019 10:00:00 +0100</pubDate><description>Vorsicht.</description></item></channel></rss>`
	f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
	if err != nil || len(f.Articles) != 1 {
		t.Fatalf("ParseFeed: %v, %d articles", err, len(f.Articles))
	}
	a := f.Articles[0]
	if want := entryID(testFeedURL, "", Article{Title: "Glatteis", Body: "Vorsicht."}); a.ExternalID != want {
		t.Errorf("id %q, want the id it had before, %q", a.ExternalID, want)
	}
	if dateShown(a.Published) != "2019-12-03T09:00:00Z" {
		t.Errorf("published %v", a.Published)
	}
}
