/**
 * @module What one discovery may spend: a request to an admin route has the same 50 subrequests
 * per invocation as a cron run (free plan), and parses under the refresh's CPU rule, so a page
 * linking to a hundred feeds costs no more than one linking to eight.
 */
import type { FetchDeferral } from "../fetch";
import type { BodyGate, CheckBudget } from "./check";

/** Every hop of the page and of its candidates, redirects included: well under the plan's 50. */
export const DISCOVERY_SUBREQUESTS = 20;
/** Candidates fetched besides the page itself; later ones are reported as skipped. */
export const MAX_CANDIDATES = 8;

const SPENT: FetchDeferral = { kind: "deferred", reason: "subrequest_budget" };

export class DiscoveryBudget implements CheckBudget {
	#subrequests = 0;
	#candidates = 0;

	/** `maxParseBytes`: the refresh's parse bytes per run; a feed larger than that the refresh refuses, so it is refused here too. */
	constructor(private readonly maxParseBytes: number) {}

	get subrequests(): number {
		return this.#subrequests;
	}

	readonly claimSubrequest = (): FetchDeferral | null => {
		if (this.#subrequests >= DISCOVERY_SUBREQUESTS) return SPENT;
		this.#subrequests++;
		return null;
	};

	/** One of the `MAX_CANDIDATES`: false once they are all taken. */
	takeCandidate(): boolean {
		if (this.#candidates >= MAX_CANDIDATES) return false;
		this.#candidates++;
		return true;
	}

	readonly bodyGate = (): BodyGate => {
		const limit = this.maxParseBytes;
		const check = (bytes: number | null) =>
			bytes !== null && bytes > limit
				? { kind: "refused" as const, detail: `${bytes} bytes to parse; a refresh run parses at most ${limit}` }
				: null;
		return { admit: check, settle: check };
	};
}
