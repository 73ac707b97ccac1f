package cli

import (
	"context"
	"fmt"
	"strings"

	"tidings/feeds"
	"tidings/store"
)

// IDHint says what names an article on the command line, for a message
// about a word that names none.
const IDHint = "ids are the numbers tidings search lists, or the external_id search --json writes"

// FindArticle finds the article word names: the article with that id when
// word is one (ParseID: the number `tidings search` lists, 05 is 5), else
// the article with that external id (as `search --json` writes it, or as
// the library stores one given with control characters: feeds.CleanLine).
// When neither names one, the error is a *NoArticle.
func FindArticle(ctx context.Context, st *store.Store, word string) (store.Article, error) {
	found, missing, err := FindArticles(ctx, st, []string{word})
	switch {
	case err != nil:
		return store.Article{}, err
	case len(missing) > 0:
		return store.Article{}, &NoArticle{Word: word}
	}
	return found[0], nil
}

// FindArticles finds the articles words name, each as FindArticle finds
// it, looking them up a batch at a time, so that a command line of a
// hundred thousand ids takes a moment. found holds each article once, in
// the order of the words that first name it (1 and 01 are one); missing
// holds the words that name none, each once, in their order.
func FindArticles(ctx context.Context, st *store.Store, words []string) (found []store.Article, missing []string, err error) {
	var ids []int64
	for _, w := range words {
		if id, ok := ParseID(w); ok {
			ids = append(ids, id)
		}
	}
	byID, err := st.ArticlesByID(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	// The words that are no id of an article may be external ids. The
	// library stores those cleaned, so a word given with an escape
	// sequence in it is looked up as it was stored.
	var externals []string
	for _, w := range words {
		if id, ok := ParseID(w); ok && byID[id].ID != 0 {
			continue
		}
		if ext := feeds.CleanLine(w); ext != "" {
			externals = append(externals, ext)
		}
	}
	byExternal, err := st.ArticlesByExternalID(ctx, externals)
	if err != nil {
		return nil, nil, err
	}
	seen := make(map[int64]bool, len(byID)+len(byExternal))
	unnamed := map[string]bool{}
	for _, w := range words {
		art, ok := store.Article{}, false
		if id, isID := ParseID(w); isID {
			art, ok = byID[id]
		}
		if !ok {
			art, ok = byExternal[feeds.CleanLine(w)]
		}
		switch {
		case !ok && !unnamed[w]:
			unnamed[w] = true
			missing = append(missing, w)
		case ok && !seen[art.ID]:
			seen[art.ID] = true
			found = append(found, art)
		}
	}
	return found, missing, nil
}

// NoArticle is a word given for an article that names none.
type NoArticle struct{ Word string }

// IsID reports whether the word is an id as ids are written, a number: the
// article it named is not in the library (any more). Otherwise the word is
// no id at all, a mistake in what was typed.
func (n *NoArticle) IsID() bool {
	_, ok := ParseID(n.Word)
	return ok
}

// Error names the word as it was given, in Go's quotes, with what the
// terminal would act on escaped ("esc\x1b[31mid"): cleaned, it could read
// as an external id that is there.
func (n *NoArticle) Error() string {
	if id, ok := ParseID(n.Word); ok {
		return fmt.Sprintf("no article %d", id)
	}
	return fmt.Sprintf("%q is neither an article's id nor its external id", n.Word)
}

func (n *NoArticle) Unwrap() error { return store.ErrNotFound }

// missingListed is how many ids that name no article a message lists one
// by one; of more, it counts them and names the first and the last.
const missingListed = 10

// MissingText says which ids name no article, as numbers (ParseID's):
// "no article 7, 9", or of more than ten,
// "90,000 ids name no article (10001, 10002, … 100000)".
func MissingText(missing []string) string {
	if len(missing) <= missingListed {
		return "no article " + strings.Join(missing, ", ")
	}
	return fmt.Sprintf("%s ids name no article (%s, %s, … %s)",
		thousands(len(missing)), missing[0], missing[1], missing[len(missing)-1])
}
