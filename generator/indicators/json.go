package indicators

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// MarshalIndicatorsJSON encodes the figures as output/data/indicators.json,
// in the shape docs/data.md gives, one indicator to a line, ending in a newline: the
// Figures, then the Extras, which carry the fields of their Part
// ("breakdown", "group", "line", "driver", "month", "days") and, for the
// waterfall's changes, "running_total". The bytes depend only on the
// report, so an unchanged project rebuilds to an identical file.
//
// Counts and days are JSON integers, percentages have one decimal, ratios
// two, and pounds up to two (1234.5, not 1234.50). A suppressed figure is
// "value": null with "suppressed": true and no base; a figure with no value
// is "value": null without "suppressed". Pounds have no base: it counts
// budget lines, not the children or households base means; nor have the
// time-to-match curve's estimates (Entry.NoBase). Strings are
// HTML-escaped as encoding/json does, so the file is safe to inline.
func (r *Report) MarshalIndicatorsJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{\n  \"report_year\": ")
	writeString(&b, r.Year.String())
	b.WriteString(",\n  \"council\": ")
	writeString(&b, r.Council)
	fmt.Fprintf(&b, ",\n  \"suppressed_below\": %d,\n  \"indicators\": [", r.SuppressBelow)
	extras := r.Extras()
	entries := make([]Entry, 0, len(r.Figures)+len(extras))
	for _, f := range r.Figures {
		entries = append(entries, Entry{Figure: f})
	}
	entries = append(entries, extras...)
	// An entry is a line of about a hundred bytes: room for them all at
	// once, not a buffer doubled over and over.
	b.Grow(128 * len(entries))
	for i, e := range entries {
		if e.Unit == "" {
			return nil, fmt.Errorf("indicator %s %s has no unit", e.ID, e.Period)
		}
		if i > 0 {
			b.WriteByte(',')
		}
		writeEntry(&b, e)
	}
	if len(entries) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("]\n}\n")
	return b.Bytes(), nil
}

// writeEntry writes one entry on a line of its own: id, period, the
// fields of its part, value, unit, then base or suppressed, then a running
// total.
func writeEntry(b *bytes.Buffer, e Entry) {
	f := e.Figure
	b.WriteString("\n    {\"id\": ")
	writeString(b, f.ID)
	b.WriteString(", \"period\": ")
	writeString(b, f.Period.String())
	for _, field := range e.Part.TextFields() {
		if field.Value != "" {
			b.WriteString(", \"")
			b.WriteString(field.Name)
			b.WriteString("\": ")
			writeString(b, field.Value)
		}
	}
	if e.Part.HasMonth {
		fmt.Fprintf(b, ", \"month\": %d, \"days\": %d", e.Part.Month, e.Part.Days)
	}
	b.WriteString(", \"value\": ")
	switch {
	case f.Suppressed || !f.HasValue:
		b.WriteString("null")
	case f.Unit == Pounds:
		b.WriteString(formatPence(f.Pence))
	default:
		b.WriteString(strconv.FormatFloat(f.Value, 'f', f.Unit.Decimals(), 64))
	}
	b.WriteString(", \"unit\": ")
	writeString(b, string(f.Unit))
	switch {
	case f.Suppressed:
		b.WriteString(", \"suppressed\": true")
	case f.Unit != Pounds && !e.NoBase:
		b.WriteString(", \"base\": ")
		b.WriteString(strconv.Itoa(f.Base))
	}
	if e.HasRunningTotal {
		b.WriteString(", \"running_total\": " + formatPence(e.RunningTotal))
	}
	b.WriteByte('}')
}

// writeString writes s as a JSON string, HTML-escaped as encoding/json
// escapes it.
func writeString(b *bytes.Buffer, s string) {
	q, _ := json.Marshal(s) // a string always encodes
	b.Write(q)
}

// formatPence writes pence as pounds with the trailing zeros of the pence
// dropped: 123456 → 1234.56, 123450 → 1234.5, 123400 → 1234.
func formatPence(pence int64) string {
	sign := ""
	u := uint64(pence)
	if pence < 0 {
		sign, u = "-", uint64(-pence)
	}
	whole, frac := u/100, u%100
	switch {
	case frac == 0:
		return fmt.Sprintf("%s%d", sign, whole)
	case frac%10 == 0:
		return fmt.Sprintf("%s%d.%d", sign, whole, frac/10)
	}
	return fmt.Sprintf("%s%d.%02d", sign, whole, frac)
}
