/**
 * @module Feed discovery (like Miniflux's subscription finder): the feeds behind a page, each
 * fetched and parsed before it is offered. In order: the URL itself if it is a feed; else the
 * page's `<link rel="alternate">` feeds; else, only when those offered nothing, the well-known paths
 * on the page's origin. Bounded by `DiscoveryBudget`; never throws for anything upstream does.
 */
import type { CandidateVia, CheckedCandidate, DiscoveredFeed, DiscoveryResponse } from "../../schemas/discovery";
import { fetchFeed } from "../fetch";
import { sniff } from "../parse/sniff";
import { DiscoveryBudget } from "./budget";
import { type CandidateCheck, type CheckLimits, checkCandidate, readFeed } from "./check";
import { absolute, findFeedLinks } from "./links";

export type { CheckLimits } from "./check";

/** Where sites that announce nothing usually serve a feed (WordPress, Hugo, Jekyll, Ghost and friends). */
export const WELL_KNOWN_PATHS = ["/feed", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json"] as const;

/** Candidates checked at once: under the 6 connections a Worker may hold open. */
const CONCURRENCY = 4;

export type DiscoverOptions = CheckLimits & { maxParseBytes: number };

type Candidate = { url: string; via: CandidateVia; title?: string };

export async function discoverFeeds(url: string, options: DiscoverOptions): Promise<DiscoveryResponse> {
	const budget = new DiscoveryBudget(options.maxParseBytes);
	const input = absolute(url, url) ?? url;
	const page = await fetchFeed(
		input,
		{ etag: null, lastModified: null },
		{ ...options, claimSubrequest: budget.claimSubrequest },
	);
	if (!page.ok || page.value.kind !== "fetched") {
		const error = page.ok
			? { stage: "fetch", code: "fetch.http_304", detail: "304 to an unconditional GET" }
			: { stage: page.error.stage, code: page.error.code, detail: page.error.detail };
		return {
			url: input,
			feeds: [],
			checked: [{ url: input, via: "input", outcome: "rejected", error }],
			message: `The page could not be fetched: ${error.detail}.`,
		};
	}
	const { body, contentType, url: finalUrl } = page.value;

	// 1. The URL itself, parsed as the refresh would (a huge HTML page is not parsed, only scanned).
	const itself = asFeed({ url: input, finalUrl, body, contentType }, options);
	const checked: CheckedCandidate[] = [entry({ url: input, via: "input" }, itself)];
	if (itself.kind === "feed")
		return { url: input, feeds: [itself.feed], checked, message: "This URL is itself a feed." };

	const seen = new Set([input, absolute(finalUrl, finalUrl) ?? finalUrl]);
	const fresh = (candidates: Candidate[]) => candidates.filter((c) => !seen.has(c.url) && seen.add(c.url));

	// 2. What the page announces, found while streaming its body through HTMLRewriter.
	const links = (await findFeedLinks(body, finalUrl)).map(
		(link): Candidate => ({ url: link.url, via: "link", ...(link.title && { title: link.title }) }),
	);
	const feeds = await checkAll(fresh(links), options, budget, checked);

	// 3. The usual paths, when nothing announced was a working feed.
	if (feeds.length === 0) {
		const origin = new URL(finalUrl).origin;
		const wellKnown = WELL_KNOWN_PATHS.map((path): Candidate => ({ url: `${origin}${path}`, via: "well_known" }));
		feeds.push(...(await checkAll(fresh(wellKnown), options, budget, checked)));
	}
	return { url: input, feeds, checked, message: summary(feeds.length) };
}

/** Checks candidates a few at a time, keeping their order in `checked` and in the feeds returned. */
async function checkAll(
	candidates: Candidate[],
	limits: CheckLimits,
	budget: DiscoveryBudget,
	checked: CheckedCandidate[],
): Promise<DiscoveredFeed[]> {
	// Taken in order, so the first MAX_CANDIDATES overall are the ones fetched.
	const allowed = candidates.map(() => budget.takeCandidate());
	const results: CandidateCheck[] = new Array(candidates.length);
	let next = 0;
	const worker = async () => {
		while (next < candidates.length) {
			const i = next++;
			const candidate = candidates[i] as Candidate;
			results[i] = allowed[i]
				? await checkCandidate(candidate.url, limits, budget, candidate.title)
				: { kind: "skipped", reason: "candidate_limit" };
		}
	};
	await Promise.all(Array.from({ length: Math.min(CONCURRENCY, candidates.length) }, worker));
	const feeds: DiscoveredFeed[] = [];
	candidates.forEach((candidate, i) => {
		const result = results[i] as CandidateCheck;
		checked.push(entry(candidate, result));
		if (result.kind === "feed") feeds.push(result.feed);
	});
	return feeds;
}

/**
 * The page as a feed. A body past the parse limit is not parsed: when it is HTML that is simply
 * "not a feed" (its links are still read), otherwise it is a feed too large for the refresh.
 */
function asFeed(
	page: { url: string; finalUrl: string; body: Uint8Array; contentType: string | null },
	options: DiscoverOptions,
): CandidateCheck {
	if (page.body.byteLength <= options.maxParseBytes) return readFeed(page, options);
	const head = new TextDecoder().decode(page.body.subarray(0, 4096));
	if (sniff(head).kind === "html" || /\bhtml\b/i.test(page.contentType ?? "")) {
		return {
			kind: "rejected",
			error: { stage: "parse", code: "parse.not_a_feed", detail: "an HTML page, not a feed" },
		};
	}
	const detail = `${page.body.byteLength} bytes to parse; a refresh run parses at most ${options.maxParseBytes}`;
	return { kind: "rejected", error: { stage: "parse", code: "parse.too_costly", detail } };
}

function entry(candidate: Candidate, result: CandidateCheck): CheckedCandidate {
	const { url, via } = candidate;
	switch (result.kind) {
		case "feed":
			return { url, via, outcome: "offered" };
		case "rejected":
			return { url, via, outcome: "rejected", error: result.error };
		case "skipped":
			return { url, via, outcome: "skipped", reason: result.reason };
	}
}

function summary(found: number): string {
	if (found === 0) return "No feeds found on this page.";
	return found === 1 ? "Found 1 feed." : `Found ${found} feeds.`;
}
