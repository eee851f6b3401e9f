/**
 * @module The harness's record of what it refused, so a failing test says which production rule it
 * crossed (the errors themselves keep production's wording, which names no key).
 */
export type Rejection = { rule: string; op: string; key?: string; detail?: string; at?: string };

const refused: Rejection[] = [];

/** The first frame outside the harness, e.g. `src/store/projection.ts:69`: tells the app's writes from a test's own. */
function caller(): string | undefined {
	for (const line of (new Error().stack ?? "").split("\n").slice(1)) {
		const frame = /((?:src|functions|test)\/[^\s:()]+):(\d+):\d+/.exec(line);
		if (frame && !frame[1]!.startsWith("test/limits/")) return `${frame[1]}:${frame[2]}`;
	}
	return undefined;
}

export function recordRejection(rejection: Omit<Rejection, "at">): void {
	refused.push({ ...rejection, at: caller() });
}

/** Everything refused since the last call. */
export function takeRejections(): Rejection[] {
	return refused.splice(0);
}
