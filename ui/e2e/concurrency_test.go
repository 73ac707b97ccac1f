package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// liveTimeout is how soon a running reader must show another process's
// write: it polls the library's generation once a second.
const liveTimeout = 5 * time.Second

// lockWords are what SQLite's lock errors say; a user must never see them.
var lockWords = regexp.MustCompile(`(?i)database is locked|SQLITE_BUSY|database table is locked`)

// TestTwoReadersAndAnImport runs two TUIs, an import and tagging from the
// command line on one library at once: every write lands, no lock error
// reaches the user, and each reader shows the others' writes.
func TestTwoReadersAndAnImport(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	// The first articles are the newest: the import's go below them.
	first := filepath.Join(dir, "first.txt")
	writeStream(t, first, 3500, 20, 0)
	mustRun(t, lib, "import", first)
	more := filepath.Join(dir, "more.txt")
	writeStream(t, more, 0, 3000, 0)
	ids := map[string]string{}
	for _, r := range searchJSON(t, lib, "") {
		ids[strings.SplitN(r.Title, ":", 2)[0]] = strconv.FormatInt(r.ID, 10)
	}

	one := startTerm(t, 120, 30, nil, bin, "--library", lib)
	two := startTerm(t, 120, 30, nil, bin, "--library", lib)
	for _, tm := range []*term{one, two} {
		tm.waitFor(`Report 3519:`, screenTimeout)
		tm.waitFor(`/ 20$`, screenTimeout)
	}

	// The import and tagging from the command line, while the readers write.
	var wg sync.WaitGroup
	var imp result
	var tags []result
	wg.Add(2)
	go func() {
		defer wg.Done()
		imp = run2(dir, lib, "import", more)
	}()
	go func() {
		defer wg.Done()
		for i := range 5 {
			tags = append(tags, run2(dir, lib, "tag", ids["Report "+strconv.Itoa(3510+i)], "+shared"))
		}
	}()
	one.send("s")       // star Report 3519
	two.send("j" + "s") // star Report 3518
	two.send("j" + "m") // Report 3517 read
	wg.Wait()

	for _, r := range append(tags, imp) {
		if r.code != 0 || lockWords.MatchString(r.stderr+r.stdout) {
			t.Errorf("a command beside two readers: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	}
	if !strings.Contains(imp.stdout, "3,000 added") {
		t.Errorf("import beside two readers:\n%s", imp.stdout)
	}

	// Each reader shows the other's star, the tags and the imported
	// articles' count, without a key pressed.
	for name, tm := range map[string]*term{"one": one, "two": two} {
		tm.waitUntil(name+" shows both stars, the tags and the import", func(s string) bool {
			return regexp.MustCompile(`Report 3519:.*★`).MatchString(s) &&
				regexp.MustCompile(`Report 3518:.*★`).MatchString(s) &&
				regexp.MustCompile(`Report 3510:.*#shared`).MatchString(s) &&
				regexp.MustCompile(`(?m)/ 3,?020$`).MatchString(s)
		}, liveTimeout)
	}
	for _, tm := range []*term{one, two} {
		tm.send("q")
		if code := tm.wait(screenTimeout); code != 0 {
			t.Errorf("a reader exited with %d", code)
		}
		if raw := tm.rawOutput(); lockWords.Match(raw) {
			t.Errorf("a reader showed a lock error:\n%s", tm.screen())
		}
	}

	// Every write is in the library.
	got := map[string]record{}
	for _, r := range searchJSON(t, lib, "") {
		got[strings.SplitN(r.Title, ":", 2)[0]] = r
	}
	if len(got) != 3020 {
		t.Errorf("%d articles, want 3,020", len(got))
	}
	if !got["Report 3519"].Starred || !got["Report 3518"].Starred || !got["Report 3517"].Read {
		t.Errorf("a reader's write is lost: 3519 starred %v, 3518 starred %v, 3517 read %v",
			got["Report 3519"].Starred, got["Report 3518"].Starred, got["Report 3517"].Read)
	}
	for i := range 5 {
		if r := got["Report "+strconv.Itoa(3510+i)]; !slices.Contains(r.Tags, "shared") {
			t.Errorf("Report %d lost its tag: %v", 3510+i, r.Tags)
		}
	}
}

// run2 runs tidings on lib from another goroutine than the test's.
func run2(configHome, lib string, args ...string) result {
	cmd := exec.Command(bin, append([]string{"--library", lib}, args...)...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+configHome, "NO_COLOR=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		code = -1
		errb.WriteString(err.Error())
	}
	return result{out.String(), errb.String(), code}
}
