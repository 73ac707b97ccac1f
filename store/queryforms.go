package store

import (
	"tidings/feeds"
	"tidings/store/query"
)

// withStoredForms makes each source: and feed: term of n find what it names
// in the form the library stores it in too, the term as written still
// counting (for a feed whose title has it so, or a subscription an older
// tidings stored in that spelling):
//
//   - source: as the importer stores a source (feeds.NormalizeSource):
//     source:"MENAFN- Gulf Times", as a sample file's syndication tag
//     writes it, finds "MENAFN - Gulf Times";
//   - feed: naming an address, as subscriptions are stored
//     (feeds.NormalizeURL) and FeedByURL finds them:
//     feed:"http://LocalHost/a.xml", feed:"feed://localhost/a.xml" and
//     feed:"HTTP://localhost:80/a.xml" find http://localhost/a.xml.
func withStoredForms(n query.Node) query.Node {
	switch n.Kind {
	case query.And, query.Or, query.Not:
		kids := make([]query.Node, len(n.Kids))
		for i, k := range n.Kids {
			kids[i] = withStoredForms(k)
		}
		n.Kids = kids
	case query.Source:
		stored := n
		switch n.Field {
		case "":
			stored.Value = feeds.NormalizeSource(n.Value)
		case "feed":
			stored.Value = feeds.NormalizeURL(n.Value)
		}
		if stored.Value != n.Value && stored.Value != "" {
			return query.Node{Kind: query.Or, Kids: []query.Node{n, stored}}
		}
	}
	return n
}
