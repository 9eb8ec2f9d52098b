package charts

import "github.com/adoptionreport/adoptionreport/generator/indicators"

// dimensionLabel names a breakdown dimension as a column or legend shows
// it.
func dimensionLabel(d indicators.Dimension) string {
	switch d {
	case indicators.Age:
		return "Age"
	case indicators.SiblingGroup:
		return "Sibling group"
	case indicators.Ethnicity:
		return "Ethnicity"
	case indicators.Disability:
		return "Disability"
	}
	return string(d)
}

// groupLabel names a group so that it reads alone, without its dimension:
// "Aged 1 to 4", "In a sibling group", "Disabled", "Mixed".
func groupLabel(g indicators.Group) string {
	switch g.Dimension {
	case indicators.Age:
		return "Aged " + ageWords(g.Key)
	case indicators.SiblingGroup:
		if g.Key == "yes" {
			return "In a sibling group"
		}
		return "Not in a sibling group"
	case indicators.Disability:
		if g.Key == "yes" {
			return "Disabled"
		}
		return "Not disabled"
	}
	// Ethnicity groups are already words: White, Mixed, …, Not known.
	if g.Dimension == indicators.Ethnicity && g.Key == "Not known" {
		return "Ethnicity not known"
	}
	return g.Key
}

// ageWords words an age band: "under 1", "1 to 4", "10 or over".
func ageWords(key string) string {
	switch key {
	case indicators.AgeUnder1:
		return "under 1"
	case indicators.Age1To4:
		return "1 to 4"
	case indicators.Age5To9:
		return "5 to 9"
	case indicators.Age10AndOver:
		return "10 or over"
	}
	return key
}
