/**
 * @module A WebSub subscription's life, pure (every function takes the time): when the run sends
 * (or resends) its request to the hub, and when it lapses for want of the hub's word. A lost
 * subscription changes nothing but the schedule: its source is polled as before.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What we ask the hub for: a week, so a lease outlives a few missed runs but a dead hub is noticed within days. */
export const LEASE_SECONDS = 7 * 86_400;
/** The lease is renewed once less than this is left, so a renewal refused once still has days to be retried. */
export const RENEW_BEFORE_MS = DAY;
/** A request the hub never verified is lost after this (WebSub §5.3: verification may come later, but not this late). */
export const VERIFY_WITHIN_MS = HOUR;
/** A lost subscription is asked for again after this, so a hub that was down gets another chance, but not every run. */
export const RETRY_LOST_MS = DAY;
/** The longest lease a hub's answer is believed for: past it we renew anyway. */
export const MAX_LEASE_SECONDS = 366 * 86_400;

/** `pending`: asked for, not verified yet; `live`: verified, lease running; `lost`: denied, expired or failed. */
export type SubscriptionState = "pending" | "live" | "lost";
/** What we last asked the hub: to subscribe, or (the source gone or no longer declaring the hub) to unsubscribe. */
export type SubscriptionMode = "subscribe" | "unsubscribe";

export type Subscription = {
	sourceId: string;
	hub: string;
	topic: string;
	/** The unguessable last path segment of our callback URL: 128 random bits, hex. */
	callbackId: string;
	/** The `hub.secret` the hub signs pushed content with. */
	secret: string;
	mode: SubscriptionMode;
	state: SubscriptionState;
	/** When the verified lease ends (ms); null before any verification. */
	leaseUntil: number | null;
	/** When the last request went to the hub (ms); null: not sent yet. */
	requestedAt: number | null;
	/** Why it was lost, or the hub's last refusal. */
	lastError: string | null;
};

/** The row as time alone leaves it: an expired lease or an unverified request is lost. */
export function lapse(sub: Subscription, nowMs: number): Subscription {
	if (sub.mode !== "subscribe") return sub;
	if (sub.state === "live" && sub.leaseUntil !== null && sub.leaseUntil <= nowMs) {
		return { ...sub, state: "lost", lastError: "the lease expired without a renewal" };
	}
	if (sub.state === "pending" && sub.requestedAt !== null && sub.requestedAt + VERIFY_WITHIN_MS <= nowMs) {
		return { ...sub, state: "lost", lastError: "the hub never verified the request" };
	}
	return sub;
}

/** Whether the run should send this subscription's request now (a first request, a renewal, a retry, an unsubscribe). */
export function needsRequest(sub: Subscription, nowMs: number): boolean {
	if (sub.requestedAt === null) return true;
	if (sub.mode === "unsubscribe") return false;
	// A renewal waits an hour for its verification before it is sent again.
	if (sub.state === "live") {
		const renewing = sub.leaseUntil !== null && sub.leaseUntil - nowMs < RENEW_BEFORE_MS;
		return renewing && sub.requestedAt + VERIFY_WITHIN_MS <= nowMs;
	}
	if (sub.state === "lost") return sub.requestedAt + RETRY_LOST_MS <= nowMs;
	return false;
}

/** Sent: a first request waits for verification; a renewal keeps its live lease until the hub verifies again. */
export function requested(sub: Subscription, nowMs: number): Subscription {
	const state = sub.mode === "subscribe" && sub.state === "live" ? "live" : "pending";
	return { ...sub, state, requestedAt: nowMs };
}

/** The hub refused or could not be reached: a live lease runs on (the next run retries), anything else is lost. */
export function refused(sub: Subscription, error: string): Subscription {
	return sub.state === "live" ? { ...sub, lastError: error } : { ...sub, state: "lost", lastError: error };
}

/** One request the run sends to a hub (WebSub §5.1), as the StoreWriter hands it out. */
export type HubRequest = {
	sourceId: string;
	hub: string;
	topic: string;
	callbackId: string;
	mode: SubscriptionMode;
	/** Sent only with `subscribe`. */
	secret: string;
};
