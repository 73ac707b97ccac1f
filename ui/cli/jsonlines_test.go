package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"tidings/store"
)

// hostileJSONText holds what encoding/json writes as it is and a terminal
// acts on: an OSC 52 clipboard write and a CSI clearing the screen in
// their C1 forms, DEL, and bidi overrides and isolates.
const hostileJSONText = "Safe \u009d52;c;SGVsbG8=\u009c \u009b2J\x7f end \u202egnp.exe\u202c \u2066isolate\u2069"

// terminalActive describes the first character of s a terminal could act
// on or be disguised by, or is "" when there is none.
func terminalActive(s string) string {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			return fmt.Sprintf("invalid UTF-8 at byte %d", i)
		case r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f:
			return fmt.Sprintf("control %U at byte %d", r, i)
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			return fmt.Sprintf("bidi control %U at byte %d", r, i)
		}
	}
	return ""
}

// plantedLibrary is a library whose one article's title, body, tag and
// note hold hostileJSONText, as another program or an older tidings could
// have written them.
func plantedLibrary(t *testing.T) *store.Store {
	t.Helper()
	st := openStore(t)
	ctx := context.Background()
	dir := tree(t, map[string]string{"a.txt": sampleArticle(1, "2024-03-05", "The harbour reopened.")}, nil)
	if rep, out := importPaths(t, st, dir, "."); rep.Added != 1 {
		t.Fatalf("importing: %s", out)
	}
	a, err := st.ArticleByExternalID(ctx, sampleID(1))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Tag(ctx, []int64{a.ID}, []string{"planted"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddAnnotation(ctx, store.Annotation{ArticleID: a.ID, Note: "a note"}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`UPDATE articles SET title = ?, body = ?`,
		`UPDATE tags SET name = ?`,
		`UPDATE annotations SET note = ?`,
	} {
		args := []any{hostileJSONText}
		if strings.Count(q, "?") == 2 {
			args = append(args, hostileJSONText)
		}
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// TestJSONOutputIsInert: search --json, tags --json and export --format
// json, to stdout and to a file, write the C1 controls, DEL and the bidi
// controls a library holds as \u escapes: every line is JSON, decodes to
// the text the library holds, and holds nothing a terminal acts on.
func TestJSONOutputIsInert(t *testing.T) {
	ctx := context.Background()
	st := plantedLibrary(t)
	tests := map[string]struct {
		write func(t *testing.T) []byte
		texts func(line map[string]any) []any // the planted fields of a line
	}{
		"search --json": {
			write: func(t *testing.T) []byte {
				var out bytes.Buffer
				if err := Search(ctx, st, &out, "", SearchOptions{JSON: true}); err != nil {
					t.Fatal(err)
				}
				return out.Bytes()
			},
			texts: func(l map[string]any) []any { return []any{l["title"], firstOf(l["tags"])} },
		},
		"tags --json": {
			write: func(t *testing.T) []byte {
				var out bytes.Buffer
				if err := TagsJSON(ctx, st, &out); err != nil {
					t.Fatal(err)
				}
				return out.Bytes()
			},
			texts: func(l map[string]any) []any { return []any{l["name"]} },
		},
		"export to stdout": {
			write: func(t *testing.T) []byte {
				var out bytes.Buffer
				if _, err := Export(ctx, st, &out, ExportOptions{Format: "json"}); err != nil {
					t.Fatal(err)
				}
				return out.Bytes()
			},
			texts: exportedTexts,
		},
		"export to a file": {
			write: func(t *testing.T) []byte {
				dir := t.TempDir()
				if _, err := Export(ctx, st, &bytes.Buffer{}, ExportOptions{Format: "json", Out: dir}); err != nil {
					t.Fatal(err)
				}
				b, err := os.ReadFile(filepath.Join(dir, ExportJSONName))
				if err != nil {
					t.Fatal(err)
				}
				return b
			},
			texts: exportedTexts,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			out := tt.write(t)
			if bad := terminalActive(string(out)); bad != "" {
				t.Errorf("the output holds a %s:\n%q", bad, out)
			}
			lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
			if len(lines) != 1 {
				t.Fatalf("%d lines, want 1:\n%s", len(lines), out)
			}
			var line map[string]any
			if err := json.Unmarshal([]byte(lines[0]), &line); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, lines[0])
			}
			for i, got := range tt.texts(line) {
				if got != hostileJSONText {
					t.Errorf("planted field %d decodes to %q, want %q as the library holds it", i, got, hostileJSONText)
				}
			}
		})
	}
}

// exportedTexts are the planted fields of an exported article.
func exportedTexts(l map[string]any) []any {
	var note any
	if anns, ok := l["annotations"].([]any); ok && len(anns) == 1 {
		if a, ok := anns[0].(map[string]any); ok {
			note = a["note"]
		}
	}
	return []any{l["title"], l["body"], firstOf(l["tags"]), note}
}

// firstOf is the first element of a JSON array, or nil.
func firstOf(v any) any {
	if a, ok := v.([]any); ok && len(a) > 0 {
		return a[0]
	}
	return nil
}

// TestInertJSON: the characters a terminal acts on are escaped, inside
// strings, as JSON escapes them; everything else is left as it is.
func TestInertJSON(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"nothing to do":     {`{"t":"plain <b> & é 😀"}`, `{"t":"plain <b> & é 😀"}`},
		"DEL":               {"{\"t\":\"a\x7fb\"}", `{"t":"a\u007fb"}`},
		"C1 first and last": {"{\"t\":\"\u0080 \u009f\"}", `{"t":"\u0080 \u009f"}`},
		"OSC 52 and CSI":    {"\"\u009d52;c;QQ==\u009c\u009b2J\"", `"\u009d52;c;QQ==\u009c\u009b2J"`},
		"bidi overrides":    {"\"\u202a\u202b\u202c\u202d\u202e\"", `"\u202a\u202b\u202c\u202d\u202e"`},
		"bidi isolates":     {"\"\u2066\u2067\u2068\u2069\"", `"\u2066\u2067\u2068\u2069"`},
		"neighbours stay":   {"\"\u00a0\u2029\u200f\u2065\u206a\u202f\"", "\"\u00a0\u2029\u200f\u2065\u206a\u202f\""},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := string(inertJSON([]byte(tt.in)))
			if got != tt.want {
				t.Errorf("inertJSON(%q) = %q, want %q", tt.in, got, tt.want)
			}
			var a, b any
			if json.Unmarshal([]byte(tt.in), &a) != nil || json.Unmarshal([]byte(got), &b) != nil {
				t.Fatalf("not JSON: %q -> %q", tt.in, got)
			}
			if ja, jb := must(json.Marshal(a)), must(json.Marshal(b)); !bytes.Equal(ja, jb) {
				t.Errorf("decodes to %s, want %s", jb, ja)
			}
		})
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
