package charts

import (
	"strconv"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// A ref says where a cell or a chart point comes from, so that a test can
// hold everything the report shows against indicators.json and
// comparators.csv; nothing is rendered from it. It is one of:
//
//   - the key of an indicators.json entry (Ref): the cell or point is its
//     value, written as FormatValue writes it;
//   - such a key and a field of the entry (FieldRef): the cell is that
//     field instead;
//   - a comparators.csv row (ComparatorRef): the cell is its value in the
//     unit of its indicator;
//   - "" for a cell written from none of them: a label, or an empty cell.
//
// Refs are parallel to what they describe: Table.Refs to Table.Rows, each
// of Chart.SeriesRefs to its series' data.

// Fields of an indicators.json entry that a FieldRef may name.
const (
	// FieldBase is the entry's base, as a count.
	FieldBase = "base"
	// FieldMonth and FieldDays are a curve point's month and the day it
	// ends on.
	FieldMonth = "month"
	FieldDays  = "days"
	// FieldRunningTotal is where the waterfall stands after the change.
	FieldRunningTotal = "running_total"
	// FieldAbs is the size of the value without its sign: the length of a
	// waterfall bar, whose colour gives the sign.
	FieldAbs = "abs"
	// FieldBarStart is where a waterfall change's bar starts: the lower of
	// the running totals before and after it. The waterfall stacks each
	// change on an invisible bar that long.
	FieldBarStart = "bar_start"
)

// Ref is the indicators.json key of the entry with indicator id for
// period, and the fields of part: "a1 2022-25", or with a part
// `waiting 2024-25 breakdown="ethnicity" group="Mixed"` and
// `time_to_match_matched_percent 2022-25 month=3`. Text fields are quoted,
// so no budget line name can make two keys alike.
func Ref(id, period string, part indicators.Part) string {
	var b strings.Builder
	b.WriteString(id + " " + period)
	for _, f := range part.TextFields() {
		if f.Value != "" {
			b.WriteString(" " + f.Name + "=" + strconv.Quote(f.Value))
		}
	}
	if part.HasMonth {
		b.WriteString(" month=" + strconv.Itoa(part.Month))
	}
	return b.String()
}

// FieldRef names field of the entry ref.
func FieldRef(ref, field string) string { return ref + " ." + field }

// ComparatorRef names the comparators.csv row for area, indicator id and
// period: `comparator "England" a1 2022-25`.
func ComparatorRef(area, id, period string) string {
	return "comparator " + strconv.Quote(area) + " " + id + " " + period
}

// refOf is the key of f, one of the report's figures, as part part.
func refOf(f indicators.Figure, part indicators.Part) string {
	return Ref(f.ID, f.Period.String(), part)
}
