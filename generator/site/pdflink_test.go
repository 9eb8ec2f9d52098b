package site

import (
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

func TestPDFName(t *testing.T) {
	for _, c := range []struct {
		council string
		draft   bool
		want    string
	}{
		{"Northmoor Borough Council", false, "northmoor-borough-council-adoption-report-2024-25.pdf"},
		{"Brighton & Hove City Council", false, "brighton-hove-city-council-adoption-report-2024-25.pdf"},
		{" St. Helens’ Council ", true, "st-helens-council-adoption-report-2024-25-draft.pdf"},
	} {
		got := PDFName(config.Config{Council: c.council, Year: period.Year(2024)}, c.draft)
		if got != c.want {
			t.Errorf("PDFName(%q, %v) = %q, want %q", c.council, c.draft, got, c.want)
		}
	}
}
