package query

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// elfeed's filter, which many newsboat and elfeed readers type by habit,
// marks its terms with a sign before a word: +tag and -tag, @6-months-ago,
// =feed, ~feed (not that feed), !regex (not matching it). tidings reads
// them as words, as it must (-word is its NOT, and a word may begin with
// anything): +unread finds the word unread, not the unread articles. So
// the places that read a query from a person say so, once, and what
// tidings writes instead (Hints, HintLine).

// Hint is a part of a query written in elfeed's filter syntax, which
// tidings searches as words, and what tidings writes for what it means
// there.
type Hint struct {
	Typed   string // the part as typed
	Instead string // tidings' terms for it, or the kind of terms when it has none
}

// Hints are the parts of q written in elfeed's syntax, in order: +word,
// @6-months-ago or @2019-06-01, =feed, ~feed and !word. A -word is
// tidings' own NOT, and stays so: it is a hint only beside another one,
// where it is most likely elfeed's -tag too. A part that holds a control
// character is no elfeed syntax, and is never said. #x is tidings' tag.
func Hints(q string) []Hint {
	syntax, at := syntaxOf(q)
	p := &parser{s: syntax, typed: q, at: at}
	var hints, negated []Hint
	neg := false
	for {
		t, err := p.lex()
		if err != nil || t.kind == tEOF {
			break
		}
		if t.kind == tTerm && t.node != nil && t.node.Kind == Text && t.node.Field == "" && syntax[t.pos] != '"' {
			if syntax[t.pos] == '+' {
				p.quotedFieldValue(syntax[t.pos+1 : p.i])
			}
			typed := p.typedText(t.pos, p.i)
			switch h, ok := elfeedHint(syntax[t.pos], p.typedText(t.pos+1, p.i), syntax[t.pos+1:p.i]); {
			case !printable(typed):
			case neg:
				if h, ok := negatedTag(typed); ok {
					negated = append(negated, h)
				}
			case ok:
				h.Typed = typed
				hints = append(hints, h)
			}
		}
		neg = t.kind == tNeg
	}
	if len(hints) == 0 {
		return nil
	}
	return append(hints, negated...)
}

// HintLine says hints in one line, what tidings writes for each part, or
// "" when there are none.
func HintLine(hints []Hint) string {
	if len(hints) == 0 {
		return ""
	}
	parts := make([]string, len(hints))
	for i, h := range hints {
		parts[i] = h.Instead + " for " + h.Typed
	}
	return "elfeed's syntax searches words here: write " + strings.Join(parts, ", ")
}

// elfeedHint is the hint for a term of elfeed's that starts with sign and
// goes on with v, as typed, which is folded as tidings reads its syntax
// (syntaxOf: +tag："long read" is +tag:"long read"); ok is false when it is
// not one. Whether v is one of tidings' field terms is told from folded,
// as tidings tells it.
func elfeedHint(sign byte, v, folded string) (h Hint, ok bool) {
	r, _ := utf8.DecodeRuneInString(v)
	switch sign {
	case '+':
		if !unicode.IsLetter(r) {
			return Hint{}, false // +1, +44 20 are words
		}
		if isFieldTerm(folded) {
			return Hint{Instead: fieldTermHint(v, folded)}, true // +tag:news is tag:news, not tag:tag:news
		}
		if s := strings.ToLower(folded); states[s] {
			return Hint{Instead: "is:" + s}, true
		}
		return Hint{Instead: "tag:" + v}, true
	case '@':
		if r < '0' || r > '9' || !isElfeedAge(v) {
			return Hint{}, false // @name is a handle, @10am a time, @1password a word
		}
		if terms, ok := ageTerms(v); ok {
			return Hint{Instead: terms}, true
		}
		return Hint{Instead: "since:7d or after:2019-06-01"}, true
	case '=', '~':
		if !unicode.IsLetter(r) && r != '^' {
			return Hint{}, false // ~5 million, =10 are numbers
		}
		if isFieldTerm(folded) || sign == '~' && strings.Contains(v, "/") && !strings.Contains(v, "://") {
			return Hint{}, false // =tag:x is tidings' own term; ~user/notes a path
		}
		not := ""
		if sign == '~' {
			not = "-"
		}
		switch {
		case plainName(v) && strings.Contains(v, "://"):
			return Hint{Instead: not + "feed:" + v}, true
		case plainName(v):
			return Hint{Instead: not + "source:" + v}, true
		}
		return Hint{Instead: not + "source:NAME (no regular expressions)"}, true
	case '!':
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '^' {
			return Hint{}, false
		}
		if plainName(v) {
			return Hint{Instead: "-" + v}, true
		}
		return Hint{Instead: "-word or -wor* (no regular expressions)"}, true
	}
	return Hint{}, false
}

// isFieldTerm reports whether v is itself one of tidings' field terms,
// a field's name and a colon first (tag:news, is:unread), which a hint
// keeps as it is rather than wrapping it in another field.
func isFieldTerm(v string) bool {
	k := strings.IndexByte(v, ':')
	return k > 0 && IsField(v[:k])
}

// quotedFieldValue moves past the quoted value after term, a field's name
// and its colon just read after a + (+tag:"long read"): the lexer reads
// +tag: as a word of its own, the quote as another, and the hint says the
// term whole. A quote left open is left to the lexer.
func (p *parser) quotedFieldValue(term string) {
	if isFieldTerm(term) && strings.HasSuffix(term, ":") && p.i < len(p.s) && p.s[p.i] == '"' {
		p.quoted() // on an error it reads nothing
	}
}

// fieldTermHint is what tidings writes for one of its own field terms
// typed after a +, v as typed and folded as tidings reads it: the term
// with its field's name and colon as read and its value as typed
// (tag:"long read" for +tag："long read"), a state alone (is:unread for
// +is:"unread"); or, when tidings would refuse the term, the field with
// what goes after it (fieldValueHint): +is:, +tag:"" and +tag:(a OR b)
// have no value, and the field alone is no term.
func fieldTermHint(v, folded string) string {
	name, _, _ := strings.Cut(folded, ":")
	n, err := Parse(folded)
	switch {
	case err != nil:
		return fieldValueHint(name)
	case n.Kind == Is:
		return n.String()
	}
	return name + ":" + typedValue(v)
}

// typedValue is what follows the field's colon in v, a field term as
// typed, whose colon may be fullwidth.
func typedValue(v string) string {
	k := strings.IndexAny(v, ":：")
	_, n := utf8.DecodeRuneInString(v[k:])
	return v[k+n:]
}

// fieldValueHint is the field name with what goes after its colon, short
// enough that the hint's line fits a terminal of 80 columns.
func fieldValueHint(name string) string {
	switch name = strings.ToLower(name); name {
	case "tag", "source":
		return name + ":NAME"
	case "feed":
		return "feed:ADDRESS"
	case "title":
		return "title:WORD"
	case "is":
		return "is:STATE"
	case "since":
		return "since:7d"
	}
	return name + ":2019-06-01" // after, before, on, date
}

// isElfeedAge reports whether v, what follows an @, is written as elfeed
// writes an age: a date (2019-06-01), a count of units back
// (6-months-ago, 2-weeks, 1-year-old), or a range of two of them joined
// by --. Anything else after an @ and a digit (10am, 8pm, 1password) is
// a word, and no hint is said for it.
func isElfeedAge(v string) bool {
	from, to, isRange := strings.Cut(v, "--")
	return isElfeedAgePart(from) && (!isRange || isElfeedAgePart(to))
}

// isElfeedAgePart reports whether v is one end of an elfeed age: a date,
// or a number, a unit of time elfeed knows (seconds to years) and
// perhaps "ago" or "old", joined by -.
func isElfeedAgePart(v string) bool {
	if _, _, err := parseDay(v); err == nil {
		return true
	}
	words := strings.Split(strings.ToLower(v), "-")
	if len(words) == 3 && (words[2] == "ago" || words[2] == "old") {
		words = words[:2]
	}
	if len(words) != 2 || words[0] == "" || strings.Trim(words[0], "0123456789") != "" {
		return false
	}
	return elfeedUnits[strings.TrimSuffix(words[1], "s")]
}

// elfeedUnits are the units of time elfeed's ages are counted in.
var elfeedUnits = map[string]bool{
	"sec": true, "second": true, "min": true, "minute": true, "hour": true,
	"day": true, "week": true, "month": true, "year": true,
}

// negatedTag is the hint for a -word beside elfeed's syntax, as typed:
// elfeed's -tag, tag:'s NOT in tidings; -unread is elfeed's read articles.
func negatedTag(typed string) (Hint, bool) {
	v := strings.TrimPrefix(typed, "-")
	if r, _ := utf8.DecodeRuneInString(v); !unicode.IsLetter(r) || !plainName(v) || strings.Contains(v, ":") {
		return Hint{}, false
	}
	switch s := strings.ToLower(v); {
	case s == "unread":
		return Hint{Typed: "-" + v, Instead: "is:read"}, true
	case states[s]:
		return Hint{Typed: "-" + v, Instead: "-is:" + s}, true
	}
	return Hint{Typed: "-" + v, Instead: "-tag:" + v}, true
}

// plainName reports whether v is a name or an address, no regular
// expression: letters, digits and . - _ / : only.
func plainName(v string) bool {
	if v == "" {
		return false
	}
	for _, r := range v {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(".-_/:", r) {
			return false
		}
	}
	return true
}

// printable reports whether s holds only characters that show as
// themselves on a terminal: no control characters, escape sequences or
// bidi controls, which a hint that quotes s would pass on.
func printable(s string) bool {
	for _, r := range s {
		if !unicode.IsGraphic(r) || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// ageTerms is tidings' terms for elfeed's age, what follows its @: a
// relative one (6-months-ago, 2-weeks, 1-year-old) is since:, a date
// (2019-06-01) after:, and a range of two (2019-06-01--2019-07-01,
// 1-month-ago--2019-07-01) both, its end a date; ok is false when tidings
// cannot say it so (its end counted back from now).
func ageTerms(v string) (terms string, ok bool) {
	from, to, isRange := strings.Cut(v, "--")
	if terms, ok = ageStart(from); !ok || !isRange {
		return terms, ok
	}
	if _, _, err := parseDay(to); err != nil {
		return "", false
	}
	return terms + " before:" + to, true
}

// ageStart is tidings' term for where elfeed's age starts: since: for a
// relative one, after: for a date.
func ageStart(v string) (string, bool) {
	if _, _, err := parseDay(v); err == nil {
		return "after:" + v, true
	}
	words := strings.Split(strings.ToLower(v), "-")
	if len(words) == 3 && (words[2] == "ago" || words[2] == "old") {
		words = words[:2]
	}
	if len(words) != 2 {
		return "", false
	}
	n, err := strconv.Atoi(words[0])
	if err != nil || n < 0 || n > maxSince {
		return "", false
	}
	units := map[string]string{"hour": "h", "day": "d", "week": "w", "month": "m", "year": "y"}
	unit, ok := units[strings.TrimSuffix(words[1], "s")]
	if !ok {
		return "", false
	}
	return "since:" + strconv.Itoa(n) + unit, true
}
