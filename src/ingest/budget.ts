/**
 * @module One run's budgets as claims: subrequests (the pick, every fetch hop and every commit count
 * against the plan's per-invocation limit) and parse bytes (parsing is the CPU that matters on the
 * free plan). A claim the budget cannot grant now is a deferral, an outcome of its own; a body no
 * run's budget could ever take is a refusal, which the run records as the source's failure.
 *
 * The arithmetic (docs/refresh.md, "Subrequests" and "CPU"):
 * - A run of n sources makes 1 pick call, at least n fetch hops and `commitCalls(n)` commits, one per
 *   `COMMIT_GROUP_SIZE` sources, so an invocation killed mid-run loses only the sources not yet
 *   committed. `sourcesPerRun` is the largest n with 1 + n + ⌈n / 4⌉ + 5 (one redirect chain) ≤ the
 *   budget: 31 of the free plan's 45, using 40 subrequests when nothing redirects.
 * - The commits' slots are held back from the start, so fetch hops can never spend them.
 * - Parse bytes are the body's decoded bytes (what the parser reads), never a compressed
 *   Content-Length. A body is claimed before it is parsed, the first one too, and the bytes
 *   claimed in one run never pass `parseBytesPerRun`.
 */
import type { Deferral, Refusal } from "../schemas/refresh-summary";

/** Null: granted. A deferral: the source waits for the next run, its validators untouched. */
export type Claim<R extends "subrequest_budget" | "parse_budget"> = Deferral<R> | null;

/** A body's claim: granted, deferred to a run with room, or refused because no run has room for it. */
export type BodyVerdict = Claim<"parse_budget"> | Refusal;

/** Parse-byte claims for one source's body, made once its headers are in and again once it is read. */
export type BodyClaim = {
	/**
	 * The fetcher's `admitBody`: a declared length (identity-encoded, so it is the size the parser
	 * will read) is reserved at once, so concurrent fetches don't all download bodies only one fits.
	 */
	admit: (declaredBytes: number | null) => BodyVerdict;
	/** After the read, with the decoded size: the reservation becomes the real claim, or is given back. */
	settle: (bytes: number) => BodyVerdict;
};

/** Sources per StoreWriter commit: small enough that a killed run loses little, large enough to leave room for fetches. */
export const COMMIT_GROUP_SIZE = 4;
/** The pick: the StoreWriter call that leases the run's sources. */
export const PICK_CALLS = 1;

/** The commits a run of `sources` sources makes. */
export function commitCalls(sources: number): number {
	return Math.ceil(sources / COMMIT_GROUP_SIZE);
}

/** How many sources one run may fetch: the largest n with pick + n hops + commits(n) + `spareHops` ≤ the budget. */
export function sourcesFitting(subrequestBudget: number, spareHops: number): number {
	const forSources = subrequestBudget - PICK_CALLS - spareHops;
	// n + ⌈n/g⌉ ≤ room  ⇔  n·(g+1)/g ≤ room  ⇔  n ≤ room·g/(g+1).
	return Math.max(1, Math.floor((forSources * COMMIT_GROUP_SIZE) / (COMMIT_GROUP_SIZE + 1)));
}

const PARSE_BUDGET: Deferral<"parse_budget"> = { kind: "deferred", reason: "parse_budget" };
const SUBREQUEST_BUDGET: Deferral<"subrequest_budget"> = { kind: "deferred", reason: "subrequest_budget" };

export class RunBudget {
	#subrequests = 0;
	#parsedBytes = 0;
	/** Bytes held by declared bodies still downloading. */
	#reservedBytes = 0;
	/** Slots held back for commits not yet made; one until the run says how many it will make. */
	#reservedCommits = 1;

	constructor(private readonly policy: { subrequestBudget: number; parseBytesPerRun: number }) {}

	get subrequests(): number {
		return this.#subrequests;
	}

	/** Decoded bytes handed to the parser so far; never more than `parseBytesPerRun`. */
	get parsedBytes(): number {
		return this.#parsedBytes;
	}

	/** The pick call, made before any claim. */
	countStoreCall(): void {
		this.#subrequests++;
	}

	/** Holds back the slots of the run's `commits` commits, so no fetch hop can take them. */
	reserveCommits(commits: number): void {
		this.#reservedCommits = commits;
	}

	/** A commit call: it spends one of the slots held back for it. */
	countCommit(): void {
		this.#subrequests++;
		this.#reservedCommits = Math.max(0, this.#reservedCommits - 1);
	}

	/** The fetcher's `claimSubrequest`, before each hop. */
	claimSubrequest(): Claim<"subrequest_budget"> {
		if (this.#subrequests + this.#reservedCommits >= this.policy.subrequestBudget) return SUBREQUEST_BUDGET;
		this.#subrequests++;
		return null;
	}

	/** Before a source is fetched: once the parse budget is spent a 200 could not be parsed anyway, so save the subrequest. */
	claimParseRoom(): Claim<"parse_budget"> {
		return this.#parsedBytes + this.#reservedBytes >= this.policy.parseBytesPerRun ? PARSE_BUDGET : null;
	}

	/** One source's body claims; see `BodyClaim`. */
	bodyClaim(): BodyClaim {
		let reserved = 0;
		return {
			admit: (declared) => {
				if (declared === null) return this.claimParseRoom();
				const verdict = this.fits(declared);
				if (verdict === null) {
					reserved = declared;
					this.#reservedBytes += declared;
				}
				return verdict;
			},
			settle: (bytes) => {
				this.#reservedBytes -= reserved;
				reserved = 0;
				const verdict = this.fits(bytes);
				if (verdict === null) this.#parsedBytes += bytes;
				return verdict;
			},
		};
	}

	private fits(bytes: number): BodyVerdict {
		const limit = this.policy.parseBytesPerRun;
		if (bytes > limit) {
			return { kind: "refused", detail: `${bytes} bytes to parse; a run parses at most ${limit}` };
		}
		return this.#parsedBytes + this.#reservedBytes + bytes > limit ? PARSE_BUDGET : null;
	}
}
