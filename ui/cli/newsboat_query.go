package cli

import (
	"strconv"
	"strings"

	"tidings/feeds"
	"tidings/store/query"
)

// queryFeedHint is the reason of a warning about a line of a newsboat urls
// file, and for a query feed what to do instead: the search that finds its
// articles, when newsboatQuery can say it, else to write one.
func queryFeedHint(w feeds.URLsWarning) string {
	if w.QueryName == "" {
		return w.Reason
	}
	if q, ok := newsboatQuery(w.Query); ok {
		return w.Reason + "; the search " + q + " finds its articles: save it with ctrl-s in the list's filter (/), " +
			"or as a [[search]] in config.toml"
	}
	return w.Reason + "; write it as a search (see the README's Queries) and save it with ctrl-s in the list's filter (/)"
}

// newsboatQuery is a query of tidings that finds the articles a newsboat
// query feed's expression (its filter language) does, when the expression
// is plain: comparisons that tidings' queries have, joined by "and" or by
// "or", in parentheses where the two are mixed (a group of both, whose
// reading would rest on newsboat's precedence, is not translated). The
// comparisons are unread = "yes" or "no" (and !=), tags # "name" (and !#),
// age < N or <= N (days), feedtitle = "name" and rssurl = "address".
func newsboatQuery(expr string) (string, bool) {
	words, ok := filterWords(expr)
	if !ok {
		return "", false
	}
	n, rest, ok := filterGroup(words)
	if !ok || len(rest) > 0 {
		return "", false
	}
	return n.String(), true
}

// filterGroup reads operands joined all by "and" or all by "or" from the
// start of words, up to a ")" or the end, and returns the node and the
// words after it.
func filterGroup(words []filterWord) (query.Node, []filterWord, bool) {
	var kids []query.Node
	joint := ""
	for {
		n, rest, ok := filterOperand(words)
		if !ok {
			return query.Node{}, nil, false
		}
		kids, words = append(kids, n), rest
		if len(words) == 0 || isWord(words[0], ")") {
			break
		}
		j := strings.ToLower(words[0].text)
		if words[0].quoted || (j != "and" && j != "or") || (joint != "" && j != joint) {
			return query.Node{}, nil, false
		}
		joint, words = j, words[1:]
	}
	switch joint {
	case "and":
		return query.Node{Kind: query.And, Kids: kids}, words, true
	case "or":
		return query.Node{Kind: query.Or, Kids: kids}, words, true
	}
	return kids[0], words, true
}

// filterOperand reads a comparison, or a group in parentheses, from the
// start of words.
func filterOperand(words []filterWord) (query.Node, []filterWord, bool) {
	if len(words) > 0 && isWord(words[0], "(") {
		n, rest, ok := filterGroup(words[1:])
		if !ok || len(rest) == 0 || !isWord(rest[0], ")") {
			return query.Node{}, nil, false
		}
		return n, rest[1:], true
	}
	if len(words) < 3 {
		return query.Node{}, nil, false
	}
	n, ok := filterComparison(words[0], words[1], words[2])
	return n, words[3:], ok
}

// isWord reports whether w is the operator or parenthesis op, not a
// quoted value that reads so.
func isWord(w filterWord, op string) bool { return !w.quoted && w.text == op }

// filterWord is a word of newsboat's filter language: an attribute, an
// operator, a value (quoted, or a number), "and", "or".
type filterWord struct {
	text   string
	quoted bool
}

// filterOps are the operators of newsboat's filter language, longest
// first.
var filterOps = []string{"==", "!=", "=~", "!~", "<=", ">=", "!#", "=", "<", ">", "#"}

// filterWords splits a filter expression into words, parentheses among
// them; false when it has what newsboatQuery does not read (a string not
// closed, a character of no word).
func filterWords(expr string) ([]filterWord, bool) {
	var words []filterWord
	for {
		expr = strings.TrimLeft(expr, " \t")
		if expr == "" {
			return words, true
		}
		if expr[0] == '"' {
			var b strings.Builder
			i := 1
			for ; i < len(expr) && expr[i] != '"'; i++ {
				if expr[i] == '\\' && i+1 < len(expr) {
					i++
				}
				b.WriteByte(expr[i])
			}
			if i == len(expr) {
				return nil, false
			}
			words = append(words, filterWord{b.String(), true})
			expr = expr[i+1:]
			continue
		}
		if expr[0] == '(' || expr[0] == ')' {
			words = append(words, filterWord{text: expr[:1]})
			expr = expr[1:]
			continue
		}
		op := ""
		for _, o := range filterOps {
			if strings.HasPrefix(expr, o) {
				op = o
				break
			}
		}
		if op != "" {
			words = append(words, filterWord{text: op})
			expr = expr[len(op):]
			continue
		}
		end := strings.IndexFunc(expr, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_')
		})
		switch {
		case end == 0:
			return nil, false
		case end < 0:
			end = len(expr)
		}
		words = append(words, filterWord{text: expr[:end]})
		expr = expr[end:]
	}
}

// filterComparison is the term of tidings' queries for one comparison of
// newsboat's filter language; false when there is none.
func filterComparison(attr, op, value filterWord) (query.Node, bool) {
	if attr.quoted || op.quoted {
		return query.Node{}, false
	}
	v := value.text
	switch a := strings.ToLower(attr.text); {
	case a == "unread" && (op.text == "=" || op.text == "==" || op.text == "!="):
		unread := map[string]bool{"yes": true, "no": false}
		u, ok := unread[v]
		if !ok {
			return query.Node{}, false
		}
		if op.text == "!=" {
			u = !u
		}
		if u {
			return query.Node{Kind: query.Is, Value: "unread"}, true
		}
		return query.Node{Kind: query.Is, Value: "read"}, true
	case a == "tags" && (op.text == "#" || op.text == "!#") && value.quoted:
		name := feeds.NormalizeTags([]string{v})
		if len(name) != 1 {
			return query.Node{}, false
		}
		n := query.Node{Kind: query.Tag, Value: name[0]}
		if op.text == "!#" {
			n = query.Node{Kind: query.Not, Kids: []query.Node{n}}
		}
		return n, true
	case a == "age" && (op.text == "<" || op.text == "<="):
		days, err := strconv.Atoi(v)
		if err != nil || value.quoted || days < 0 || days > 36500 {
			return query.Node{}, false
		}
		if op.text == "<=" {
			days++ // age counts whole days: age <= 6 is age < 7
		}
		if days == 0 {
			return query.Node{}, false
		}
		return query.Node{Kind: query.Date, Field: "since", Value: strconv.Itoa(days) + "d"}, true
	case (a == "feedtitle" || a == "rssurl") && (op.text == "=" || op.text == "==") && value.quoted:
		if v = feeds.CleanLine(v); v == "" {
			return query.Node{}, false
		}
		return query.Node{Kind: query.Source, Field: "feed", Value: v}, true
	}
	return query.Node{}, false
}
