package store

import (
	"tidings/feeds"
	"tidings/store/query"
)

// withSourceForms makes each source: term of n find the source as the
// importer stores it too (feeds.NormalizeSource), so that a source
// written as a sample file's syndication tag writes it, source:"MENAFN-
// Gulf Times", finds "MENAFN - Gulf Times". The term as written still
// counts, for a feed whose title has it so.
func withSourceForms(n query.Node) query.Node {
	switch n.Kind {
	case query.And, query.Or, query.Not:
		kids := make([]query.Node, len(n.Kids))
		for i, k := range n.Kids {
			kids[i] = withSourceForms(k)
		}
		n.Kids = kids
	case query.Source:
		if n.Field != "" {
			return n // feed: names a subscription as the reader named it
		}
		stored := n
		stored.Value = feeds.NormalizeSource(n.Value)
		if stored.Value != n.Value && stored.Value != "" {
			return query.Node{Kind: query.Or, Kids: []query.Node{n, stored}}
		}
	}
	return n
}
