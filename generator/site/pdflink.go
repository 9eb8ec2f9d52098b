package site

import (
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/config"
)

// PDF is the print edition, printed from this site, to publish beside it.
type PDF struct {
	Data  []byte
	Pages int
	// Size is the file's size as people read it: "1.4 MB".
	Size string
}

// pdfLink is what every page says of the PDF beside it.
type pdfLink struct {
	URL, Size string
	Pages     int
}

// PDFName is the file name the print edition is published under beside
// the site: the council and the year, so that a download folder of
// several councils' or years' reports tells them apart:
// "northmoor-borough-council-adoption-report-2024-25.pdf". A draft's name
// says so, so it is never taken for the published one.
func PDFName(c config.Config, draft bool) string {
	var b strings.Builder
	for _, r := range strings.ToLower(c.Council) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	name := b.String() + "-adoption-report-" + c.Year.String()
	for strings.Contains(name, "--") {
		name = strings.ReplaceAll(name, "--", "-")
	}
	name = strings.Trim(name, "-")
	if draft {
		name += draftSuffix
	}
	return name + ".pdf"
}

const draftSuffix = "-draft"

// IsDraftPDF reports whether a PDF's file name is a draft's, as PDFName
// names it.
func IsDraftPDF(name string) bool { return strings.HasSuffix(name, draftSuffix+".pdf") }
