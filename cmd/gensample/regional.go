package main

import (
	"bytes"
	"encoding/csv"
)

// regionalCouncils are the fictional partner councils of the regional
// example, `adoptionreport new --regional`: each code is the la value of
// its rows, and its letter starts its children's IDs, which a council's
// case system gives out alone, so that two councils never share one.
var regionalCouncils = []struct{ code, letter string }{
	{"fenmoor", "F"},
	{"marshby", "M"},
	{"eastholme", "E"},
}

// regionalFiles is the regional example's data: a sample of its own for
// each council (seed, seed+1, …), its children's and budget's rows marked
// with its code in an la column; the RAA's adopters and the comparators
// are the first sample's, shared by every council.
func regionalFiles(seed uint64) []file {
	var children, budget [][]string
	var shared []file
	for i, c := range regionalCouncils {
		s := generate(seed + uint64(i))
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
