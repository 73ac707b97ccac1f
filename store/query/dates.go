package query

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// parseDay reads a UTC year, month or day: "2024", "2024-03", "2024-03-05".
// It returns the half-open range [start, end) that the period covers.
func parseDay(v string) (start, end time.Time, err error) {
	bad := fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", v)
	num := func(s string) (int, bool) {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	var y, m, d int
	var ok bool
	switch {
	case len(v) == 4:
		if y, ok = num(v); !ok {
			return start, end, bad
		}
		start = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(1, 0, 0), nil
	case len(v) == 7 && v[4] == '-':
		y, ok1 := num(v[:4])
		m, ok2 := num(v[5:])
		if !ok1 || !ok2 {
			return start, end, bad
		}
		if m < 1 || m > 12 {
			return start, end, fmt.Errorf("bad date %q: no month %d", v, m)
		}
		start = time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 1, 0), nil
	case len(v) == 10 && v[4] == '-' && v[7] == '-':
		var ok1, ok2, ok3 bool
		y, ok1 = num(v[:4])
		m, ok2 = num(v[5:7])
		d, ok3 = num(v[8:])
		if !ok1 || !ok2 || !ok3 {
			return start, end, bad
		}
		start = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if m < 1 || m > 12 || d < 1 || start.Day() != d {
			return start, end, fmt.Errorf("bad date %q: no such day", v)
		}
		return start, start.AddDate(0, 0, 1), nil
	}
	return start, end, bad
}

// maxSince bounds since:'s number so the arithmetic cannot overflow.
const maxSince = 100000

// parseSince reads since:'s "7d": a count and a unit, h(ours), d(ays),
// w(eeks), m(onths) or y(ears), in either case.
func parseSince(v string) (n int, unit byte, err error) {
	bad := fmt.Errorf("bad period %q: want a number and a unit h, d, w, m or y, like 7d", v)
	if len(v) < 2 {
		return 0, 0, bad
	}
	unit = v[len(v)-1] | 0x20
	switch unit {
	case 'h', 'd', 'w', 'm', 'y':
	default:
		return 0, 0, bad
	}
	digits := v[:len(v)-1]
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, 0, bad
		}
	}
	n, err = strconv.Atoi(digits)
	if err != nil || n > maxSince {
		return 0, 0, fmt.Errorf("bad period %q: at most %d", v, maxSince)
	}
	return n, unit, nil
}

// sinceAhead is how far past now since: still counts an article: a feed
// whose clock or time zone is off dates its news hours ahead, and that is
// news of today; an article dated next year is not.
const sinceAhead = 24 * time.Hour

// since is the start of the last n units before now.
func since(now time.Time, n int, unit byte) time.Time {
	switch unit {
	case 'h':
		return now.Add(-time.Duration(n) * time.Hour)
	case 'd':
		return now.AddDate(0, 0, -n)
	case 'w':
		return now.AddDate(0, 0, -7*n)
	case 'm':
		return monthsBefore(now, n)
	default:
		return monthsBefore(now, 12*n)
	}
}

// monthsBefore is the time n calendar months before t, on the same day of
// the month, or on that month's last day when it is shorter: March 31 less
// a month is February 28 (29 in a leap year), not the March 3 that February
// 31 runs over to, which would leave most of the month out of since:1m.
func monthsBefore(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m-time.Month(n), 1, 0, 0, 0, 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}

// dateSpan is the [from, to) span of time a Date node covers; hasFrom or
// hasTo is false for a side it leaves open.
func dateSpan(n Node, now time.Time) (from, to time.Time, hasFrom, hasTo bool, err error) {
	if n.Field == "since" {
		c, unit, err := parseSince(n.Value)
		if err != nil {
			return from, to, false, false, err
		}
		return since(now, c, unit), now.Add(sinceAhead), true, true, nil
	}
	start, end, err := parseDay(n.Value)
	if err != nil {
		return from, to, false, false, err
	}
	switch n.Field {
	case "after":
		return start, to, true, false, nil
	case "before":
		return from, start, false, true, nil
	case "on", "date":
		return start, end, true, true, nil
	}
	return from, to, false, false, errors.New("unknown date field " + n.Field)
}

// dateRange is the [lo, hi) range of sort keys that holds every article a
// Date node covers; hasLo or hasHi is false for a side it leaves open.
// Where the span begins or ends within a minute the sort keys clamp (before
// 1970, after 2097), the range takes in that whole minute, and with it
// articles dated outside the span: dateExact tells them apart.
func dateRange(n Node, now time.Time) (lo, hi int64, hasLo, hasHi bool, err error) {
	from, to, hasFrom, hasTo, err := dateSpan(n, now)
	if err != nil {
		return 0, 0, false, false, err
	}
	if hasFrom {
		lo, hasLo = SortKeyFloor(from), true
	}
	if hasTo {
		hi, hasHi = keyBefore(to)
	}
	return lo, hi, hasLo, hasHi, nil
}

// shownTime is, in SQL, the time an article is dated, as its sort key's
// minute was taken from it: published, or added when undated.
const shownTime = "(CASE a.published WHEN 0 THEN a.added ELSE a.published END)"

// dateExact is what a Date node asks of the articles whose sort keys hold
// a clamped minute (1970's first, 2097's last), which dateRange cannot
// tell apart by their keys: their dates, read from the row; ok is false
// when the span takes in either clamped minute whole, or neither.
func dateExact(n Node, now time.Time) (f frag, ok bool) {
	from, to, hasFrom, hasTo, err := dateSpan(n, now)
	if err != nil {
		return frag{}, false
	}
	var span []string
	var args []any
	if hasFrom {
		span, args = append(span, shownTime+" >= ?"), append(args, from.Unix())
	}
	if hasTo {
		span, args = append(span, shownTime+" < ?"), append(args, to.Unix())
	}
	cond := strings.Join(span, " AND ")
	if len(span) > 1 {
		cond = "(" + cond + ")"
	}
	var parts []frag
	// 2097's last minute holds every article dated from then on.
	lastStart := int64(maxMinute) * 60
	if (!hasTo || to.Unix()/60 >= maxMinute) && (hasTo || hasFrom && from.Unix() > lastStart) {
		parts = append(parts, frag{"(a.sort_key < ? OR " + cond + ")", append([]any{int64(maxMinute) << idBits}, args...)})
	}
	// 1970's first minute holds every article dated before its end.
	if (!hasFrom || from.Unix() < 60) && (hasFrom || hasTo && to.Unix() < 60) {
		parts = append(parts, frag{"(a.sort_key >= ? OR " + cond + ")", append([]any{int64(1) << idBits}, args...)})
	}
	if len(parts) == 0 {
		return frag{}, false
	}
	return joinFrags(parts, " AND "), true
}

// Sort keys pack the publication minute (Unix minutes, UTC) above a 37-bit
// article id: sort_key = minute<<37 | id. The store clamps the minute to
// [0, 2^26-1], 1970 to 2097, and so do query bounds; the articles of the
// clamped minutes are told apart by the dates in their rows (dateExact).
const (
	idBits    = 37
	maxMinute = 1<<(63-idBits) - 1
)

// SortKeyFloor is the smallest sort key of an article published at t's
// minute: every article published at or after t (to the minute) has a sort
// key >= SortKeyFloor(t). Like the stored keys, times before 1970 count as
// 1970 and times after 2097 as 2097.
func SortKeyFloor(t time.Time) int64 {
	minute := min(max(t.Unix()/60, 0), maxMinute)
	return minute << idBits
}

// keyBefore is the bound below which the sort keys of the articles
// published before t (to the minute) are: SortKeyFloor(t); or, when t is
// within 1970's first minute or before it, the end of that minute, which
// holds every article dated before 1970; or none (ok false) when t is
// within 2097's last minute or after it, since that minute holds every
// article dated from then on. dateExact tells those articles apart.
func keyBefore(t time.Time) (hi int64, ok bool) {
	minute := t.Unix() / 60
	switch {
	case minute >= maxMinute:
		return 0, false
	case t.Unix() < 60:
		return 1 << idBits, true
	}
	return SortKeyFloor(t), true
}
