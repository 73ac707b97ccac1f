package query

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"tidings/feeds/marks"
)

// A source or feed name is matched against the text the library holds as
// its file or feed wrote it, which it does not normalize: an article's
// identity may derive from its source, and changing the stored text would
// make a re-import update or duplicate it. So the name asked for is
// matched in each of its Unicode forms, composed (NFC) and decomposed
// (NFD), and as typed, and, beyond ASCII, in any case of its letters:
// SQLite's LIKE and NOCASE fold ASCII letters only, so such a name is
// matched with GLOB, each letter a class of its cases ([éÉ]).

// nameMatcher makes the SQL conditions that a column holds a name, whole or
// between wildcards.
type nameMatcher struct {
	name  string // as typed
	glob  bool
	forms []string // the name, escaped for the operator, in each form
}

// matcherOf is the matcher of a name as typed: LIKE, with ESCAPE '\', for
// an ASCII name, whose one form LIKE matches in any case; GLOB for any
// other, in each of its forms (nameForms).
func matcherOf(name string) nameMatcher {
	if isASCII(name) {
		return nameMatcher{name: name, forms: []string{likeEscape(name)}}
	}
	m := nameMatcher{name: name, glob: true}
	for _, f := range nameForms(name) {
		m.forms = append(m.forms, globFold(f))
	}
	return m
}

// graphemeJoiner is U+034F COMBINING GRAPHEME JOINER.
const graphemeJoiner = "\u034f"

// nameForms are the spellings of a name a library may hold it in, each
// once: composed (NFC), decomposed (NFD), and as typed, which is how it was
// copied from a title or a source, in neither form when the text came so.
// Go's norm writes the Stream-Safe Text Format, putting a grapheme joiner
// (U+034F) after every 30 combining marks in a row ("Z" and 31 accents, as
// such a feed names itself), which no stored text has there: a joiner the
// name did not hold is taken out of its forms again. A library keeps no
// more than marks.MaxRun marks in a row (marks.CapRuns), though a feed's
// title or a source may have come with more: each form is looked for so
// cut too.
func nameForms(name string) []string {
	var forms []string
	for _, f := range []string{norm.NFC.String(name), norm.NFD.String(name), name} {
		if !strings.Contains(name, graphemeJoiner) {
			f = strings.ReplaceAll(f, graphemeJoiner, "")
		}
		for _, f := range []string{f, marks.CapRuns(f)} {
			if !slices.Contains(forms, f) {
				forms = append(forms, f)
			}
		}
	}
	return forms
}

// like is col matching the name between before and after, which are
// literal text but for %, any text: one condition per form of the name,
// joined by OR.
func (m nameMatcher) like(col, before, after string) frag {
	var f frag
	for i, form := range m.forms {
		if i > 0 {
			f.sql += " OR "
		}
		if m.glob {
			f.sql += col + " GLOB ?"
			f.args = append(f.args, globAffix(before)+form+globAffix(after))
		} else {
			f.sql += col + ` LIKE ? ESCAPE '\'`
			f.args = append(f.args, before+form+after)
		}
	}
	return f
}

// is is col holding the name whole: the name as typed, ASCII case
// ignored, for an ASCII name; its patterns for any other.
func (m nameMatcher) is(col string) frag {
	if !m.glob {
		return frag{col + " = ? COLLATE NOCASE", []any{m.name}}
	}
	return m.like(col, "", "")
}

// globAffix is text with % for any text, as a GLOB pattern: the text
// around a name is spaces, dashes and %.
func globAffix(s string) string { return strings.ReplaceAll(s, "%", "*") }

// globFold is s as a GLOB pattern matching s literally, each letter in any
// of its cases: "Été" is "[Éé][tT][éÉ]" with É's cases in Unicode's simple
// case folding (unicode.SimpleFold), so σ, ς and Σ are one letter, as the
// Kelvin sign and k are. Turkish writes i's cases İ and i, ı and I, where
// other languages write I and i, and a Turkish name in capitals comes
// either way (HÜRRİYET, HÜRRIYET): the four are one letter (turkishI), so
// that source:HÜRRİYET finds Hürriyet and HÜRRIYET.
func globFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == utf8.RuneError {
			b.WriteRune(r)
			continue
		}
		if strings.ContainsRune(turkishI, r) {
			b.WriteString("[" + turkishI + "]")
			continue
		}
		f := unicode.SimpleFold(r)
		if f == r {
			switch r {
			case '*', '?', '[':
				b.WriteString("[" + string(r) + "]")
			default:
				b.WriteRune(r)
			}
			continue
		}
		b.WriteByte('[')
		b.WriteRune(r)
		for ; f != r; f = unicode.SimpleFold(f) {
			b.WriteRune(f)
		}
		b.WriteByte(']')
	}
	return b.String()
}

// turkishI are the cases of i in Turkish and in other languages.
const turkishI = "iIİı"

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
