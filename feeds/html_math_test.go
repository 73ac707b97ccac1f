package feeds

import (
	"strings"
	"testing"
)

// TestMathReadAsText: MathML in a feed's entry or a page's story is read
// as text, not dropped with its words: its alttext or its TeX annotation
// as code, else the text of its tokens as typed ("a ≠ 0", "ax^2"); math
// displayed as a block is a paragraph (or a code block of TeX) of its
// own. What ids are made of reads it as before: without it.
func TestMathReadAsText(t *testing.T) {
	for _, tt := range []struct{ name, html, want string }{
		{"tokens", `<p>When <math xmlns="http://www.w3.org/1998/Math/MathML"><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two.</p>`,
			"When a ≠ 0, there are two."},
		{"superscript", `<p>Solve <math><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>b</mi><mi>x</mi><mo>+</mo><mi>c</mi><mo>=</mo><mn>0</mn></math> now</p>`,
			"Solve ax^2 + bx + c = 0 now"},
		{"white space in tokens", "<p><math>\n <msup>\n  <mi> b </mi>\n  <mn> 2 </mn>\n </msup>\n <mo> − </mo>\n <mn>4</mn><mi>a</mi><mi>c</mi></math></p>",
			"b^2 − 4ac"},
		{"fraction, root, subscript", `<p><math><mi>x</mi><mo>=</mo><mfrac><mrow><mo>−</mo><mi>b</mi></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac><mo>+</mo><msqrt><mi>y</mi></msqrt><mo>+</mo><msub><mi>x</mi><mrow><mi>i</mi><mo>+</mo><mn>1</mn></mrow></msub></math></p>`,
			`x = (−b)/(2a) + √(y) + x\_(i + 1)`},
		{"alttext in TeX", `<p>If <math alttext="{\displaystyle a\neq 0}"><mi>a</mi><mo>≠</mo><mn>0</mn></math> then</p>`,
			"If `a\\neq 0` then"},
		{"alttext in words", `<p>If <math alttext="a is not 0"><mi>a</mi></math> then</p>`,
			"If a is not 0 then"},
		{"TeX annotation", `<p>If <math><semantics><mrow><mi>a</mi><mo>≠</mo><mn>0</mn></mrow><annotation encoding="application/x-tex">a \ne 0</annotation></semantics></math> then</p>`,
			"If `a \\ne 0` then"},
		{"block", `<p>The roots are</p><math display="block"><mi>x</mi><mo>=</mo><mn>1</mn></math><p>and no more.</p>`,
			"The roots are\n\nx = 1\n\nand no more."},
		{"block of TeX", `<p>The roots are</p><math display="block" alttext="x = \frac{1}{2}"><mi>x</mi></math><p>and no more.</p>`,
			"The roots are\n\n```\nx = \\frac{1}{2}\n```\n\nand no more."},
		{"no control characters", "<p>If <math alttext=\"a\x1b[31m b\"><mi>a\x1b[2J</mi></math> then</p>",
			"If a b then"},
	} {
		for _, conv := range []struct {
			name    string
			convert func(string, string) (string, error)
		}{{"entry", entryMarkdown}, {"page", pageMarkdown}} {
			t.Run(tt.name+"/"+conv.name, func(t *testing.T) {
				got, err := conv.convert(tt.html, "https://news.example/story")
				if err != nil {
					t.Fatal(err)
				}
				if got != tt.want {
					t.Errorf("%s(%q)\n= %q, want\n  %q", conv.name, tt.html, got, tt.want)
				}
			})
		}
	}
	// What ids are made of reads them as before.
	const src = `<p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two.</p>`
	for _, convert := range []func(string, string) (string, error){HTMLToMarkdown, formerMarkdown, storyMarkdown} {
		if got, _ := convert(src, ""); got != "When , there are two." {
			t.Errorf("read as before: %q", got)
		}
	}
}

// TestMathInPages: a page's story keeps its math as text (the words of
// MathJax's test page too, which writes its MathML beside what it
// draws), and is known by the id it was known by when its math was
// dropped.
func TestMathInPages(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quadratic equations</title></head><body><article><h1>Quadratic equations</h1>
<p>When <mjx-container class="MathJax"><mjx-math aria-hidden="true"><mjx-mi><mjx-c></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml display="inline"><math xmlns="http://www.w3.org/1998/Math/MathML"><mi>a</mi><mo>≠</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>, there are two solutions to the equation, given by the quadratic formula, which every school pupil learns at some point in their lessons.</p>
<p>The discriminant <math><msup><mi>b</mi><mn>2</mn></msup><mo>−</mo><mn>4</mn><mi>a</mi><mi>c</mi></math> tells how many real roots there are: two when it is positive, one when it is zero, none when it is negative.</p>
</article></body></html>`
	art, err := parseHTMLPage([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"When a ≠ 0, there are two", "The discriminant b^2 − 4ac tells"} {
		if !strings.Contains(art.Body, want) {
			t.Errorf("body %q\nwants %q", art.Body, want)
		}
	}
	// As read before: the page's math dropped with its words.
	before := page
	for {
		i := strings.Index(before, "<math")
		if i < 0 {
			break
		}
		j := strings.Index(before[i:], "</math>")
		before = before[:i] + before[i+j+len("</math>"):]
	}
	then, err := parseHTMLPage([]byte(before), "")
	if err != nil {
		t.Fatal(err)
	}
	Normalize(&art)
	Normalize(&then)
	if then.ExternalID == art.ExternalID || !strings.Contains(strings.Join(art.FormerIDs, " "), then.ExternalID) {
		t.Errorf("the page read now (%s, known by %v) is not known by %s, its id when its math was dropped", art.ExternalID, art.FormerIDs, then.ExternalID)
	}
}
