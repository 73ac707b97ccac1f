package feeds

import (
	"testing"
)

// TestMathScriptSpacedFromWhatFollows: an element that starts with a
// letter or a digit after a base with its script is spaced from it, so
// that it does not read as more of the script: x^2 y is x squared times
// y, not x to the 2y. Operators and brackets are spaced as before.
func TestMathScriptSpacedFromWhatFollows(t *testing.T) {
	for _, tt := range []struct{ name, math, want string }{
		{"a sum and its term", `<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub>`,
			`∑\_(i = 1)^n x\_i`},
		{"a power and a letter", `<msup><mi>x</mi><mn>2</mn></msup><mi>y</mi>`, "x^2 y"},
		{"a power and a digit", `<msup><mi>x</mi><mi>n</mi></msup><mn>3</mn>`, "x^n 3"},
		{"a subscript and a superscript", `<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup><msub><mi>y</mi><mi>j</mi></msub>`, `x\_i^2 y\_j`},
		{"a row ending in a power", `<mrow><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup></mrow><mi>y</mi>`, "ax^2 y"},
		{"a power and an operator", `<msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>y</mi>`, "x^2 + y"},
		{"a power and a bracket", `<msup><mi>x</mi><mn>2</mn></msup><mo>(</mo><mi>y</mi><mo>)</mo>`, "x^2(y)"},
		{"a letter and a power", `<mi>a</mi><msup><mi>x</mi><mn>2</mn></msup>`, "ax^2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "<p>So <math>" + tt.math + "</math> holds.</p>"
			got, err := entryMarkdown(src, "https://news.example/story")
			if err != nil {
				t.Fatal(err)
			}
			if want := "So " + tt.want + " holds."; got != want {
				t.Errorf("entryMarkdown(%q)\n= %q, want\n  %q", src, got, want)
			}
		})
	}
}
