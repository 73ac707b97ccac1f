package main

import (
	"os/user"
	"path/filepath"
	"testing"
)

// TestLibraryFile: a library path given by the user reads as a shell
// would have it (a leading ~ is the home folder, also in --library=~/x or
// in quotes), and one ending in a slash is a folder holding library.db.
func TestLibraryFile(t *testing.T) {
	t.Setenv("HOME", "/home/reader")
	tests := map[string]string{
		"lib.db":           "lib.db",
		"/srv/news/lib.db": "/srv/news/lib.db",
		"~/news.db":        "/home/reader/news.db",
		"~":                "/home/reader",
		"~other/x.db":      "~other/x.db",
		"mylibs/":          filepath.Join("mylibs", "library.db"),
		"~/news/":          "/home/reader/news/library.db",
		"/srv/a~/b.db":     "/srv/a~/b.db",
	}
	if u, err := user.Lookup("root"); err == nil && u.HomeDir != "" {
		tests["~root/x.db"] = filepath.Join(u.HomeDir, "x.db")
	}
	for in, want := range tests {
		if got := libraryFile(in); got != want {
			t.Errorf("libraryFile(%q) = %q, want %q", in, got, want)
		}
	}
}
