package cli

import (
	"fmt"
	"strings"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// A library may hold a date past 9999 in UTC from before imports read such
// a date as none (9999-12-31T23:00:00-05:00 is 10000-01-01T04:00:00Z),
// which neither JSON nor YAML can write. An export writes the article
// without that date, saying which, rather than fail whole for it.

// unwritableDates names the dates of a that an export cannot write
// (feeds.WritableDate): "published 10000-01-01T04:00:00Z".
func unwritableDates(a store.Article) []string {
	var out []string
	for _, d := range []struct {
		name string
		t    time.Time
	}{{"published", a.Published}, {"added", a.Added}} {
		if !feeds.WritableDate(d.t) {
			out = append(out, d.name+" "+d.t.UTC().Format(time.RFC3339Nano))
		}
	}
	return out
}

// unwritableReason is the failure of an article exported without the
// dates lost, which format (JSON, front matter) cannot hold, as written
// says; and how to store the article without them, which a fetch or an
// import of it does since (feeds.Normalize).
func unwritableReason(lost []string, format, written string) string {
	what := "is not a time"
	if len(lost) > 1 {
		what = "are not times"
	}
	return fmt.Sprintf("%s %s %s can hold (years 1 to 9999 in UTC): %s (fetch or import the article again to store it undated)",
		strings.Join(lost, ", "), what, format, written)
}

// exportedArticle names an article in an export's failures: its number and
// its external id, which names it to the other commands.
func exportedArticle(a store.Article) string {
	return fmt.Sprintf("article %d (external_id %s)", a.ID, a.ExternalID)
}
