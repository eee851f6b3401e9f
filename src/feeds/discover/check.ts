/**
 * @module Checking one candidate URL before it is offered: fetched under the refresh's limits,
 * then decoded and parsed exactly as the refresh would, so an offered feed is one the refresh can read.
 */
import type { SkipReason } from "../../schemas/discovery";
import type { Refusal } from "../../schemas/refresh-summary";
import type { StageError } from "../../schemas/source";
import { type FetchDeferral, fetchFeed } from "../fetch";
import { DEFAULT_MAX_ITEMS, type FeedFormat, parseFeed } from "../index";
import { parseError } from "../parse/errors";

/** The refresh's fetch limits (src/ingest/schedule.ts), passed in so discovery and the refresh agree. */
export type CheckLimits = {
	timeoutMs: number;
	maxBytes: number;
	maxRedirects: number;
	userAgent: string;
	now: Date;
	/** Items parsed from a candidate; the count offered stops here. */
	maxItems?: number;
};

/** A body's parse-byte claim, shaped like the refresh budget's `BodyClaim` so a run can pass its own. */
export type BodyGate = {
	admit: (declaredBytes: number | null) => FetchDeferral | Refusal | null;
	settle: (bytes: number) => FetchDeferral | Refusal | null;
};

/** What a check may spend: each redirect hop claims a subrequest, each body its parse bytes. */
export type CheckBudget = {
	claimSubrequest: () => FetchDeferral | null;
	bodyGate: () => BodyGate;
};

export type FoundFeed = { url: string; title: string | null; format: FeedFormat; itemCount: number };

export type CandidateCheck =
	| { kind: "feed"; feed: FoundFeed }
	| { kind: "rejected"; error: StageError }
	| { kind: "skipped"; reason: SkipReason };

const NO_VALIDATORS = { etag: null, lastModified: null };

/** Fetches and parses `url`; `linkTitle` names the feed when the feed itself has no title. */
export async function checkCandidate(
	url: string,
	limits: CheckLimits,
	budget: CheckBudget,
	linkTitle?: string,
): Promise<CandidateCheck> {
	const gate = budget.bodyGate();
	const fetched = await fetchFeed(url, NO_VALIDATORS, {
		...limits,
		claimSubrequest: budget.claimSubrequest,
		admitBody: gate.admit,
	});
	if (!fetched.ok) {
		const { status: _status, retryAfterSeconds: _retry, ...error } = fetched.error;
		return { kind: "rejected", error };
	}
	const response = fetched.value;
	switch (response.kind) {
		case "deferred":
			return { kind: "skipped", reason: response.reason };
		case "refused":
			return tooCostly(response.detail);
		case "not_modified":
			// Asked without validators, so a 304 is the server's mistake, not a feed.
			return {
				kind: "rejected",
				error: { stage: "fetch", code: "fetch.http_304", detail: "304 to an unconditional GET" },
			};
		case "fetched": {
			const verdict = gate.settle(response.body.byteLength);
			if (verdict?.kind === "refused") return tooCostly(verdict.detail);
			if (verdict) return { kind: "skipped", reason: verdict.reason };
			return readFeed(
				{ url, finalUrl: response.url, body: response.body, contentType: response.contentType },
				limits,
				linkTitle,
			);
		}
	}
}

/** Bytes already in hand (a fetched page, a candidate's body) through the refresh's decode and parse. */
export function readFeed(
	page: { url: string; finalUrl: string; body: Uint8Array; contentType: string | null },
	limits: Pick<CheckLimits, "now" | "maxItems">,
	linkTitle?: string,
): CandidateCheck {
	const parsed = parseFeed({
		body: page.body,
		url: page.finalUrl,
		contentType: page.contentType,
		now: limits.now,
		maxItems: limits.maxItems ?? DEFAULT_MAX_ITEMS,
	});
	if (!parsed.ok) return { kind: "rejected", error: parsed.error };
	const { format, title, items } = parsed.value;
	return { kind: "feed", feed: { url: page.url, title: title ?? linkTitle ?? null, format, itemCount: items.length } };
}

/** The refresh refuses a body larger than a run parses (parse.too_costly): not worth offering. */
function tooCostly(detail: string): CandidateCheck {
	return { kind: "rejected", error: parseError("parse.too_costly", detail) };
}
