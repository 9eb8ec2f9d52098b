package main

import "github.com/adoptionreport/adoptionreport/generator/period"

// comparator is one row of comparators.csv.
type comparator struct {
	indicator string
	period    period.Period
	area      string
	value     float64
}

// Areas of comparators.csv.
const (
	england    = "England"
	neighbours = "Statistical neighbours"
)

// benchmark is one indicator's illustrative values for an area, for the
// three-year periods ending 2019-20 to 2024-25 and then the single years
// 2019-20 to 2024-25. They are plausible, not published figures: the
// sample's content says so.
type benchmark struct {
	indicator, area string
	threeYear       []float64
	single          []float64
}

var benchmarks = []benchmark{
	{"a1", england, []float64{486, 479, 476, 478, 473, 466}, []float64{471, 482, 480, 470, 462, 455}},
	{"a1", neighbours, []float64{498, 491, 489, 485, 477, 468}, []float64{485, 496, 484, 474, 466, 461}},
	{"a2", england, []float64{201, 198, 199, 202, 198, 194}, []float64{194, 204, 201, 199, 193, 190}},
	{"a2", neighbours, []float64{208, 205, 204, 206, 200, 195}, []float64{199, 211, 203, 201, 196, 188}},
	{"a10", england, []float64{408, 402, 400, 403, 398, 391}, []float64{396, 408, 404, 396, 391, 386}},
	{"a10", neighbours, []float64{419, 414, 411, 410, 403, 395}, []float64{409, 421, 405, 401, 398, 386}},
	{"a3_percent", england, []float64{53.8, 54.6, 55.1, 54.4, 55.7, 56.9}, []float64{55.2, 53.1, 54.0, 56.3, 57.0, 57.5}},
	{"a3_percent", neighbours, []float64{51.2, 52.0, 52.9, 53.3, 54.8, 56.1}, []float64{52.4, 50.9, 54.7, 55.0, 55.9, 57.4}},
	// Adoptions: England's total, and the average council among the neighbours.
	{"adopted", england, nil, []float64{3440, 2870, 2950, 2960, 3010, 2930}},
	{"adopted", neighbours, nil, []float64{46, 39, 41, 42, 43, 42}},
}

// comparators returns the rows of comparators.csv: for each indicator and
// area, the three-year periods, then the single years.
func comparators() []comparator {
	var rows []comparator
	for _, b := range benchmarks {
		for i, v := range b.threeYear {
			rows = append(rows, comparator{b.indicator, period.Span(historyStart+period.Year(i), 3), b.area, v})
		}
		for i, v := range b.single {
			rows = append(rows, comparator{b.indicator, (historyStart + period.Year(i)).Period(), b.area, v})
		}
	}
	return rows
}
