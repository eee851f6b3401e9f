/**
 * @module The run's commits: outcomes gathered as sources finish and sent to the StoreWriter every
 * `COMMIT_GROUP_SIZE`, one commit at a time, so an invocation killed mid-run (CPU, a deploy) has
 * kept every source committed before it. The commit carrying the last outcome is the final one.
 */
import { COMMIT_GROUP_SIZE } from "../ingest/budget";
import { addItems, noItems } from "../ingest/item-counts";
import type { CommitResult, SourceOutcome } from "../ingest/run";

export type SendCommit = (outcomes: SourceOutcome[], final: boolean) => Promise<CommitResult>;

export class CommitQueue {
	#pending: SourceOutcome[] = [];
	#received = 0;
	#results: CommitResult[] = [];
	#sending: Promise<void> = Promise.resolve();
	#inFlight = false;
	#failure: { error: unknown } | undefined;

	/**
	 * @param total how many outcomes the run will add; the commit holding the last is final
	 * @param afterCommit called with the count of commits landed so far; a throw there stops the queue (tests simulate a killed run with it)
	 */
	constructor(
		private readonly total: number,
		private readonly send: SendCommit,
		private readonly afterCommit?: (commits: number) => void,
	) {}

	add(outcome: SourceOutcome): void {
		this.#pending.push(outcome);
		this.#received++;
		this.#flush();
	}

	/** Waits for the last commit; rethrows the first failure (nothing was committed after it). */
	async done(): Promise<CommitResult[]> {
		while (this.#inFlight) await this.#sending;
		if (this.#failure) throw this.#failure.error;
		return this.#results;
	}

	/** Sends what is pending when no commit is in flight: a full group, or everything once the last outcome is in. */
	#flush(): void {
		if (this.#inFlight || this.#failure) return;
		const final = this.#received === this.total;
		if (this.#pending.length === 0 || (!final && this.#pending.length < COMMIT_GROUP_SIZE)) return;
		// Everything pending goes, so a slow commit means fewer, larger ones: never more than the budget held back.
		const batch = this.#pending.splice(0);
		this.#inFlight = true;
		this.#sending = (async () => {
			try {
				this.#results.push(await this.send(batch, final));
				this.afterCommit?.(this.#results.length);
			} catch (error) {
				this.#failure = { error };
			} finally {
				this.#inFlight = false;
			}
			this.#flush();
		})();
	}
}

/** The run's commits as one result: the last index written, and writes, items and reports summed in `order`. */
export function mergeCommits(results: readonly CommitResult[], order: readonly string[]): CommitResult | null {
	if (results.length === 0) return null;
	const rank = new Map(order.map((id, i) => [id, i]));
	const items = noItems();
	for (const r of results) addItems(items, r.items);
	return {
		index: results.findLast((r) => r.index !== null)?.index ?? null,
		kvWrites: results.reduce((sum, r) => sum + r.kvWrites, 0),
		items,
		sources: results.flatMap((r) => r.sources).sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0)),
	};
}
