package indicators

import "math/big"

// The rounding rules of docs/data.md and docs/charts.md, in integer arithmetic so that a half is
// exactly a half: a float division can land a hair either side of it.

// meanHalfUp returns sum/n rounded to a whole number, halves up (towards
// +∞, also for a negative sum, which only data that validation lets
// through with odd dates can give), for n > 0.
func meanHalfUp(sum int64, n int) int64 {
	return floorDiv(2*sum+int64(n), 2*int64(n))
}

// floorDiv is ⌊a/b⌋ for b > 0; Go's / truncates towards zero.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// scaledHalfUp returns scale·a/b rounded to a whole number, halves up, for
// a ≥ 0 and b > 0: tenths of a percent with scale 1000, hundredths of a
// ratio with scale 100.
func scaledHalfUp(a, b, scale int64) int64 {
	return (2*scale*a + b) / (2 * b)
}

// divHalfAway returns num/den rounded to a whole number, halves away from
// zero, for den > 0.
func divHalfAway(num, den int64) int64 {
	if num < 0 {
		return -divHalfAway(-num, den)
	}
	return (2*num + den) / (2 * den)
}

// ratHalfAway rounds r to a whole number, halves away from zero. It is the
// slow path of the volume variance, for volumes with decimals.
func ratHalfAway(r *big.Rat) int64 {
	num := new(big.Int).Set(r.Num())
	den := r.Denom() // always > 0
	neg := num.Sign() < 0
	num.Abs(num)
	// ⌊(2·|num| + den) / (2·den)⌋
	num.Lsh(num, 1).Add(num, den)
	q := num.Quo(num, new(big.Int).Lsh(den, 1))
	if neg {
		q.Neg(q)
	}
	return q.Int64()
}
