package query

import (
	"testing"
	"time"
)

// TestSinceMonthsStopAtTheMonthsEnd: since:Nm and since:Ny count back by the
// calendar, and a day the month counted back to does not have is its last
// day: on March 31 since:1m starts on February 28 (29 in a leap year), not
// on March 3, where February 31 would run over to; the window never starts
// later than the same day of that month would.
func TestSinceMonthsStopAtTheMonthsEnd(t *testing.T) {
	tests := []struct {
		now, query, want string
	}{
		{"2027-03-28T12:00:00Z", "since:1m", "2027-02-28T12:00:00Z"},
		{"2027-03-31T12:00:00Z", "since:1m", "2027-02-28T12:00:00Z"},
		{"2028-03-31T12:00:00Z", "since:1m", "2028-02-29T12:00:00Z"},
		{"2027-05-31T23:59:00Z", "since:1m", "2027-04-30T23:59:00Z"},
		{"2026-08-31T12:00:00Z", "since:6m", "2026-02-28T12:00:00Z"},
		{"2026-08-31T12:00:00Z", "since:2m", "2026-06-30T12:00:00Z"},
		{"2027-01-31T08:00:00Z", "since:13m", "2025-12-31T08:00:00Z"},
		{"2027-03-31T12:00:00Z", "since:3M", "2026-12-31T12:00:00Z"},
		{"2028-02-29T12:00:00Z", "since:1y", "2027-02-28T12:00:00Z"},
		{"2028-02-29T12:00:00Z", "since:4y", "2024-02-29T12:00:00Z"},
		{"2027-07-15T12:00:00Z", "since:1y", "2026-07-15T12:00:00Z"},
		{"2027-03-31T12:00:00Z", "since:30d", "2027-03-01T12:00:00Z"},
		{"2027-03-31T12:00:00Z", "since:2w", "2027-03-17T12:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.now+" "+tt.query, func(t *testing.T) {
			now, err := time.Parse(time.RFC3339, tt.now)
			if err != nil {
				t.Fatal(err)
			}
			n, err := Parse(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			from, _, hasFrom, _, err := dateSpan(n, now)
			if err != nil || !hasFrom {
				t.Fatalf("dateSpan(%s): %v, has a start %v", tt.query, err, hasFrom)
			}
			if got := from.Format(time.RFC3339); got != tt.want {
				t.Errorf("on %s, %s starts %s, want %s", tt.now, tt.query, got, tt.want)
			}
		})
	}
}

// TestSinceMonthsAtTheLimit: the largest counts since: takes count back
// without overflowing, in months as in years.
func TestSinceMonthsAtTheLimit(t *testing.T) {
	now := time.Date(2027, 3, 31, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		unit byte
		want time.Time
	}{
		{'m', time.Date(2027-8334, 11, 30, 12, 0, 0, 0, time.UTC)}, // 8333 years and 4 months
		{'y', time.Date(2027-maxSince, 3, 31, 12, 0, 0, 0, time.UTC)},
	} {
		if got := since(now, maxSince, tt.unit); !got.Equal(tt.want) {
			t.Errorf("since:%d%c from %s = %s, want %s", maxSince, tt.unit, now, got, tt.want)
		}
	}
}
