// Package disclosure keeps small numbers about children and adopter
// households out of a published report, and checks the built site before
// it is written.
//
// # Rules
//
// In a publish build, with k the config setting suppress_below (5 unless
// set), a figure is shown as [c] when
//
//   - it is a count of children or households from 1 to k−1;
//   - it is a mean resting on 1 to k−1 children;
//   - it is a percentage whose base, numerator or base − numerator is from
//     1 to k−1: 95% of 20 tells the reader that one child was not counted,
//     so, as the Department for Education does, the complement is
//     protected like the numerator;
//   - it is the sufficiency ratio and either children waiting or adopter
//     households waiting is from 1 to k−1;
//   - it is a month of the time-to-match curve by which 1 to k−1 children
//     had been matched, or after which 1 to k−1 are still followed, or any
//     month of a curve over 1 to k−1 children (estimatesSuppressed).
//
// Zeros stay visible: "no children" discloses nothing about a child.
// Money is never suppressed: it counts pounds, not people. k = 1 turns
// suppression off, and a draft build turns it off with Draft.
//
// That is primary suppression (SuppressFigure). It is not enough on its
// own, because the report publishes counts that add up: the children
// adopted by age band sum to the children adopted, three single years sum
// to a three-year period, and a percentage's base is published beside it.
// A hidden count that can be worked out from the ones shown is not
// hidden. Secondary suppression hides further counts until none of the
// small ones can be worked out (see Apply).
//
// # Secondary suppression, exactly
//
// The published counts and the sums that tie them are a system of linear
// equations. A hidden count can be worked out exactly when, and only when,
// the equations determine it from the shown counts; this package finds
// those by exact integer elimination rather than row by row, so it also
// catches the differences of overlapping three-year periods and a
// complement that no single row shows. While some small count (hidden, or
// never published, such as a complement) is determined, it hides the
// cheapest shown non-zero count in the derivation: breakdown cells before
// headline figures, then the smallest. For a single row with a shown total
// that is the Department for Education's rule, "suppress the next smallest
// cell". The result is a safe table, not always the smallest possible
// number of hidden cells. Bounds are not considered: a hidden count that
// the others only confine to a range is treated as hidden.
//
// # The guard
//
// Guard and CheckIndicatorsJSON are the last line of defence, run on the
// built files before anything is written: no child or household ID may
// appear in the site, and indicators.json may not show a small count.
package disclosure
