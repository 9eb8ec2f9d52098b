package indicators

import (
	"cmp"
	"slices"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// Report is every figure of a report, computed once per build.
type Report struct {
	Year          period.Year
	Council       string
	SuppressBelow int
	Thresholds    config.Thresholds

	// Figures are the indicators of docs/content.md in indicators.json order: by ID in the
	// order of the indicator table (docs/content.md), then three-year periods before single years
	// (as in docs/data.md's example), each oldest first.
	Figures []Figure

	// Adopted breaks down the children adopted in each year of the report's
	// history, then in the three-year period ending in the report year.
	Adopted []Breakdown
	// Waiting breaks down the children waiting at the end of each year.
	Waiting []Breakdown

	// TimeToMatch is the distribution of days from placement order to
	// match for each year, then the three-year period ending in the report
	// year.
	TimeToMatch []Distribution
	// Survival follows every child with a placement order in the three
	// years ending in the report year from the order to the match.
	Survival Survival

	// Finance is the budget by line and driver for each year.
	Finance []FinanceYear

	// Areas are the areas of comparators.csv, each once: England first
	// when it is there (the default of {{< compare >}} and the first
	// comparator drawn), then the others in file order.
	Areas []string

	index map[figureKey]int
}

type figureKey struct {
	id string
	p  period.Period
}

// Lookup returns the figure for indicator id and period p.
func (r *Report) Lookup(id string, p period.Period) (Figure, bool) {
	i, ok := r.index[figureKey{id, p}]
	if !ok {
		return Figure{}, false
	}
	return r.Figures[i], true
}

// Figure returns a pointer to the figure for id and p, or nil: disclosure
// control sets Suppressed through it.
func (r *Report) Figure(id string, p period.Period) *Figure {
	i, ok := r.index[figureKey{id, p}]
	if !ok {
		return nil
	}
	return &r.Figures[i]
}

// Compute computes every figure for the report year cfg.Year and the
// cfg.HistoryYears before it. The records must have passed validation: the
// figures rely on its date orders and filled-in defaults. Every row counts,
// whatever its la column says.
func Compute(ds *dataset.Dataset, cfg config.Config) *Report {
	return ComputeShared(ds, cfg, nil)
}

// Adopters are the tallies of a set of adopter households. Every partner
// council of a regional edition shares the RAA's households: tallying
// them once for all (20,000 enquiries a year, for all of England) spares
// doing it again for each council.
type Adopters struct {
	rows       []dataset.Adopter
	years      []period.Year
	thresholds config.Thresholds
	tally      *adopterTally
}

// TallyAdopters tallies the households of ds for the report that cfg
// configures, to pass to ComputeShared.
func TallyAdopters(ds *dataset.Dataset, cfg config.Config) *Adopters {
	years, cal := calendarOf(cfg)
	return &Adopters{rows: ds.Adopters, years: years, thresholds: cfg.Thresholds,
		tally: tallyAdopters(ds.Adopters, cal, years, cfg.Thresholds)}
}

// ComputeShared is Compute, taking the adopter figures from ad when it
// tallied the same households for the same years and thresholds, and
// tallying them itself otherwise (or when ad is nil).
func ComputeShared(ds *dataset.Dataset, cfg config.Config, ad *Adopters) *Report {
	years, cal := calendarOf(cfg)
	r := &Report{
		Year:          cfg.Year,
		Council:       cfg.Council,
		SuppressBelow: cfg.SuppressBelow,
		Thresholds:    cfg.Thresholds,
	}
	ch := tallyChildren(ds.Children, cal, years, cfg.Thresholds)
	if !ad.tallied(ds.Adopters, years, cfg.Thresholds) {
		ad = TallyAdopters(ds, cfg)
	}
	at := ad.tally
	r.Finance = financeYears(ds.Budget, years)

	// Each ID's figures keep the order they are added in: three-year
	// periods first, then single years, oldest first.
	figs := make(map[string][]Figure, len(table))
	for _, y := range years {
		for _, f := range ch.figures(cal, period.Span(y, 3)) {
			figs[f.ID] = append(figs[f.ID], f)
		}
	}
	for j, y := range years {
		p := y.Period()
		all := ch.figures(cal, p)
		all = append(all, ch.stockFigures(j, p)...)
		all = append(all, at.figures(cal, j, p)...)
		all = append(all, sufficiency(ch.stock[j].waiting, at.stock[j].waiting, p))
		all = append(all, r.Finance[j].figures()...)
		for _, f := range all {
			figs[f.ID] = append(figs[f.ID], f)
		}
	}

	comps := comparatorIndex(ds.Comparators)
	r.Areas = comparatorAreas(ds.Comparators)
	n := 0
	for _, fs := range figs {
		n += len(fs)
	}
	r.index = make(map[figureKey]int, n)
	r.Figures = make([]Figure, 0, n)
	for _, in := range table {
		for _, f := range figs[in.id] {
			f.Unit = in.unit
			if in.threshold != nil {
				f.Threshold = in.threshold(cfg.Thresholds)
			}
			f.Comparators = comps[figureKey{f.ID, f.Period}]
			r.index[figureKey{f.ID, f.Period}] = len(r.Figures)
			r.Figures = append(r.Figures, f)
		}
	}

	report3 := period.Span(cfg.Year, 3)
	for _, y := range years {
		r.Adopted = append(r.Adopted, ch.adoptedBreakdown(cal, y.Period(), cfg.Thresholds.A1))
	}
	r.Adopted = append(r.Adopted, ch.adoptedBreakdown(cal, report3, cfg.Thresholds.A1))
	for j, y := range years {
		r.Waiting = append(r.Waiting, ch.waitingBreakdown(j, y.Period()))
	}
	for _, y := range years {
		r.TimeToMatch = append(r.TimeToMatch, ch.timeToMatch(cal, y.Period()))
	}
	r.TimeToMatch = append(r.TimeToMatch, ch.timeToMatch(cal, report3))
	r.Survival = survival(ds.Children, report3)
	return r
}

// calendarOf returns the years of the report cfg configures, oldest
// first, and the calendar their figures are tallied in.
func calendarOf(cfg config.Config) ([]period.Year, *calendar) {
	years := cfg.Years()
	if len(years) == 0 { // history_years of -1; config should refuse it
		years = []period.Year{cfg.Year}
	}
	// Three-year periods ending in the first history year reach two years
	// further back.
	return years, newCalendar(years[0]-2, cfg.Year)
}

// tallied reports whether ad holds the tallies of rows for years and th.
// The rows must be the same slice, not equal ones: comparing 20,000
// households field by field would cost what tallying them does.
func (ad *Adopters) tallied(rows []dataset.Adopter, years []period.Year, th config.Thresholds) bool {
	return ad != nil && len(ad.rows) == len(rows) && (len(rows) == 0 || &ad.rows[0] == &rows[0]) &&
		slices.Equal(ad.years, years) && ad.thresholds == th
}

// comparatorIndex groups comparators.csv rows by indicator and period,
// keeping file order within a group.
func comparatorIndex(rows []dataset.Comparator) map[figureKey][]ComparatorValue {
	rows = slices.Clone(rows)
	slices.SortStableFunc(rows, func(a, b dataset.Comparator) int { return cmp.Compare(a.Row, b.Row) })
	m := make(map[figureKey][]ComparatorValue)
	for _, c := range rows {
		k := figureKey{c.Indicator, c.Period}
		m[k] = append(m[k], ComparatorValue{Area: c.Area, Value: c.Value})
	}
	return m
}

// comparatorAreas lists the areas of rows once each, England first, then
// in file order.
func comparatorAreas(rows []dataset.Comparator) []string {
	rows = slices.Clone(rows)
	slices.SortStableFunc(rows, func(a, b dataset.Comparator) int { return cmp.Compare(a.Row, b.Row) })
	var areas []string
	for _, c := range rows {
		if c.Area != "" && !slices.Contains(areas, c.Area) {
			areas = append(areas, c.Area)
		}
	}
	if i := slices.Index(areas, England); i > 0 {
		areas = slices.Insert(slices.Delete(areas, i, i+1), 0, England)
	}
	return areas
}

// calendar finds the financial year of a date among the years first..last.
type calendar struct {
	first period.Year
	// starts[i] is the first day of year first+i; the last entry is the
	// day after the last year.
	starts []period.Date
}

func newCalendar(first, last period.Year) *calendar {
	c := &calendar{first: first}
	for y := first; y <= last; y++ {
		c.starts = append(c.starts, y.Start())
	}
	c.starts = append(c.starts, (last + 1).Start())
	return c
}

// index returns the position of d's year in the calendar, or -1 for no
// date or a date outside it.
func (c *calendar) index(d period.Date) int {
	if d == 0 || d < c.starts[0] || d >= c.starts[len(c.starts)-1] {
		return -1
	}
	// No year is longer than 366 days, so this guess is never too late.
	i := int(d-c.starts[0]) / 366
	for c.starts[i+1] <= d {
		i++
	}
	return i
}

// span returns the calendar positions of p's first and last years.
func (c *calendar) span(p period.Period) (int, int) {
	return int(p.First - c.first), int(p.Last - c.first)
}
