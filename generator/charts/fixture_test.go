package charts

import (
	"testing"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// d parses an ISO date for fixtures.
func d(s string) period.Date {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return period.NewDate(t.Year(), t.Month(), t.Day())
}

// pence converts whole pounds.
func gbp(pounds int64) int64 { return pounds * 100 }

// testConfig is a report on 2024-25 with two years of history.
func testConfig() config.Config {
	cfg := config.Default()
	cfg.Title = "Annual Adoption Report 2024-25"
	cfg.Council = "Test Borough Council"
	cfg.RAA = "Test RAA"
	cfg.ReportYear = "2024-25"
	cfg.Year = 2024
	cfg.HistoryYears = 2
	return cfg
}

// testDataset is a small council: eight children, six households, two
// years of budget and three England comparators. Defaults that dataset
// fills in on loading (moved in = placed, early permanence none) are
// filled in here.
func testDataset() *dataset.Dataset {
	children := []dataset.Child{
		{ChildID: "C1", Sex: "male", DateOfBirth: d("2019-06-01"), EthnicityGroup: "White",
			EnteredCare: d("2021-01-10"), ShouldBePlaced: d("2021-06-01"), PlacementOrder: d("2021-09-01"),
			Matched: d("2022-01-15"), PlacedForAdoption: d("2022-03-01"), AdoptionOrder: d("2022-09-01")},
		{ChildID: "C2", Sex: "female", DateOfBirth: d("2022-02-01"), EthnicityGroup: "Mixed", Disabled: true, SiblingGroup: "S1",
			EnteredCare: d("2022-04-20"), ShouldBePlaced: d("2022-08-01"), PlacementOrder: d("2022-11-01"),
			Matched: d("2023-02-01"), MovedInWithAdopters: d("2022-12-01"), PlacedForAdoption: d("2023-03-01"),
			AdoptionOrder: d("2023-08-01"), EarlyPermanence: dataset.EarlyPermanenceFfA},
		{ChildID: "C3", Sex: "male", DateOfBirth: d("2019-03-03"), EthnicityGroup: "Black", SiblingGroup: "S1",
			EnteredCare: d("2022-04-20"), ShouldBePlaced: d("2022-08-01"), PlacementOrder: d("2022-11-01"),
			Matched: d("2023-05-01"), PlacedForAdoption: d("2023-06-01"), AdoptionOrder: d("2024-05-01")},
		{ChildID: "C4", Sex: "female", DateOfBirth: d("2023-01-05"), EthnicityGroup: "Asian",
			EnteredCare: d("2023-01-10"), ShouldBePlaced: d("2023-05-01"), PlacementOrder: d("2023-08-01"),
			Matched: d("2023-07-01"), MovedInWithAdopters: d("2023-07-10"), PlacedForAdoption: d("2024-01-10"),
			AdoptionOrder: d("2024-06-01"), AdoptedByFosterCarer: true, EarlyPermanence: dataset.EarlyPermanenceConcurrent},
		{ChildID: "C5", Sex: "male", DateOfBirth: d("2018-01-01"), EthnicityGroup: "White", Disabled: true,
			EnteredCare: d("2022-06-01"), ShouldBePlaced: d("2023-01-10"), PlacementOrder: d("2023-03-01")},
		{ChildID: "C6", Sex: "female", DateOfBirth: d("2020-05-05"), EthnicityGroup: "Other",
			EnteredCare: d("2023-09-01"), ShouldBePlaced: d("2024-02-01")},
		{ChildID: "C7", Sex: "male", DateOfBirth: d("2021-01-01"), EthnicityGroup: "Not known",
			EnteredCare: d("2022-10-01"), ShouldBePlaced: d("2023-02-01"), PlacementOrder: d("2023-06-01"),
			DecisionReversed: d("2024-01-15")},
		{ChildID: "C8", Sex: "female", DateOfBirth: d("2016-07-07"), EthnicityGroup: "White",
			EnteredCare: d("2023-04-05"), ShouldBePlaced: d("2023-07-01"), PlacementOrder: d("2023-09-01"),
			Matched: d("2023-12-01"), PlacedForAdoption: d("2024-01-05"), AdoptionOrder: d("2024-10-01"), Interagency: true},
	}
	for i := range children {
		c := &children[i]
		c.Row = i + 2
		if c.MovedInWithAdopters == 0 {
			c.MovedInWithAdopters = c.PlacedForAdoption
		}
		if c.EarlyPermanence == "" {
			c.EarlyPermanence = dataset.EarlyPermanenceNone
		}
	}
	adopters := []dataset.Adopter{
		{HouseholdID: "H1", Enquiry: d("2022-05-01"), RegistrationOfInterest: d("2022-06-01"),
			Stage1Started: d("2022-06-10"), Stage1Completed: d("2022-08-01"), Stage2Started: d("2022-08-05"),
			Approved: d("2022-11-20"), Matched: d("2023-02-01"), Placed: d("2023-03-01")},
		{HouseholdID: "H2", Enquiry: d("2023-04-10"), RegistrationOfInterest: d("2023-05-01"),
			Stage1Started: d("2023-05-05"), Stage1Completed: d("2023-07-20"), Stage2Started: d("2023-07-25"),
			Approved: d("2024-01-10")},
		{HouseholdID: "H3", Enquiry: d("2024-04-01"), RegistrationOfInterest: d("2024-04-15"), FastTrack: true,
			Stage2Started: d("2024-05-01"), Approved: d("2024-08-01"), Matched: d("2024-11-01")},
		{HouseholdID: "H4", Enquiry: d("2024-05-01"), RegistrationOfInterest: d("2024-06-01"),
			Stage1Started: d("2024-06-02"), Withdrawn: d("2024-07-01")},
		{HouseholdID: "H5", Enquiry: d("2024-06-01"), RegistrationOfInterest: d("2024-07-01"),
			Stage1Started: d("2024-07-10"), Stage1Completed: d("2024-09-01"), Stage2Started: d("2024-09-05"),
			Approved: d("2024-12-20")},
		{HouseholdID: "H6", Enquiry: d("2023-01-15"), RegistrationOfInterest: d("2023-02-01"), Withdrawn: d("2023-03-01")},
	}
	for i := range adopters {
		adopters[i].Row = i + 2
	}
	budget := []dataset.BudgetLine{
		{Year: 2023, Line: "Interagency fees", Driver: "Interagency placements", Budget: gbp(81000), Actual: gbp(108000),
			BudgetVolume: 3, ActualVolume: 4, HasVolumes: true, Unit: "placements"},
		{Year: 2023, Line: "Social workers", Driver: "Staffing", Budget: gbp(200000), Actual: gbp(205500)},
		{Year: 2024, Line: "Interagency fees (voluntary agencies)", Driver: "Interagency placements", Budget: gbp(117735), Actual: gbp(196225),
			BudgetVolume: 3, ActualVolume: 5, HasVolumes: true, Unit: "placements"},
		{Year: 2024, Line: "Interagency fees (other RAAs)", Driver: "Interagency placements", Budget: gbp(54000), Actual: gbp(52000)},
		{Year: 2024, Line: "Social workers", Driver: "Staffing", Budget: gbp(350000), Actual: gbp(362500) + 50},
		{Year: 2024, Line: "Adoption support", Budget: gbp(1000000), Actual: gbp(950000)},
	}
	for i := range budget {
		budget[i].Row = i + 2
	}
	comparators := []dataset.Comparator{
		{Row: 2, Indicator: "a1", Period: period.Span(2024, 3), Area: "England", Value: 480},
		{Row: 3, Indicator: "a1", Period: period.Year(2024).Period(), Area: "England", Value: 450},
		{Row: 4, Indicator: "a2", Period: period.Span(2024, 3), Area: "England", Value: 190},
		{Row: 5, Indicator: "a2", Period: period.Span(2024, 3), Area: "Statistical neighbours", Value: 170},
	}
	return &dataset.Dataset{Children: children, Adopters: adopters, Budget: budget, Comparators: comparators}
}

// testReport computes the fixture's report.
func testReport(t *testing.T) (*indicators.Report, config.Config) {
	t.Helper()
	cfg := testConfig()
	return indicators.Compute(testDataset(), cfg), cfg
}
