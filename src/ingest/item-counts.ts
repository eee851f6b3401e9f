/** @module Counting what became of a run's items: one source's counts, and the sum over sources and commits. */
import type { ItemCounts } from "../schemas/refresh-summary";

type Optional = "tombstoned" | "duplicate" | "held" | "blocked";

export function noItems(): ItemCounts {
	return { new: 0, updated: 0, unchanged: 0, dropped: 0 };
}

/** Counts one more item under `kind`; the optional kinds appear only once they are not zero. */
export function countItem(counts: ItemCounts, kind: keyof ItemCounts): void {
	counts[kind] = (counts[kind] ?? 0) + 1;
}

/** Adds `more` into `total`, keeping the optional kinds absent while they are zero. */
export function addItems(total: ItemCounts, more: ItemCounts): ItemCounts {
	total.new += more.new;
	total.updated += more.updated;
	total.unchanged += more.unchanged;
	total.dropped += more.dropped;
	for (const kind of ["tombstoned", "duplicate", "held", "blocked"] as const satisfies Optional[]) {
		const n = more[kind] ?? 0;
		if (n > 0) total[kind] = (total[kind] ?? 0) + n;
	}
	return total;
}
