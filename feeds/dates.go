package feeds

import (
	"strings"
	"time"
)

// timeLayouts are the date forms read from front matter, HTML meta tags and
// JSON, most precise first. Times without a zone are UTC. None has a zone
// abbreviation: Go reads one it does not know as UTC, so parseTime reads
// abbreviations itself (zoneOffsets).
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05",
	"Mon, 2 Jan 2006 15:04",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	time.RFC822Z,
	"02 Jan 06 15:04",
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
}

// zoneOffsets are the time-zone abbreviations parseTime reads, in seconds
// east of UTC. Where one names several zones, it is the one RFC 822 or
// most English-language news means: CST is US Central, IST India, BST
// British Summer Time.
var zoneOffsets = map[string]int{
	"UTC": 0, "UT": 0, "GMT": 0, "Z": 0,
	"EST": -5 * 3600, "EDT": -4 * 3600,
	"CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600,
	"PST": -8 * 3600, "PDT": -7 * 3600,
	"AKST": -9 * 3600, "AKDT": -8 * 3600,
	"HST": -10 * 3600,
	"AST": -4 * 3600, "ADT": -3 * 3600, // Atlantic
	"NST": -(3*3600 + 1800), "NDT": -(2*3600 + 1800), // Newfoundland
	"WET": 0, "WEST": 1 * 3600,
	"BST": 1 * 3600, "IST": 5*3600 + 1800,
	"CET": 1 * 3600, "CEST": 2 * 3600,
	"EET": 2 * 3600, "EEST": 3 * 3600,
	"MSK": 3 * 3600,
	"PKT": 5 * 3600,
	"ICT": 7 * 3600, "WIB": 7 * 3600,
	"SGT": 8 * 3600, "HKT": 8 * 3600, "AWST": 8 * 3600, "PHT": 8 * 3600,
	"JST": 9 * 3600, "KST": 9 * 3600,
	"ACST": 9*3600 + 1800, "ACDT": 10*3600 + 1800,
	"AEST": 10 * 3600, "AEDT": 11 * 3600,
	"NZST": 12 * 3600, "NZDT": 13 * 3600,
	"SAST": 2 * 3600, "CAT": 2 * 3600, "EAT": 3 * 3600, "WAT": 1 * 3600,
}

// parseTime reads a date or time in one of timeLayouts, optionally followed
// by a time-zone abbreviation of zoneOffsets ("Tue, 05 Mar 2024 23:30:00
// EST") and an RFC 5322 comment ("-0500 (EST)", read as cutComment says).
// It fails on an abbreviation it does not know, rather than take the time
// for UTC, and on a time in the year 1 or before: 0001-01-01 is what a
// program writes for a date it does not know.
func parseTime(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, false
	}
	t, ok := parseCommented(s, func(s string) (time.Time, bool) {
		if t, ok := parseLayouts(s); ok {
			return t, true
		}
		return parseZoned(s)
	})
	if !ok || t.UTC().Year() <= 1 {
		return time.Time{}, false
	}
	return t, true
}

// parseCommented reads s with parse, a trailing RFC 5322 comment ("+0100
// (CET)") set aside: a date that gives its zone is read without it, one
// that gives none takes the zone the comment names ("10:00:00 (CET)"),
// when the comment is an abbreviation of zoneOffsets, rather than be read
// as UTC.
func parseCommented(s string, parse func(string) (time.Time, bool)) (time.Time, bool) {
	rest, comment := cutComment(s)
	if rest == "" {
		return time.Time{}, false
	}
	if comment != "" {
		if t, ok := parseZonedWith(rest+" "+comment, parse); ok {
			return t, true
		}
	}
	return parse(rest)
}

// cutComment cuts a trailing parenthesised comment off s, a date with its
// spaces folded: "Tue, 5 Mar 2024 10:00:00 +0100 (CET)" is
// "Tue, 5 Mar 2024 10:00:00 +0100" and "CET".
func cutComment(s string) (rest, comment string) {
	if !strings.HasSuffix(s, ")") {
		return s, ""
	}
	i := strings.LastIndexByte(s, '(')
	if i < 0 {
		return s, ""
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1])
}

// parseLayouts reads s in the first of timeLayouts that fits it.
func parseLayouts(s string) (time.Time, bool) {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseZoned reads a date and time without a zone followed by a zone
// abbreviation.
func parseZoned(s string) (time.Time, bool) { return parseZonedWith(s, parseLayouts) }

// parseZonedWith is parseZoned, the date and time read by parse.
func parseZonedWith(s string, parse func(string) (time.Time, bool)) (time.Time, bool) {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 || !isLetters(s[i+1:]) {
		return time.Time{}, false
	}
	offset, ok := zoneOffsets[strings.ToUpper(s[i+1:])]
	if !ok {
		return time.Time{}, false
	}
	t, ok := parse(s[:i])
	if !ok || t.Location() != time.UTC {
		return time.Time{}, false // no date, or a zone already
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(),
		time.FixedZone(strings.ToUpper(s[i+1:]), offset)), true
}

// isLetters reports whether s is ASCII letters only.
func isLetters(s string) bool {
	for _, c := range []byte(s) {
		if (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return s != ""
}
