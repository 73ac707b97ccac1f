package feeds

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestYAMLInTOMLFrontMatter: front matter between "+++" lines that is not
// TOML is read line by line, its "key: value" lines (YAML written between
// TOML's fences) as well as its "key = value" ones, so that the warning
// saying its fields were read line by line is true.
func TestYAMLInTOMLFrontMatter(t *testing.T) {
	day := time.Date(2024, 1, 8, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, front   string
		title, author string
		tags          []string
		date          time.Time
	}{
		{"YAML alone", "title: Tram: broken toml\ndate: 2024-01-08\ntags: tram\n",
			"Tram: broken toml", "", []string{"tram"}, day},
		{"TOML then YAML", "title = \"Tram news\"\ndate: 2024-01-08\nauthor: Sam\n",
			"Tram news", "Sam", nil, day},
		{"YAML then TOML", "title: Tram: news\ndate = 2024-01-08\ntags = [\"tram\", \"city\"]\n",
			"Tram: news", "", []string{"city", "tram"}, day},
		{"a YAML list below its field", "title: Trams\ntags:\n  - tram\n  - city\ndate: 2024-01-08\n",
			"Trams", "", []string{"city", "tram"}, day},
		{"a YAML list in brackets, quotes", "title: \"Trams: late\"\ntags: [tram, city]\ndate: '2024-01-08'\n",
			"Trams: late", "", []string{"city", "tram"}, day},
		{"a TOML array over lines, then YAML", "tags = [\n  \"tram\",\n  \"city\",\n]\ntitle: Trams: late\n",
			"Trams: late", "", []string{"city", "tram"}, time.Time{}},
		{"a TOML value cut short, then YAML", "title = \"Trams\nauthor: Sam\ndate: 2024-01-08\n",
			"Trams", "Sam", nil, day},
		{"YAML in a table is not a field", "title: Trams\n[params]\nauthor: Sam\n[taxonomies]\ntags: tram\n",
			"Trams", "", []string{"tram"}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := readOne(t, "note.md", "+++\n"+tt.front+"+++\n\nThe trams run late. Riders wait.\n")
			slices.Sort(a.Tags)
			if a.Title != tt.title || a.Author != tt.author || !slices.Equal(a.Tags, tt.tags) || !a.Published.Equal(tt.date) ||
				a.Body != "The trams run late. Riders wait." {
				t.Errorf("title %q author %q tags %q date %v body %q\nwant %q %q %q %v", a.Title, a.Author, a.Tags, a.Published, a.Body,
					tt.title, tt.author, tt.tags, tt.date)
			}
			if len(a.Warnings) != 1 || !strings.HasPrefix(a.Warnings[0], "TOML front matter: ") ||
				!strings.HasSuffix(a.Warnings[0], "its fields were read line by line") {
				t.Errorf("warnings %q", a.Warnings)
			}
		})
	}
}

// TestYAMLInTOMLLines: a field of YAML in TOML front matter that is of the
// wrong shape is warned of by its line in the file.
func TestYAMLInTOMLLines(t *testing.T) {
	a := readOne(t, "note.md", "+++\ntitle = \"Trams\"\nread: maybe\n+++\nThe trams run late.\n")
	if !slices.Contains(a.Warnings, "front matter line 3: read should be true or false") {
		t.Errorf("warnings %q", a.Warnings)
	}
}
