package store

import (
	"tidings/feeds"
	"tidings/store/query"
)

// withFeedForms makes each feed: term of n that names an address find the
// subscription in the form subscriptions are stored in (feeds.NormalizeURL),
// as FeedByURL finds it: feed:"http://LocalHost/a.xml",
// feed:"feed://localhost/a.xml" and feed:"HTTP://localhost:80/a.xml" find
// the feed subscribed as http://localhost/a.xml. The term as written still
// counts, for a subscription an older tidings stored in that spelling, and
// for a feed's name.
func withFeedForms(n query.Node) query.Node {
	switch n.Kind {
	case query.And, query.Or, query.Not:
		kids := make([]query.Node, len(n.Kids))
		for i, k := range n.Kids {
			kids[i] = withFeedForms(k)
		}
		n.Kids = kids
	case query.Source:
		if n.Field != "feed" {
			return n
		}
		stored := n
		stored.Value = feeds.NormalizeURL(n.Value)
		if stored.Value != n.Value && stored.Value != "" {
			return query.Node{Kind: query.Or, Kids: []query.Node{n, stored}}
		}
	}
	return n
}
