package disclosure

import (
	"fmt"
	"slices"
	"testing"
)

// hiddenCells lists the hidden cells of a mask as "r,c".
func hiddenCells(m mask) []string {
	var out []string
	for r, row := range m.Cells {
		for c, h := range row {
			if h {
				out = append(out, fmt.Sprintf("%d,%d", r, c))
			}
		}
	}
	return out
}

func TestSuppressTable(t *testing.T) {
	tests := []struct {
		name       string
		cells      [][]int
		k          int
		rowT, colT bool
		want       []string // hidden cells
		wantRowT   []bool
		wantColT   []bool
		wantTotal  bool
	}{
		{
			// 3 is primary. The total 22 is shown, so 22 − 12 − 0 − 7
			// gives 3 back: the next smallest non-zero cell, 7, goes too.
			// Now 3 + 7 = 10 is all a reader can tell. 0 stays.
			name: "one small cell and a total", cells: [][]int{{12, 3, 0, 7}}, k: 5, rowT: true,
			want: []string{"0,1", "0,3"}, wantRowT: []bool{false},
		},
		{
			// Without a total nothing gives 3 away.
			name: "no total", cells: [][]int{{12, 3, 0, 7}}, k: 5,
			want: []string{"0,1"},
		},
		{
			// Two small cells hide each other: 2 + 3 = 5 says neither.
			name: "two small cells", cells: [][]int{{2, 3, 10}}, k: 5, rowT: true,
			want: []string{"0,0", "0,1"}, wantRowT: []bool{false},
		},
		{
			// Zeros are shown and never used to protect anything: with
			// the 0s shown, the only other non-zero cell is 9.
			name: "zeros stay visible", cells: [][]int{{0, 4, 0, 9}}, k: 5, rowT: true,
			want: []string{"0,1", "0,3"}, wantRowT: []bool{false},
		},
		{
			name: "nothing small", cells: [][]int{{0, 5, 0, 9}}, k: 5, rowT: true,
			want: nil, wantRowT: []bool{false},
		},
		{
			// A small total is hidden like a cell; its non-zero cells are
			// smaller still, so hidden too.
			name: "small total", cells: [][]int{{2, 1, 0}}, k: 5, rowT: true,
			want: []string{"0,0", "0,1"}, wantRowT: []bool{true},
		},
		{
			name: "k = 1 turns suppression off", cells: [][]int{{12, 1, 0, 7}}, k: 1, rowT: true,
			want: nil, wantRowT: []bool{false},
		},
		{
			// k = 2 hides only ones.
			name: "k = 2", cells: [][]int{{12, 1, 2, 7}}, k: 2, rowT: true,
			want: []string{"0,1", "0,2"}, wantRowT: []bool{false},
		},
		{
			// A column with a total works as a row does.
			name: "column", cells: [][]int{{12}, {3}, {0}, {7}}, k: 5, colT: true,
			want: []string{"1,0", "3,0"}, wantColT: []bool{false},
		},
		{
			//        c0  c1  c2 | total
			//   r0   10   3   8 | 21
			//   r1    9   7  12 | 28
			//   r2    6   0  11 | 17
			//  total 25  10  31 | 66
			//
			// 3 is primary. Row 0 gives it back, so 8, the smallest other
			// cell there, is hidden; but column 1 still gives 3 = 10 − 7 − 0,
			// so 7 is hidden too; now row 1 gives 7 = 28 − 9 − 12, so 12 is
			// hidden. The four hidden cells form a rectangle: adding 1 to 3
			// and 12 and taking 1 from 8 and 7 keeps every total, so no
			// hidden cell can be worked out.
			name:  "two-way table: suppression propagates",
			cells: [][]int{{10, 3, 8}, {9, 7, 12}, {6, 0, 11}}, k: 5, rowT: true, colT: true,
			want:     []string{"0,1", "0,2", "1,1", "1,2"},
			wantRowT: []bool{false, false, false}, wantColT: []bool{false, false, false},
		},
		{
			// The 3 has only zeros beside it, so its row and column
			// totals are 3 as well: primary. The grand total 12 less the
			// other row total 9 would still give 3. Hiding the 9 cell does
			// not help (its row total is 9 + 0), nor does hiding that
			// total (the cell shows it); hiding the grand total does: 3,
			// its two totals and the grand total less 9 are then one
			// unknown, all equal, of any value.
			name:  "two-way table: small cell among zeros",
			cells: [][]int{{3, 0}, {0, 9}}, k: 5, rowT: true, colT: true,
			want:     []string{"0,0"},
			wantRowT: []bool{true, false}, wantColT: []bool{true, false}, wantTotal: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := suppressTable(tt.cells, tt.k, tt.rowT, tt.colT)
			if got := hiddenCells(m); !slices.Equal(got, tt.want) {
				t.Errorf("hidden cells = %v, want %v", got, tt.want)
			}
			if !slices.Equal(m.RowTotals, tt.wantRowT) {
				t.Errorf("hidden row totals = %v, want %v", m.RowTotals, tt.wantRowT)
			}
			if !slices.Equal(m.ColTotals, tt.wantColT) {
				t.Errorf("hidden column totals = %v, want %v", m.ColTotals, tt.wantColT)
			}
			if m.Total != tt.wantTotal {
				t.Errorf("hidden grand total = %v, want %v", m.Total, tt.wantTotal)
			}
			if tt.k > 1 {
				checkSafe(t, tt.cells, m, tt.rowT, tt.colT, tt.k)
			}
		})
	}
}

// checkSafe checks, independently of the elimination, that every small
// hidden cell could have another value: it looks for a change of −2..2
// to the hidden counts that keeps every shown total and count, keeps
// counts non-negative and changes that cell.
func checkSafe(t *testing.T, cells [][]int, m mask, rowT, colT bool, k int) {
	t.Helper()
	for _, e := range unsafeCells(cells, m, rowT, colT, k) {
		t.Error(e)
	}
}

// unsafeCells is checkSafe's search; it returns one message per small
// hidden cell that can be worked out.
func unsafeCells(cells [][]int, m mask, rowT, colT bool, k int) []string {
	var errs []string
	type pos struct{ r, c int }
	var hidden []pos
	for r, row := range m.Cells {
		for c, h := range row {
			if h {
				hidden = append(hidden, pos{r, c})
			}
		}
	}
	rows, cols := len(cells), len(cells[0])
	for target, p := range hidden {
		if !small(cells[p.r][p.c], k) {
			continue
		}
		found := false
		d := make([]int, len(hidden))
		var try func(i int)
		try = func(i int) {
			if found {
				return
			}
			if i < len(hidden) {
				for x := -2; x <= 2; x++ {
					if cells[hidden[i].r][hidden[i].c]+x >= 0 {
						d[i] = x
						try(i + 1)
					}
				}
				return
			}
			if d[target] == 0 {
				return
			}
			rowD, colD := make([]int, rows), make([]int, cols)
			for j, h := range hidden {
				rowD[h.r] += d[j]
				colD[h.c] += d[j]
			}
			total := 0
			for r := range rows {
				total += rowD[r]
				if rowT && !m.RowTotals[r] && rowD[r] != 0 {
					return
				}
			}
			for c := range cols {
				if colT && !m.ColTotals[c] && colD[c] != 0 {
					return
				}
			}
			if rowT && colT && !m.Total && total != 0 {
				return
			}
			found = true
		}
		try(0)
		if !found {
			errs = append(errs, fmt.Sprintf("hidden cell %d,%d = %d can be worked out from the shown counts", p.r, p.c, cells[p.r][p.c]))
		}
	}
	return errs
}

// The checker must catch primary suppression alone: 22 − 12 − 0 − 7 = 3.
func TestUnsafeCellsCatchesPrimaryOnly(t *testing.T) {
	cells := [][]int{{12, 3, 0, 7}}
	m := mask{Cells: [][]bool{{false, true, false, false}}, RowTotals: []bool{false}}
	if errs := unsafeCells(cells, m, true, false, 5); len(errs) != 1 {
		t.Errorf("unsafeCells = %v, want one complaint about cell 0,1", errs)
	}
}

func TestSuppressTableEmpty(t *testing.T) {
	m := suppressTable(nil, 5, true, true)
	if len(m.Cells) != 0 || m.Total {
		t.Errorf("empty table: got %+v", m)
	}
}

// mask says which counts of a table to show as [c].
type mask struct {
	// Cells is shaped like the table's cells.
	Cells [][]bool
	// RowTotals has one entry per row and ColTotals one per column, when
	// the table shows them; Total is the grand total, shown when both are.
	RowTotals, ColTotals []bool
	Total                bool
}

// suppressTable exercises the system on the shape the DfE protects
// most, a table with totals: it decides which counts of a table of children or households
// to hide with suppress_below k: every count from 1 to k−1 (primary), and
// then further non-zero counts (secondary) until no hidden small count
// can be worked out from the ones shown. rowTotals says the table shows a
// total at the end of each row, colTotals one under each column; with
// both it also shows the grand total. A total is a count like any other:
// it is hidden if it is small, and, as a last resort, to protect a cell.
//
// Cells is the table's rows, all of the same length; zeros are always
// shown. k ≤ 1 hides nothing.
func suppressTable(cells [][]int, k int, rowTotals, colTotals bool) mask {
	var s system
	rows := len(cells)
	cols := 0
	if rows > 0 {
		cols = len(cells[0])
	}
	id := make([][]int, rows)
	for r, row := range cells {
		if len(row) != cols {
			panic(fmt.Sprintf("suppressTable: row %d has %d cells, row 0 has %d", r, len(row), cols))
		}
		id[r] = make([]int, cols)
		for c, n := range row {
			id[r][c] = s.add(variable{name: fmt.Sprintf("cell %d,%d", r, c), value: n, known: true, published: true})
		}
	}
	// Totals are hidden only when no cell will do: readers use them most.
	const totalCost = 1
	var rowT, colT []int
	grand := -1
	if rowTotals {
		for r := range rows {
			sum := 0
			for _, n := range cells[r] {
				sum += n
			}
			rowT = append(rowT, s.add(variable{name: fmt.Sprintf("row total %d", r), value: sum, known: true, published: true, cost: totalCost}))
			s.sum(rowT[r], id[r]...)
		}
	}
	if colTotals {
		for c := range cols {
			sum := 0
			col := make([]int, rows)
			for r := range rows {
				sum += cells[r][c]
				col[r] = id[r][c]
			}
			colT = append(colT, s.add(variable{name: fmt.Sprintf("column total %d", c), value: sum, known: true, published: true, cost: totalCost}))
			s.sum(colT[c], col...)
		}
	}
	if rowTotals && colTotals {
		sum := 0
		for _, row := range cells {
			for _, n := range row {
				sum += n
			}
		}
		grand = s.add(variable{name: "total", value: sum, known: true, published: true, cost: totalCost + 1})
		s.sum(grand, rowT...)
		s.sum(grand, colT...)
	}

	s.protect(k)

	m := mask{Cells: make([][]bool, rows)}
	for r := range rows {
		m.Cells[r] = make([]bool, cols)
		for c := range cols {
			m.Cells[r][c] = s.vars[id[r][c]].hidden
		}
	}
	for _, v := range rowT {
		m.RowTotals = append(m.RowTotals, s.vars[v].hidden)
	}
	for _, v := range colT {
		m.ColTotals = append(m.ColTotals, s.vars[v].hidden)
	}
	if grand >= 0 {
		m.Total = s.vars[grand].hidden
	}
	return m
}
