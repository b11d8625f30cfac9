import { normalCdf } from '../../../math/special-functions.js';
import { minimise } from '../nelder-mead.js';
import type { SampleStatistics } from '../sample-statistics.js';
import type { FamilyOutcome } from './family.js';

/** Above this probability below 0, the fitted location and sd differ visibly from the sample mean and sd. */
const VISIBLE_TRUNCATION = 1e-3;
/** The smallest location kept, as a fraction of the sd: the scenario requires mean > 0. */
const MIN_LOCATION_PER_SD = 1e-3;

/**
 * Normal truncated at 0 — what the simulator samples for `{ distribution: normal, mean, sd }` — fitted by
 * maximum likelihood of the truncated density φ((x − μ)/σ)/(σ·Φ(μ/σ)), x ≥ 0, with μ > 0 as the scenario
 * requires. When almost no mass lies below 0 this is the plain normal fit (sample mean and sd).
 */
export function fitTruncatedNormal(sample: SampleStatistics): FamilyOutcome {
  const n = sample.n;
  let squares = 0;
  for (const x of sample.sorted) squares += (x - sample.mean) ** 2;
  const sd = Math.sqrt(squares / n);
  // In standard units t = (x − mean)/sd the data have mean 0 and mean square 1, so the scaled negative
  // log-likelihood per value is ln σ′ + (1 + μ′²)/(2σ′²) + ln Φ((1/cv + μ′)/σ′), well conditioned at any scale.
  const inverseCv = sample.mean / sd;
  const objective = ([location, logScale]: number[]) => {
    if (inverseCv + location <= 0) return Infinity; // μ ≤ 0: not a scenario normal
    const scale = Math.exp(logScale);
    const kept = normalCdf((inverseCv + location) / scale);
    return logScale + (1 + location * location) / (2 * scale * scale) + Math.log(kept);
  };
  const optimum = minimise(objective, [0, 0]);
  const logScale = optimum[1];
  let location = optimum[0];
  let mu = sample.mean + sd * location;
  const sigma = sd * Math.exp(logScale);
  // The optimum may sit on the boundary μ → 0 (a half-normal); a scenario needs mean > 0, and μ = σ/1000
  // changes the density by less than 0.1 %.
  const atBoundary = mu < MIN_LOCATION_PER_SD * sigma;
  if (atBoundary) {
    mu = MIN_LOCATION_PER_SD * sigma;
    location = (mu - sample.mean) / sd;
  }
  const logLikelihood = -n * (objective([location, logScale]) + Math.log(sd) + 0.5 * Math.log(2 * Math.PI));
  const massBelowZero = normalCdf(-mu / sigma);
  const kept = normalCdf(mu / sigma);
  return {
    spec: { kind: 'normal', mean: mu, sd: sigma },
    parameterCount: 2,
    logLikelihood,
    // F(x) = 1 − Φ(−(x − μ)/σ)/Φ(μ/σ): upper tails keep full precision where F is close to 1.
    cdf: (x) => (x <= 0 ? 0 : Math.max(0, 1 - normalCdf((mu - x) / sigma) / kept)),
    note: truncationNote(massBelowZero, atBoundary),
  };
}

/** How the truncation shaped this fit, for the reader. */
function truncationNote(massBelowZero: number, atBoundary: boolean): string {
  const how = 'normal fitted as truncated at 0, as the simulator samples it';
  if (atBoundary)
    return `${how}; the best fit is a half-normal (mean → 0), so mean is set to sd/1000 since a scenario mean must be > 0`;
  if (massBelowZero > VISIBLE_TRUNCATION)
    return `${how}; ${(massBelowZero * 100).toPrecision(2)}% of the underlying normal lies below 0, so its mean and sd are not the sample's`;
  return `${how}; the mass below 0 is negligible, so this is the plain normal fit`;
}
