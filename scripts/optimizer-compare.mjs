// Runs fsrs-rs (the npm package @open-spaced-repetition/binding, which
// wraps it) on the review log (fsrs-rs's items) written by
// internal/bench/fsrsref, and prints its fitted weights, the time
// computeParameters took and node's peak memory, as JSON. Not for direct
// use: scripts/optimizer-compare and scripts/bench run it.
//   node optimizer-compare.mjs ITEMS.json
import { readFileSync } from 'node:fs'
import { computeParameters, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding'

const log = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const items = log.items.map((reviews) => new FSRSBindingItem(reviews.map(([r, d]) => new FSRSBindingReview(r, d))))
const start = performance.now()
const weights = await computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1 })
const ms = performance.now() - start
const hwm = readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s*(\d+)/)
console.log(JSON.stringify({ weights, ms, peakKB: hwm ? Number(hwm[1]) : 0 }))
