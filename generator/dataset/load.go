package dataset

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// An Option changes how Load reads a project's data.
type Option func(*options)

type options struct {
	today             period.Date
	childrenElsewhere bool
	councils          []string
}

// ChildrenElsewhere tells Load that the children come from elsewhere
// than Annex A: from the SSDA903 returns, through the children.csv they
// are derived into. Annex A's List 10 is then not read (one warning says
// so); its List 11 still gives the adopters.
func ChildrenElsewhere() Option {
	return func(o *options) { o.childrenElsewhere = true }
}

// Councils makes Load read a regional edition's data: every row of
// children.csv and budget.csv must carry one of codes in its la column.
func Councils(codes []string) Option {
	return func(o *options) { o.councils = codes }
}

// Today sets the day of the build: a date after it is an error, because
// it has not happened. Without it Load takes today's date from the
// computer's clock, in its time zone; tests set it so that their results
// do not depend on the day they run. Output never depends on it: it only
// decides whether a date is an error.
func Today(d period.Date) Option {
	return func(o *options) { o.today = d }
}

// Load reads and checks the project's CSV files from fsys, the project
// folder. The paths in files are relative to it and appear as written in
// messages ("data/children.csv"). The comparators file is optional: if
// it does not exist, that is not a problem.
//
// Figures are as at the end of reportYear (31 March), so a date after it
// is no error (exports are taken months later) but is set aside: the
// record holds no date there, as if the event had not happened yet, and
// one warning says how many dates were set aside. A date after today is
// an error (see Today). Year 0 sets nothing aside.
//
// The Dataset holds every row read, even when there are errors; the list
// is sorted errors first (problem.List.Sort). Load keeps no state
// between calls and is safe to call concurrently.
func Load(fsys fs.FS, files config.DataFiles, reportYear period.Year, opts ...Option) (*Dataset, problem.List) {
	o := options{today: today()}
	for _, opt := range opts {
		opt(&o)
	}
	lim := limits{year: reportYear, today: o.today, councils: o.councils}
	var ds Dataset
	// The files are independent: read them at once, each into its own
	// problem list, then join the lists in a fixed order.
	var probs [4]problem.List
	var late [2]int // dates set aside in children.csv and adopters.csv
	read := func(i int, name, key string, optional bool, parse func([]byte) problem.List) func() {
		return func() {
			data, p := readFile(fsys, name, key, optional)
			probs[i] = p
			if data != nil {
				probs[i] = append(probs[i], parse(data)...)
			}
		}
	}
	// With Ofsted's Annex A, its lists stand for children.csv and
	// adopters.csv, which become optional and fill what the lists lack.
	var annex annexSheets
	var annexProbs problem.List
	annexRead := false
	if files.AnnexA != "" {
		data, p := readFile(fsys, files.AnnexA, "annex_a", false)
		annexProbs = p
		if data != nil {
			annex = readAnnexA(files.AnnexA, data, &annexProbs)
		}
		if o.childrenElsewhere && annex.children != nil {
			annexProbs.Warnf(annex.children.name, 0, 0, "", "is not read: with [data] ssda903 the children come from the 903 returns; remove one of the two settings to silence this warning")
			annex.children = nil
		}
		// A workbook that cannot be read leaves nothing for the CSV files
		// to fill: reading them as whole files would only bury its error.
		annexRead = annex.children != nil || annex.adopters != nil || !annexProbs.HasErrors()
	}
	skip := files.AnnexA != "" && !annexRead
	children := read(0, files.Children, "children", false, func(b []byte) (p problem.List) {
		ds.Children, p, late[0] = readChildren(files.Children, b, lim)
		return p
	})
	if list := annex.children; list != nil {
		children = fill(&probs[0], fsys, files.Children, "children", func(over *table, p *problem.List) {
			ds.Children, late[0] = annexChildren(list, over, lim, p)
		})
	}
	adopters := read(1, files.Adopters, "adopters", false, func(b []byte) (p problem.List) {
		ds.Adopters, p, late[1] = readAdopters(files.Adopters, b, lim)
		return p
	})
	if list := annex.adopters; list != nil {
		adopters = fill(&probs[1], fsys, files.Adopters, "adopters", func(over *table, p *problem.List) {
			ds.Adopters, late[1] = annexAdopters(list, over, lim, p)
			if over == nil || over.col["registration_of_interest"] == 0 {
				// The contract asks the report itself, not only the
				// build, to say so: readers compare these figures with
				// other councils'.
				ds.Notes = append(ds.Notes, "Ofsted's Annex A does not record when a family registered its interest in adopting, "+
					"so the figures for registrations, and for approvals within six months of registering, count from the day the family started stage 1.")
			}
		})
	}
	if skip {
		children, adopters = func() {}, func() {}
	}
	var wg sync.WaitGroup
	for _, f := range []func(){
		children,
		adopters,
		read(2, files.Budget, "budget", false, func(b []byte) (p problem.List) {
			ds.Budget, p = readBudget(files.Budget, b, lim)
			return p
		}),
		read(3, files.Comparators, "comparators", true, func(b []byte) (p problem.List) {
			ds.Comparators, p = readComparators(files.Comparators, b)
			return p
		}),
	} {
		wg.Go(f)
	}
	wg.Wait()
	all := annexProbs
	for _, p := range probs {
		all = append(all, p...)
	}
	setAsideWarning(&all, reportYear, [2]string{files.Children, files.Adopters}, late)
	all.Sort()
	return &ds, all
}

// fill reads the optional file name that fills an Annex A list (a
// children.csv or adopters.csv holding the ID and any columns of the
// contract) and passes its table, nil if there is none, to use.
func fill(probs *problem.List, fsys fs.FS, name, key string, use func(over *table, p *problem.List)) func() {
	return func() {
		data, p := readFile(fsys, name, key, true)
		*probs = p
		var over *table
		if data != nil {
			s := childSchema
			if key == "adopters" {
				s = adopterSchema
			}
			over = readTable(name, data, partial(s), probs)
		}
		use(over, probs)
		*probs = sortByPlace(*probs)
	}
}

// today is the computer's date, in its own time zone: a report officer
// building in the evening of 31 March in London means 31 March.
func today() period.Date {
	y, m, d := time.Now().Date()
	return period.NewDate(y, m, d)
}

// setAsideWarning adds the one warning for the dates after the end of
// the report year, if there were any, on the first file that had them.
// It gives counts, never the dates: they are set aside, not reported.
func setAsideWarning(probs *problem.List, year period.Year, files [2]string, late [2]int) {
	n := late[0] + late[1]
	if n == 0 {
		return
	}
	file, where := files[0], ""
	switch {
	case late[0] == 0:
		file = files[1]
	case late[1] != 0:
		where = fmt.Sprintf(" (%d in this file, %d in %s)", late[0], late[1], files[1])
	}
	dates := "dates"
	if n == 1 {
		dates = "date"
	}
	probs.Warnf(file, 0, 0, "", "set aside %d %s after the end of the report year %s%s: the figures are as at %s, so those events count as not yet happened",
		n, dates, year, where, uk(year.End()))
}

// readFile reads one data file; key is its setting under [data] in
// config.toml. A missing optional file, or one with no path set, gives
// nil data and no problem.
func readFile(fsys fs.FS, name, key string, optional bool) ([]byte, problem.List) {
	var probs problem.List
	if name == "" {
		if !optional {
			probs.Errorf("config.toml", 0, 0, "data."+key, "is blank: give the path of the %s file, e.g. data/%s.csv, or remove the setting to use that default", key, key)
		}
		return nil, probs
	}
	// The sheet of a workbook, data/tracker.xlsx[Children], is the
	// table's to find; the file is the path before it.
	name, _ = splitSheet(name)
	// fs.FS paths are slash-separated and relative with no "./"; a path
	// written for Windows or with ./ still means the same file.
	p := path.Clean(strings.ReplaceAll(name, `\`, "/"))
	if !fs.ValidPath(p) {
		probs.Errorf(name, 0, 0, "", "is not a path inside the project folder: give it relative to the folder holding config.toml, e.g. data/children.csv")
		return nil, probs
	}
	data, err := fs.ReadFile(fsys, p)
	switch {
	case err == nil:
		if data == nil {
			data = []byte{} // an empty file is read, and reported as empty
		}
		return data, nil
	case errors.Is(err, fs.ErrNotExist) && optional:
		return nil, nil
	case errors.Is(err, fs.ErrNotExist):
		probs.Errorf(name, 0, 0, "", "file not found: the project needs it (see docs/data.md), or set its path under [data] in config.toml")
	default:
		probs.Errorf(name, 0, 0, "", "cannot be read: %v", unwrapPath(err))
	}
	return nil, probs
}

// unwrapPath drops the path from an fs.PathError: the message already
// starts with the file's name.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
