package generator

import (
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/disclosure"
	"github.com/adoptionreport/adoptionreport/generator/site"
)

// The last check refuses a site holding a child, sibling group or
// household ID, or with a leak found in indicators.json, and says where.
func TestGuardRefusesLeaks(t *testing.T) {
	p := &Project{Data: &dataset.Dataset{
		Children: []dataset.Child{{ChildID: "CH0042", SiblingGroup: "SG7"}},
		Adopters: []dataset.Adopter{{HouseholdID: "HH0099"}},
	}}
	clean := site.Files{"index.html": []byte("<p>42 children</p>\n"), "assets/app.js": []byte("var CH0042;")}
	if err := p.guard(clean, nil); err != nil {
		t.Errorf("clean site refused: %v", err)
	}
	for name, files := range map[string]site.Files{
		"CH0042": {"children.html": []byte("<p>ok</p>\n<td>CH0042</td>\n")},
		"SG7":    {"data/x.csv": []byte("group\nSG7\n")},
		"HH0099": {"adopters.html": []byte("HH0099")},
	} {
		err := p.guard(files, nil)
		if err == nil || !strings.Contains(err.Error(), "nothing was written") || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	leak := disclosure.Leak{File: "data/indicators.json", Line: 3, Message: "a count of 2 is shown"}
	if err := p.guard(clean, []disclosure.Leak{leak}); err == nil || !strings.Contains(err.Error(), leak.String()) {
		t.Errorf("indicators.json leak: err = %v", err)
	}
}
