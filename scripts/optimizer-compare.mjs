// Runs fsrs-rs (the npm package @open-spaced-repetition/binding, which
// wraps it) on a review log written by scripts/optimizer-compare, and
// prints its fitted weights, the time taken and the metrics of the
// weight sets asked for, as JSON. Not for direct use.
//   node optimizer-compare.mjs LOG.json
import { readFileSync } from 'node:fs'
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding'

const log = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const items = log.items.map((reviews) => new FSRSBindingItem(reviews.map(([r, d]) => new FSRSBindingReview(r, d))))
const start = performance.now()
const weights = await computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1 })
const ms = performance.now() - start
const metrics = (log.evaluate ?? []).map((w) => new FSRSBinding(w).evaluate(items))
console.log(JSON.stringify({ weights, ms, metrics }))
