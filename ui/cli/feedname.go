package cli

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"tidings/feeds"
	"tidings/store"
)

// FindFeed is the subscription name names: the one at that address (any
// spelling of it, as store.FeedByURL finds it), else the one whose title
// it is, case aside, as the # panel shows it and feed: takes it; a name
// with control characters is looked up cleaned of them, as the library
// keeps addresses and titles. A name that names no subscription, or is the
// title of several, is a *FeedNameError.
func FindFeed(ctx context.Context, st *store.Store, name string) (store.Feed, error) {
	var all []store.Feed
	return findFeed(ctx, st, name, &all)
}

// findFeed is FindFeed reading the subscriptions, for their titles, into
// *all the first time it needs them, so that a list of names reads them
// once.
func findFeed(ctx context.Context, st *store.Store, name string, all *[]store.Feed) (store.Feed, error) {
	f, err := st.FeedByURL(ctx, name)
	// The library keeps addresses and titles cleaned of control characters
	// (feeds.CleanLine): a name given with them is looked up as it would be
	// kept, which is what its reader sees of it.
	clean := feeds.CleanLine(name)
	if errors.Is(err, store.ErrNotFound) && clean != name && clean != "" {
		f, err = st.FeedByURL(ctx, clean)
	}
	if !errors.Is(err, store.ErrNotFound) {
		return f, err
	}
	if *all == nil {
		if *all, err = st.Feeds(ctx); err != nil {
			return store.Feed{}, err
		}
	}
	title := strings.TrimSpace(clean)
	var titled []store.Feed
	for _, f := range *all {
		if title != "" && strings.EqualFold(strings.TrimSpace(f.Title), title) {
			titled = append(titled, f)
		}
	}
	if len(titled) == 1 {
		return titled[0], nil
	}
	return store.Feed{}, &FeedNameError{Name: name, Titled: titled}
}

// FeedNameError is a name given for a subscription that names none: no
// subscription has it as its address or title, or several have it as
// their title (Titled lists them).
type FeedNameError struct {
	Name   string
	Titled []store.Feed
}

func (e *FeedNameError) Error() string { return feedArg(e.Name) + ": " + e.Reason() }

// feedArg is a name given for a feed as a message shows it: as it is when
// it is plain, else quoted as Go quotes a string (shownName), so that an
// escape sequence in it is seen, not obeyed, and a name that is nothing
// but control characters is still named ("\x1b[2J"); "" is "".
func feedArg(name string) string {
	if name == "" {
		return `""`
	}
	return shownName(name)
}

// Reason says what is wrong with the name, and what to do: for an address,
// how to subscribe to it; for a title of several feeds, their addresses;
// for anything else, where the feeds are listed.
func (e *FeedNameError) Reason() string {
	if len(e.Titled) > 1 {
		urls := make([]string, len(e.Titled))
		for i, f := range e.Titled {
			urls[i] = oneLine(feeds.ShownURL(f.URL), 0) // enough to name it by
		}
		return fmt.Sprintf("%d feeds have this title: %s; name one by its address", len(e.Titled), strings.Join(urls, ", "))
	}
	// feed add refuses an address with control characters in it, and
	// what cleaning leaves of it, which no subscription has either, is
	// another address than the one given.
	if isAddress(e.Name) && feeds.CleanLine(e.Name) == e.Name {
		return "not subscribed (tidings feed add " + shellArg(oneLine(e.Name, 0)) + " subscribes)"
	}
	return "no feed has this address or title (tidings feed list lists them)"
}

// Is makes a name that names no subscription at all a store.ErrNotFound.
func (e *FeedNameError) Is(target error) bool {
	return target == store.ErrNotFound && len(e.Titled) == 0
}

// isAddress reports whether s is an address feed add can subscribe to: an
// absolute http(s) URL, or a feed: one standing for it.
func isAddress(s string) bool {
	u, err := url.Parse(feeds.NormalizeURL(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// shellArg is s as one word for a POSIX shell: as it is when it holds
// nothing a shell reads otherwise, else in single quotes.
func shellArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"\\$`&|;<>()*?[]{}!#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
