package cli

import (
	"testing"
	"time"
)

// TestNextBatch: import batches grow while they are quick and shrink when
// one holds the library longer than batchTime, so that another tidings
// waiting to write never waits out its busy timeout.
func TestNextBatch(t *testing.T) {
	tests := []struct {
		name     string
		limit, n int
		took     time.Duration
		want     int
	}{
		{"quick and full: doubles", firstBatch, firstBatch, batchTime / 4, 2 * firstBatch},
		{"never past batchSize", batchSize, batchSize, batchTime / 4, batchSize},
		{"quick but not full (the end of a file): stays", firstBatch, 10, time.Millisecond, firstBatch},
		{"in between: stays", 10000, 10000, batchTime * 3 / 4, 10000},
		{"slow: to what takes batchTime", 12000, 12000, 4 * batchTime, 3000},
		{"very slow: not below minBatch", 1000, 1000, 1000 * batchTime, minBatch},
	}
	for _, tt := range tests {
		if got := nextBatch(tt.limit, tt.n, tt.took); got != tt.want {
			t.Errorf("%s: nextBatch(%d, %d, %v) = %d, want %d", tt.name, tt.limit, tt.n, tt.took, got, tt.want)
		}
	}
}
