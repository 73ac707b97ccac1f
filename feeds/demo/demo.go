// Package demo holds the sample articles bundled with tidings, for
// `tidings --demo` and the welcome screen's "load samples". They are
// ordinary files in the formats tidings imports, read with the same
// importers as a user's own files.
package demo

import (
	"bytes"
	"embed"
	"io/fs"
	"path"

	"tidings/feeds"
)

//go:embed articles
var files embed.FS

// Articles returns the bundled articles, normalized, in file name order.
func Articles() ([]feeds.Article, error) {
	var out []feeds.Article
	err := fs.WalkDir(files, "articles", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := files.ReadFile(name)
		if err != nil {
			return err
		}
		return feeds.ReadStream(path.Base(name), bytes.NewReader(data), func(it feeds.Item) error {
			if it.Err != nil {
				return it.Err
			}
			out = append(out, it.Article)
			return nil
		})
	})
	return out, err
}
