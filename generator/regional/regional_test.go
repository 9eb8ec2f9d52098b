package regional

import (
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/content"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

func regionalConfig(codes ...string) config.Config {
	cfg := config.Default()
	for _, c := range codes {
		cfg.Councils = append(cfg.Councils, config.Council{Code: c, Name: c + " council"})
	}
	return cfg
}

// Each council gets its own children and budget lines, in file order,
// and every council the RAA's adopters.
func TestSplit(t *testing.T) {
	ds := &dataset.Dataset{
		Children: []dataset.Child{{ChildID: "a1", LA: "a"}, {ChildID: "b1", LA: "b"}, {ChildID: "a2", LA: "a"}},
		Budget:   []dataset.BudgetLine{{Line: "b", LA: "b"}},
		Adopters: []dataset.Adopter{{HouseholdID: "h"}},
	}
	parts := Split(ds, regionalConfig("a", "b", "c"))
	var ids []string
	for _, c := range parts[0].Children {
		ids = append(ids, c.ChildID)
	}
	if !slices.Equal(ids, []string{"a1", "a2"}) || len(parts[1].Children) != 1 || len(parts[2].Children) != 0 {
		t.Errorf("children split as %v, %d, %d", ids, len(parts[1].Children), len(parts[2].Children))
	}
	if len(parts[0].Budget) != 0 || len(parts[1].Budget) != 1 {
		t.Error("budget lines went to the wrong council")
	}
	for i, p := range parts {
		if len(p.Adopters) != 1 {
			t.Errorf("council %d lacks the RAA's adopters", i)
		}
	}
	probs := NoRows(parts, regionalConfig("a", "b", "c"), "config.toml")
	if e, w := probs.Count(); e != 1 || w != 1 {
		t.Errorf("got %d errors and %d warnings, want 1 (c has no children) and 1 (a has no budget):\n%s", e, w, probs)
	}
}

// A council's own page replaces the shared page of its name, its other
// pages join the shared ones in report order, and only its own report
// has them.
func TestPages(t *testing.T) {
	page := func(title, weight string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\nweight = " + weight + "\n+++\nText.\n")}
	}
	fsys := fstest.MapFS{
		"content/summary.md":  page("Summary", "10"),
		"content/panel.md":    page("Panel", "40"),
		"content/b/panel.md":  page("B's panel", "40"),
		"content/b/extra.md":  page("B's extra", "20"),
		"content/bb/notes.md": page("Typo", "1"),
	}
	shared, probs := content.Load(fsys, "content")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	per, probs := Pages(fsys, "content", shared, regionalConfig("a", "b"))
	if len(probs) != 1 || probs[0].File != "content/bb/notes.md" {
		t.Errorf("want one error, on content/bb/notes.md, got:\n%s", probs)
	}
	titles := func(ps []content.Page) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Title)
		}
		return out
	}
	if got := titles(per[0]); !slices.Equal(got, []string{"Summary", "Panel"}) {
		t.Errorf("a's pages: %v", got)
	}
	if got := titles(per[1]); !slices.Equal(got, []string{"Summary", "B's extra", "B's panel"}) {
		t.Errorf("b's pages: %v", got)
	}
}

// A council's folder may be named with other capitals than its code;
// two folders of one council (content/B/ and content/b/) are an error
// on the second's pages, which would otherwise be silently dropped.
func TestPagesFolderAnyCapitals(t *testing.T) {
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\n+++\nText.\n")}
	}
	fsys := fstest.MapFS{
		"content/A/extra.md": page("A's extra"),
		"content/B/one.md":   page("B's one"),
		"content/b/two.md":   page("B's two"),
	}
	per, probs := Pages(fsys, "content", nil, regionalConfig("a", "b"))
	if len(per[0]) != 1 || per[0][0].Title != "A's extra" {
		t.Errorf("a's pages: %+v", per[0])
	}
	want := "content/b/two.md: is in the folder content/b, and content/B is council b's folder too (codes match whatever their capitals): move its pages into one folder, content/b/"
	if len(probs) != 1 || probs[0].String() != want {
		t.Errorf("got\n%s\nwant\n%s", probs, want)
	}
}

// A folder without pages drops nothing, so it is no mistake, whatever
// its name: empty, holding only other files, or a council's second
// folder; its pages alone would be.
func TestPagesFolderWithoutPages(t *testing.T) {
	page := &fstest.MapFile{Data: []byte("+++\ntitle = \"B's one\"\n+++\nText.\n")}
	fsys := fstest.MapFS{
		"content/emptyx":              &fstest.MapFile{Mode: fs.ModeDir | 0o755},
		"content/notes/photo.png":     &fstest.MapFile{Data: []byte("png")},
		"content/notes/.draft.md.swp": &fstest.MapFile{Data: []byte("swap")},
		"content/B":                   &fstest.MapFile{Mode: fs.ModeDir | 0o755},
		"content/b/one.md":            page,
	}
	per, probs := Pages(fsys, "content", nil, regionalConfig("a", "b"))
	if len(probs) > 0 {
		t.Errorf("folders without pages are reported:\n%s", probs)
	}
	if len(per[1]) != 1 || per[1][0].Title != "B's one" {
		t.Errorf("b's pages: %+v", per[1])
	}
}

// A one-council project reads content/*.md alone: each folder of pages
// under content/ is a warning, on the folder, since its pages would
// silently never be published; a folder without pages drops nothing.
func TestUnread(t *testing.T) {
	page := &fstest.MapFile{Data: []byte("+++\ntitle = \"Page\"\n+++\nText.\n")}
	fsys := fstest.MapFS{
		"content/summary.md":       page,
		"content/marshby/one.md":   page,
		"content/marshby/two.md":   page,
		"content/extra/notes.md":   page,
		"content/images/photo.png": &fstest.MapFile{Data: []byte("png")},
		"content/.git/x.md":        page,
	}
	got := Unread(fsys, "content")
	want := []string{
		"content/extra: its page is not read: only a regional edition ([[councils]] in config.toml) has councils' own pages, in content/<code>/ (see docs/regional.md); move it into content/ to publish it",
		"content/marshby: its 2 pages are not read: only a regional edition ([[councils]] in config.toml) has councils' own pages, in content/<code>/ (see docs/regional.md); move them into content/ to publish them",
	}
	if len(got) != len(want) {
		t.Fatalf("got\n%s\nwant %d warnings", got, len(want))
	}
	for i, p := range got {
		if p.String() != want[i] || p.Severity != problem.Warning {
			t.Errorf("got %s (severity %d)\nwant the warning %s", p, p.Severity, want[i])
		}
	}
}
