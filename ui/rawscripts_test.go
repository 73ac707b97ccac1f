package ui

import (
	"strings"
	"testing"
)

// TestRawScripts: superscripts and subscripts written in HTML in a
// Markdown body read as such in the reader, as an HTML import writes them;
// code stays as it is.
func TestRawScripts(t *testing.T) {
	for _, tt := range []struct{ name, md, want string }{
		{"exponent", "releases 10<sup>6</sup> joules", "releases 10⁶ joules"},
		{"subscript", "Water is H<sub>2</sub>O and CO<SUB>2</SUB>", "Water is H₂O and CO₂"},
		{"marked", "e<sup>iπ</sup> and T<sub>eff</sub>", `e^(iπ) and T\_(eff)`},
		{"ordinal", "the 1<sup>st</sup> of May", "the 1st of May"},
		{"with attributes", `x<sup class="n">n+1</sup>`, "xⁿ⁺¹"},
		{"in emphasis", "*10<sup>-3</sup> s*", "*10⁻³ s*"},
		{"code span", "`10<sup>6</sup>` stays", "`10<sup>6</sup>` stays"},
		{"code block", "```\n10<sup>6</sup>\n```", "```\n10<sup>6</sup>\n```"},
		{"html block", "<div>A 10<sup>6</sup> J pulse</div>", "<div>A 10⁶ J pulse</div>"},
		{"unclosed", "10<sup>6 joules", "10<sup>6 joules"},
		{"a tag inside", "10<sup><b>6</b></sup>", "10<sup><b>6</b></sup>"},
		{"footnote in the page", `so<sup><a href="#fn1">1</a></sup> and`, "so¹ and"},
		{"footnote elsewhere", `it<sup><a href="https://example.com/n2">2</a></sup>.`, "it[²](https://example.com/n2)."},
		{"footnote in brackets", `it<sup>[<a href="#fn3">3</a>]</sup>`, "it^([3])"},
		{"linked words", `e<SUP><A HREF='https://example.com/e?a=1&amp;b=2'>iπ</A></SUP>`, "e^([iπ](https://example.com/e?a=1&b=2))"},
		{"parenthesised address", `x<sub><a href="https://example.com/a_(b)">2</a></sub>`, `x[₂](https://example.com/a_\(b\))`},
		{"relative link", `so<sup><a href="notes.html">4</a></sup>`, "so⁴"},
		{"not a link to open", `so<sup><a href="javascript:alert(1)">5</a></sup>`, "so⁵"},
		{"empty link", `so<sup><a href="https://example.com/"></a></sup>`, "so"},
		{"unclosed link", `so<sup><a href="#fn1">1</sup>`, `so<sup><a href="#fn1">1</sup>`},
		{"link in code", "`so<sup><a href=\"#fn1\">1</a></sup>`", "`so<sup><a href=\"#fn1\">1</a></sup>`"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := rawScripts(tt.md); got != tt.want {
				t.Errorf("rawScripts(%q) = %q, want %q", tt.md, got, tt.want)
			}
		})
	}
	out, err := RenderMarkdown("Water is H<sub>2</sub>O and the reaction releases 10<sup>6</sup> joules.", "", 80, "dark", true)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Water is H₂O and the reaction releases 10⁶ joules.") {
		t.Errorf("rendered as %q", out)
	}
	out, err = RenderMarkdown(`The minister said so<sup><a href="#fn1">1</a></sup> and later denied it<sup><a href="https://example.com/n2">2</a></sup>.`, "", 80, "dark", true)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "The minister said so¹ and later denied it² https://example.com/n2.") {
		t.Errorf("footnotes rendered as %q", out)
	}
}
