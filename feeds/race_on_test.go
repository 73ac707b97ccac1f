//go:build race

package feeds

// raceDetector is whether the tests run under the race detector (-race, as
// .ci/run runs them), which makes parsing and converting megabytes 10 to
// 20 times slower. Tests of that work on one goroutine, where no data race
// can be, are then skipped (heavyUnderRace); .ci/run runs them again
// without -race, as the README's test command always does.
const raceDetector = true
