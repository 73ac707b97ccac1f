package feeds

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// parseMarkdownFile reads a Markdown article with optional YAML front
// matter (title, date, source, url, author, tags, id...). Without a title
// the first "# heading" is the title, then the first sentence (Normalize).
func parseMarkdownFile(data []byte) (Article, error) {
	text := string(trimBOM(data))
	var art Article
	body := text
	if front, rest, ok, err := cutFrontMatter(text); err != nil {
		return art, err
	} else if ok {
		// YAML refuses text that is not UTF-8; it is repaired as the body
		// is (the reader warns).
		if err := readFrontMatter(strings.ToValidUTF8(front, "\uFFFD"), &art); err != nil {
			return art, err
		}
		body = rest
	}
	body = strings.ReplaceAll(body, "\r\n", "\n")
	heading, rest := firstHeading(body)
	if art.Title == "" {
		art.Title = heading
	}
	if heading != "" && heading == art.Title && rest != "" {
		// The document's own title heading: the reader shows the title.
		body = rest
	}
	if i := strings.Index(body, NotesMarker); i >= 0 {
		// tidings' own export: the reader's notes follow, not the article.
		body = body[:i]
	}
	art.Body = strings.TrimSpace(body)
	return art, nil
}

// NotesMarker is the line tidings' Markdown export writes before the notes
// it adds under an article; importing the file again stops the body there,
// so that the notes do not become part of the article.
const NotesMarker = "<!-- tidings: the reader's notes, not part of the article -->"

// cutFrontMatter splits "---\n<yaml>\n---\n" off the start of text.
func cutFrontMatter(text string) (front, rest string, ok bool, err error) {
	first, after, found := strings.Cut(text, "\n")
	if !found || strings.TrimRight(first, " \t\r") != "---" {
		return "", text, false, nil
	}
	pos := 0
	for line := range strings.Lines(after) {
		if t := strings.TrimRight(line, " \t\r\n"); t == "---" || t == "..." {
			return after[:pos], after[pos+len(line):], true, nil
		}
		pos += len(line)
	}
	return "", text, false, &lineError{line: 1, err: fmt.Errorf("front matter is not closed with \"---\"")}
}

// readFrontMatter reads the YAML front matter into art. A field of the
// wrong shape is a warning naming it; YAML that does not parse is an error.
func readFrontMatter(front string, art *Article) error {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(front), &doc); err != nil {
		return frontMatterError(err)
	}
	if len(doc.Content) == 0 {
		return nil // empty front matter
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return &lineError{line: m.Line + 1, err: fmt.Errorf("front matter is not a mapping of fields")}
	}
	warn := func(n *yaml.Node, format string, args ...any) {
		art.Warnings = append(art.Warnings, fmt.Sprintf("front matter line %d: ", n.Line+1)+fmt.Sprintf(format, args...))
	}
	scalar := func(key string, n *yaml.Node) (string, bool) {
		if n.Kind != yaml.ScalarNode {
			warn(n, "%s should be a single value", key)
			return "", false
		}
		return n.Value, true
	}
	flag := func(key string, n *yaml.Node) *bool {
		var b bool
		if err := n.Decode(&b); err != nil {
			warn(n, "%s should be true or false", key)
			return nil
		}
		return &b
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := strings.ToLower(m.Content[i].Value), m.Content[i+1]
		switch key {
		case "title":
			art.Title, _ = scalar(key, val)
		case "date", "published", "pubdate", "published_at":
			if s, ok := scalar(key, val); ok && s != "" {
				if t, ok := parseTime(s); ok {
					art.Published = t
				} else {
					warn(val, "cannot read %s %q as a date", key, s)
				}
			}
		case "source", "publisher", "site":
			art.Source, _ = scalar(key, val)
		case "url", "link":
			art.URL, _ = scalar(key, val)
		case "feed":
			art.FeedURL, _ = scalar(key, val)
		case "author", "authors", "by":
			art.Author = strings.Join(stringList(val, false), ", ")
		case "tags", "tag", "keywords", "categories":
			art.Tags = append(art.Tags, stringList(val, true)...)
		case "id", "external_id", "guid":
			art.ExternalID, _ = scalar(key, val)
		case "read":
			art.Read = flag(key, val)
		case "starred":
			art.Starred = flag(key, val)
		case "retitled":
			if b := flag(key, val); b != nil {
				art.Retitled = *b
			}
		}
	}
	return nil
}

// stringList reads a YAML sequence of values, or one value (split at
// commas when commas is set), as a list of strings.
func stringList(n *yaml.Node, commas bool) []string {
	var out []string
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode && strings.TrimSpace(c.Value) != "" {
				out = append(out, strings.TrimSpace(c.Value))
			}
		}
	case yaml.ScalarNode:
		parts := []string{n.Value}
		if commas {
			parts = strings.Split(n.Value, ",")
		}
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// frontMatterError turns a YAML error into one naming the file's line
// (the front matter starts on line 2).
func frontMatterError(err error) error {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
		if num, reason, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return &lineError{line: n + 1, err: fmt.Errorf("front matter: %s", reason)}
			}
		}
	}
	return &lineError{line: 1, err: fmt.Errorf("front matter: %s", strings.TrimPrefix(msg, "yaml: "))}
}

// firstHeading finds the first level-one ATX heading ("# Title") outside
// code blocks and returns its text, and the body without it when it is
// the first thing in the body ("" otherwise).
func firstHeading(body string) (heading, rest string) {
	fence := ""
	leading := true // nothing but blank lines so far
	pos := 0
	for line := range strings.Lines(body) {
		t := strings.TrimSpace(line)
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = t[:3]
		case strings.HasPrefix(line, "# ") || t == "#":
			heading = plainText(t)
			if leading {
				rest = body[pos+len(line):]
			}
			return heading, rest
		}
		if t != "" {
			leading = false
		}
		pos += len(line)
	}
	return "", ""
}
