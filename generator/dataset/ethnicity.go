package dataset

import (
	"slices"
	"strings"
)

// Ethnicity groups, as Child.EthnicityGroup and Adopter.EthnicityGroup
// hold them: the five SSDA903 groups and Not known.
const (
	EthnicityWhite    = "White"
	EthnicityMixed    = "Mixed"
	EthnicityAsian    = "Asian"
	EthnicityBlack    = "Black"
	EthnicityOther    = "Other"
	EthnicityNotKnown = "Not known"
)

// ethnicityGroups lists the groups in the order reports show them.
var ethnicityGroups = []string{EthnicityWhite, EthnicityMixed, EthnicityAsian, EthnicityBlack, EthnicityOther, EthnicityNotKnown}

// EthnicityGroups returns every value Child.EthnicityGroup and
// Adopter.EthnicityGroup can hold, in the order reports show them.
func EthnicityGroups() []string { return slices.Clone(ethnicityGroups) }

// ethnicityCodes maps the SSDA903 ETHNIC codes to their groups, as the
// DfE's children-looked-after statistics group them (Chinese is in
// "any other ethnic group"; refused and not obtained are not known).
var ethnicityCodes = map[string]string{
	"wbri": EthnicityWhite, "wiri": EthnicityWhite, "wirt": EthnicityWhite, "woth": EthnicityWhite, "wrom": EthnicityWhite,
	"mwbc": EthnicityMixed, "mwba": EthnicityMixed, "mwas": EthnicityMixed, "moth": EthnicityMixed,
	"aind": EthnicityAsian, "apkn": EthnicityAsian, "aban": EthnicityAsian, "aoth": EthnicityAsian,
	"bcrb": EthnicityBlack, "bafr": EthnicityBlack, "both": EthnicityBlack,
	"chne": EthnicityOther, "ooth": EthnicityOther,
	"refu": EthnicityNotKnown, "nobt": EthnicityNotKnown,
}

// ethnicityGroup returns the group for a 903 code or a group name in any
// case, and false for anything else (the group is then Not known). Blank
// is Not known and known.
func ethnicityGroup(s string) (string, bool) {
	k := strings.ToLower(strings.TrimSpace(s))
	if k == "" {
		return EthnicityNotKnown, true
	}
	if g, ok := ethnicityCodes[k]; ok {
		return g, true
	}
	for _, g := range ethnicityGroups {
		if k == strings.ToLower(g) {
			return g, true
		}
	}
	return EthnicityNotKnown, false
}
