package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The front page says whether the service overspent or underspent, and by
// how much, instead of a signed "budget variance" a reader must decode.
func TestFrontPageOverspendOrUnderspend(t *testing.T) {
	for _, c := range []struct {
		name, actuals, want string
	}{
		// The scaffold's 2024-25 lines: budgets £112,000 and £432,000.
		// Actuals £171,000 and £440,500: 59,000 + 8,500 over.
		{"over", "171000.00,440500.00", `Overspend: <span class="metric" data-indicator="variance" data-period="2024-25" data-magnitude>£67,500</span>`},
		// Actuals £100,000 and £430,000: 12,000 + 2,000 under.
		{"under", "100000.00,430000.00", `Underspend: <span class="metric" data-indicator="variance" data-period="2024-25" data-magnitude>£14,000</span>`},
		// Actuals equal to the budgets: neither.
		{"level", "112000.00,432000.00", `Overspend or underspend: <span class="metric" data-indicator="variance" data-period="2024-25">£0</span>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := newProject(t)
			a := strings.Split(c.actuals, ",")
			write(t, dir, "data/budget.csv", "year,line,driver,budget,actual,budget_volume,actual_volume,unit\n"+
				"2024-25,Interagency fees,Interagency placements,112000.00,"+a[0]+",4,6,placements\n"+
				"2024-25,Staffing,Staffing,432000.00,"+a[1]+",,,\n")
			if res, err := Build(context.Background(), Options{Source: dir}); err != nil {
				t.Fatalf("build: %v\n%s", err, res.Problems.Error())
			}
			b, err := os.ReadFile(filepath.Join(dir, "output", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			page := string(b)
			if !strings.Contains(page, c.want) {
				t.Errorf("the front page lacks %q", c.want)
			}
			if strings.Contains(page, "Budget variance") {
				t.Errorf("the front page still explains a signed variance")
			}
		})
	}
}
