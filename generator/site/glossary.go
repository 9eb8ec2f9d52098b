package site

import (
	"fmt"
	"sort"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/content"
)

// glossaryPage is the glossary's address; the first use of each of its
// terms on every page links to the term's entry there.
const glossaryPage = "glossary.html"

// glossaryEntry is a term of the glossary page.
type glossaryEntry struct {
	ID, Term, Definition string
	// names are how the text writes the term, for content.Term.
	names []string
}

// glossary returns the terms a reader of an adoption report meets: the
// scorecard's measures, the stages of adoption and the words of its
// money, alphabetically. Thresholds come from config, as the figures'
// do.
func glossary(c config.Config) []glossaryEntry {
	th := c.Thresholds
	e := []glossaryEntry{
		{"a1", "A1", fmt.Sprintf("An adoption scorecard measure: the average number of days between a child entering care and moving in with their adoptive family, for the children adopted in a three-year period. This report measures it against %d days.", th.A1),
			[]string{"A1"}},
		{"a2", "A2", fmt.Sprintf("An adoption scorecard measure: the average number of days between the court giving the council authority to place a child for adoption (the placement order) and the decision to match the child with adopters, for the children adopted in a three-year period. A match made before the order counts as 0 days. This report measures it against %d days.", th.A2),
			[]string{"A2"}},
		{"a3", "A3", fmt.Sprintf("An adoption scorecard measure: the children adopted who moved in with their adoptive family within %d days of entering care.", th.A1),
			[]string{"A3"}},
		{"a10", "A10", "An adoption scorecard measure: like A1, but for children adopted by their foster carers, including through early permanence: the time ends when the child moved in with those carers.",
			[]string{"A10"}},
		{"adoption-panel", "Adoption panel", "An independent panel that recommends whether people should be approved as adopters and whether a child should be matched with particular adopters. The agency decision maker then decides.",
			[]string{"adoption panel", "adoption panels"}},
		{"adoption-scorecard", "Adoption scorecard", "The Department for Education's measures of how quickly councils find adoptive families for children, given as averages over three years so that a few children do not swing them.",
			[]string{"adoption scorecard", "scorecard"}},
		{"adoption-support", "Adoption support", "Help for adopted children and their families after the adoption, such as therapy, advice and training.",
			[]string{"adoption support"}},
		{"support-fund", "Adoption and Special Guardianship Support Fund", "A government fund that pays for therapy for adopted children and children under special guardianship orders.",
			[]string{"Adoption and Special Guardianship Support Fund", "Adoption Support Fund", "ASGSF", "ASF"}},
		{"agency-decision-maker", "Agency decision maker", "The senior officer who decides, after the adoption panel's recommendation, whether to approve adopters and whether to agree a match.",
			[]string{"agency decision maker", "agency decision makers", "agency decision"}},
		{"concurrent-planning", "Concurrent planning", "A form of early permanence: a young child lives with carers approved as both foster carers and adopters while the council still works towards the child going home to their birth family.",
			[]string{"concurrent planning"}},
		{"early-permanence", "Early permanence", "Placing a baby or young child with carers approved as both foster carers and adopters before the court has decided whether the child should be adopted, so that a child who is adopted does not have to move again. It includes fostering for adoption and concurrent planning.",
			[]string{"early permanence"}},
		{"family-finding", "Family finding", "The work of finding adopters for a child: searching among approved adopters, profiling the child nationally and holding activity days where adopters can meet children.",
			[]string{"family finding", "family-finding"}},
		{"fostering-for-adoption", "Fostering for adoption", "A form of early permanence: approved adopters foster a child whose plan is likely to be adoption before the court authorises it.",
			[]string{"fostering for adoption"}},
		{"interagency", "Interagency placement", "A child placed with adopters approved by another adoption agency: another council, regional adoption agency or a voluntary adoption agency. The placing council pays that agency a fee, the interagency fee.",
			[]string{"interagency", "inter-agency"}},
		{"looked-after", "Looked after", "In the council's care. A child is looked after under a court order or by agreement with their parents.",
			[]string{"looked after", "looked-after"}},
		{"placement-order", "Placement order", "A court order that authorises the council to place a child for adoption.",
			[]string{"placement order", "placement orders"}},
		{"raa", "Regional adoption agency (RAA)", "Several councils' adoption services working as one agency. It recruits, assesses and approves adopters, runs the adoption panel and provides adoption support; each council keeps its children's cases.",
			[]string{"RAA", "RAAs", "regional adoption agency", "regional adoption agencies"}},
		{"registration-of-interest", "Registration of interest", "The point at which people who want to adopt formally ask an adoption agency to start assessing them.",
			[]string{"registration of interest", "registrations of interest"}},
		{"sibling-group", "Sibling group", "Brothers and sisters who are to be adopted together.",
			[]string{"sibling group", "sibling groups"}},
		{"special-guardianship", "Special guardianship order", "A court order that gives a carer, often a relative, parental responsibility for a child until they are 18, without ending the child's legal relationship with their birth parents.",
			[]string{"special guardianship order", "special guardianship orders", "special guardianship"}},
		{"stage-one", "Stage one", fmt.Sprintf("The first part of assessing people who want to adopt: checks, references and preparation. This report expects it to take %d days.", th.Stage1),
			[]string{"stage one", "stage 1"}},
		{"stage-two", "Stage two", fmt.Sprintf("The second part of assessing people who want to adopt: the full assessment, ending with the adoption panel and approval. This report expects it to take %d days.", th.Stage2),
			[]string{"stage two", "stage 2"}},
		{"sufficiency", "Sufficiency", "Whether there are enough approved adopters for the children waiting: this report compares the children waiting with the adopter households waiting.",
			[]string{"sufficiency"}},
	}
	sort.Slice(e, func(i, j int) bool { return sortKey(e[i].Term) < sortKey(e[j].Term) })
	return e
}

// sortKey orders terms alphabetically, and the scorecard's measures by
// number: A1, A2, A3, A10.
func sortKey(term string) string {
	if len(term) > 1 && term[0] == 'A' && strings.Trim(term[1:], "0123456789") == "" {
		return fmt.Sprintf("a%04s", term[1:])
	}
	return strings.ToLower(term)
}

// glossaryTerms are entries as content.Render searches a page's text for them.
func glossaryTerms(entries []glossaryEntry) []content.Term {
	t := make([]content.Term, len(entries))
	for i, e := range entries {
		t[i] = content.Term{ID: e.ID, Names: e.names}
	}
	return t
}
