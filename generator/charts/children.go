package charts

import (
	"fmt"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// waitingByCharacteristic draws the children waiting at the end of the
// report year by age, sibling group, ethnicity and disability: horizontal
// bars, one colour (and decal) per characteristic, so long group names
// stay readable.
func (b *builder) waitingByCharacteristic() Chart {
	const id = "waiting_by_characteristic"
	w, _ := b.waitingAt(b.year)
	end := yearEnd(b.year)

	labels := make([]string, len(w.Groups))
	counts := make([]indicators.Figure, len(w.Groups))
	for i, g := range w.Groups {
		labels[i], counts[i] = groupLabel(g), g.Count
	}
	c := newBar(id)
	c.SetGlobalOptions(ec.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}))
	categoryY(c, labels)
	valueX(c, countAxis("children"))
	seriesRefs := map[string][]string{}
	for di, d := range indicators.Dimensions {
		// Each characteristic is a series with values at its own groups only;
		// stacking them keeps every bar centred on its row.
		data := make([]any, len(w.Groups))
		refs := make([]string, len(w.Groups))
		for i, g := range w.Groups {
			if g.Dimension == d {
				data[i], refs[i] = shown(g.Count), refOf(g.Count, groupPart(g))
			}
		}
		seriesRefs[dimensionLabel(d)] = refs
		s := barSeries(dimensionLabel(d), data, palette[di%len(palette)])
		s.Stack = "waiting"
		s.Label = &opts.Label{Show: opts.Bool(true), Position: "right"}
		c.MultiSeries = append(c.MultiSeries, s)
	}

	t := Table{
		ID:      id,
		Caption: "Children waiting for adoption at " + end + ", by characteristic",
		Header:  []string{"Group", "Characteristic", "Children waiting at " + end},
		Numeric: numeric(3, 2),
	}
	for i, g := range w.Groups {
		t.add([]string{labels[i], dimensionLabel(g.Dimension), FormatValue(g.Count)}, []string{"", "", refOf(g.Count, groupPart(g))})
	}

	return Chart{
		ID:      id,
		Section: SectionChildren,
		Title:   "Children waiting for adoption at " + end,
		Alt: alt(
			b.waitingSentence(w, end),
			hidden(suppressedAt(counts), "group", "groups", "children", b.r.SuppressBelow),
		),
		Options:    denseOptions(c, nil),
		Table:      t,
		SeriesRefs: seriesRefs,
		TextRefs:   []string{b.ref(b.fig("waiting", b.year.Period()))},
	}
}

// groupPart is the indicators.json part of a breakdown group's figures.
func groupPart(g indicators.Group) indicators.Part {
	return indicators.Part{Breakdown: g.Dimension, Group: g.Key}
}

// waitingSentence describes who was waiting: the total, the largest age
// group, and how many were in sibling groups and disabled.
func (b *builder) waitingSentence(w indicators.Breakdown, end string) string {
	total := b.fig("waiting", b.year.Period())
	if drawable(total) {
		switch wholeOf(total.Value) {
		case 0:
			return fmt.Sprintf("No children were waiting for adoption at %s.", end)
		case 1:
			return fmt.Sprintf("1 child was waiting for adoption at %s.", end)
		}
	}
	var details []string
	if g, ties, ok := largest(w.Of(indicators.Age)); ok {
		which := "the largest age group"
		if ties > 1 {
			which = "one of the largest age groups"
		}
		details = append(details, fmt.Sprintf("%s aged %s (%s)", were(g.Count), ageWords(g.Key), which))
	}
	for _, g := range w.Groups {
		if g.Key != "yes" || !drawable(g.Count) {
			continue
		}
		switch g.Dimension {
		case indicators.SiblingGroup:
			details = append(details, were(g.Count)+" in a sibling group")
		case indicators.Disability:
			details = append(details, were(g.Count)+" disabled")
		}
	}
	switch {
	case drawable(total) && len(details) > 0:
		return fmt.Sprintf("Of the %s waiting for adoption at %s, %s.", FormatFigure(total), end, list(details))
	case drawable(total):
		return sentence(fmt.Sprintf("%s were waiting for adoption at %s", FormatFigure(total), end))
	case len(details) > 0:
		return fmt.Sprintf("Of the children waiting for adoption at %s, %s.", end, list(details))
	}
	return fmt.Sprintf("The chart shows the children waiting for adoption at %s by age, sibling group, ethnicity and disability.", end)
}

// largest returns the drawn group with the most children, the first of
// any ties, and how many groups share that count. ok is false when no
// group with children is drawn.
func largest(groups []indicators.Group) (best indicators.Group, ties int, ok bool) {
	for _, g := range groups {
		if !drawable(g.Count) || g.Count.Value <= 0 {
			continue
		}
		switch {
		case !ok || g.Count.Value > best.Count.Value:
			best, ties, ok = g, 1, true
		case g.Count.Value == best.Count.Value:
			ties++
		}
	}
	return best, ties, ok
}

// earlyPermanence draws early permanence placements per year as bars and
// the share of the children adopted who came through early permanence as
// a line on a second axis.
func (b *builder) earlyPermanence() Chart {
	const id = "early_permanence"
	placements := b.overYears("early_permanence_placements", false)
	share := b.overYears("early_permanence_percent", false)
	labels := b.yearLabels()

	c := newBar(id)
	c.SetXAxis(labels)
	c.SetGlobalOptions(ec.WithYAxisOpts(countAxis("children")))
	c.ExtendYAxis(valueAxis("% of adoptions", "{value}%", true))
	bars := barSeries("Placements", shownAll(placements), blue)
	bars.Label = &opts.Label{Show: opts.Bool(true), Position: "top"}
	line := lineSeries("Share of children adopted", shownAll(share), look{orange, "diamond", "dashed"})
	line.YAxisIndex = 1
	c.MultiSeries = append(c.MultiSeries, bars)
	c.Overlap(lines(line))

	t := Table{
		ID:      id,
		Caption: "Early permanence (fostering for adoption and concurrent planning) placements, and the share of the children adopted who were placed that way",
		Header:  []string{"Year", "Early permanence placements (children)", "Share of children adopted placed through early permanence"},
		Numeric: numeric(3, 1),
	}
	for i := range b.years {
		t.add([]string{labels[i], FormatValue(placements[i]), FormatValue(share[i])},
			[]string{"", b.ref(placements[i]), b.ref(share[i])})
	}

	return Chart{
		ID:      id,
		Section: SectionChildren,
		Title:   "Early permanence placements",
		Alt: alt(
			sentence(
				described("the number of children placed through early permanence", placements, 0, "there are no early permanence placement figures to show"),
				described("the share of children adopted who had been placed through early permanence", share, 0, ""),
			),
			hidden(suppressedAt(placements, share), "year", "years", "children", b.r.SuppressBelow),
		),
		Options: options(c),
		Table:   t,
		SeriesRefs: map[string][]string{
			"Placements":                b.refs(placements),
			"Share of children adopted": b.refs(share),
		},
	}
}
