import type { Csr } from './sparse-rows.js';

/** A binary logistic regression: p(present) = sigmoid(w·x + b). */
export interface Model {
  w: Float64Array;
  b: number;
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export interface FitOptions {
  /** L2 strength on the weights (not the bias), against the weighted mean log-loss. */
  lambda: number;
  /** Weight of a positive example (negatives weigh 1). */
  positiveWeight: number;
  /** Start from this model (warm start along a regularisation path). */
  init?: Model;
  maxIterations?: number;
  /** Stop when every gradient component is below this (default: lambda / 5, a fifth of the L2 pull on a unit weight). */
  tolerance?: number;
}

/**
 * Fits by L-BFGS (memory 8, backtracking Armijo line search) on
 *   f(w, b) = sum_i s_i log(1 + exp(-y_i (w·x_i + b))) / sum_i s_i + lambda/2 |w|^2,
 * which is strictly convex, so the optimum does not depend on the start or the step sizes.
 */
export function fitLogistic(X: Csr, y: Uint8Array, options: FitOptions): Model {
  const d = X.cols;
  const n = X.rows;
  const { lambda, positiveWeight } = options;
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    weights[i] = y[i] === 1 ? positiveWeight : 1;
    total += weights[i]!;
  }
  const dim = d + 1;
  const x = new Float64Array(dim);
  if (options.init) {
    x.set(options.init.w);
    x[d] = options.init.b;
  }
  const z = new Float64Array(n);

  /** Objective and gradient at `p` (gradient written into `g`). */
  const evaluate = (p: Float64Array, g: Float64Array): number => {
    const { ptr, idx, val } = X;
    const b = p[d]!;
    let loss = 0;
    g.fill(0);
    for (let i = 0; i < n; i += 1) {
      let s = b;
      for (let k = ptr[i]!; k < ptr[i + 1]!; k += 1) s += p[idx[k]!]! * val[k]!;
      z[i] = s;
      const sign = y[i] === 1 ? 1 : -1;
      const wi = weights[i]! / total;
      // Margin m = sign * s: loss log(1 + e^-m), d/ds = -sign * sigmoid(-m); one exp, stable both ways.
      const margin = sign * s;
      const e = Math.exp(-Math.abs(margin));
      loss += wi * ((margin > 0 ? 0 : -margin) + Math.log1p(e));
      const r = -sign * (margin > 0 ? e / (1 + e) : 1 / (1 + e)) * wi;
      for (let k = ptr[i]!; k < ptr[i + 1]!; k += 1) g[idx[k]!]! += r * val[k]!;
      g[d]! += r;
    }
    let reg = 0;
    for (let j = 0; j < d; j += 1) {
      reg += p[j]! * p[j]!;
      g[j]! += lambda * p[j]!;
    }
    return loss + (lambda / 2) * reg;
  };

  const m = 8;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const g = new Float64Array(dim);
  let f = evaluate(x, g);
  const dir = new Float64Array(dim);
  const xNew = new Float64Array(dim);
  const gNew = new Float64Array(dim);
  const alpha = new Float64Array(m);
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.tolerance ?? lambda / 5;
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let j = 0; j < dim; j += 1) s += a[j]! * b[j]!;
    return s;
  };

  for (let iter = 0; iter < maxIterations; iter += 1) {
    let gMax = 0;
    for (let j = 0; j < dim; j += 1) gMax = Math.max(gMax, Math.abs(g[j]!));
    if (gMax < tolerance) break;
    // Two-loop recursion: dir = -H g.
    for (let j = 0; j < dim; j += 1) dir[j] = -g[j]!;
    for (let k = S.length - 1; k >= 0; k -= 1) {
      const a = rho[k]! * dot(S[k]!, dir);
      alpha[k] = a;
      const yk = Y[k]!;
      for (let j = 0; j < dim; j += 1) dir[j]! -= a * yk[j]!;
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dot(S[last]!, Y[last]!) / dot(Y[last]!, Y[last]!);
      for (let j = 0; j < dim; j += 1) dir[j]! *= gamma;
    } else {
      const norm = Math.sqrt(dot(g, g));
      for (let j = 0; j < dim; j += 1) dir[j]! /= Math.max(1, norm);
    }
    for (let k = 0; k < S.length; k += 1) {
      const beta = rho[k]! * dot(Y[k]!, dir);
      const sk = S[k]!;
      for (let j = 0; j < dim; j += 1) dir[j]! += (alpha[k]! - beta) * sk[j]!;
    }
    let slope = dot(g, dir);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let j = 0; j < dim; j += 1) dir[j] = -g[j]!;
      slope = dot(g, dir);
    }
    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 40; tries += 1) {
      for (let j = 0; j < dim; j += 1) xNew[j] = x[j]! + step * dir[j]!;
      fNew = evaluate(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNew < f)) break;
    const s = new Float64Array(dim);
    const yv = new Float64Array(dim);
    for (let j = 0; j < dim; j += 1) {
      s[j] = xNew[j]! - x[j]!;
      yv[j] = gNew[j]! - g[j]!;
    }
    const sy = dot(s, yv);
    if (sy > 1e-12) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(yv);
      rho.push(1 / sy);
    }
    const decrease = (f - fNew) / Math.max(1, Math.abs(f));
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    if (decrease < 1e-8) break;
  }
  return { w: x.slice(0, d), b: x[d]! };
}

/** p(present) for every row of `X`. */
export function predict(model: Model, X: Csr): Float64Array {
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i += 1) {
    let s = model.b;
    for (let k = X.ptr[i]!; k < X.ptr[i + 1]!; k += 1) s += model.w[X.idx[k]!]! * X.val[k]!;
    out[i] = sigmoid(s);
  }
  return out;
}
