package dataset

import (
	"runtime"
	"sync"
)

// minRun is the fewest rows worth a goroutine of their own: below it,
// starting one costs more than the rows do. A variable so that tests can
// share out a small file.
var minRun = 8192

// runsOf is how many runs inRuns shares n rows out in: one for each core,
// or just one when the rows are too few to share.
func runsOf(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/minRun))
}

// inRuns shares the rows 0 to n−1 out in runsOf(n) runs, in row order,
// and calls do on each at once, run k being the rows [from, to); it
// returns when every run is done. It is for work on each row that reads
// no other row's.
func inRuns(n int, do func(k, from, to int)) {
	runs := runsOf(n)
	if runs == 1 {
		do(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for k := range runs {
		wg.Go(func() { do(k, k*n/runs, (k+1)*n/runs) })
	}
	wg.Wait()
}
