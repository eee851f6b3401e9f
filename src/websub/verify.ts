/**
 * @module The hub's verification of intent (WebSub §5.3), pure: the challenge is echoed only for
 * the topic and mode we asked for, and the answer says what the subscription becomes. A denial
 * (§5.2) for our topic makes it lost.
 */
import type { VerificationQuery } from "../schemas/websub";
import { LEASE_SECONDS, MAX_LEASE_SECONDS, type Subscription } from "./leases";

/** `echo`: answer 200 with this body (the challenge, or empty for a denial we took note of); null: 404. */
export type Verdict = { echo: string | null; next: Subscription | "delete" | "unchanged" };

const NOT_OURS: Verdict = { echo: null, next: "unchanged" };

export function verifyIntent(sub: Subscription | undefined, query: VerificationQuery, nowMs: number): Verdict {
	// Only what we actually sent a request for: a row not yet requested was never asked of any hub.
	if (!sub || sub.requestedAt === null || query["hub.topic"] !== sub.topic) return NOT_OURS;
	const challenge = query["hub.challenge"];
	switch (query["hub.mode"]) {
		case "denied": {
			if (sub.mode !== "subscribe") return NOT_OURS;
			const reason = query["hub.reason"] ? `: ${query["hub.reason"]}` : "";
			return { echo: "", next: { ...sub, state: "lost", lastError: `the hub denied the subscription${reason}` } };
		}
		case "subscribe": {
			if (sub.mode !== "subscribe" || sub.state === "lost" || challenge === undefined) return NOT_OURS;
			const seconds = Math.min(query["hub.lease_seconds"] ?? LEASE_SECONDS, MAX_LEASE_SECONDS);
			return { echo: challenge, next: { ...sub, state: "live", leaseUntil: nowMs + seconds * 1000, lastError: null } };
		}
		case "unsubscribe":
			if (sub.mode !== "unsubscribe" || challenge === undefined) return NOT_OURS;
			return { echo: challenge, next: "delete" };
	}
}
