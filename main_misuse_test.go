package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestMisuseIsExitTwo: a command line that asks for something tidings
// cannot do as asked is bad usage (exit 2), said before anything is done,
// whatever command it is: a writing command under --read-only, an empty
// file or address, help on a command there is not, completion for no
// shell, or with arguments it does not take. Help and completion asked
// rightly still work.
func TestMisuseIsExitTwo(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\ndate: 2024-03-05\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"--read-only", "tag", "1", "+x"}, "tag writes to the library, which --read-only keeps read-only"},
		{[]string{"--read-only", "import", file}, "import writes to the library, which --read-only keeps read-only"},
		{[]string{"backup", ""}, `the file to copy the library to is ""`},
		{[]string{"feed", "add", ""}, `the feed's address is ""`},
		{[]string{"help", "nothing"}, `no help on "nothing": there is no such command`},
		{[]string{"help", "feed", "nothing"}, `no help on "feed nothing": there is no such command`},
		{[]string{"completion"}, "tidings completion needs a command: bash, fish, powershell, zsh"},
		{[]string{"completion", "foo"}, `unknown command "foo" for "tidings completion"`},
		{[]string{"completion", "bash", "extra"}, `unknown command "extra" for "tidings completion bash"`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := run(t, lib, tc.args...)
			if r.code != exitUsage || r.err == nil || !strings.Contains(r.err.Error(), tc.says) {
				t.Errorf("exit %d, %v; want exit 2 and %q", r.code, r.err, tc.says)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
		})
	}
	if r := run(t, lib, "search", "--count", "tag:x"); r.stdout != "0\n" {
		t.Errorf("--read-only tag tagged: %q articles tagged x", r.stdout)
	}

	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"help", "feed", "add"}, "tidings feed add URL"},
		{[]string{"help"}, "Available Commands"},
		{[]string{"completion", "bash"}, "bash completion V2 for tidings"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			if r := run(t, lib, tc.args...); r.code != 0 || !strings.Contains(r.stdout, tc.says) {
				t.Errorf("exit %d, %v, stdout %q; want exit 0 and %q", r.code, r.err, r.stdout, tc.says)
			}
		})
	}
}

// TestBackupCountsTheCopy: backup says how many articles the copy holds,
// though another tidings imports into the library as it copies: the
// articles stored after the copy was taken are not in it, and not counted.
func TestBackupCountsTheCopy(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	var b strings.Builder
	for i := range 2000 {
		b.WriteString(" date 2024-03-05 (AP) The harbour report number " + strings.Repeat("with many words ", 40) + fmt.Sprintf(".\n\nAP05032024%012dID%010d\n", i, i))
	}
	if r := run(t, lib, "import", writeFile(t, "many.txt", b.String())); r.code != 0 {
		t.Fatalf("import: exit %d, %v, %s", r.code, r.err, r.stderr)
	}
	// Another tidings stores one article after another meanwhile.
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- keepImporting(ctx, lib) }()
	defer func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("the other import: %v", err)
		}
	}()
	for i := range 3 {
		dest := filepath.Join(t.TempDir(), "copy.db")
		r := run(t, lib, "backup", dest)
		if r.code != 0 {
			t.Fatalf("backup: exit %d, %v", r.code, r.err)
		}
		c := run(t, dest, "search", "--count", "")
		said, _, _ := strings.Cut(strings.TrimPrefix(r.stdout, "Backed up "), " articles to "+dest+".\n")
		if strings.ReplaceAll(said, ",", "") != strings.TrimSpace(c.stdout) {
			t.Errorf("backup %d: %q, but the copy holds %s articles", i+1, r.stdout, strings.TrimSpace(c.stdout))
		}
	}
}

// keepImporting stores one new article after another in the library at
// lib, as another tidings would, until ctx is done.
func keepImporting(ctx context.Context, lib string) error {
	st, err := store.Open(lib, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	for i := 0; ctx.Err() == nil; i++ {
		a := feeds.Article{ExternalID: fmt.Sprintf("other-%d", i), Source: "AP", Title: "Another report", Body: "Another report of the harbour."}
		if _, err := st.Import(ctx, []feeds.Article{a}); err != nil && ctx.Err() == nil {
			return err
		}
	}
	return nil
}
