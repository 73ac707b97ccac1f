package feeds

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
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
// What it reads stays as it is: the ids of entries known by their date are
// made of it (parserPublished), and so it leaves laterZones unread.
// parseWrittenFeedTime reads more.
func parseFeedTime(s string) (time.Time, bool) {
	t, ok := readFeedTime(strings.Join(strings.Fields(s), " "))
	if !ok || inLaterZone(t) {
		return time.Time{}, false
	}
	return t, true
}

// readFeedTime is parseFeedTime, s with its spaces folded, with the zones
// of laterZones read.
func readFeedTime(s string) (time.Time, bool) {
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

// parseWrittenFeedTime reads the dates feeds write that parseFeedTime and
// parseFeedTimeZoned do not: month and day names in other languages
// ("Di, 03 Dez 2019", "mar., 01 déc. 2020"), ordinals ("16th Nov"),
// 12-hour clocks ("1:55 PM", "3:09pm", "10:57 a.m."), JavaScript's
// Date.toString() ("Thu Nov 12 2020 17:00:00 GMT+0000 (…)"), "GMT-07:00",
// "GMT+1", zone names ("America/Los_Angeles"), zone abbreviations of
// laterZones, numeric dates that can be read one way only ("03/30/2020"),
// ISO 8601 forms RFC 3339 lacks ("2018-12-12T12:12", "t" and "z" in lower
// case, "24:00", "20201111T120000Z"), W3C dates of a month or a year
// ("2003-12"), compact dates ("202403051030") and Unix times
// (parseNumericFeedTime). It rewrites the date in a form parseFeedTime
// reads (writtenFeedTime) rather than add a layout for every order and
// language. A date that could be read two ways is not read.
func parseWrittenFeedTime(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if t, ok := parseNumericFeedTime(s); ok {
		return t, true
	}
	if t, ok := parseISOFeedTime(s); ok {
		return t, true
	}
	rest, comment := cutComment(s)
	if z, ok := gmtOffsetZone(rest); ok {
		// "2024-03-04 10:00:00 GMT+1", an ISO date with an offset from GMT.
		if t, ok := parseISOTime(z); ok {
			return t, true
		}
	}
	w, ok := writtenFeedTime(rest)
	if !ok {
		return time.Time{}, false
	}
	text := strings.TrimSpace(w.date + " " + w.clock)
	if strings.Contains(w.zone, "/") {
		return parseInZone(text, w.zone)
	}
	if w.zone != "" {
		text += " " + w.zone
	}
	if comment != "" {
		text += " (" + comment + ")"
	}
	return readFeedTime(text)
}

// readsFeedTime reports whether one of the readers of an entry's date
// reads s.
func readsFeedTime(s string) bool {
	for _, parse := range []func(string) (time.Time, bool){parseFeedTime, parseFeedTimeZoned, parseWrittenFeedTime} {
		if _, ok := parse(s); ok {
			return true
		}
	}
	return false
}

// undatedWarning is the warning for an entry left undated (published, as
// read, is zero) although the feed gives it a date that no reader reads,
// quoting the date, so that the reader knows why the article has none. A
// date that is read but is no date (before 1970, published says) has
// none.
func undatedWarning(it *gofeed.Item, published time.Time) string {
	if !published.IsZero() {
		return ""
	}
	for _, d := range []struct {
		parsed *time.Time
		text   string
	}{{it.PublishedParsed, it.Published}, {it.UpdatedParsed, it.Updated}} {
		text := strings.Join(strings.Fields(d.text), " ")
		if text != "" && d.parsed == nil && !readsFeedTime(text) {
			return "cannot read " + quoteShort(text) + " as a date: left undated"
		}
	}
	return ""
}

// compactLayouts are dates feeds write as one run of digits, of a day
// and perhaps its hour, minute and second: "20240305", "202403051030".
// Without a zone they are UTC, as parseFeedTime reads zoneless dates.
var compactLayouts = map[int]string{
	8:  "20060102",
	10: "2006010215",
	12: "200601021504",
	14: "20060102150405",
}

// parseNumericFeedTime reads s, a run of digits, as a compact date
// (parseCompactTime) where it reads as one, else as a Unix time
// (parseUnixTime). A date is tried first: 202403051030 is the 5th of March
// 2024, not a Unix time of 1976.
func parseNumericFeedTime(s string) (time.Time, bool) {
	if !isDigits(s) {
		return time.Time{}, false
	}
	if t, ok := parseCompactTime(s); ok {
		return t, true
	}
	return parseUnixTime(s, time.Now())
}

// parseCompactTime reads s, digits, in the one of compactLayouts its
// length gives, in UTC: a date of 1970 to 2100 with a valid month, day,
// hour, minute and second, else none.
func parseCompactTime(s string) (time.Time, bool) {
	layout, ok := compactLayouts[len(s)]
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(layout, s)
	if err != nil || t.Year() < 1970 || t.Year() > 2100 {
		return time.Time{}, false
	}
	return t, true
}

// Unix times are read only where they fall between unixTimeFrom and two
// days (unixTimeAhead) after now: a number outside is not a date, and one
// read as a date far off would sort first or last for years.
var (
	unixTimeFrom  = time.Date(1990, time.January, 1, 0, 0, 0, 0, time.UTC)
	unixTimeAhead = 48 * time.Hour
)

// parseUnixTime reads s, digits, as a Unix time in UTC, of seconds (9 or
// 10 digits) or of milliseconds (13), when it falls between unixTimeFrom
// and unixTimeAhead after now.
func parseUnixTime(s string, now time.Time) (time.Time, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	var t time.Time
	switch len(s) {
	case 9, 10:
		t = time.Unix(n, 0).UTC()
	case 13:
		t = time.UnixMilli(n).UTC()
	default:
		return time.Time{}, false
	}
	if t.Before(unixTimeFrom) || t.After(now.Add(unixTimeAhead)) {
		return time.Time{}, false
	}
	return t, true
}

// isoTime is an ISO 8601 date and time as feeds write it beyond RFC 3339:
// "t" and "z" in lower case, no seconds, an offset without its colon or
// followed by a "Z" ("-05:00Z"), "24:00" for the end of the day.
var isoTime = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)? ?([Zz]|[+-]\d{2}:?\d{2})?[Zz]?$`)

// isoPartial is a W3C date of a year, or of a year and a month: "2003",
// "2003-12".
var isoPartial = regexp.MustCompile(`^\d{4}(?:-\d{2})?$`)

// isoBasic is an ISO 8601 date and time in the basic format, without
// separators: "20201111T120000Z", "20201111T1200+0100".
var isoBasic = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(\d{2}(?:[.,]\d+)?)?([Zz]|[+-]\d{4})?$`)

// parseISOFeedTime reads s, one of the ISO 8601 forms of isoTime or
// isoBasic, as RFC 3339 reads it: a time without a zone is UTC, as
// parseFeedTime reads it. A W3C date of a year or a month (isoPartial) is
// its first day.
func parseISOFeedTime(s string) (time.Time, bool) {
	if isoPartial.MatchString(s) {
		return parseFeedTime((s + "-01-01")[:10])
	}
	return parseISOTime(s)
}

// parseISOTime reads s, a date and time in one of the ISO 8601 forms of
// isoTime or isoBasic, as RFC 3339 reads it: a time without a zone is UTC.
func parseISOTime(s string) (time.Time, bool) {
	if m := isoBasic.FindStringSubmatch(s); m != nil {
		second := m[6]
		if second != "" {
			second = ":" + strings.Replace(second, ",", ".", 1)
		}
		s = m[1] + "-" + m[2] + "-" + m[3] + "T" + m[4] + ":" + m[5] + second + m[7]
	}
	m := isoTime.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	hour, minute, second, fraction := m[2], m[3], m[4], m[5]
	if second == "" {
		second = "00"
	}
	zone := strings.ToUpper(m[6])
	if len(zone) == 5 {
		zone = zone[:3] + ":" + zone[3:]
	}
	// 24:00 is the end of the day, midnight of the next.
	endOfDay := hour == "24"
	if endOfDay {
		if minute != "00" || second != "00" || strings.Trim(fraction, ".0") != "" {
			return time.Time{}, false
		}
		hour = "00"
	}
	t, ok := parseFeedTime(m[1] + "T" + hour + ":" + minute + ":" + second + fraction + zone)
	if ok && endOfDay {
		t = t.AddDate(0, 0, 1)
	}
	return t, ok
}

// writtenTime is a date as writtenFeedTime reads it apart, each part in
// a form parseFeedTime reads: the date ("16 Nov 2020"), the time of day on
// a 24-hour clock ("13:16:28", or "") and the zone ("+0100", "EST",
// "Europe/Brussels", or "").
type writtenTime struct{ date, clock, zone string }

// writtenFeedTime reads s, a date written with its day, month and year in
// any order and language, a weekday before it and a time after it, apart.
func writtenFeedTime(s string) (writtenTime, bool) {
	weekday, named, words := cutWeekday(dateWords(s))
	date, rest, ok := writtenDate(words, weekday, named)
	if !ok {
		return writtenTime{}, false
	}
	clock, zone, ok := writtenClock(rest)
	return writtenTime{date, clock, zone}, ok
}

// dateFillers are words that join the parts of a date and say nothing
// of it: "at" in "June 22, 2023 at 01:11 PM", "de" in "5 de marzo de
// 2024", the dash in "December 22, 2017 - 3:09pm".
var dateFillers = map[string]bool{
	"-": true, "–": true, "—": true, "|": true, "at": true, "a": true, "de": true, "del": true,
	"las": true, "as": true, "um": true, "uhr": true, "om": true, "alle": true, "ore": true,
	"kl": true, "klo": true, "г": true,
}

// ordinalDay is a day of the month with an ordinal suffix: "16th", "1er".
var ordinalDay = regexp.MustCompile(`(?i)^(\d{1,2})(?:st|nd|rd|th|er)$`)

// dateWords are the words of s, a date, without what only separates
// them: commas, trailing dots ("16.", "Nov.", "juil.", but not those of
// "a.m."), ordinal suffixes and dateFillers.
func dateWords(s string) []string {
	var words []string
	for _, w := range strings.Fields(strings.ReplaceAll(s, ",", " ")) {
		if !meridiem.MatchString(w) {
			w = strings.TrimSuffix(w, ".")
		}
		if m := ordinalDay.FindStringSubmatch(w); m != nil {
			w = m[1]
		}
		if w != "" && !dateFillers[nameFold(w)] {
			words = append(words, w)
		}
	}
	return words
}

// dayName is a word that may name a day of the week: letters, and the
// hyphen of "segunda-feira" or the apostrophe of "п'ятниця".
var dayName = regexp.MustCompile(`^\p{L}+(?:[-'ʼ]\p{L}+)*$`)

// cutWeekday cuts a leading day's name off words, in whatever language,
// and says which day it names when weekdayByName knows. Where a name is a
// month's too, its place tells: "mar., 01 déc. 2020" begins with a
// Tuesday (mardi), since a month follows it, "Mar 5, 2024" with March.
func cutWeekday(words []string) (day time.Weekday, named bool, rest []string) {
	if len(words) < 2 || !dayName.MatchString(words[0]) {
		return 0, false, words
	}
	if isMonthName(words[0]) && !slices.ContainsFunc(words[1:], isMonthName) && !numericDate.MatchString(words[1]) {
		return 0, false, words
	}
	place, named := weekdayByName[nameFold(words[0])]
	return time.Weekday(place), named, words[1:]
}

// isMonthName reports whether w names a month in monthNames.
func isMonthName(w string) bool {
	_, ok := monthByName[nameFold(w)]
	return ok
}

// writtenDate reads the date at the start of words, "2 Jan 2006" and the
// words after it. The month is named ("16 Nov 2020", "Nov 16 2020",
// "2004 július 13", "Nov 2020" for its first day, "Nov 12 17:00:00 2020"
// as ANSI C writes it) or numeric (numericDay), where weekday, when named,
// tells the day from the month.
func writtenDate(words []string, weekday time.Weekday, named bool) (date string, rest []string, ok bool) {
	at := slices.IndexFunc(words, isMonthName)
	if at < 0 {
		return numericDay(words, weekday, named)
	}
	if slices.ContainsFunc(words[at+1:], isMonthName) {
		return "", nil, false // two months
	}
	month := time.Month(monthByName[nameFold(words[at])] + 1)
	word := func(i int) string {
		if i < 0 || i >= len(words) {
			return ""
		}
		return words[i]
	}
	var day, year string
	switch last := len(words) - 1; {
	case at == 1 && isDayNumber(words[0]) && isYear(word(2)):
		day, year, rest = words[0], words[2], words[3:]
	case at == 0 && isDayNumber(word(1)) && isYear(word(2)):
		day, year, rest = words[1], words[2], words[3:]
	case at == 1 && isYear(words[0]) && isDayNumber(word(2)):
		day, year, rest = words[2], words[0], words[3:]
	case at == 0 && isYear(word(1)) && last == 1:
		day, year = "1", words[1]
	case at == 0 && isDayNumber(word(1)) && last > 2 && isYear(words[last]):
		day, year, rest = words[1], words[last], words[2:last]
	default:
		return "", nil, false
	}
	return day + " " + month.String()[:3] + " " + year, rest, true
}

// isDayNumber reports whether w is a day of the month's number, of one
// or two digits; isYear whether w is a year's, of four.
func isDayNumber(w string) bool { return len(w) >= 1 && len(w) <= 2 && isDigits(w) }
func isYear(w string) bool      { return len(w) == 4 && isDigits(w) }

// isDigits reports whether w is ASCII digits only.
func isDigits(w string) bool {
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// numericDate is a date of numbers: "30/03/2020", "03/30/2020",
// "30.10.23".
var numericDate = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})$`)

// numericDay reads a numeric date at the start of words, one word
// ("03/30/2020") or three ("11 04 2020"), as "2 Jan 2006" and the words
// after it (dayAndMonth). A year of two digits is of 1969 to 2068, as Go
// reads one.
func numericDay(words []string, weekday time.Weekday, named bool) (date string, rest []string, ok bool) {
	var a, b, y string
	dotted := false
	if len(words) == 0 {
		return "", nil, false
	}
	if m := numericDate.FindStringSubmatch(words[0]); m != nil && m[2] == m[4] {
		a, b, y, dotted, rest = m[1], m[3], m[5], m[2] == ".", words[1:]
	} else if len(words) >= 3 && isDayNumber(words[0]) && isDayNumber(words[1]) && isYear(words[2]) {
		a, b, y, rest = words[0], words[1], words[2], words[3:]
	} else {
		return "", nil, false
	}
	first, _ := strconv.Atoi(a)
	second, _ := strconv.Atoi(b)
	year, _ := strconv.Atoi(y)
	if len(y) == 2 {
		year += 2000
		if year >= 2069 {
			year -= 100
		}
	}
	day, month, ok := dayAndMonth(first, second, year, dotted, weekday, named)
	if !ok {
		return "", nil, false
	}
	return fmt.Sprintf("%d %s %04d", day, month.String()[:3], year), rest, true
}

// dayAndMonth reads first and second, the first two numbers of a numeric
// date, as its day and month. A dotted date has the day first
// ("30.10.23"), as Europe writes it; another is read the one way it is a
// date ("03/30/2020", "26/06/2020"), else the one way it falls on the
// weekday named before it, else not: "03/04/2020" is no more the 3rd of
// April than the 4th of March.
func dayAndMonth(first, second, year int, dotted bool, weekday time.Weekday, named bool) (day int, month time.Month, ok bool) {
	type dayMonth struct {
		day   int
		month time.Month
	}
	var ways []dayMonth
	for _, w := range []dayMonth{{first, time.Month(second)}, {second, time.Month(first)}} {
		if w.month >= time.January && w.month <= time.December && w.day >= 1 &&
			w.day <= time.Date(year, w.month+1, 0, 0, 0, 0, 0, time.UTC).Day() && !slices.Contains(ways, w) {
			ways = append(ways, w)
		}
		if dotted {
			break
		}
	}
	if len(ways) > 1 && named {
		ways = slices.DeleteFunc(ways, func(w dayMonth) bool {
			return time.Date(year, w.month, w.day, 0, 0, 0, 0, time.UTC).Weekday() != weekday
		})
	}
	if len(ways) != 1 {
		return 0, 0, false
	}
	return ways[0].day, ways[0].month, true
}

// clockWord is a time of day, on a 24-hour clock or a 12-hour one:
// "16:04", "1:55", "3:09pm", "12:37p.m.".
var clockWord = regexp.MustCompile(`(?i)^(\d{1,2}):(\d{2})(:\d{2}(?:\.\d+)?)?((?:a|p)\.?m\.?)?$`)

// meridiem is what follows the time on a 12-hour clock: "PM", "a.m.".
var meridiem = regexp.MustCompile(`(?i)^[ap]\.?m\.?$`)

// writtenClock reads words, what follows a date: a time of day, on a
// 12-hour clock or a 24-hour one, and a zone (writtenZone), either or both
// or neither.
func writtenClock(words []string) (clock, zone string, ok bool) {
	if len(words) > 0 {
		if m := clockWord.FindStringSubmatch(words[0]); m != nil {
			half := m[4]
			words = words[1:]
			if half == "" && len(words) > 0 && meridiem.MatchString(words[0]) {
				half, words = words[0], words[1:]
			}
			hour, _ := strconv.Atoi(m[1])
			if half != "" {
				if hour < 1 || hour > 12 {
					return "", "", false
				}
				hour %= 12
				if strings.EqualFold(half[:1], "p") {
					hour += 12
				}
			}
			clock = fmt.Sprintf("%02d:%s%s", hour, m[2], m[3])
		}
	}
	switch len(words) {
	case 0:
		return clock, "", true
	case 1:
		zone, ok = writtenZone(words[0])
		return clock, zone, ok
	}
	return "", "", false
}

// zoneOffset is a zone's offset from UTC, after "GMT" or "UTC" or alone:
// "GMT+0000", "GMT-07:00", "UTC+1", "+01:00".
var zoneOffset = regexp.MustCompile(`(?i)^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$`)

// zoneName is a zone's name in the IANA time zone database:
// "America/Los_Angeles", "Europe/Brussels".
var zoneName = regexp.MustCompile(`^[A-Z][A-Za-z]+(?:/[A-Za-z0-9_+-]+)+$`)

// writtenZone reads w, the zone after a date's time, as parseFeedTime
// reads it ("+0100"), or as a zone's abbreviation or name, left for
// parseFeedTime's zoneOffsets and parseInZone to read.
func writtenZone(w string) (string, bool) {
	if m := zoneOffset.FindStringSubmatch(w); m != nil {
		hours, _ := strconv.Atoi(m[2])
		minutes, _ := strconv.Atoi(m[3])
		return fmt.Sprintf("%s%02d%02d", m[1], hours, minutes), true
	}
	return w, isLetters(w) || zoneName.MatchString(w)
}

// parseInZone reads text, a date and time without a zone, at the zone
// name names in the IANA time zone database ("Europe/Brussels"), when the
// system or Go's own copy of it has it.
func parseInZone(text, name string) (time.Time, bool) {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.Time{}, false
	}
	t, ok := parseFeedLayouts(text)
	if !ok {
		return time.Time{}, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc), true
}
