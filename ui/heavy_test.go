package ui

import "testing"

// heavyUnderRace skips a test that lays out or walks megabytes when the
// race detector is on (see raceDetector): -race makes it take minutes, and
// the commands it runs, it runs on the test's goroutine. .ci/run names
// each such test in its run without -race.
func heavyUnderRace(t *testing.T) {
	t.Helper()
	if raceDetector {
		t.Skip("megabytes laid out: .ci/run runs this without -race")
	}
}
