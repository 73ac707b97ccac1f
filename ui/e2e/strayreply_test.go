package e2e

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A server that sends more than its response holds (a body after a 304 or
// a 204, a Content-Length shorter than the body, as some scripts do) makes
// Go's HTTP client log what it did not ask for. tidings writes its own
// messages only: nothing of that reaches the terminal, where it would
// scroll the reader's screen away with the server's bytes in it.
func TestServerSendingMoreThanItsReplySaysNothing(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	feed := feedXML("Loose Server", 2)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				br := bufio.NewReader(c)
				for {
					req, err := http.ReadRequest(br)
					if err != nil {
						return
					}
					req.Body.Close()
					// The length says the feed; the stray bytes follow.
					fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: %d\r\n\r\n%s%s",
						len(feed), feed, "<?xml version=\"1.0\"?><stray>\x1b[2J</stray>")
					time.Sleep(300 * time.Millisecond) // while the client holds the connection idle
				}
			}(c)
		}
	}()

	lib := t.TempDir() + "/library.db"
	r := tidings(t, lib, nil, "feed", "add", "http://"+ln.Addr().String()+"/feed.xml")
	if r.code != 0 || !strings.Contains(r.stdout, "2 articles") {
		t.Fatalf("feed add: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	r = tidings(t, lib, nil, "fetch")
	for _, out := range []string{r.stdout, r.stderr} {
		if strings.Contains(out, "stray") || strings.Contains(out, "Unsolicited") {
			t.Errorf("the client's log reached the terminal:\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
			break
		}
	}
}
