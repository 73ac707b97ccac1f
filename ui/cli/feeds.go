package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// Subscription is the fetcher's view of a stored feed.
func Subscription(f store.Feed) feeds.Subscription {
	return feeds.Subscription{
		URL:          f.URL,
		IDBase:       f.IDBase,
		Title:        f.Title,
		SiteURL:      f.SiteURL,
		Tags:         f.Tags,
		ETag:         f.ETag,
		LastModified: f.LastModified,
	}
}

// FetchReport sums up a fetch of every feed.
type FetchReport struct {
	Feeds, NotModified int
	// Stopped is how many of Feeds were not fetched: the fetch was
	// stopped (ctrl+c) before them.
	Stopped int
	store.ImportStats
	Failed   []Problem
	Warnings []Problem // of the articles fetched, each under its feed's address
}

// Fetch refreshes every subscribed feed (or only those whose URL is in only,
// when given) and stores what they bring. progress, if set, hears of each
// feed as it is done.
func Fetch(ctx context.Context, st *store.Store, f *feeds.Fetcher, rules []store.Rule, only []string, progress func(done, total int, r feeds.FetchResult, stats store.FetchStats)) (FetchReport, error) {
	var rep FetchReport
	subs, err := subscriptions(ctx, st, only, &rep)
	if err != nil {
		return rep, err
	}
	byURL := make(map[string]store.Feed, len(subs))
	list := make([]feeds.Subscription, len(subs))
	for i, s := range subs {
		byURL[s.URL] = s
		list[i] = Subscription(s)
	}
	rep.Feeds = len(subs)
	done, recorded := 0, 0
	var saveErr error
	f.FetchAll(ctx, list, func(r feeds.FetchResult) {
		done++
		if saveErr != nil || ctx.Err() != nil {
			return
		}
		recorded++
		stats, err := st.RecordFetch(ctx, byURL[r.Sub.URL].ID, r, rules)
		switch {
		case err != nil && errors.Is(err, store.ErrReadOnly):
			saveErr = err
		case err != nil:
			rep.Failed = append(rep.Failed, Problem{File: oneLine(r.Sub.URL, 0), Reason: oneLine(err.Error(), 0)})
		case r.Err != nil:
			rep.Failed = append(rep.Failed, Problem{File: oneLine(r.Sub.URL, 0), Reason: oneLine(r.Err.Error(), 0)})
		case r.NotModified:
			rep.NotModified++
			fallthrough // it may have moved
		default:
			rep.Warnings = append(rep.Warnings, fetchWarnings(r, stats)...)
		}
		rep.Added += stats.Added
		rep.Updated += stats.Updated
		rep.Unchanged += stats.Unchanged
		if progress != nil {
			progress(done, len(list), r, stats)
		}
	})
	if saveErr != nil {
		return rep, saveErr
	}
	if ctx.Err() != nil {
		rep.Stopped = len(list) - recorded
	}
	return rep, ctx.Err()
}

// subscriptions are the feeds to fetch: every one, or those named in only
// (by any spelling of their address, see store.FeedByURL), each once. A
// name that is no subscription is a failure in rep.
func subscriptions(ctx context.Context, st *store.Store, only []string, rep *FetchReport) ([]store.Feed, error) {
	if len(only) == 0 {
		return st.Feeds(ctx)
	}
	var subs []store.Feed
	for _, u := range only {
		f, err := st.FeedByURL(ctx, u)
		switch {
		case errors.Is(err, store.ErrNotFound):
			// Named, but not a subscription: a failure, with the way to one.
			rep.Failed = append(rep.Failed, Problem{File: u, Reason: "not subscribed (tidings feed add " + u + " subscribes)"})
		case err != nil:
			return nil, err
		case !slices.ContainsFunc(subs, func(s store.Feed) bool { return s.ID == f.ID }):
			subs = append(subs, f)
		}
	}
	return subs, nil
}

// PrintFetchSummary writes what a fetch did as one line to out, and each
// failing feed with its error, then the warnings, to diag (stderr), as the
// import's summary does.
func PrintFetchSummary(out, diag io.Writer, rep FetchReport, elapsed time.Duration) {
	fed := Plural(rep.Feeds, "feed")
	if rep.Stopped > 0 {
		fed = thousands(rep.Feeds-rep.Stopped) + " of " + fed // stopped before the rest
	}
	fmt.Fprintf(out, "%s in %.1fs: %s, %s updated, %s not modified, %s failed\n",
		fed, elapsed.Seconds(), Plural(rep.Added, "new article"), thousands(rep.Updated),
		thousands(rep.NotModified), thousands(len(rep.Failed)))
	for _, f := range rep.Failed {
		fmt.Fprintf(diag, "failed: %s\n", oneLine(f.String(), 0))
	}
	printWarnings(diag, rep.Warnings)
}

// fetchWarnings are the warnings of a fetch's articles (an entry's guid
// that an earlier entry has too, content that could not be converted), each
// under the feed's address: of the articles the fetch added or changed, since
// the warnings of one unchanged were given when it came.
func fetchWarnings(r feeds.FetchResult, stats store.FetchStats) []Problem {
	if stats.MergedInto != "" {
		// What it brought is the other feed's, whose own fetch tells of it.
		return []Problem{{File: r.Sub.URL, Reason: "moved to " + stats.MergedInto + ", which you already follow: merged into it"}}
	}
	var out []Problem
	if r.Warning != "" {
		out = append(out, Problem{File: r.Sub.URL, Reason: r.Warning})
	}
	for i, a := range r.Articles {
		if i < len(stats.Outcomes) && stats.Outcomes[i] == store.Unchanged {
			continue
		}
		for _, w := range a.Warnings {
			out = append(out, Problem{File: r.Sub.URL, Reason: w})
		}
	}
	return out
}

// Added is what SubscribeFeed did: the subscription (new or not, and the tags
// it gained) and its fetch.
type Added struct {
	store.Subscribed
	Fetch feeds.FetchResult
	Stats store.FetchStats
}

// AddFeed subscribes to url, finding the feed when url is a site's page,
// with default tags, then fetches it once. It returns the subscription.
// See SubscribeFeed, which says more.
func AddFeed(ctx context.Context, st *store.Store, f *feeds.Fetcher, rules []store.Rule, url string, tags []string) (store.Feed, feeds.FetchResult, error) {
	a, err := SubscribeFeed(ctx, st, f, rules, url, tags)
	return a.Feed, a.Fetch, err
}

// SubscribeFeed subscribes to url, finding the feed when url is a site's
// page, with default tags, then fetches it: a new subscription to the
// address given takes the feed discovery fetched, one request in all. The
// address given is kept unless it moved for good (301, 308). A feed
// subscribed already keeps its tags and gains those given. A failed fetch
// is the error, with the subscription made all the same.
func SubscribeFeed(ctx context.Context, st *store.Store, f *feeds.Fetcher, rules []store.Rule, url string, tags []string) (Added, error) {
	found, err := f.Discover(ctx, url)
	if err != nil {
		return Added{}, fmt.Errorf("%s: %w", oneLine(url, 0), err)
	}
	var out Added
	out.Subscribed, err = st.Subscribe(ctx, store.Feed{URL: found.URL, Tags: tags})
	if err != nil {
		return out, err
	}
	out.Fetch = f.FetchDiscovered(ctx, Subscription(out.Feed), found)
	out.Stats, err = st.RecordFetch(ctx, out.Feed.ID, out.Fetch, rules)
	if err != nil {
		return out, err
	}
	if out.Fetch.Sub.Title != "" {
		out.Feed.Title = out.Fetch.Sub.Title
	}
	return out, out.Fetch.Err
}

// PrintAdded writes what SubscribeFeed did: subscribed, or subscribed already and
// with which tags, then what the fetch brought and its warnings. A failed
// fetch is SubscribeFeed's error, for the caller to report.
func PrintAdded(w io.Writer, a Added) {
	if a.New {
		fmt.Fprintf(w, "subscribed to %s\n", oneLine(a.Feed.URL, 0))
	} else {
		line := "already subscribed to " + a.Feed.URL
		switch {
		case len(a.AddedTags) > 0:
			// As opml import and feed list write them.
			line += fmt.Sprintf("; %s %s added (its tags now: %s)", plainPlural(len(a.AddedTags), "tag"),
				tagTerms(a.AddedTags), tagTerms(a.Feed.Tags))
		case len(a.Feed.Tags) > 0:
			line += " (tags " + tagTerms(a.Feed.Tags) + ")"
		}
		fmt.Fprintln(w, oneLine(line, 0))
	}
	if a.Fetch.Err != nil {
		return
	}
	title := a.Feed.Title
	if title == "" {
		title = a.Feed.URL
	}
	switch {
	case a.Fetch.NotModified:
		fmt.Fprintf(w, "%s: not modified since the last fetch\n", oneLine(title, 0))
	case a.New:
		fmt.Fprintf(w, "%s: %s\n", oneLine(title, 0), Plural(len(a.Fetch.Articles), "article"))
	default:
		fmt.Fprintf(w, "%s: %s, %s new\n", oneLine(title, 0), Plural(len(a.Fetch.Articles), "article"), thousands(a.Stats.Added))
	}
	printWarnings(w, fetchWarnings(a.Fetch, a.Stats))
}

// plainPlural is noun, with an s unless n is 1.
func plainPlural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// RemovedText is what feed remove says it did: with purge, how many
// articles went and how many stayed for what the reader did to them.
func RemovedText(r store.Removed, purge bool) string {
	if !purge {
		if r.Articles == 1 {
			return "unsubscribed; its 1 article stays in the library"
		}
		return fmt.Sprintf("unsubscribed; its %s stay in the library", Plural(r.Articles, "article"))
	}
	text := fmt.Sprintf("unsubscribed; %s removed", Plural(r.Deleted, "article"))
	if r.Kept == 0 {
		return text
	}
	var why []string
	for _, c := range []struct {
		n    int
		what string
	}{{r.Starred, "starred"}, {r.Annotated, "annotated"}, {r.Tagged, "tagged by you"}, {r.Retitled, "retitled"}} {
		if c.n > 0 {
			why = append(why, c.what)
		}
	}
	list := why[0]
	if len(why) > 1 {
		list = strings.Join(why[:len(why)-1], ", ") + " or " + why[len(why)-1]
	}
	return fmt.Sprintf("%s, %s kept (%s)", text, thousands(r.Kept), list)
}

// ListFeeds prints the subscriptions: title, URL, articles (unread), when
// last fetched and the last error.
func ListFeeds(ctx context.Context, st *store.Store, w io.Writer) error {
	subs, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	counts, err := st.FeedCounts(ctx)
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, s := range subs {
		title := s.Title
		if title == "" {
			title = "(untitled)"
		}
		c := counts[s.ID]
		fetched := "never fetched"
		if !s.LastFetch.IsZero() {
			fetched = "fetched " + s.LastFetch.Local().Format("2006-01-02 15:04")
		}
		fmt.Fprintf(&b, "%s\n  %s\n  %s (%s unread), %s", oneLine(title, 0), oneLine(s.URL, 0),
			Plural(c.Articles, "article"), thousands(c.Unread), fetched)
		if len(s.Tags) > 0 {
			// As query terms: a tag with a space is not read as two.
			fmt.Fprintf(&b, ", tags %s", oneLine(tagTerms(s.Tags), 0))
		}
		b.WriteString("\n")
		if s.LastError != "" {
			fmt.Fprintf(&b, "  error: %s\n", oneLine(s.LastError, 0))
		}
	}
	// A full disk or a closed pipe is an error a script sees.
	_, err = io.WriteString(w, b.String())
	return err
}

// FetchStopped clears a stopped fetch's progress line from a terminal,
// with the ^C the terminal wrote over it, before the summary; and the
// lines below it, where a terminal made narrower since may have rewrapped
// its end.
func FetchStopped(w io.Writer, tty bool) {
	if tty {
		fmt.Fprint(w, eraseLine+eraseBelow)
	}
}

// FetchProgress draws one line per finished feed when piped, a line
// redrawn in place on a terminal, cut to the terminal's width at each
// frame; width is the terminal's when w does not say its own.
func FetchProgress(w io.Writer, tty bool, width int) func(done, total int, r feeds.FetchResult, stats store.FetchStats) {
	bar := &liveLine{w: w, width: width}
	return func(done, total int, r feeds.FetchResult, _ store.FetchStats) {
		status := "ok"
		switch {
		case r.Err != nil:
			status = "error: " + r.Err.Error()
		case r.NotModified:
			status = "not modified"
		default:
			status = Plural(len(r.Articles), "article")
		}
		line := fmt.Sprintf("[%d/%d] %s: %s", done, total, oneLine(r.Sub.URL, 0), oneLine(status, 0))
		if !tty {
			fmt.Fprintln(w, line)
			return
		}
		bar.draw(line, bar.columns(), 1)
		if done == total {
			bar.clear()
		}
	}
}
