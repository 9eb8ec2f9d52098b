package dataset

import (
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// ParseDate reads a date as children.csv allows it (2024-03-31 or
// 31/03/2024); blank is the zero Date. It is exported for the readers of
// files councils already hold (generator/ssda903), which fill
// children.csv's columns and must accept exactly what it accepts.
func ParseDate(s string) (period.Date, error) { return parseDate(s) }

// ChildrenColumns lists children.csv's columns in contract order.
func ChildrenColumns() []string { return append([]string(nil), childSchema.columns...) }

// IsEthnicityCode reports whether s is one of SSDA903's ETHNIC codes, in
// any case.
func IsEthnicityCode(s string) bool {
	_, ok := ethnicityCodes[strings.ToLower(strings.TrimSpace(s))]
	return ok
}
