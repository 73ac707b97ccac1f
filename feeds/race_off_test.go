//go:build !race

package feeds

// raceDetector: see race_on_test.go.
const raceDetector = false
