package optimize

import "math"

// dual is a number with its derivatives by each of the 21 weights
// (forward-mode automatic differentiation): the model runs once on duals
// and yields the log loss's gradient exactly, with no hand-derived
// formulas to drift from the forward pass.
type dual struct {
	v float64
	d [NumWeights]float64
}

// konst is a constant: every derivative zero.
func konst(v float64) dual { return dual{v: v} }

// weight is weight i of w, with derivative 1 by itself.
func weight(w *Weights, i int) dual {
	x := dual{v: w[i]}
	x.d[i] = 1
	return x
}

// lin returns a*x + b*y + c, the one linear combination the model needs.
func lin(a float64, x dual, b float64, y dual, c float64) dual {
	r := dual{v: a*x.v + b*y.v + c}
	for i := range r.d {
		r.d[i] = a*x.d[i] + b*y.d[i]
	}
	return r
}

// add returns x + y.
func add(x, y dual) dual { return lin(1, x, 1, y, 0) }

// sub returns x - y.
func sub(x, y dual) dual { return lin(1, x, -1, y, 0) }

// affine returns a*x + c.
func affine(a float64, x dual, c float64) dual { return lin(a, x, 0, dual{}, c) }

// mul returns x * y.
func mul(x, y dual) dual {
	r := dual{v: x.v * y.v}
	for i := range r.d {
		r.d[i] = x.d[i]*y.v + x.v*y.d[i]
	}
	return r
}

// div returns x / y.
func div(x, y dual) dual {
	r := dual{v: x.v / y.v}
	for i := range r.d {
		r.d[i] = (x.d[i] - r.v*y.d[i]) / y.v
	}
	return r
}

// chain applies a function of value f and derivative df to x.
func chain(x dual, f, df float64) dual {
	r := dual{v: f}
	for i := range r.d {
		r.d[i] = df * x.d[i]
	}
	return r
}

// exp returns e^x.
func exp(x dual) dual {
	e := math.Exp(x.v)
	return chain(x, e, e)
}

// log returns ln x.
func log(x dual) dual { return chain(x, math.Log(x.v), 1/x.v) }

// pow returns x^y for x > 0, as e^(y ln x).
func pow(x, y dual) dual { return exp(mul(y, log(x))) }

// clamp limits x to [lo, hi]; outside, the derivatives are zero, as in
// fsrs-rs.
func clamp(x dual, lo, hi float64) dual {
	switch {
	case x.v < lo:
		return konst(lo)
	case x.v > hi:
		return konst(hi)
	}
	return x
}
