package feeds

import (
	"strings"
	"unicode"
)

// Superscripts and subscripts (10<sup>8</sup>, CO<sub>2</sub>) are written
// so that a terminal shows them for what they are: in Unicode's superscript
// and subscript characters when each character has one (10⁸, CO₂, xⁿ⁺¹),
// else marked, ^(…) and _(…) (e^(iπ), T_(eff)); an ordinal's letters after
// its number (1<sup>st</sup>, 2<sup>e</sup>) are left as they read.

var superscripts = map[rune]rune{
	'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
	'+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', 'n': 'ⁿ', 'i': 'ⁱ',
}

var subscripts = map[rune]rune{
	'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
	'+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
	'a': 'ₐ', 'e': 'ₑ', 'o': 'ₒ', 'x': 'ₓ', 'h': 'ₕ', 'k': 'ₖ', 'l': 'ₗ', 'm': 'ₘ', 'n': 'ₙ',
	'p': 'ₚ', 's': 'ₛ', 't': 'ₜ', 'i': 'ᵢ', 'j': 'ⱼ', 'r': 'ᵣ', 'u': 'ᵤ', 'v': 'ᵥ',
}

// ScriptText is how the text of a superscript (sup) or subscript is
// written: in superscript or subscript characters, or marked, or, an
// ordinal's letters after a number (afterDigit), as it is. White space
// around it goes.
func ScriptText(s string, sup, afterDigit bool) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if t, ok := ScriptCharacters(s, sup); ok {
		return t
	}
	if sup {
		if afterDigit && isOrdinal(s) {
			return s
		}
		return "^(" + s + ")"
	}
	return "_(" + s + ")"
}

// isOrdinal reports whether s is what follows an ordinal's number: a few
// lower-case letters (st, nd, th, er, e, o, a, ª, º).
func isOrdinal(s string) bool {
	n := 0
	for _, r := range s {
		if n++; n > 3 || !unicode.IsLower(r) && r != 'ª' && r != 'º' {
			return false
		}
	}
	return true
}

// ScriptCharacters is s in superscript (sup) or subscript characters,
// when each of its characters has one.
func ScriptCharacters(s string, sup bool) (string, bool) {
	table := subscripts
	if sup {
		table = superscripts
	}
	var b strings.Builder
	for _, r := range s {
		m, ok := table[r]
		if !ok {
			return "", false
		}
		b.WriteRune(m)
	}
	return b.String(), s != ""
}
