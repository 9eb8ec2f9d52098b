package indicators

import "github.com/adoptionreport/adoptionreport/generator/period"

// The constructors below build a figure from unrounded tallies; Compute
// fills in the unit, threshold and comparators from the indicator table.

// count is a number of children or households: its own base.
func count(id string, p period.Period, n int) Figure {
	return Figure{ID: id, Period: p, Value: float64(n), HasValue: true, Base: n, Numerator: n}
}

// mean is sum/n days, to the nearest whole day, halves up.
func mean(id string, p period.Period, sum int64, n int) Figure {
	f := Figure{ID: id, Period: p, Base: n}
	if n == 0 {
		f.Absent = EmptyBase
		return f
	}
	f.Value, f.HasValue = float64(meanHalfUp(sum, n)), true
	return f
}

// percent is 100·a/b to one decimal place, halves up.
func percent(id string, p period.Period, a, b int) Figure {
	f := Figure{ID: id, Period: p, Base: b, Numerator: a}
	if b == 0 {
		f.Absent = EmptyBase
		return f
	}
	// Dividing the whole tenths by 10 gives the double nearest the decimal.
	f.Value, f.HasValue = float64(scaledHalfUp(int64(a), int64(b), 1000))/10, true
	return f
}

// ratio is a/b to two decimal places, halves up.
func ratio(id string, p period.Period, a, b int) Figure {
	f := Figure{ID: id, Period: p, Base: b, Numerator: a}
	if b == 0 {
		f.Absent = EmptyBase
		return f
	}
	f.Value, f.HasValue = float64(scaledHalfUp(int64(a), int64(b), 100))/100, true
	return f
}

// pounds is a money figure from exact pence over lines budget lines.
func pounds(id string, p period.Period, pence int64, lines int, absent Absence) Figure {
	f := Figure{ID: id, Period: p, Base: lines, Pence: pence}
	if absent != "" {
		f.Absent = absent
		return f
	}
	f.Value, f.HasValue = float64(pence)/100, true
	return f
}

// sufficiency is children waiting per adopter household waiting at the
// end of p.
func sufficiency(children, households int, p period.Period) Figure {
	return ratio("sufficiency_ratio", p, children, households)
}
