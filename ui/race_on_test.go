//go:build race

package ui

// raceDetector is whether the tests run under the race detector (-race, as
// .ci/run runs them), which makes code 5 to 20 times slower. The scans
// that walk all of Unicode or thousands of random texts on one goroutine,
// where no data race can be, then take a sample of what they walk; the
// README's test command, without -race, walks all of it, and .ci/run runs
// those tests again without -race.
const raceDetector = true
