package disclosure

import "fmt"

// Mask says which counts of a table to show as [c].
type Mask struct {
	// Cells is shaped like the table's cells.
	Cells [][]bool
	// RowTotals has one entry per row and ColTotals one per column, when
	// the table shows them; Total is the grand total, shown when both are.
	RowTotals, ColTotals []bool
	Total                bool
}

// SuppressTable decides which counts of a table of children or households
// to hide with suppress_below k: every count from 1 to k−1 (primary), and
// then further non-zero counts (secondary) until no hidden small count
// can be worked out from the ones shown. rowTotals says the table shows a
// total at the end of each row, colTotals one under each column; with
// both it also shows the grand total. A total is a count like any other:
// it is hidden if it is small, and, as a last resort, to protect a cell.
//
// Cells is the table's rows, all of the same length; zeros are always
// shown. k ≤ 1 hides nothing.
func SuppressTable(cells [][]int, k int, rowTotals, colTotals bool) Mask {
	var s system
	rows := len(cells)
	cols := 0
	if rows > 0 {
		cols = len(cells[0])
	}
	id := make([][]int, rows)
	for r, row := range cells {
		if len(row) != cols {
			panic(fmt.Sprintf("disclosure.SuppressTable: row %d has %d cells, row 0 has %d", r, len(row), cols))
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

	m := Mask{Cells: make([][]bool, rows)}
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
