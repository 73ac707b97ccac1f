package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"tidings/feeds"
	"tidings/store"
)

// IDHint says what names an article on the command line, for a message
// about a word that names none.
const IDHint = "ids are the numbers tidings search lists, or the external_id search --json writes"

// FindArticle finds the article word names, as FindArticles finds it.
// When it names none, the error is a *NoArticle; when it is one article's
// number and another's external id, an *Ambiguous.
func FindArticle(ctx context.Context, st *store.Store, word string, external bool) (store.Article, error) {
	found, missing, err := FindArticles(ctx, st, []string{word}, external)
	switch {
	case err != nil:
		return store.Article{}, err
	case len(missing) > 0:
		return store.Article{}, &NoArticle{Word: word, External: external}
	}
	return found[0], nil
}

// FindArticles finds the articles words name: the article with that
// number when a word is one (ParseID: the number `tidings search` lists,
// 05 is 5), else the article with that external id (as `search --json`
// writes it, or as the library stores one given with control characters
// or line breaks: feeds.CleanID). With external, every word is an
// external id, a number too. A number that is one article's number and
// another's external id names neither: the error is an *Ambiguous, and
// nothing is found. It looks the words up a batch at a time, so that a
// command line of a hundred thousand ids takes a moment. found holds each
// article once, in the order of the words that first name it (1 and 01
// are one); missing holds the words that name none, each once (1 and 01
// are one), in their order.
func FindArticles(ctx context.Context, st *store.Store, words []string, external bool) (found []store.Article, missing []string, err error) {
	var ids []int64
	if !external {
		for _, w := range words {
			if id, ok := ParseID(w); ok {
				ids = append(ids, id)
			}
		}
	}
	byID, err := st.ArticlesByID(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	// Every word may be an external id, a number too: one that is both an
	// article's number and another's external id is ambiguous. The library
	// stores external ids cleaned, so a word given with an escape sequence
	// or a line break in it is looked up as it was stored (feeds.CleanID:
	// "記事\n一" is the id "記事 一", where a title's cleaning joins them).
	var externals []string
	for _, w := range words {
		if ext := feeds.CleanID(w); ext != "" {
			externals = append(externals, ext)
		}
	}
	byExternal, err := st.ArticlesByExternalID(ctx, externals)
	if err != nil {
		return nil, nil, err
	}
	var ambiguous *Ambiguous
	seen := make(map[int64]bool, len(byID)+len(byExternal))
	unnamed := map[string]bool{}
	for _, w := range words {
		byNumber, numbered := store.Article{}, false
		if id, isID := ParseID(w); isID && !external {
			byNumber, numbered = byID[id]
		}
		byExt, named := byExternal[feeds.CleanID(w)]
		art, ok := byNumber, numbered
		key := (&NoArticle{Word: w, External: external}).Name()
		switch {
		case numbered && named && byExt.ID != byNumber.ID:
			if ambiguous == nil {
				ambiguous = &Ambiguous{Word: w, ByNumber: byNumber, ByExternal: byExt}
			} else if !unnamed[key] {
				ambiguous.More++
			}
			unnamed[key] = true
			continue
		case !numbered:
			art, ok = byExt, named
		}
		switch {
		case !ok && !unnamed[key]:
			unnamed[key] = true
			missing = append(missing, w)
		case ok && !seen[art.ID]:
			seen[art.ID] = true
			found = append(found, art)
		}
	}
	if ambiguous != nil {
		return nil, nil, ambiguous
	}
	return found, missing, nil
}

// Ambiguous is a word given for an article that is one article's number
// and another article's external id: a command refuses it rather than act
// on the one that was not meant.
type Ambiguous struct {
	Word                 string
	ByNumber, ByExternal store.Article
	More                 int // further words given that are ambiguous too
}

// Error names both articles, by number and title, and how to name each
// alone: --external reads every id as an external id, and each article
// has one.
//
//	"1" is article 1's number (Article A) and article 3's external id (Gamma); --external reads ids as external ids only: --external 1 is article 3, --external a article 1
func (e *Ambiguous) Error() string {
	msg := fmt.Sprintf("%q is article %d's number (%s) and article %d's external id (%s); "+
		"--external reads ids as external ids only: --external %s is article %d, --external %s article %d",
		e.Word, e.ByNumber.ID, fieldLine(e.ByNumber.Title, 50), e.ByExternal.ID, fieldLine(e.ByExternal.Title, 50),
		shellWord(e.ByExternal.ExternalID), e.ByExternal.ID, shellWord(e.ByNumber.ExternalID), e.ByNumber.ID)
	switch {
	case e.More == 1:
		msg += " (1 more of the ids given is one article's number and another's external id)"
	case e.More > 1:
		msg += fmt.Sprintf(" (%s more of the ids given are each one article's number and another's external id)", thousands(e.More))
	}
	return msg
}

// shellWord is an external id as a shell reads it back as one word: as it
// is when it holds nothing a shell reads otherwise, else in single quotes.
func shellWord(s string) string {
	s = oneLine(s, 0)
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.,:/@%+=") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// NoArticle is a word given for an article that names none. With
// External, the word was read as an external id only (--external).
type NoArticle struct {
	Word     string
	External bool
}

// IsID reports whether the word could name an article: a number, or an
// external id, which the library stores cleaned of control characters
// (feeds.CleanID), so anything that is not nothing once cleaned. The
// article it named is not in the library (any more). Otherwise the word
// is no id at all, a mistake in what was typed.
func (n *NoArticle) IsID() bool {
	if _, ok := ParseID(n.Word); ok {
		return true
	}
	return feeds.CleanID(n.Word) != ""
}

// Name is the word as a message names it: a number as a number (05 is
// 5), else the word as it was given, in Go's quotes, with what the
// terminal would act on escaped ("esc\x1b[31mid"): cleaned, it could read
// as an external id that is there.
func (n *NoArticle) Name() string {
	if id, ok := ParseID(n.Word); ok && !n.External {
		return strconv.FormatInt(id, 10)
	}
	return strconv.Quote(n.Word)
}

// Error is "no article 7", `no article "q9"`, or, of a word that is no
// id at all, that it is neither an article's number nor an external id.
func (n *NoArticle) Error() string {
	if !n.IsID() {
		return fmt.Sprintf("%s is neither an article's id nor its external id", n.Name())
	}
	return "no article " + n.Name()
}

func (n *NoArticle) Unwrap() error { return store.ErrNotFound }

// MissingNames are the words that name no article (FindArticles'
// missing) as messages name them (NoArticle.Name), for MissingText.
func MissingNames(words []string, external bool) []string {
	names := make([]string, len(words))
	for i, w := range words {
		names[i] = (&NoArticle{Word: w, External: external}).Name()
	}
	return names
}

// missingListed is how many ids that name no article a message lists one
// by one; of more, it counts them and names the first and the last.
const missingListed = 10

// MissingText says which ids name no article, named as MissingNames
// names them: "no article 7, 9", `no article 7, "q9"`, or of more than ten,
// "90,000 ids name no article (10001, 10002, … 100000)".
func MissingText(missing []string) string {
	if len(missing) <= missingListed {
		return "no article " + strings.Join(missing, ", ")
	}
	return fmt.Sprintf("%s ids name no article (%s, %s, … %s)",
		thousands(len(missing)), missing[0], missing[1], missing[len(missing)-1])
}
