package store

import "time"

// Sort keys order articles newest first with one integer: the publication
// minute (the added time when the date is unknown) above the article id,
// sort_key = minute<<idBits | id. They are unique because ids are, date
// ranges are sort key ranges, and article_fts uses them as rowids so that a
// full-text match walks its results newest first and stops at the page size.
const (
	idBits    = 37
	maxID     = 1<<idBits - 1
	maxMinute = 1<<26 - 1 // the year 2097; later dates are clamped
)

// sortKey is the sort key of article id published at published (zero when
// unknown) and added at added.
func sortKey(id int64, published, added time.Time) int64 {
	t := published
	if t.IsZero() {
		t = added
	}
	minute := t.Unix() / 60
	switch {
	case minute < 0:
		minute = 0
	case minute > maxMinute:
		minute = maxMinute
	}
	return minute<<idBits | id
}
