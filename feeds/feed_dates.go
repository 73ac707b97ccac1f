package feeds

import (
	"regexp"
	"strings"
	"time"
)

// feedTimeLayouts are date forms seen in real feeds that the feed parser
// does not read itself, tried after a leading weekday (in any language) is
// cut off. Times without a zone are UTC; a zone abbreviation ("EST") is
// read from zoneOffsets, as parseTime reads it, never taken for UTC.
var feedTimeLayouts = []string{
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 -07:00",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04 -07:00",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	"2 January 2006 15:04:05 -0700",
	"2 January 2006 15:04 -0700",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04 -0700",
	"Jan 2, 2006 15:04:05 -0700",
	"Jan 2, 2006 3:04 PM",
	"January 2, 2006 3:04 PM",
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"2.1.2006 15:04:05",
	"2.1.2006 15:04",
	"2.1.2006",
	"2 Jan 2006",
	"2 January 2006",
	"Jan 2, 2006",
	"January 2, 2006",
}

// weekdayPrefix is a leading day name, in whatever language: "Tue, ",
// "Di, ", "Tuesday, ".
var weekdayPrefix = regexp.MustCompile(`^\p{L}{2,12}\.?,?\s+`)

// parseFeedTime reads one of the date forms in feedTimeLayouts, with or
// without a leading weekday, with runs of spaces folded, and with a
// trailing RFC 5322 comment ("+0100 (CET)") read as parseCommented does.
func parseFeedTime(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, false
	}
	for _, v := range []string{s, weekdayPrefix.ReplaceAllString(s, "")} {
		t, ok := parseCommented(v, func(v string) (time.Time, bool) {
			if t, ok := parseFeedLayouts(v); ok {
				return t, true
			}
			return parseZonedWith(v, parseFeedLayouts)
		})
		if ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// zonelessLayouts are date forms that feeds write with a zone
// abbreviation after them ("5 March 2024 10:00 IST"), which feedTimeLayouts
// lack without a zone. They are read only before an abbreviation of
// zoneOffsets (parseFeedTimeZoned).
var zonelessLayouts = []string{
	"2 January 2006 15:04:05",
	"2 January 2006 15:04",
	"January 2, 2006 15:04:05",
	"January 2, 2006 15:04",
	"Jan 2, 2006 15:04:05",
	"Jan 2, 2006 15:04",
	"Jan 2 2006 15:04:05",
	"January 2 2006 15:04:05",
}

// parseFeedTimeZoned reads a date that ends with a zone abbreviation of
// zoneOffsets in one of zonelessLayouts, with or without a leading
// weekday: what parseFeedTime leaves unread.
func parseFeedTimeZoned(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, v := range []string{s, weekdayPrefix.ReplaceAllString(s, "")} {
		t, ok := parseZonedWith(v, func(v string) (time.Time, bool) {
			for _, layout := range zonelessLayouts {
				if t, err := time.Parse(layout, v); err == nil {
					return t, true
				}
			}
			return time.Time{}, false
		})
		if ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseFeedLayouts reads s in the first of feedTimeLayouts that fits it.
func parseFeedLayouts(s string) (time.Time, bool) {
	for _, layout := range feedTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
