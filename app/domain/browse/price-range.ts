/**
 * A price filter as a shopper means it: "from 300.000 to 100.000" is the range between the two, not an empty one
 * (a phone's two number fields are easy to fill the wrong way round). Either end may be missing.
 */
export function orderedPriceRange(min: number | undefined, max: number | undefined): { min: number | undefined; max: number | undefined } {
  return min !== undefined && max !== undefined && min > max ? { min: max, max: min } : { min, max };
}
