package feeds

import "strings"

// isControlCode reports whether a code point decoded from a numeric
// character reference would be a control character CleanText removes.
func isControlCode(v int) bool {
	return v < 0x20 && v != '\t' && v != '\n' || v >= 0x7f && v <= 0x9f
}

// maxRefDigits bounds how many digits a numeric character reference may
// carry (leading zeros included) before it stops being treated as one;
// CommonMark allows at most 7.
const maxRefDigits = 32

// controlRefAt reports the length of a numeric character reference denoting
// a control character at s[i:] ("&#27;", "&#x1B", "&#0155;"), or 0. The
// trailing semicolon is optional, as HTML decoders accept it missing.
func controlRefAt(s string, i int) (n int) {
	j := i + 2 // past "&#"
	if j > len(s) || s[i] != '&' || s[i+1] != '#' {
		return 0
	}
	hex := j < len(s) && (s[j] == 'x' || s[j] == 'X')
	if hex {
		j++
	}
	start := j
	for j < len(s) && digitValue(s[j], hex) >= 0 {
		j++
		if j-start > maxRefDigits {
			return 0
		}
	}
	if j == start || !isControlCode(refValue(s[start:j], hex)) {
		return 0
	}
	if j < len(s) && s[j] == ';' {
		j++
	}
	return j - i
}

func digitValue(c byte, hex bool) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case hex && c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case hex && c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// stripControlRefs removes numeric character references that denote control
// characters, until none is left: removing "&#27;" from "&#&#27;27;" joins
// a new one, which goes too.
func stripControlRefs(s string) string {
	if !strings.Contains(s, "&#") {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ';' {
			// "&#27" then ";": the reference and its semicolon go.
			if n := controlRefSuffix(out); n > 0 {
				out = out[:len(out)-n]
				continue
			}
		} else {
			// A byte that cannot continue the reference ends it; removing
			// one reference may expose another ("&#2" + "&#27" + "x").
			for {
				n := controlRefSuffix(out)
				if n == 0 || continuesRef(out[len(out)-n:], c) {
					break
				}
				out = out[:len(out)-n]
			}
		}
		out = append(out, c)
	}
	for {
		n := controlRefSuffix(out)
		if n == 0 {
			break
		}
		out = out[:len(out)-n]
	}
	return string(out)
}

// controlRefSuffix reports the length of an unterminated control reference
// ("&#27", "&#x1b") that ends b, or 0. The digits are the longest run of
// its kind at the end of b, as a decoder reading forward would take them.
func controlRefSuffix(b []byte) int {
	if k := trailingDigits(b, true); k >= 3 && (b[k-1] == 'x' || b[k-1] == 'X') && b[k-2] == '#' && b[k-3] == '&' {
		if isControlCode(refValue(b[k:], true)) {
			return len(b) - (k - 3)
		}
		return 0
	}
	if k := trailingDigits(b, false); k >= 2 && b[k-1] == '#' && b[k-2] == '&' {
		if isControlCode(refValue(b[k:], false)) {
			return len(b) - (k - 2)
		}
	}
	return 0
}

// trailingDigits returns where the run of digits ending b starts, or -1
// when there is none or it is longer than maxRefDigits.
func trailingDigits(b []byte, hex bool) int {
	k := len(b)
	for k > 0 && digitValue(b[k-1], hex) >= 0 {
		k--
		if len(b)-k > maxRefDigits {
			return -1
		}
	}
	if k == len(b) {
		return -1
	}
	return k
}

// refValue is the code point the digits denote, saturating above U+10FFFF.
func refValue[T string | []byte](digits T, hex bool) int {
	v := 0
	for i := range len(digits) {
		c := digits[i]
		if v > 0x10ffff {
			break
		}
		if hex {
			v = v*16 + digitValue(c, true)
		} else {
			v = v*10 + digitValue(c, false)
		}
	}
	return v
}

// continuesRef reports whether c would extend the reference ref as a digit.
func continuesRef(ref []byte, c byte) bool {
	hex := len(ref) > 2 && (ref[2] == 'x' || ref[2] == 'X')
	return digitValue(c, hex) >= 0
}
