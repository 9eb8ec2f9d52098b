package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestSetInfo(t *testing.T) {
	withInfo := threePages("")
	withoutInfo := buildPDF([]string{
		"<</Type /Catalog /Pages 2 0 R>>",
		"<</Type /Pages /Kids [3 0 R]>>",
		"<</Type /Page /Parent 2 0 R>>",
	}, "/Root 1 0 R /ID [<AB> <CD>]")

	tests := []struct {
		name     string
		in       []byte
		meta     Metadata
		wantObj  int  // the Info object the update writes
		wantSize int  // the new trailer's /Size
		want     dict // entries of the new Info dictionary
	}{
		{
			name: "replaces Chromium's Info object, keeping its other entries",
			in:   withInfo,
			meta: Metadata{Title: "Annual Adoption Report 2024-25", Author: "Example Borough Council", Subject: "Adoption (2024-25)"},
			// Object 10 is the Info of threePages; its /Size is 11.
			wantObj: 10, wantSize: 11,
			want: dict{
				"Title":    pdfStr("Annual Adoption Report 2024-25"),
				"Author":   pdfStr("Example Borough Council"),
				"Subject":  pdfStr("Adoption (2024-25)"),
				"Producer": pdfStr("Skia/PDF m156"),
			},
		},
		{
			name:    "a blank field keeps the old value",
			in:      withInfo,
			meta:    Metadata{Author: "Example Borough Council"},
			wantObj: 10, wantSize: 11,
			want: dict{
				"Title":    pdfStr("Old title"),
				"Author":   pdfStr("Example Borough Council"),
				"Producer": pdfStr("Skia/PDF m156"),
			},
		},
		{
			name: "adds an Info object to a PDF without one",
			in:   withoutInfo,
			meta: Metadata{Title: "Ynys Môn", Subject: "x"},
			// Three objects: /Size 4, so the new one is 4 and /Size becomes 5.
			wantObj: 4, wantSize: 5,
			want: dict{
				// FE FF, then UTF-16BE: Y n y s space M ô(00F4) n
				"Title":   pdfStr("\xfe\xff\x00Y\x00n\x00y\x00s\x00 \x00M\x00\xf4\x00n"),
				"Subject": pdfStr("x"),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, err := parseDocument(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			out, err := setInfo(tt.in, tt.meta)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(out, tt.in) {
				t.Fatal("the update changed Chromium's bytes; it must only append")
			}
			doc, err := parseDocument(out)
			if err != nil {
				t.Fatalf("reading the updated PDF: %v", err)
			}
			if got := doc.trailer["Info"]; got != (ref{tt.wantObj, 0}) {
				t.Errorf("trailer /Info = %v, want %d 0 R", got, tt.wantObj)
			}
			if got := doc.trailer["Size"]; got != tt.wantSize {
				t.Errorf("trailer /Size = %v, want %d", got, tt.wantSize)
			}
			if got := doc.trailer["Prev"]; got != int(old.startxref) {
				t.Errorf("trailer /Prev = %v, want the old startxref %d", got, old.startxref)
			}
			if !equalValue(doc.trailer["Root"], old.trailer["Root"]) || !equalValue(doc.trailer["ID"], old.trailer["ID"]) {
				t.Errorf("trailer /Root, /ID = %v, %v; want them kept: %v, %v",
					doc.trailer["Root"], doc.trailer["ID"], old.trailer["Root"], old.trailer["ID"])
			}
			info, err := doc.dictAt(doc.trailer["Info"], "Info")
			if err != nil {
				t.Fatal(err)
			}
			if !equalValue(info, tt.want) {
				t.Errorf("Info = %#v\nwant   %#v", info, tt.want)
			}
			// Everything else still reads through the older section.
			if pages, err := doc.pages(); err != nil || len(pages) != len(mustPages(t, old)) {
				t.Errorf("pages after the update = %v, %v; want %d pages", pages, err, len(mustPages(t, old)))
			}
		})
	}
}

func mustPages(t *testing.T, d *document) []int {
	t.Helper()
	p, err := d.pages()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSetInfoPoppler checks that a PDF reader other than ours takes the
// update: poppler's pdfinfo shows the new fields, non-ASCII included.
func TestSetInfoPoppler(t *testing.T) {
	out, err := setInfo(threePages(""), Metadata{
		Title:   "Annual Adoption Report 2024–25", // an en dash
		Author:  "Ynys Môn Council",
		Subject: `Adoption (backslash \ and parentheses)`,
	})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "info.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	info := pdfinfo(t, path)
	for k, want := range map[string]string{
		"Title":    "Annual Adoption Report 2024–25",
		"Author":   "Ynys Môn Council",
		"Subject":  `Adoption (backslash \ and parentheses)`,
		"Producer": "Skia/PDF m156",
		"Pages":    "3",
	} {
		if info[k] != want {
			t.Errorf("pdfinfo %s = %q, want %q", k, info[k], want)
		}
	}
}

func TestWriteString(t *testing.T) {
	tests := []struct {
		in   pdfStr
		want string
	}{
		{pdfStr("plain"), "(plain)"},
		{pdfStr(`a (b) \c`), `(a \(b\) \\c)`},
		{pdfStr(""), "()"},
		{textString("café"), "<FEFF00630061006600E9>"},
		{pdfStr("line\nbreak"), "<6C696E650A627265616B>"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		writeString(&b, tt.in)
		if b.String() != tt.want {
			t.Errorf("writeString(%q) = %s, want %s", tt.in, b.String(), tt.want)
		}
		// What is written reads back as it was.
		lx := lexer{data: b.Bytes()}
		if v, err := lx.value(); err != nil || !equalValue(v, tt.in) {
			t.Errorf("reading back %s = %q, %v; want %q", b.String(), v, err, tt.in)
		}
	}
}

func TestWriteName(t *testing.T) {
	for in, want := range map[name]string{
		"Title":      "/Title",
		"sec a/b#c":  "/sec#20a#2Fb#23c",
		"sec-résumé": "/sec-r#C3#A9sum#C3#A9",
	} {
		var b bytes.Buffer
		writeName(&b, in)
		if b.String() != want {
			t.Errorf("writeName(%q) = %s, want %s", in, b.String(), want)
		}
		lx := lexer{data: b.Bytes()}
		if v, _ := lx.value(); v != in {
			t.Errorf("reading back %s = %q, want %q", b.String(), v, in)
		}
	}
}
