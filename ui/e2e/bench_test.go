package e2e

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The TUI benchmarks run the real binary in a pseudo-terminal on generated
// libraries and report what a user would time with a stopwatch:
//
//	go test ./ui/e2e -run '^$' -bench TUI -benchtime 1x
//	TIDINGS_BENCH_LARGE=1 go test ./ui/e2e -run '^$' -bench TUI -benchtime 1x -timeout 60m
//
// Libraries are generated with ../shared/tools/gen_corpus.py and cached in
// $TIDINGS_BENCH_CACHE (default: the system's temporary folder), never in
// the repository.

// benchLibrary returns a library of n generated articles, building and
// caching it on first use.
func benchLibrary(b *testing.B, n int) string {
	b.Helper()
	cache := os.Getenv("TIDINGS_BENCH_CACHE")
	if cache == "" {
		cache = filepath.Join(os.TempDir(), "tidings-bench")
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		b.Fatal(err)
	}
	lib := filepath.Join(cache, fmt.Sprintf("library-%d.db", n))
	if _, err := os.Stat(lib); err == nil {
		return lib
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("python3 is needed to generate the benchmark corpus")
	}
	gen := filepath.Join(repoRoot, "..", "shared", "tools", "gen_corpus.py")
	if _, err := os.Stat(gen); err != nil {
		b.Skip("the corpus generator ../shared/tools/gen_corpus.py is not beside the checkout")
	}
	stream := filepath.Join(cache, fmt.Sprintf("corpus-%d.txt", n))
	if _, err := os.Stat(stream); err != nil {
		b.Logf("generating %d articles into %s", n, stream)
		tmp := stream + ".part"
		if out, err := exec.Command(py, gen, strconv.Itoa(n), "--stream", tmp, "--jobs", "2").CombinedOutput(); err != nil {
			b.Fatalf("gen_corpus: %v\n%s", err, out)
		}
		if err := os.Rename(tmp, stream); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("importing %s", stream)
	tmp := lib + ".part"
	os.Remove(tmp)
	cmd := exec.Command(bin, "--library", tmp, "import", stream)
	cmd.Stderr = os.Stderr
	if out, err := cmd.Output(); err != nil {
		b.Fatalf("import: %v\n%s", err, out)
	} else {
		b.Logf("%s", out)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	if err := os.Rename(tmp, lib); err != nil {
		b.Fatal(err)
	}
	return lib
}

// libSizes are the library sizes to measure: 10,000 always, 1,000,000 when
// TIDINGS_BENCH_LARGE is set.
func libSizes() []int {
	if os.Getenv("TIDINGS_BENCH_LARGE") != "" {
		return []int{10_000, 1_000_000}
	}
	return []int{10_000}
}

// stopwatch collects durations and reports their median and 95th percentile.
type stopwatch []time.Duration

func (s stopwatch) pct(p float64) time.Duration {
	if len(s) == 0 {
		return 0
	}
	c := append(stopwatch(nil), s...)
	sort.Slice(c, func(i, j int) bool { return c[i] < c[j] })
	return c[min(len(c)-1, int(float64(len(c))*p))]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// peakRSS is the process's peak resident memory in MB, from /proc.
func peakRSS(pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(data)
	if m == nil {
		return 0
	}
	kb, _ := strconv.Atoi(string(m[1]))
	return float64(kb) / 1024
}

func BenchmarkTUI(b *testing.B) {
	for _, n := range libSizes() {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			lib := benchLibrary(b, n)
			var first, open, down stopwatch
			var rss float64
			for i := 0; i < b.N; i++ {
				start := time.Now()
				tm := startTerm(b, 120, 40, nil, bin, "--library", lib)
				// The first full screen: a page of rows with dates down to
				// the bottom of the list.
				tm.waitUntil("a full list", func(s string) bool {
					return len(datedRow.FindAllString(s, -1)) >= 30
				}, time.Minute)
				first = append(first, time.Since(start))

				// Keystroke to screen: each press of j moves the cursor; the
				// screen changes when the new frame is drawn.
				for k := 0; k < 40; k++ {
					before := tm.screen()
					offBeat()
					t0 := time.Now()
					tm.send("j")
					waitChange(tm, before, 5*time.Second)
					down = append(down, time.Since(t0))
				}

				// Enter to the rendered article: the reader's body appears.
				before := tm.screen()
				t0 := time.Now()
				tm.send(keyEnter)
				waitChange(tm, before, 10*time.Second)
				tm.waitUntil("the article's text", articleShown, 10*time.Second)
				open = append(open, time.Since(t0))

				rss = max(rss, peakRSS(tm.cmd.Process.Pid))
				tm.send("q")
				tm.wait(10 * time.Second)
			}
			b.ReportMetric(ms(first.pct(0.5)), "first-screen-ms")
			b.ReportMetric(ms(open.pct(0.5)), "open-article-ms")
			b.ReportMetric(ms(down.pct(0.5)), "key-p50-ms")
			b.ReportMetric(ms(down.pct(0.95)), "key-p95-ms")
			b.ReportMetric(rss, "peak-MB")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// datedRow is a row of the list.
var datedRow = regexp.MustCompile(`(?m)^.*\d{4}-\d{2}-\d{2}.*$`)

// articleShown reports whether the screen shows an article's body: several
// long lines of text that are not list rows.
func articleShown(screen string) bool {
	n := 0
	for _, l := range strings.Split(screen, "\n") {
		if len(strings.TrimSpace(l)) >= 40 && !datedRow.MatchString(l) && !strings.Contains(l, "──") {
			n++
		}
	}
	return n >= 5
}

// waitChange waits until the screen differs from before.
func waitChange(tm *term, before string, timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if tm.screen() != before {
			return
		}
		select {
		case <-tm.changed:
		case <-time.After(time.Millisecond):
		}
	}
	tm.tb.Fatalf("screen did not change within %v:\n%s", timeout, before)
}

// BenchmarkFilter types a three-word filter key by key in the reader's
// filter line, as a user does, and times each keystroke to the moment the
// list's rows have settled on the new result:
//
//	go test ./ui/e2e -run '^$' -bench Filter -benchtime 1x
//	TIDINGS_BENCH_LARGE=1 go test ./ui/e2e -run '^$' -bench Filter -benchtime 1x -timeout 60m
func BenchmarkFilter(b *testing.B) {
	sizes := []int{100_000}
	if os.Getenv("TIDINGS_BENCH_LARGE") != "" {
		sizes = append(sizes, 1_000_000)
	}
	const typed = "russia barrels championship"
	for _, n := range sizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			lib := benchLibrary(b, n)
			var keys stopwatch
			for i := 0; i < b.N; i++ {
				tm := startTerm(b, 120, 40, nil, bin, "--library", lib)
				tm.waitUntil("a full list", func(s string) bool {
					return len(datedRow.FindAllString(s, -1)) >= 30
				}, time.Minute)
				tm.send("/")
				waitChange(tm, tm.screen(), 5*time.Second)
				for _, r := range typed {
					d := keystrokeToRows(tm, string(r))
					if d > 0 { // a space changes nothing on screen until the next word
						keys = append(keys, d)
					}
					if testing.Verbose() {
						b.Logf("%q %v", r, d)
					}
				}
				tm.send("\r")
				tm.send("q")
				tm.wait(10 * time.Second)
			}
			b.ReportMetric(ms(keys.pct(0.5)), "key-p50-ms")
			b.ReportMetric(ms(keys.pct(0.95)), "key-p95-ms")
			b.ReportMetric(ms(keys.pct(1)), "key-max-ms")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// frame is how often tidings draws a frame (tea.WithFPS(120)).
const frame = time.Second / 120

// beat draws the pauses of offBeat, the same in every run.
var beat = rand.New(rand.NewPCG(1, 2))

// offBeat pauses for a random part of a frame before a timed key. A key sent
// as soon as the last frame was seen, or after a pause of whole frames (250
// ms is 30), comes at the same point of tidings' frame clock every time, just
// after a frame, and waits almost a whole frame to be drawn; a person's keys
// come at any point of it.
func offBeat() { time.Sleep(time.Duration(beat.Int64N(int64(frame)))) }

// keystrokeToRows types one key and returns how long the list's rows took
// to settle: the time of their last change before they stayed still for
// 250 ms, or, when the key does not change them, the time until the screen
// shows the key at all.
func keystrokeToRows(tm *term, k string) time.Duration {
	rows := func(s string) string { return strings.Join(datedRow.FindAllString(s, -1), "\n") }
	before := tm.screen()
	beforeRows := rows(before)
	offBeat()
	t0 := time.Now()
	tm.send(k)
	var echo, last time.Duration
	prev := beforeRows
	for quiet := time.Now(); (echo == 0 || time.Since(quiet) < 250*time.Millisecond) && time.Since(t0) < time.Second; {
		s := tm.screen()
		if echo == 0 && s != before {
			echo = time.Since(t0)
		}
		if r := rows(s); r != prev {
			prev, last, quiet = r, time.Since(t0), time.Now()
		}
		select {
		case <-tm.changed:
		case <-time.After(time.Millisecond):
		}
	}
	if last == 0 {
		return echo
	}
	return last
}
