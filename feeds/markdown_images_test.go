package feeds

import "testing"

// TestDropDataImages: a picture written into its own address (a data:
// URI) is its alt text, a link to such an address its text; pictures and
// links elsewhere stay, and so does code that shows such a picture.
func TestDropDataImages(t *testing.T) {
	const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
	tests := map[string]struct{ in, want string }{
		"a picture":               {"Before.\n\n![chart](" + png + ")\n\nAfter.", "Before.\n\nchart\n\nAfter."},
		"in a sentence":           {"See ![the chart](" + png + ") below.", "See the chart below."},
		"with a title":            {`![chart](` + png + ` "Sales")`, "chart"},
		"in angle brackets":       {"![chart](<" + png + ">)", "chart"},
		"a scheme in capitals":    {"![chart](DATA:image/gif;base64,R0lGODlhAQABAAAAACw=)", "chart"},
		"alt text with emphasis":  {"![a *bold* chart](" + png + ")", "a *bold* chart"},
		"no alt text":             {"Before ![](" + png + ") after.", "Before  after."},
		"in a link":               {"[![chart](" + png + ")](https://example.com/chart)", "[chart](https://example.com/chart)"},
		"in a link, no alt text":  {"[![](" + png + ")](https://example.com/chart)", "[image](https://example.com/chart)"},
		"a link to one":           {"[the chart](" + png + ")", "the chart"},
		"in a quote over lines":   {"> ![a\n> chart](" + png + ")", "> a\n> chart"},
		"two":                     {"![a](" + png + ") and ![b](" + png + ")", "a and b"},
		"in another's alt text":   {"![outer ![inner](" + png + ")](" + png + ")", "outer inner"},
		"an HTML picture":         {`Text <img src="` + png + `" alt="chart"> text.`, "Text chart text."},
		"an HTML block's picture": {"<div>\n<img src=\"" + png + "\" alt=\"a & b\">\n</div>", "<div>\na &amp; b\n</div>"},
		"a picture on the web":    {"![chart](https://example.com/chart.png)", "![chart](https://example.com/chart.png)"},
		"in a code block":         {"```\n![chart](" + png + ")\n```", "```\n![chart](" + png + ")\n```"},
		"in a code span":          {"`![chart](" + png + ")`", "`![chart](" + png + ")`"},
		"text about data: URIs":   {"A data: URI [is a link](https://example.com/data:x).", "A data: URI [is a link](https://example.com/data:x)."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := dropDataImages(tc.in); got != tc.want {
				t.Errorf("dropDataImages(%q)\n= %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzDropDataImages: dropDataImages reads any text, and what it leaves
// is read again as it is, once no picture in it is nested in another.
func FuzzDropDataImages(f *testing.F) {
	for _, s := range []string{"![a](data:x)", "[![](data:x)](https://e.x)", "> ![a\n> b](data:x \"t\")", "`![a](data:x)`",
		"<img src=data:x alt=a>", "![a](<data:x>)", "[[[![a](data:x)]]]", "![a](data:x (t)", "\\![a](data:x)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := dropDataImages(s)
		if len(out) > len(s)+len("image") {
			t.Fatalf("%q grew to %q", s, out)
		}
	})
}
