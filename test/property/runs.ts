/**
 * @module How many cases each property runs: a quick count under `npm test`, a long one under
 * `npm run test:deep` (vitest.deep.config.ts provides `fcRuns` and `fcHttpRuns`).
 */
import { inject } from "vitest";

declare module "vitest" {
	export interface ProvidedContext {
		fcRuns: number;
		fcHttpRuns: number;
	}
}

/** Pure properties (no I/O): cheap enough for a few hundred cases by default. */
export const RUNS: number = inject("fcRuns") ?? 200;

/** Properties that send a request through the Worker and its storage per case. */
export const HTTP_RUNS: number = inject("fcHttpRuns") ?? 40;

/** Fixed seed under `npm test` so CI is repeatable; random under test:deep (the seed is printed on failure). */
export const SEED: number | undefined = inject("fcRuns") ? undefined : 20261125;
