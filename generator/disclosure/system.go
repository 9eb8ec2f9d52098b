package disclosure

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// small reports whether n children or households are too few to publish.
func small(n, k int) bool { return n >= 1 && n < k }

// A system is a set of counts tied by linear equations: the published
// figures of a report or a table, and the sums that link them. Secondary
// suppression runs on it.
type system struct {
	vars []variable
	eqs  []equation
	// col, matrix, rows, pivots and sol are solve's working space, kept
	// between calls: secondary suppression solves a component again after
	// every count it hides, and the matrices would otherwise be most of a
	// build's garbage.
	col    []int
	matrix []int64
	rows   [][]int64
	pivots []int
	sol    solution
}

// variable is one count of children or households.
type variable struct {
	name string // for test failures
	// value is the count; meaningful only when known. A count the report
	// never computed (children adopted in a year before its history) is
	// unknown, but may still be derived from the published ones.
	value int
	known bool
	// published: shown to readers unless hidden.
	published bool
	hidden    bool
	// cost orders the shown counts secondary suppression may hide: lower
	// goes first.
	cost int
}

// unknown reports whether a reader does not see v's value directly.
func (v *variable) unknown() bool { return !v.published || v.hidden }

// equation says that Σ c·x = 0 over its terms.
type equation []term

type term struct{ v, c int }

// add adds a variable and returns its index.
func (s *system) add(v variable) int {
	s.vars = append(s.vars, v)
	return len(s.vars) - 1
}

// sum adds the equation total = Σ parts.
func (s *system) sum(total int, parts ...int) {
	eq := equation{{total, 1}}
	for _, p := range parts {
		eq = append(eq, term{p, -1})
	}
	s.eqs = append(s.eqs, eq)
}

// protect hides every published count from 1 to k−1, then further shown
// counts until no small count, hidden or unpublished, is determined by the
// shown ones.
func (s *system) protect(k int) {
	if k <= 1 {
		return
	}
	for i := range s.vars {
		v := &s.vars[i]
		if v.published && v.known && small(v.value, k) {
			v.hidden = true
		}
	}
	for _, comp := range s.components() {
		s.protectComponent(comp, k)
	}
}

// protectComponent runs secondary suppression on one set of variables
// that share equations; the others cannot affect it.
func (s *system) protectComponent(comp component, k int) {
	sol, ok := s.solve(comp)
	for {
		if !ok {
			s.hideAll(comp)
			return
		}
		x, deriv, found := s.exposed(comp, sol, k)
		if !found {
			return
		}
		var hid bool
		if hid, sol, ok = s.hideOne(comp, x, deriv); !hid {
			// Cannot happen for consistent data: a small count derived from
			// the shown ones involves a shown non-zero count. Hide
			// everything rather than publish it.
			s.hideAll(comp)
			return
		}
	}
}

// exposed returns the first small count that the shown counts determine,
// with the coefficients of the shown counts in its derivation. sol must
// be comp's latest solution: its rows are solve's working space.
func (s *system) exposed(comp component, sol solution, k int) (int, map[int]int64, bool) {
	for _, d := range sol {
		v := &s.vars[d.v]
		val := d.value
		if v.known {
			val = float64(v.value)
		}
		if val >= 1 && val < float64(k) {
			deriv := make(map[int]int64)
			for j, a := range d.row {
				if a != 0 && comp.vars[j] != d.v {
					deriv[comp.vars[j]] = a
				}
			}
			return d.v, deriv, true
		}
	}
	return 0, nil, false
}

// hideOne hides a shown count so that x is no longer determined: the
// cheapest one in x's derivation that does it alone, or else the cheapest
// one in the derivation, leaving the loop to hide more. It reports false
// if there is nothing to hide, and else the component solved with the
// count hidden, as solve gives it: the solve that found the count is
// that solve, so the loop need not do it again.
func (s *system) hideOne(comp component, x int, deriv map[int]int64) (bool, solution, bool) {
	var cands []int
	for v, c := range deriv {
		if c != 0 && s.vars[v].value != 0 {
			cands = append(cands, v)
		}
	}
	if len(cands) == 0 {
		return false, nil, false
	}
	slices.SortFunc(cands, func(a, b int) int {
		va, vb := &s.vars[a], &s.vars[b]
		return cmp.Or(cmp.Compare(va.cost, vb.cost), cmp.Compare(va.value, vb.value), cmp.Compare(a, b))
	})
	for _, c := range cands {
		s.vars[c].hidden = true
		sol, ok := s.solve(comp)
		if ok && !sol.determines(x) {
			return true, sol, true
		}
		s.vars[c].hidden = false
	}
	s.vars[cands[0]].hidden = true
	sol, ok := s.solve(comp)
	return true, sol, ok
}

// hideAll hides every shown non-zero count of a component.
func (s *system) hideAll(comp component) {
	for _, v := range comp.vars {
		if s.vars[v].published && s.vars[v].value != 0 {
			s.vars[v].hidden = true
		}
	}
}

// component is a set of variables and the equations between them.
type component struct {
	vars []int
	eqs  []int
}

// components splits the system into independent parts, in variable order.
func (s *system) components() []component {
	parent := make([]int, len(s.vars))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, eq := range s.eqs {
		for _, t := range eq[1:] {
			parent[find(t.v)] = find(eq[0].v)
		}
	}
	index := make(map[int]int)
	var comps []component
	for v := range s.vars {
		r := find(v)
		i, ok := index[r]
		if !ok {
			i = len(comps)
			index[r] = i
			comps = append(comps, component{})
		}
		comps[i].vars = append(comps[i].vars, v)
	}
	for e, eq := range s.eqs {
		i := index[find(eq[0].v)]
		comps[i].eqs = append(comps[i].eqs, e)
	}
	return comps
}

// determined is an unknown count that the shown counts fix: p·x + Σ c·v =
// 0 over shown counts v, so x = −Σ c·v / p.
type determined struct {
	v     int
	value float64
	// row is its equation, p and each c by the component's variable
	// order: solve's working space, valid until the next solve.
	row []int64
}

type solution []determined

func (sol solution) determines(x int) bool {
	for _, d := range sol {
		if d.v == x {
			return true
		}
	}
	return false
}

// solve finds every unknown count of comp that the shown counts determine,
// by Gauss–Jordan elimination on the unknowns in exact integers. It
// reports false if the integers overflow, which the sums of a report do
// not come near. The solution is solve's working space, like its rows:
// valid until the next solve.
func (s *system) solve(comp component) (solution, bool) {
	if len(s.col) < len(s.vars) {
		s.col = make([]int, len(s.vars))
	}
	for i, v := range comp.vars {
		s.col[v] = i
	}
	n := len(comp.vars)
	if cap(s.matrix) < len(comp.eqs)*n {
		s.matrix = make([]int64, len(comp.eqs)*n)
	}
	m := s.matrix[:len(comp.eqs)*n]
	clear(m)
	rows := s.rows[:0]
	for i, e := range comp.eqs {
		row := m[i*n : (i+1)*n : (i+1)*n]
		for _, t := range s.eqs[e] {
			row[s.col[t.v]] += int64(t.c)
		}
		rows = append(rows, row)
	}
	s.rows = rows
	pivots := s.pivots[:0] // pivots[r] is the column of row r's pivot
	for c, v := range comp.vars {
		if !s.vars[v].unknown() {
			continue
		}
		r := len(pivots)
		p := slices.IndexFunc(rows[r:], func(row []int64) bool { return row[c] != 0 })
		if p < 0 {
			continue
		}
		rows[r], rows[r+p] = rows[r+p], rows[r]
		for i := range rows {
			if i == r || rows[i][c] == 0 {
				continue
			}
			if !eliminate(rows[i], rows[r], c) {
				return nil, false
			}
		}
		pivots = append(pivots, c)
	}
	s.pivots = pivots
	sol := s.sol[:0]
	for r, c := range pivots {
		row := rows[r]
		d := determined{v: comp.vars[c], row: row}
		free := false
		var num float64
		for j, a := range row {
			if a == 0 || j == c {
				continue
			}
			v := comp.vars[j]
			if s.vars[v].unknown() {
				free = true
				break
			}
			num -= float64(a) * float64(s.vars[v].value)
		}
		if free {
			continue
		}
		d.value = num / float64(row[c])
		sol = append(sol, d)
	}
	s.sol = sol
	return sol, true
}

// eliminate sets row[c] to zero by subtracting a multiple of the pivot
// row, keeping whole numbers: row = row·p[c] − p·row[c], then divided by
// the gcd of its entries so that they stay small.
func eliminate(row, p []int64, c int) bool {
	a, b := p[c], row[c]
	var g int64
	for j := range row {
		if row[j] == 0 && p[j] == 0 {
			// Most of a row is zeros, and stays so: 0·a − 0·b.
			continue
		}
		x, ok1 := mul(row[j], a)
		y, ok2 := mul(p[j], b)
		if !ok1 || !ok2 || (y > 0 && x < math.MinInt64+y) || (y < 0 && x > math.MaxInt64+y) {
			return false
		}
		row[j] = x - y
		if g != 1 {
			// Once 1, the gcd stays 1.
			g = gcd(g, row[j])
		}
	}
	if g > 1 {
		for j := range row {
			row[j] /= g
		}
	}
	return true
}

// mul multiplies, reporting false on overflow.
func mul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	neg := (a < 0) != (b < 0)
	hi, lo := bits.Mul64(abs(a), abs(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if neg {
		return -int64(lo), true
	}
	return int64(lo), true
}

func abs(a int64) uint64 {
	if a < 0 {
		return uint64(-a)
	}
	return uint64(a)
}

func gcd(a, b int64) int64 {
	x, y := abs(a), abs(b)
	for y != 0 {
		x, y = y, x%y
	}
	return int64(x)
}
