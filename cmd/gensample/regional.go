package main

import (
	"bytes"
	"encoding/csv"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// regionalCouncils are the fictional partner councils of the regional
// example, `adoptionreport new --regional`: each code is the la value of
// its rows, and its letter starts its children's IDs, which a council's
// case system gives out alone, so that two councils never share one.
// Each has a profile of its own, as neighbours differ: Fenmoor is the
// largest and quickest, Marshby slower to place its children, and
// Eastholme small, with few interagency placements (shown as [c] in a
// publish build).
var regionalCouncils = []struct {
	code, letter string
	p            profile
}{
	{"fenmoor", "F", profile{
		size: 1.25, a2Shift: -10,
		a1: map[period.Year]int{2017: 560, 2018: 541, 2019: 515, 2020: 532, 2021: 489, 2022: 455, 2023: 421, 2024: 392},
		interagency: map[period.Year][2]int{
			2017: {6, 3}, 2018: {7, 4}, 2019: {8, 4}, 2020: {7, 4}, 2021: {9, 5}, 2022: {11, 6}, 2023: {14, 8}, 2024: {16, 9},
		},
	}},
	{"marshby", "M", profile{
		size: 0.9, a2Shift: 35,
		a1: map[period.Year]int{2017: 592, 2018: 584, 2019: 571, 2020: 603, 2021: 577, 2022: 549, 2023: 531, 2024: 509},
		interagency: map[period.Year][2]int{
			2017: {5, 2}, 2018: {5, 3}, 2019: {6, 3}, 2020: {5, 3}, 2021: {7, 4}, 2022: {8, 5}, 2023: {9, 5}, 2024: {10, 6},
		},
	}},
	{"eastholme", "E", profile{
		size: 0.45, a2Shift: 5,
		a1: map[period.Year]int{2017: 468, 2018: 455, 2019: 479, 2020: 462, 2021: 441, 2022: 432, 2023: 446, 2024: 421},
		interagency: map[period.Year][2]int{
			2017: {2, 1}, 2018: {1, 1}, 2019: {3, 2}, 2020: {2, 1}, 2021: {2, 1}, 2022: {3, 2}, 2023: {4, 2}, 2024: {3, 2},
		},
	}},
}

// regionalFiles is the regional example's data: a sample of its own for
// each council (seed, seed+1, …, each of the council's profile), its
// children's and budget's rows marked with its code in an la column; the
// RAA's adopters, as many as the three councils need, and the
// comparators are shared by every council.
func regionalFiles(seed uint64) []file {
	var children, budget [][]string
	var shared []file
	for i, c := range regionalCouncils {
		p := c.p
		if i == 0 {
			// The RAA's adopters are generated with the first council's
			// sample, for all of them.
			for _, k := range regionalCouncils {
				p.adopters += k.p.size
			}
		}
		s := generateFor(seed+uint64(i), p)
		for _, ch := range s.children {
			ch.id = c.letter + ch.id
			if ch.siblingGroup != "" {
				ch.siblingGroup = c.letter + ch.siblingGroup
			}
		}
		files := s.files()
		if i == 0 {
			shared = []file{files[1], files[3]}
		}
		children = withLA(children, files[0].data, c.code)
		budget = withLA(budget, files[2].data, c.code)
	}
	return append([]file{
		{"children.csv", encodeRows(children)},
		{"budget.csv", encodeRows(budget)},
	}, shared...)
}

// withLA appends the rows of the CSV file data to rows, each with code
// in a first column, la; the header is kept once.
func withLA(rows [][]string, data []byte, code string) [][]string {
	// The files are gensample's own, written just now: they parse.
	recs, _ := csv.NewReader(bytes.NewReader(data)).ReadAll()
	for i, r := range recs {
		if i == 0 {
			if len(rows) == 0 {
				rows = append(rows, append([]string{"la"}, r...))
			}
			continue
		}
		rows = append(rows, append([]string{code}, r...))
	}
	return rows
}

func encodeRows(rows [][]string) []byte {
	return encode(rows[0], rows[1:])
}
