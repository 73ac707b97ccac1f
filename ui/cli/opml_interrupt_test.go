package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// flatOPML is an OPML file of n feeds, none in a folder.
func flatOPML(n int) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?><opml version=\"2.0\"><body>\n")
	for i := range n {
		fmt.Fprintf(&b, "<outline type=\"rss\" text=\"feed%d\" xmlUrl=\"https://h%d.example/feed%d.xml\"/>\n", i, i%50, i)
	}
	b.WriteString("</body></opml>\n")
	return b.String()
}

// TestOPMLImportInterrupted: an OPML import interrupted (ctrl+c) says how
// many feeds it subscribed to and how many it did not come to, which it
// does not call already subscribed, and fails none of them one by one on
// a line of its own: the error returned is the interruption's. Interrupted
// before the first, or part way.
func TestOPMLImportInterrupted(t *testing.T) {
	const n = 2000
	path := filepath.Join(t.TempDir(), "big.opml")
	if err := os.WriteFile(path, []byte(flatOPML(n)), 0o644); err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`^2,000 feeds in ` + regexp.QuoteMeta(path) +
		`: ([0-9,]+) new, then interrupted: ([0-9,]+) not subscribed \(run the import again\)\n`)
	for _, partWay := range []bool{false, true} {
		t.Run(fmt.Sprint("part way ", partWay), func(t *testing.T) {
			st := openStore(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if !partWay {
				cancel()
			} else {
				go func() {
					// Once some feeds are subscribed.
					for ctx.Err() == nil {
						if subs, _ := st.Feeds(context.Background()); len(subs) >= 10 {
							cancel()
						}
						time.Sleep(time.Millisecond)
					}
				}()
			}
			var b bytes.Buffer
			added, problems, err := ImportOPML(ctx, st, path, &b)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("ImportOPML returned %v, want the interruption", err)
			}
			if len(problems) > 0 {
				t.Errorf("%d problems, want none; the first: %s", len(problems), problems[0])
			}
			m := line.FindStringSubmatch(b.String())
			if m == nil {
				t.Fatalf("printed\n%s\nwant a line matching %s", b.String(), line)
			}
			done, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
			left, _ := strconv.Atoi(strings.ReplaceAll(m[2], ",", ""))
			subs, ferr := st.Feeds(context.Background())
			if ferr != nil {
				t.Fatal(ferr)
			}
			if done != added || done != len(subs) || done+left != n {
				t.Errorf("said %d new and %d not subscribed (ImportOPML: %d added); the library has %d of the %d feeds", done, left, added, len(subs), n)
			}
			if partWay && (done == 0 || left == 0) {
				t.Logf("interrupted at %d of %d feeds: not part way", done, n)
			}
		})
	}
}
