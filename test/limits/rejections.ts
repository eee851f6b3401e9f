/**
 * @module The harness's record of what it refused, so a failing test says which production rule it
 * crossed (the errors themselves keep production's wording, which names no key).
 */
export type Rejection = { rule: string; op: string; key?: string; detail?: string };

const refused: Rejection[] = [];

export function recordRejection(rejection: Rejection): void {
	refused.push(rejection);
}

/** Everything refused since the last call. */
export function takeRejections(): Rejection[] {
	return refused.splice(0);
}
