package feeds

import "testing"

// TestCleanMarkdownCodeBlocks: references to control characters stay, as
// the characters they are written with, in fenced and indented code
// blocks, which the reader shows as they stand; everywhere else they go,
// in code spans too, which the reader's renderer decodes, and in what
// only looks like a code block (an indented line that continues a
// paragraph or a list item). Raw control characters go everywhere.
func TestCleanMarkdownCodeBlocks(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"a fenced block":                {"Text.\n\n```\n&#27; &#x1b;[31m\n```\n", "Text.\n\n```\n&#27; &#x1b;[31m\n```\n"},
		"a tilde fence with a language": {"~~~sh\necho -e '&#x1B;[1mbold'\n~~~", "~~~sh\necho -e '&#x1B;[1mbold'\n~~~"},
		"an indented block":             {"Text.\n\n    printf '&#27;[0m'\n", "Text.\n\n    printf '&#27;[0m'\n"},
		"a fence in a list item":        {"- step\n\n  ```\n  &#27;[2J\n  ```\n", "- step\n\n  ```\n  &#27;[2J\n  ```\n"},
		"a fence in a quote":            {"> ```\n> &#27;[2J\n> ```\n", "> ```\n> &#27;[2J\n> ```\n"},
		"a fence left open":             {"```\n&#27;[2J\n", "```\n&#27;[2J\n"},
		"outside code":                  {"Red &#27;[31m text &#155;2J.", "Red [31m text 2J."},
		"a code span":                   {"Span `&#27;[0m` here.", "Span `[0m` here."},
		"a fence's info string":         {"```&#27;[31m\ncode\n```", "```[31m\ncode\n```"},
		"beside a block":                {"&#27;[1m\n\n```\n&#27;[2m\n```\n\n&#27;[3m", "[1m\n\n```\n&#27;[2m\n```\n\n[3m"},
		"a paragraph's indented line":   {"Text\n    &#27;[31m", "Text\n    [31m"},
		"a list item's paragraph":       {"- item\n\n    &#27;[31m", "- item\n\n    [31m"},
		"an HTML block":                 {"<div>\n&#27;[31m\n</div>", "<div>\n[31m\n</div>"},
		"a raw escape in a block":       {"```\n\x1b[31mred\n```", "```\nred\n```"},
		"a nested reference outside":    {"&#&#27;27;[31m", "[31m"},
		"a block made by the cleaning":  {"&#27;```\n&#27;[31m\n```", "```\n[31m\n```"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := CleanMarkdown(tc.in)
			if got != tc.want {
				t.Errorf("CleanMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again := CleanMarkdown(got); again != got {
				t.Errorf("not idempotent: %q, then %q", got, again)
			}
		})
	}
}

// FuzzCleanMarkdown: what CleanMarkdown leaves holds references to
// control characters only in code blocks, as the renderer reads it, and
// no control character; cleaned again, it stays as it is.
func FuzzCleanMarkdown(f *testing.F) {
	for _, s := range []string{"```\n&#27;[31m\n```", "    &#27;\n", "- a\n\n    &#27;", "> ```\n> &#x1b;\n", "&#27;```\n&#27;\n```",
		"Term\n:   - item\n\n        &#27;[31m", "<div>\n```\n&#27;\n```\n</div>", "~~~\n&#&#27;27;\n~~~", "`&#27;`\n\n\t&#155;x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := CleanMarkdown(s)
		if stripControlRefsBeside(out, codeBlockLines(out)) != out {
			t.Fatalf("a reference outside code blocks: %q -> %q", s, out)
		}
		if stripControls(out) != out {
			t.Fatalf("a control character: %q -> %q", s, out)
		}
		if again := CleanMarkdown(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
	})
}
