/**
 * @module One run's budgets as claims: subrequests (every fetch hop and both StoreWriter calls count
 * against the plan's per-invocation limit) and parse bytes (parsing is the CPU that matters on the
 * free plan). A claim the budget cannot grant is a deferral, an outcome of its own, never an error.
 */
import type { Deferral } from "../schemas/refresh-summary";
import type { RefreshPolicy } from "./schedule";

/** Null: granted. A deferral: the source waits for the next run, its validators untouched. */
export type Claim<R extends "subrequest_budget" | "parse_budget"> = Deferral<R> | null;

/** Parse-byte claims for one source's body, made once its headers are in and again once it is read. */
export type BodyClaim = {
	/** The fetcher's `admitBody`: a declared length claims at once, so concurrent fetches don't all download bodies only one fits. */
	admit: (declaredBytes: number | null) => Claim<"parse_budget">;
	/** After the read: an undeclared body claims its size now; a declared one is charged what it ran over. */
	settle: (bytes: number) => Claim<"parse_budget">;
};

const PARSE_BUDGET: Deferral<"parse_budget"> = { kind: "deferred", reason: "parse_budget" };
const SUBREQUEST_BUDGET: Deferral<"subrequest_budget"> = { kind: "deferred", reason: "subrequest_budget" };

export class RunBudget {
	#subrequests = 0;
	#parsedBytes = 0;

	constructor(private readonly policy: Pick<RefreshPolicy, "subrequestBudget" | "parseBytesPerRun">) {}

	get subrequests(): number {
		return this.#subrequests;
	}

	get parsedBytes(): number {
		return this.#parsedBytes;
	}

	/** A StoreWriter call: always made, so one slot for the commit is kept back from the fetches. */
	countStoreCall(): void {
		this.#subrequests++;
	}

	/** The fetcher's `claimSubrequest`, before each hop. */
	claimSubrequest(): Claim<"subrequest_budget"> {
		if (this.#subrequests >= this.policy.subrequestBudget - 1) return SUBREQUEST_BUDGET;
		this.#subrequests++;
		return null;
	}

	/** Before a source is fetched: once the parse budget is spent a 200 could not be parsed anyway, so save the subrequest. */
	claimParseRoom(): Claim<"parse_budget"> {
		return this.#parsedBytes >= this.policy.parseBytesPerRun ? PARSE_BUDGET : null;
	}

	/** One source's body claims; see `BodyClaim`. */
	bodyClaim(): BodyClaim {
		let claimed: number | null = null;
		return {
			admit: (declared) => {
				if (declared === null) return this.claimParseRoom();
				const claim = this.claimParseBytes(declared);
				if (claim === null) claimed = declared;
				return claim;
			},
			settle: (bytes) => {
				if (claimed === null) return this.claimParseBytes(bytes);
				// A body larger than it declared (decompressed, say) still cost what it cost.
				this.#parsedBytes += Math.max(0, bytes - claimed);
				return null;
			},
		};
	}

	/** The first body is always taken, however large, so one big feed still gets parsed in some run. */
	private claimParseBytes(bytes: number): Claim<"parse_budget"> {
		if (this.#parsedBytes > 0 && this.#parsedBytes + bytes > this.policy.parseBytesPerRun) return PARSE_BUDGET;
		this.#parsedBytes += bytes;
		return null;
	}
}
