package cli

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/net/html/charset"

	"tidings/feeds"
	"tidings/store"
)

// maxOPML is the largest OPML file read; feeds.ReadOPML refuses larger.
const maxOPML = 16 << 20

// ImportOPML subscribes to every feed of an OPML file, or of newsboat's
// urls file (feeds.ReadNewsboatURLs), told by its content; folders and
// tags become tags. A feed already subscribed keeps its state and tags and
// gains the file's. A feed listed more than once is one subscription with
// the tags of every folder (or line) it is in, and is named in a warning.
// Folders nested deeper than feeds.MaxOPMLDepth are not tags, and a feed
// gets at most feeds.MaxOPMLTags tags from the file: a warning names the
// line where each cut was made. The lines of a urls file that name no
// http(s) feed are skipped, each with a warning naming its line; for a
// query feed, with the search that finds its articles when its query
// says it plainly. A file that is neither fails saying what was expected.
// An import stopped part way (ctrl+c, a full disk) says how many feeds it
// did not subscribe to, and err is why.
func ImportOPML(ctx context.Context, st *store.Store, path string, w io.Writer) (added int, problems []Problem, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %s", oneLine(path, 0), describe(err))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxOPML+1))
	f.Close()
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %s", oneLine(path, 0), describe(err))
	}
	subs, urlsWarnings, nerr := feeds.ReadNewsboatURLs(bytes.NewReader(data))
	if nerr == nil {
		var warnings []Problem
		for _, uw := range urlsWarnings {
			warnings = append(warnings, Problem{File: path, Line: uw.Line, Reason: queryFeedHint(uw)})
		}
		// A "~name" is the user's own: it names the feed, as newsboat
		// shows it, even one renamed in tidings before.
		added, problems, err = subscribeAll(ctx, st.SubscribeNamed, path, subs, w)
		printWarnings(w, warnings)
		return added, problems, err
	}
	subs, rerr := feeds.ReadOPML(bytes.NewReader(data))
	// One line for each outline that could not be read, and a warning for
	// each folder too deep to be a tag and each feed whose tags were cut.
	var warnings []Problem
	if rerr != nil {
		errs := []error{rerr}
		if joined, ok := rerr.(interface{ Unwrap() []error }); ok {
			errs = joined.Unwrap()
		}
		for _, e := range errs {
			if cut := (*feeds.OPMLCut)(nil); errors.As(e, &cut) {
				warnings = append(warnings, Problem{File: path, Line: cut.Line, Reason: cut.Reason})
				continue
			}
			problems = append(problems, Problem{File: oneLine(path, 0), Reason: oneLine(e.Error(), 0)})
		}
	}
	if len(problems) > 0 && len(subs) == 0 {
		switch {
		case !errors.Is(rerr, feeds.ErrNotOPML):
			return 0, nil, fmt.Errorf("%s: %w", oneLine(path, 0), rerr)
		case errors.Is(nerr, feeds.ErrNotNewsboatURLs) && nerr != feeds.ErrNotNewsboatURLs:
			// Text, not XML: why it is no urls file says more.
			return 0, nil, fmt.Errorf("%s: not an OPML file, and %w; %s", oneLine(path, 0), nerr, expectedFile)
		}
		return 0, nil, fmt.Errorf("%s: %w; %s", oneLine(path, 0), rerr, expectedFile)
	}
	added, more, err := subscribeAll(ctx, st.Subscribe, path, subs, w)
	problems = append(problems, more...)
	for _, l := range listedTwice(data) {
		warnings = append(warnings, Problem{File: path, Reason: fmt.Sprintf(
			"%s is listed %d times; it is one subscription, with the tags of every folder it is in", feeds.ShownURL(l.url), l.times)})
	}
	printWarnings(w, warnings)
	return added, problems, err
}

// expectedFile says what opml import reads, for a file that is neither.
const expectedFile = "opml import reads an OPML file, or newsboat's urls file (a feed's address a line, then its tags); " +
	"newsboat -e > feeds.opml writes newsboat's feeds as OPML (--export-to-opml2 with their tags)"

// subscribeAll subscribes to subs with subscribe (store.Subscribe, or
// store.SubscribeNamed for names the user wrote), read from the file at path, and says
// how many were new, what changed of those already subscribed, and that
// tidings fetch brings the new ones' articles. A feed the library refuses
// is a problem, and the rest go on; what stops the whole import (ctrl+c,
// a library busy or read-only, a full disk) stops it at once, and the
// feeds not come to are said to be not subscribed: err is why.
func subscribeAll(ctx context.Context, subscribe func(context.Context, store.Feed) (store.Subscribed, error), path string, subs []feeds.Subscription, w io.Writer) (added int, problems []Problem, err error) {
	var notes []string
	already, done := 0, 0
	for _, s := range subs {
		if err = ctx.Err(); err != nil {
			break
		}
		sub, serr := subscribe(ctx, store.Feed{URL: s.URL, Title: s.Title, SiteURL: s.SiteURL, Tags: s.Tags})
		if serr != nil && fatal(ctx, serr) {
			err = serr
			if ctx.Err() != nil {
				err = ctx.Err()
			}
			break
		}
		done++
		if serr != nil {
			problems = append(problems, Problem{File: oneLine(path, 0), Reason: oneLine(serr.Error(), 0)})
			continue
		}
		if sub.New {
			added++
			continue
		}
		already++
		if feeds.ShownURL(s.URL) != s.URL && feeds.NormalizeURL(s.URL) != feeds.NormalizeURL(sub.Feed.URL) {
			// An OPML file of long ago would put back an old password: the
			// subscription keeps its own, and the user is told how to give
			// it the file's.
			notes = append(notes, fmt.Sprintf("already subscribed to %s with another password: the file's was not used "+
				"(tidings feed add with the address as the file gives it fetches it with the file's from now on)", feeds.ShownURL(sub.Feed.URL)))
		}
		if sub.Renamed != "" {
			// feed:"old name" in a saved search or rule no longer finds it.
			notes = append(notes, fmt.Sprintf("%s is named %q now, not %q", feeds.ShownURL(sub.Feed.URL), feeds.ShortLine(sub.Feed.Title), feeds.ShortLine(sub.Renamed)))
		}
		if len(sub.AddedTags) > 0 {
			notes = append(notes, fmt.Sprintf("already subscribed to %s; %s %s added (its tags now: %s)", feeds.ShownURL(sub.Feed.URL),
				plainPlural(len(sub.AddedTags), "tag"), tagTerms(sub.AddedTags), tagTerms(sub.Feed.Tags)))
		}
	}
	counts := thousands(added) + " new"
	if err == nil || already > 0 {
		counts += ", " + thousands(already) + " already subscribed"
	}
	if failed := len(problems); failed > 0 {
		counts += ", " + thousands(failed) + " failed"
	}
	if err != nil {
		stopped := "stopped"
		if ctx.Err() != nil {
			stopped = "interrupted"
		}
		counts += fmt.Sprintf(", then %s: %s not subscribed (run the import again)", stopped, thousands(len(subs)-done))
	}
	fmt.Fprintf(w, "%s in %s: %s\n", Plural(len(subs), "feed"), oneLine(path, 0), counts)
	for _, n := range notes {
		fmt.Fprintln(w, oneLine(n, 0))
	}
	switch {
	case added == 1:
		fmt.Fprintln(w, "tidings fetch brings the new feed's articles")
	case added > 1:
		fmt.Fprintln(w, "tidings fetch brings the new feeds' articles")
	}
	return added, problems, err
}

// listed is a feed's address and how often an OPML file lists it.
type listed struct {
	url   string
	times int
}

// listedTwice returns the feeds an OPML file lists more than once, in the
// order of their first outline, as feeds.ReadOPML reads their addresses
// (two spellings of one address are one feed), each under its first.
// A feed every listing of which gives the same tags in its category
// attribute, as tidings' export lists a feed in the folder of each of its
// tags, says so itself and is not returned.
// A file the decoder cannot read to its end is counted up to there.
func listedTwice(data []byte) []listed {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	count := map[string]int{}
	category := map[string]string{} // the first listing's
	agree := map[string]bool{}      // every listing gives that category
	var order []string
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		t, ok := tok.(xml.StartElement)
		if !ok || !strings.EqualFold(t.Name.Local, "outline") {
			continue
		}
		u := feeds.OutlineFeedURL(t.Attr)
		key := feeds.NormalizeURL(u)
		if key == "" {
			continue
		}
		c := ""
		for _, a := range t.Attr {
			if strings.EqualFold(a.Name.Local, "category") {
				c = strings.TrimSpace(a.Value)
				break
			}
		}
		if count[key] == 0 {
			order = append(order, u)
			category[key], agree[key] = c, c != ""
		} else if c != category[key] {
			agree[key] = false
		}
		count[key]++
	}
	var out []listed
	for _, u := range order {
		if n := count[feeds.NormalizeURL(u)]; n > 1 && !agree[feeds.NormalizeURL(u)] {
			out = append(out, listed{u, n})
		}
	}
	return out
}

// ExportOPML writes every subscription as OPML, each feed once: in the
// folder of its first tag, with all its tags in its category
// (feeds.WriteOPML). ImportOPML reads it back into the same subscriptions,
// with the same names and tags.
func ExportOPML(ctx context.Context, st *store.Store, w io.Writer) error {
	subs, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	list := make([]feeds.Subscription, len(subs))
	for i, s := range subs {
		list[i] = Subscription(s)
	}
	return feeds.WriteOPML(w, "tidings subscriptions", list)
}
