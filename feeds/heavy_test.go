package feeds

import "testing"

// heavyUnderRace skips a test of megabytes parsed on one goroutine when
// the race detector is on (see raceDetector): it would take minutes there
// and could find no race. .ci/run names each such test in its run without
// -race.
func heavyUnderRace(t *testing.T) {
	t.Helper()
	if raceDetector {
		t.Skip("megabytes on one goroutine: .ci/run runs this without -race")
	}
}
