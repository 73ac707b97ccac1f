package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	neturl "net/url"
	"os"
	"path"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"

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
	// Feeds is how many subscriptions the fetch was to fetch; each that
	// was fetched is in one of Changed, NotModified, NothingNew and the
	// failures, and the rest are Stopped.
	Feeds int
	// Changed is how many feeds brought new or updated articles;
	// NotModified, how many the server said had not changed (304);
	// NothingNew, how many it sent whole with nothing new or updated in
	// them (a server that sends no validators).
	Changed, NotModified, NothingNew int
	// Stopped is how many of Feeds were not fetched: the fetch was
	// stopped (ctrl+c) before them.
	Stopped int
	store.ImportStats
	// Failed are the feeds that failed, and before them the names given
	// that named no one subscription (Unmatched of them), which are not
	// among Feeds.
	Failed    []Problem
	Unmatched int
	Warnings  []Problem // of the articles fetched, each under its feed's address
	// Moved is how many feeds moved for good (301, 308): their
	// subscriptions are at the new address now, or merged into the one
	// there.
	Moved int
}

// ChangedNothing reports whether the fetch left the library's articles and
// subscriptions as they were: no article new or updated, no feed moved.
// What every fetch writes down (when each feed was fetched, its validators,
// what failed) is not counted.
func (r FetchReport) ChangedNothing() bool {
	return r.Added+r.Updated == 0 && r.Moved == 0
}

// Fetch refreshes every subscribed feed (or only those named in only, by
// address or title, see FindFeed) and stores what they bring. progress, if
// set, first hears of each feed to fetch, in the order they are fetched
// in, with done 0 and r holding only its subscription; then of each feed
// as it is done, done counting it. So progress can tell which feeds are
// still on their way.
func Fetch(ctx context.Context, st *store.Store, f *feeds.Fetcher, rules []store.Rule, only []string, progress func(done, total int, r feeds.FetchResult, stats store.FetchStats)) (FetchReport, error) {
	return fetch(ctx, st, f, rules, only, false, progress)
}

// FetchUndeleting is Fetch (tidings fetch --undelete) that brings back the
// entries the reader deleted which the feeds still serve, forgetting their
// deletion (store.RecordFetchUndeleting); they count as new. Each feed is
// fetched whole, without its validators, since a server's "not modified"
// would hide them.
func FetchUndeleting(ctx context.Context, st *store.Store, f *feeds.Fetcher, rules []store.Rule, only []string, progress func(done, total int, r feeds.FetchResult, stats store.FetchStats)) (FetchReport, error) {
	return fetch(ctx, st, f, rules, only, true, progress)
}

// fetch is Fetch, and with undelete FetchUndeleting.
func fetch(ctx context.Context, st *store.Store, f *feeds.Fetcher, rules []store.Rule, only []string, undelete bool, progress func(done, total int, r feeds.FetchResult, stats store.FetchStats)) (FetchReport, error) {
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
		if undelete {
			list[i].ETag, list[i].LastModified = "", ""
		}
	}
	record := st.RecordFetch
	if undelete {
		record = st.RecordFetchUndeleting
	}
	rep.Feeds = len(subs)
	if progress != nil {
		for _, s := range list {
			progress(0, len(list), feeds.FetchResult{Sub: s}, store.FetchStats{})
		}
	}
	done, recorded := 0, 0
	var saveErr error
	f.FetchAll(ctx, list, func(r feeds.FetchResult) {
		done++
		if saveErr != nil || ctx.Err() != nil {
			return
		}
		stats, err := record(ctx, byURL[r.Sub.URL].ID, r, rules)
		if err != nil && stoppedBy(ctx, err) {
			// Stopped as it was stored: what it brought was rolled
			// back, and it is fetched again in full next time, as a
			// feed not come to is; not a failure of the feed's.
			return
		}
		recorded++
		switch {
		case err != nil && libraryRefuses(err):
			// Every feed after it would fail the same way: stop there,
			// said once.
			saveErr = err
		case err != nil:
			rep.Failed = append(rep.Failed, Problem{File: shownAddress(r.Sub.URL), Reason: oneLine(err.Error(), 0)})
			r.Err = err // what progress tells of it
		case r.Err != nil:
			rep.Failed = append(rep.Failed, Problem{File: shownAddress(r.Sub.URL), Reason: oneLine(r.Err.Error(), 0)})
		case r.NotModified:
			rep.NotModified++
			rep.Warnings = append(rep.Warnings, fetchWarnings(r, stats)...) // it may have moved
		default:
			if stats.Added+stats.Updated > 0 {
				rep.Changed++
			} else {
				rep.NothingNew++
			}
			rep.Warnings = append(rep.Warnings, fetchWarnings(r, stats)...)
		}
		if err == nil && r.Err == nil && r.NewURL != "" {
			rep.Moved++
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

// libraryRefuses reports whether err, of storing an import batch or a
// feed's fetch, is about the library rather than the articles: read-only,
// on a full or failing disk, or damaged.
func libraryRefuses(err error) bool {
	return errors.Is(err, store.ErrReadOnly) || store.DiskRefused(err) || store.IsDamaged(err)
}

// stoppedBy reports whether err, of storing a feed's fetch, is the fetch
// being stopped (ctrl+c, SIGTERM, a closed terminal cancel ctx): the
// store gives up on a cancelled context with whatever the statement it was
// in says of it ("context canceled", "sql: statement is closed"). A full
// disk or a damaged library is said as it is, stopped or not.
func stoppedBy(ctx context.Context, err error) bool {
	if ctx.Err() == nil {
		return false
	}
	return !libraryRefuses(err)
}

// subscriptions are the feeds to fetch: every one, or those named in only
// (by any spelling of their address, or by title: see FindFeed), each
// once. A name that names no one subscription is a failure in rep.
func subscriptions(ctx context.Context, st *store.Store, only []string, rep *FetchReport) ([]store.Feed, error) {
	if len(only) == 0 {
		return st.Feeds(ctx)
	}
	var subs, all []store.Feed
	for _, name := range only {
		f, err := findFeed(ctx, st, name, &all)
		var bad *FeedNameError
		switch {
		case errors.As(err, &bad):
			rep.Failed = append(rep.Failed, Problem{File: feedArg(name), Reason: bad.Reason()})
			rep.Unmatched++
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
// import's summary does. The line says how many articles came, then what
// became of the feeds, so that their counts add up to those fetched:
//
//	43 feeds in 2.1s: 5 new articles, 1 updated (from 2 feeds); 39 not modified, 1 with nothing new, 1 failed
func PrintFetchSummary(out, diag io.Writer, rep FetchReport, elapsed time.Duration) {
	fmt.Fprintln(out, fetchSummary(rep, elapsed))
	for _, f := range rep.Failed {
		fmt.Fprintf(diag, "failed: %s\n", oneLine(f.String(), 0))
	}
	printWarnings(diag, rep.Warnings)
}

// fetchSummary is PrintFetchSummary's line.
func fetchSummary(rep FetchReport, elapsed time.Duration) string {
	fed := Plural(rep.Feeds, "feed")
	if rep.Stopped > 0 {
		fed = thousands(rep.Feeds-rep.Stopped) + " of " + fed // stopped before the rest
	}
	line := fmt.Sprintf("%s in %.1fs: %s, %s updated", fed, elapsed.Seconds(),
		Plural(rep.Added, "new article"), thousands(rep.Updated))
	var rest []string
	for _, c := range []struct {
		n    int
		what string
	}{
		{rep.NotModified, " not modified"},
		{rep.NothingNew, " with nothing new"},
		{len(rep.Failed) - rep.Unmatched, " failed"},
	} {
		if c.n > 0 {
			rest = append(rest, thousands(c.n)+c.what)
		}
	}
	if rep.Changed > 0 && len(rest) > 0 {
		// How many brought them, when not every feed fetched did.
		line += " (from " + Plural(rep.Changed, "feed") + ")"
	}
	if len(rest) > 0 {
		line += "; " + strings.Join(rest, ", ")
	}
	if rep.Unmatched > 0 {
		// Not among the feeds: no subscription answers to them.
		line += "; " + Plural(rep.Unmatched, "name") + " not fetched"
	}
	return line
}

// fetchWarnings are the warnings of a fetch's articles (an entry's guid
// that an earlier entry has too, content that could not be converted), each
// under the feed's address: of the articles the fetch added or changed, since
// the warnings of one unchanged were given when it came.
func fetchWarnings(r feeds.FetchResult, stats store.FetchStats) []Problem {
	if stats.MergedInto != "" {
		// What it brought is the other feed's, whose own fetch tells of it.
		return []Problem{{File: shownAddress(r.Sub.URL), Reason: "moved to " + shownAddress(stats.MergedInto) + ", which you already follow: merged into it"}}
	}
	var out []Problem
	if r.Warning != "" {
		out = append(out, Problem{File: shownAddress(r.Sub.URL), Reason: r.Warning})
	}
	for i, a := range r.Articles {
		if i < len(stats.Outcomes) && stats.Outcomes[i] == store.Unchanged {
			continue
		}
		for _, w := range a.Warnings {
			out = append(out, Problem{File: shownAddress(r.Sub.URL), Reason: w})
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
	// Holds is how many articles the subscription holds after its fetch:
	// what it brought and what it took back, without the entries the
	// reader deleted (Stats.Skipped of them were left out).
	Holds int
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
// subscribed already keeps its tags and gains those given, and takes the
// user name and password the address gives, when they are others. An
// address with control characters in it is refused, named quoted.
//
// A feed that is down for now (a 5xx or a 429, a timeout, a connection
// refused or reset, a name server that does not answer) is subscribed to
// all the same, as newsboat subscribes to any address given, and its error
// recorded as a failed fetch's: tidings fetch tries it again. One that
// cannot be fetched as it is (a 404 or a 410, refused as unauthorized or
// forbidden, a page linking to no feed that serves one, a host name that
// does not exist, a certificate refused) is not subscribed to, and nor is
// a site's home page or .html page that is down, whose feed cannot be
// found until it answers: the error says "not subscribed". A feed
// subscribed already gains the tags all the same, and its failure is
// recorded.
//
// Subscribed but not fetched, the error is a *NotFetchedError, which says
// both; so is a feed found that then fails to parse.
func SubscribeFeed(ctx context.Context, st *store.Store, f *feeds.Fetcher, rules []store.Rule, url string, tags []string) (Added, error) {
	if given := strings.TrimSpace(url); feeds.CleanLine(given) != given {
		// Cleaned, it would be another address than the one given, as
		// an import refuses a file's (feeds.ImportedFeed); quoted, so
		// that what is in it is seen, not obeyed.
		return Added{}, fmt.Errorf("%s: the address has control characters in it (an escape sequence, a line break); give it without them", shownName(url))
	}
	if shown, bad := badUserinfo(url); bad {
		return Added{}, fmt.Errorf("%s: the user name or password given with it has a character that must be percent-encoded "+
			"(a space, #, ?, /, @ or %%): write it so (%%20 for a space, %%23 for #, %%40 for @)", oneLine(shown, 0))
	}
	addr := withCredentials(ctx, st, url)
	found, err := f.Discover(ctx, addr)
	if err != nil {
		if ctx.Err() != nil {
			return Added{}, fmt.Errorf("%s: %w", shownAddress(url), err)
		}
		return subscribeUnfetched(ctx, st, rules, url, addr, tags, err)
	}
	var out Added
	out.Subscribed, err = st.SubscribeWithCredentials(ctx, store.Feed{URL: found.URL, Tags: tags})
	if err != nil {
		return out, err
	}
	out.Fetch = f.FetchDiscovered(ctx, Subscription(out.Feed), found)
	out.Stats, err = st.RecordFetch(ctx, out.Feed.ID, out.Fetch, rules)
	if err != nil {
		return out, err
	}
	if out.Fetch.Err == nil && out.Stats.MergedInto == "" {
		if out.Holds, err = st.FeedArticles(ctx, out.Feed.ID); err != nil {
			return out, err
		}
	}
	if out.Fetch.Sub.Title != "" {
		out.Feed.Title = out.Fetch.Sub.Title
	}
	switch {
	case out.Fetch.Err == nil:
		return out, nil
	case ctx.Err() != nil:
		return out, out.Fetch.Err
	}
	return out, &NotFetchedError{Added: out, Err: out.Fetch.Err}
}

// credentialsHint tells how to give a user name and password when the
// server refused url as unauthorized (401) and url gave none.
func credentialsHint(url string, failed error) string {
	se, ok := errors.AsType[*feeds.StatusError](failed)
	if !ok || se.Code != http.StatusUnauthorized || feeds.HasUserinfo(url) {
		return ""
	}
	return "; a feed behind a password is given with it: https://USER:PASSWORD@host/feed"
}

// subscribeUnfetched is SubscribeFeed when addr (url, with the password
// of the subscription it names) could not be asked for its feed: failed
// says why. It subscribes to addr when it is a feed subscribed already, or
// one down for now; else to nothing.
func subscribeUnfetched(ctx context.Context, st *store.Store, rules []store.Rule, url, addr string, tags []string, failed error) (Added, error) {
	subscribe := st.SubscribeWithCredentials
	kept := false
	sub, err := st.FeedByURL(ctx, addr)
	switch {
	case err == nil:
		// Subscribed already: it gains the tags, and its error is the
		// one of this fetch. Another user name and password that addr
		// gives, which did not fetch it, do not take the place of its own.
		subscribe = st.Subscribe
		kept = feeds.HasUserinfo(addr) && feeds.NormalizeURL(addr) != feeds.NormalizeURL(sub.URL)
	case !errors.Is(err, store.ErrNotFound):
		return Added{}, err
	case !temporaryFailure(failed):
		return Added{}, fmt.Errorf("not subscribed: %s: %w%s", shownAddress(url), failed, credentialsHint(url, failed))
	case sitePage(addr):
		return Added{}, fmt.Errorf("not subscribed: %s: %w; a site's page is searched for the feed it links to once it answers: try again later, or give the feed's own address",
			shownAddress(url), failed)
	}
	var out Added
	if out.Subscribed, err = subscribe(ctx, store.Feed{URL: addr, Tags: tags}); err != nil {
		return out, err
	}
	out.Fetch = feeds.FetchResult{Sub: Subscription(out.Feed), Err: failed}
	if out.Stats, err = st.RecordFetch(ctx, out.Feed.ID, out.Fetch, rules); err != nil {
		return out, err
	}
	return out, &NotFetchedError{Added: out, Err: failed, credentialsKept: kept}
}

// NotFetchedError is SubscribeFeed's error when it subscribed to the feed,
// or found it subscribed already, but could not fetch it: it says both.
//
//	subscribed to http://host/feed.xml, but it could not be fetched now: HTTP 503 Service Unavailable after 3 tries over 10s; tidings fetch tries again
type NotFetchedError struct {
	Added Added
	Err   error
	// credentialsKept: the feed, subscribed already, keeps its user name
	// and password, not the others the address given had.
	credentialsKept bool
}

func (e *NotFetchedError) Error() string {
	text := subscribedLine(e.Added)
	if temporaryFailure(e.Err) {
		text += ", but it could not be fetched now: " + oneLine(e.Err.Error(), 0) + "; tidings fetch tries again"
	} else {
		text += ", but it could not be fetched: " + oneLine(e.Err.Error(), 0)
	}
	if e.credentialsKept {
		text += "; it keeps the user name and password it had"
	}
	return text
}

func (e *NotFetchedError) Unwrap() error { return e.Err }

// temporaryFailure reports whether a feed's failure may mend by itself,
// so that subscribing to it all the same is worth it: the server busy or
// failing (a 5xx, 429, 408), no answer in time, a connection refused,
// reset or cut, a network unreachable, a name server that did not answer.
// A 404 or a 410, a 401 or a 403, a host name that does not exist, a
// certificate refused, a document that is no feed, are not.
func temporaryFailure(err error) bool {
	if errors.Is(err, feeds.ErrNoFeed) || errors.Is(err, feeds.ErrNotFeed) {
		return false // whatever its parser said of where it ends
	}
	if se, ok := errors.AsType[*feeds.StatusError](err); ok {
		return se.Code >= 500 || se.Code == http.StatusTooManyRequests || se.Code == http.StatusRequestTimeout
	}
	if dns, ok := errors.AsType[*net.DNSError](err); ok {
		return !dns.IsNotFound
	}
	for _, e := range []error{feeds.ErrTimeout, os.ErrDeadlineExceeded, io.EOF, io.ErrUnexpectedEOF,
		syscall.ECONNREFUSED, syscall.ECONNRESET, syscall.ECONNABORTED, syscall.EPIPE, syscall.ETIMEDOUT,
		syscall.EHOSTUNREACH, syscall.EHOSTDOWN, syscall.ENETUNREACH, syscall.ENETDOWN} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// sitePage reports whether addr is plainly a site's page rather than a
// feed: its home page, or a .html page. Such a page, down, cannot be
// searched for the feed it links to, and subscribing to it would be
// subscribing to the page.
func sitePage(addr string) bool {
	u, err := neturl.Parse(feeds.NormalizeURL(addr))
	if err != nil {
		return false
	}
	if u.Path == "/" && u.RawQuery == "" {
		return true
	}
	switch strings.ToLower(path.Ext(u.Path)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return true
	}
	return false
}

// PrintAdded writes what SubscribeFeed did: subscribed, or subscribed already and
// with which tags, then how many articles the subscription holds, how many
// of them are new (unless all are), and the entries it left out for the
// reader deleted them, with the way back; then the warnings. Of a failed
// fetch it writes nothing: SubscribeFeed's error (a NotFetchedError) says
// what was subscribed to and why it was not fetched, for the caller to
// report.
//
//	Harbour News: 12 articles, 2 new; 3 you deleted left out (tidings fetch --undelete brings them back)
func PrintAdded(w io.Writer, a Added) {
	if a.Fetch.Err != nil {
		return // SubscribeFeed's NotFetchedError says it all
	}
	fmt.Fprintln(w, subscribedLine(a))
	title := a.Feed.Title
	if title == "" {
		title = shownAddress(a.Feed.URL)
	}
	switch {
	case a.Fetch.NotModified:
		fmt.Fprintf(w, "%s: not modified since the last fetch\n", fieldLine(title, 0))
	case a.Stats.MergedInto != "":
		// The warning says which feed it became, whose articles they are.
	default:
		line := fieldLine(title, 0) + ": " + Plural(a.Holds, "article")
		if !a.New || a.Holds != a.Stats.Added {
			line += ", " + thousands(a.Stats.Added) + " new"
		}
		if n := a.Stats.Skipped; n > 0 {
			them := "them"
			if n == 1 {
				them = "it"
			}
			line += "; " + thousands(n) + " you deleted left out (tidings fetch --undelete brings " + them + " back)"
		}
		fmt.Fprintln(w, line)
	}
	printWarnings(w, fetchWarnings(a.Fetch, a.Stats))
}

// subscribedLine says what SubscribeFeed did to the subscription:
// subscribed, or subscribed already and with which tags.
func subscribedLine(a Added) string {
	if a.New {
		return "subscribed to " + shownAddress(a.Feed.URL)
	}
	line := "already subscribed to " + shownAddress(a.Feed.URL)
	if a.Recredentialed {
		line += "; it is fetched with the user name and password given from now on"
	}
	if a.MergedTwins > 0 {
		line += fmt.Sprintf("; %s to it with other passwords made one with it", Plural(a.MergedTwins, "other subscription"))
	}
	switch {
	case len(a.AddedTags) > 0:
		// As opml import and feed list write them.
		line += fmt.Sprintf("; %s %s added (its tags now: %s)", plainPlural(len(a.AddedTags), "tag"),
			tagTerms(a.AddedTags), tagTerms(a.Feed.Tags))
	case len(a.Feed.Tags) > 0:
		line += " (tags " + tagTerms(a.Feed.Tags) + ")"
	}
	return oneLine(line, 0)
}

// shownAddress is a feed's address as tidings shows it: on one line,
// without the password it may carry (feeds.ShownURL).
func shownAddress(url string) string {
	return oneLine(feeds.ShownURL(url), 0)
}

// badUserinfo reports whether url is an http(s) address whose user name
// or password is written with a character that must be percent-encoded
// in it (a space, #, ?, /, @, a % that starts no escape), so that it is
// no address, or the password is read as part of its host, query or
// fragment; shown is then the address without them, all that comes
// before its last @ left out.
func badUserinfo(url string) (shown string, bad bool) {
	url = strings.TrimSpace(url)
	scheme, rest, ok := strings.Cut(url, "://")
	at := strings.LastIndex(rest, "@")
	if !ok || at < 0 || !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") {
		return "", false
	}
	shown = scheme + "://" + rest[at+1:]
	u, err := neturl.Parse(url)
	if err != nil || u.Host == "" {
		return shown, true
	}
	// The @ sits before the path, but what comes before it was read as no
	// user name: a # or ? cut the host short (alice:12#pw@host).
	authority, _, _ := strings.Cut(rest, "/")
	if u.User == nil && strings.Contains(authority, "@") && strings.ContainsAny(authority[:strings.LastIndex(authority, "@")], "#?") {
		return shown, true
	}
	return "", false
}

// withCredentials is the address feed add asks for url at: url, or the
// address of the subscription it names when that carries a user name and
// password and url gives no password nor another user name, as tidings
// shows such a feed's address (feeds.ShownURL): the feed is then fetched
// with the credentials it has.
func withCredentials(ctx context.Context, st *store.Store, url string) string {
	if feeds.ShownURL(url) != url {
		return url // a password of its own
	}
	sub, err := st.FeedByURL(ctx, url)
	if err != nil || !feeds.HasUserinfo(sub.URL) {
		return url
	}
	if feeds.HasUserinfo(url) && feeds.ShownURL(feeds.NormalizeURL(url)) != feeds.ShownURL(sub.URL) {
		return url // another user name
	}
	return sub.URL
}

// plainPlural is noun, with an s unless n is 1.
func plainPlural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// RemovedText is what feed remove says it did: with purge, how many
// articles went and how many stayed for what the reader did to them. See
// RemovedFeedText, which names the feed too.
func RemovedText(r store.Removed, purge bool) string {
	return RemovedFeedText(store.Feed{}, r, purge)
}

// RemovedFeedText is what feed remove says it did to f (named by its title
// and address, when f has them): how many of its articles stay, or with
// purge how many went and how many stayed for what the reader did to them.
func RemovedFeedText(f store.Feed, r store.Removed, purge bool) string {
	text := "unsubscribed"
	switch {
	case f.Title != "" && f.URL != "":
		text += " from " + fieldLine(f.Title, 0) + " (" + shownAddress(f.URL) + ")"
	case f.URL != "":
		text += " from " + shownAddress(f.URL)
	}
	if r.Twins > 0 {
		text += fmt.Sprintf(": all %s to it, with other passwords", Plural(r.Twins+1, "subscription"))
	}
	switch {
	case r.Articles == 0:
		return text + "; it had no articles"
	case !purge && r.Articles == 1:
		return text + "; its 1 article stays in the library"
	case !purge:
		return text + "; its " + Plural(r.Articles, "article") + " stay in the library"
	}
	text += "; " + Plural(r.Deleted, "article") + " removed"
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
	if len(why) == 0 {
		return fmt.Sprintf("%s, %s kept", text, thousands(r.Kept))
	}
	list := why[0]
	if len(why) > 1 {
		list = strings.Join(why[:len(why)-1], ", ") + " or " + why[len(why)-1]
	}
	return fmt.Sprintf("%s, %s kept (%s)", text, thousands(r.Kept), list)
}

// ListFeeds prints the subscriptions: title, URL, articles (unread), when
// last fetched (in UTC) and the last error.
func ListFeeds(ctx context.Context, st *store.Store, w io.Writer) error {
	subs, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	counts, err := st.FeedCounts(ctx)
	if err != nil {
		return err
	}
	twins := twinCounts(subs)
	var b strings.Builder
	for _, s := range subs {
		title := s.Title
		if title == "" {
			title = "(untitled)"
		}
		c := counts[s.ID]
		fetched := "never fetched"
		if !s.LastFetch.IsZero() {
			// In UTC, as every date tidings prints, and saying so. The
			// time is the last try's: a feed whose last try failed says
			// so, not that it was fetched then.
			fetched = "fetched "
			if s.LastError != "" {
				fetched = "failed "
			}
			fetched += s.LastFetch.UTC().Format("2006-01-02 15:04") + " UTC"
		}
		fmt.Fprintf(&b, "%s\n  %s\n  %s (%s unread), %s", fieldLine(title, 0), shownAddress(s.URL),
			Plural(c.Articles, "article"), thousands(c.Unread), fetched)
		if len(s.Tags) > 0 {
			// As query terms: a tag with a space is not read as two.
			fmt.Fprintf(&b, ", tags %s", oneLine(tagTerms(s.Tags), 0))
		}
		b.WriteString("\n")
		if n := twins[feeds.MatchURL(s.URL)]; n > 1 {
			fmt.Fprintf(&b, "  one of %d subscriptions to this feed, with other passwords "+
				"(tidings feed add with the address and its password makes them one)\n", n)
		}
		if s.LastError != "" {
			fmt.Fprintf(&b, "  error: %s\n", oneLine(s.LastError, 0))
		}
	}
	// A full disk or a closed pipe is an error a script sees.
	_, err = io.WriteString(w, b.String())
	return err
}

// twinCounts is how many of subs are subscriptions to each feed, by its
// address without user name and password (feeds.MatchURL): more than one
// where a tidings from before subscribed to a feed again when its password
// changed.
func twinCounts(subs []store.Feed) map[string]int {
	n := make(map[string]int, len(subs))
	for _, s := range subs {
		n[feeds.MatchURL(s.URL)]++
	}
	return n
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

// FetchProgress draws one line per finished feed when piped, saying what
// the fetch brought (on the command line's stdout, beside the summary, when
// stderr is no terminal: stderr then carries only what failed); on a
// terminal, a line redrawn in place, cut to the terminal's width at each
// frame, that names too the feed being waited for while any is (width is
// the terminal's when w does not say its own).
// On a terminal the line is there from the start, before any feed is done
// ("Fetching 3 feeds… waiting for Slow"): a slow or silent first feed
// does not leave the terminal blank. It takes Fetch's reports, the feeds
// to fetch first.
func FetchProgress(w io.Writer, tty bool, width int) func(done, total int, r feeds.FetchResult, stats store.FetchStats) {
	bar := &liveLine{w: w, width: width}
	var waiting pendingFeeds
	// Subscriptions to one feed with other passwords are told apart.
	twins, twinOf := map[string]int{}, map[string]int{}
	return func(done, total int, r feeds.FetchResult, stats store.FetchStats) {
		if done == 0 {
			twins[feeds.MatchURL(r.Sub.URL)]++
			twinOf[r.Sub.URL] = twins[feeds.MatchURL(r.Sub.URL)]
			waiting.add(r.Sub)
			if tty && len(waiting.order) == total {
				// Every feed told of: the fetch begins.
				cols := bar.columns()
				bar.draw(waitingFor("Fetching "+Plural(total, "feed")+"…", " ", &waiting, cols), cols, 1)
			}
			return
		}
		waiting.done(r.Sub.URL)
		shown := shownAddress(r.Sub.URL)
		if n := twins[feeds.MatchURL(r.Sub.URL)]; n > 1 {
			shown += fmt.Sprintf(" (subscription %d of %d to it)", twinOf[r.Sub.URL], n)
		}
		line := fmt.Sprintf("[%d/%d] %s: %s", done, total, shown, oneLine(fetchStatus(r, stats), 0))
		if !tty {
			fmt.Fprintln(w, line)
			return
		}
		if done == total {
			bar.clear()
			return
		}
		cols := bar.columns()
		bar.draw(waitingFor(line, " · ", &waiting, cols), cols, 1)
	}
}

// waitingFor is line followed, after sep, by the name of the feed waited
// for, when one is, on a terminal cols wide: the name stays in sight, the
// rest of line is cut first.
func waitingFor(line, sep string, waiting *pendingFeeds, cols int) string {
	next, ok := waiting.first()
	if !ok {
		return line
	}
	wait := sep + "waiting for " + fieldLine(cmp.Or(next.Title, feeds.ShownURL(next.URL)), 0)
	if room := cols - 1 - ansi.StringWidth(wait); room >= 24 {
		line = ansi.Truncate(line, room, "…")
	}
	return line + wait
}

// fetchStatus says what a feed's fetch did: its error, "not modified",
// how many articles are new and updated, or "nothing new"; and how many
// entries the reader deleted it left out ("1 you deleted left out").
func fetchStatus(r feeds.FetchResult, stats store.FetchStats) string {
	switch {
	case r.Err != nil:
		return "error: " + r.Err.Error()
	case r.NotModified:
		return "not modified"
	case stats.MergedInto != "":
		return "merged into " + feeds.ShownURL(stats.MergedInto)
	}
	var did []string
	if stats.Added > 0 {
		did = append(did, thousands(stats.Added)+" new")
	}
	if stats.Updated > 0 {
		did = append(did, thousands(stats.Updated)+" updated")
	}
	if len(did) == 0 {
		did = append(did, "nothing new")
	}
	if stats.Skipped > 0 {
		did = append(did, thousands(stats.Skipped)+" you deleted left out")
	}
	return strings.Join(did, ", ")
}

// pendingFeeds are the feeds of a fetch not yet done, in the order the
// fetch was given them: the first is the one waited for longest.
type pendingFeeds struct {
	order []feeds.Subscription
	over  map[string]bool // by address, those done
	next  int             // order[:next] are all done
}

func (p *pendingFeeds) add(s feeds.Subscription) { p.order = append(p.order, s) }

func (p *pendingFeeds) done(url string) {
	if p.over == nil {
		p.over = map[string]bool{}
	}
	p.over[url] = true
}

// first is the first feed not yet done; false when none is left, or none
// was told of.
func (p *pendingFeeds) first() (feeds.Subscription, bool) {
	for p.next < len(p.order) && p.over[p.order[p.next].URL] {
		p.next++
	}
	if p.next == len(p.order) {
		return feeds.Subscription{}, false
	}
	return p.order[p.next], true
}
