package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tidings/feeds"
)

// TestMarkdownExportSaysTheManifestFailed: an export that cannot save the
// manifest of what it wrote says so, naming it, where it said nothing and
// the next export wrote over the files edited since.
func TestMarkdownExportSaysTheManifestFailed(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if _, err := st.Import(ctx, []feeds.Article{{ExternalID: "a", Source: "S", Title: "One", Body: "Body one."}}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	manifest := filepath.Join(dir, manifestName)
	// A folder where the manifest goes: it cannot be written over.
	if err := os.Mkdir(manifest, 0o755); err != nil {
		t.Fatal(err)
	}
	rep, err := Export(ctx, st, nil, ExportOptions{Format: "md", Out: dir})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 1 || len(rep.Failed) != 1 || rep.Failed[0].File != manifest {
		t.Fatalf("export: %+v; want the manifest among the failures", rep)
	}
	var o, e bytes.Buffer
	PrintExportSummary(&o, &e, rep)
	if !strings.Contains(e.String(), "failed: "+manifest+": ") || !strings.Contains(o.String(), "; 1 failed") {
		t.Errorf("summary:\n%s%s", o.String(), e.String())
	}
}
