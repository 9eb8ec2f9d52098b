package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"testing/fstest"
)

func page(title string, weight int) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\nweight = " + strconv.Itoa(weight) + "\n+++\nText.\n")}
}

func TestLoadOrderAndSkips(t *testing.T) {
	fsys := fstest.MapFS{
		"content/summary.md":      page("Summary", 10),
		"content/children.md":     page("Children", 20),
		"content/adopters.md":     page("Adopters", 20), // same weight: by slug
		"content/Foreword.MD":     page("Foreword", -5),
		"content/notes.txt":       {Data: []byte("not a page")},
		"content/.hidden.md":      {Data: []byte("no front matter")},
		"content/.#summary.md":    {Data: []byte("Emacs lock")},
		"content/#summary.md#":    {Data: []byte("Emacs autosave")},
		"content/summary.md~":     {Data: []byte("backup")},
		"content/~$mmary.md":      {Data: []byte("Word lock")},
		"content/archive/old.md":  {Data: []byte("not read: pages are not looked for in sub-folders")},
		"content/folder.md/x.txt": {Data: []byte("a folder called folder.md")},
	}
	pages, probs := Load(fsys, "content")
	if len(probs) > 0 {
		t.Fatalf("unexpected problems: %q", strs(probs))
	}
	var got []string
	for _, p := range pages {
		got = append(got, p.File+" "+p.Slug)
	}
	want := []string{
		"content/Foreword.MD foreword",
		"content/summary.md summary",
		"content/adopters.md adopters",
		"content/children.md children",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pages\n got %q\nwant %q", got, want)
	}
}

// failFS fails to open one file, as a file the user may not read would.
type failFS struct {
	fstest.MapFS
	name string
}

func (f failFS) Open(name string) (fs.File, error) {
	if name == f.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func (f failFS) ReadFile(name string) ([]byte, error) {
	if name == f.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadFile(name)
}

func mapFS(f fs.FS) func(*testing.T) fs.FS { return func(*testing.T) fs.FS { return f } }

// fileNamedContent is a project folder whose "content" is a file.
func fileNamedContent(t *testing.T) fs.FS {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "content"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	return os.DirFS(dir)
}

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name  string
		fsys  func(*testing.T) fs.FS
		pages int // without errors
		want  []string
	}{
		{"no content folder", mapFS(fstest.MapFS{"config.toml": {}}), 0, nil},
		{"empty content folder", mapFS(fstest.MapFS{"content": {Mode: fs.ModeDir}}), 0, nil},
		{"content is a file", fileNamedContent, 0, []string{
			"content: cannot read the content folder: not a directory",
		}},
		{"unreadable file", mapFS(failFS{fstest.MapFS{"content/a.md": page("A", 1), "content/b.md": page("B", 2)}, "content/b.md"}), 1, []string{
			"content/b.md: cannot read the file: permission denied",
		}},
		{"same slug", mapFS(fstest.MapFS{"content/Children.md": page("A", 1), "content/children.md": page("B", 2), "content/our_children.md": page("C", 3), "content/our-children.md": page("D", 4)}), 2, []string{
			"content/children.md: makes the same address, children.html, as content/Children.md: rename one of them",
			"content/our_children.md: makes the same address, our-children.html, as content/our-children.md: rename one of them",
		}},
		{"a page with errors is marked broken", mapFS(fstest.MapFS{"content/a.md": page("A", 1), "content/b.md": {Data: []byte("+++\ntitle = \"B\"\nwieght = 2\n+++\n")}}), 1, []string{
			"content/b.md:3:1: wieght: unknown setting (did you mean weight?)",
		}},
		{"problems from every file", mapFS(fstest.MapFS{"content/a.md": {Data: []byte("# A\n")}, "content/b.md": {Data: []byte("+++\ntitle = 1\n+++\n")}}), 0, []string{
			"content/a.md:1:1: no front matter: start the page with its settings, +++ on the first line, then title = \"Page title\" on the next, then +++ on a line of its own",
			"content/b.md:2:1: title: must be text in double quotes, not the number 1: write title = \"1\"",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, probs := Load(tt.fsys(t), "content")
			if got := strs(probs); !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.want)
			}
			good := 0
			for _, p := range pages {
				if !p.Broken {
					good++
				}
			}
			if good != tt.pages {
				t.Errorf("%d pages without errors, want %d", good, tt.pages)
			}
		})
	}
}

// TestSampleProject: the example project's pages load cleanly.
func TestSampleProject(t *testing.T) {
	fsys := os.DirFS("../..")
	if _, err := fs.Stat(fsys, "content"); errors.Is(err, fs.ErrNotExist) {
		t.Skip("no sample project")
	}
	pages, probs := Load(fsys, "content")
	if len(probs) > 0 {
		t.Errorf("the sample content has problems: %q", strs(probs))
	}
	if len(pages) == 0 {
		t.Errorf("the sample content has no pages")
	}
}
