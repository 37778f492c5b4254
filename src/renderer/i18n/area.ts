/**
 * The type of one area's Korean catalogue (intake-ko.ts, review-ko.ts ...): every key starts
 * with the area's name and a dot, so `satisfies AreaMessages<'intake'>` turns a key that strays
 * into another area, or a misspelt prefix, into a type error.
 */
export type AreaMessages<Area extends string> = Record<`${Area}.${string}`, string>;
