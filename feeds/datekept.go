package feeds

import (
	"fmt"
	"time"
)

// lastWritable is the last instant tidings writes: RFC 3339, which JSON
// writes times in, and YAML's timestamps have years of four digits, and
// every time is written in UTC.
var lastWritable = time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)

// WritableDate reports whether t, an article's date, can be written in
// JSON and front matter and read back: no date (the zero time), or a time
// in the years 1 to 9999 in UTC. A date a file or feed gives at an offset
// can fall outside them in UTC (9999-12-31T23:00:00-05:00 is
// 10000-01-01T04:00:00Z): an import reads it as no date (Normalize).
func WritableDate(t time.Time) bool {
	return t.IsZero() || t.UTC().Year() >= 1 && !t.After(lastWritable)
}

// unwritableAt is where, when t is a date tidings cannot keep (see
// WritableDate), else "": what Article.publishedAt and addedAt hold.
func unwritableAt(t time.Time, where string) string {
	if WritableDate(t) {
		return ""
	}
	return where
}

// warnUnwritable is the warning that the date t, read at where ("field
// published", "front matter line 3: date"), is outside the years tidings
// can write, and so read as what then says ("no date").
func warnUnwritable(where string, t time.Time, then string) string {
	given, inUTC := t.Format(time.RFC3339Nano), t.UTC().Format(time.RFC3339Nano)
	at := given
	if inUTC != given {
		at += " (" + inUTC + ")"
	}
	bound := "after 9999-12-31T23:59:59Z, the last"
	if t.Before(lastWritable) {
		bound = "before 0001-01-01T00:00:00Z, the first"
	}
	return fmt.Sprintf("%s: %s is %s time JSON and front matter hold: read as %s", where, at, bound, then)
}

// dropUnwritable sets to zero the dates of a that tidings cannot write,
// each with a warning naming where it was read, after Normalize has given
// a its id: an article stored by a tidings that kept such a date is found
// by the id it has.
func dropUnwritable(a *Article, published, added time.Time) {
	for _, d := range []struct {
		t, given *time.Time
		at       string
		field    string
		then     string
	}{
		{&a.Published, &published, a.publishedAt, "published", "no date"},
		{&a.Added, &added, a.addedAt, "added", "not given (the time of this import)"},
	} {
		if WritableDate(*d.t) {
			continue
		}
		at := d.at
		if at == "" {
			at = d.field
		}
		a.Warnings = append(a.Warnings, warnUnwritable(at, *d.given, d.then))
		*d.t = time.Time{}
	}
	a.publishedAt, a.addedAt = "", ""
	for i := range a.Annotations {
		n := &a.Annotations[i]
		for _, d := range []struct {
			t     *time.Time
			field string
		}{{&n.Created, "created"}, {&n.Updated, "updated"}} {
			if !WritableDate(*d.t) {
				a.Warnings = append(a.Warnings, warnUnwritable(fmt.Sprintf("note %d: %s", i+1, d.field), *d.t, "not given"))
				*d.t = time.Time{}
			}
		}
	}
}
