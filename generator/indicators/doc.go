// Package indicators computes every figure of the data contract (shared
// docs/content.md) from validated records: the adoption scorecard measures, children
// and adopters waiting, stage timeliness, the budget and its price and volume
// split, breakdowns for the groups of children the scorecard's critics say
// it hides, and the distribution of waiting times behind the means.
//
// Everything here is a pure function of a *dataset.Dataset and a
// config.Config: no I/O and no text for people. Figures carry their unit, the
// base they rest on, the threshold that applies and the published
// comparators for the same indicator and period, so that a presentation
// layer can write "below the 426-day threshold and 38 days faster than
// England" without computing anything.
//
// Report.Figures are the indicators of docs/content.md; Report.Extras lists the figures
// the report shows below them (groups of children, budget lines, cost
// drivers, the steps of the overspend waterfall, the months of the
// time-to-match curve), which indicators.json lists after them, so that
// the file holds every figure the report shows.
//
// # Arithmetic
//
// Days are whole numbers and money is integer pence, so every figure is
// computed with integers and rounded once, at the end, from unrounded counts:
//
//   - means to the nearest whole day, halves up: round(s/n) = ⌊(2s+n)/2n⌋;
//   - percentages to one decimal place, halves up: round(1000a/b) tenths;
//   - ratios to two decimal places, halves up: round(100a/b) hundredths;
//   - the volume part of a budget line's variance to whole pence, halves away
//     from zero, so that price + volume = variance exactly on every line.
//
// A figure that rests on nothing — a mean over no children, a share of no
// households, a budget year with no lines — has no value (Figure.HasValue is
// false and Figure.Absent says why) rather than a made-up zero.
//
// # Periods
//
// Figures are computed for every year of config.Config.Years, and a1, a2,
// a10, a3 and a3_percent also for each three-year period ending in one of
// those years. A date is in a period when Start ≤ date ≤ End: 31 March is
// the last day of a financial year and 1 April the first of the next.
// "At the end of P" means on P's last day, 31 March.
package indicators
