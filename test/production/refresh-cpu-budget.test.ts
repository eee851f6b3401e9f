// Production's 10 ms of CPU per invocation (free plan): the parse budget counts the bytes the parser
// reads, decoded, never a gzip body's Content-Length; the first body counts like any other, and one
// no run could parse fails (parse.too_costly) and backs off instead of stalling the queue. A run
// commits every few sources, so one killed mid-way keeps what it committed and the next run goes on.
import { reset, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { keys } from "../../src/kv/keys";
import { refresh } from "../../src/refresh";
import type { SourceConfig } from "../../src/schemas/source";
import { storeWriter } from "../../src/store/stub";
import type { StoreWriter } from "../../src/store/writer";
import { builders } from "../fixtures/feeds";
import { sourceState, storedSources } from "../refresh-helpers";
import { feed, gzipFeed, type UpstreamHandler, useUpstream } from "../upstream";

const upstream = useUpstream();
const NOW = new Date();

beforeEach(async () => {
	await reset();
});

function source(id: string): SourceConfig {
	return { id, url: `https://${id}.example/feed`, name: `Source ${id}` };
}

/** A feed of `paragraphs` repeated sentences: highly compressible, as real HTML bodies are. */
function feedOf(id: string, paragraphs: number): string {
	const content = "<p>The harbour master said the cranes would be back by spring.</p>".repeat(paragraphs);
	return builders.rss(`Source ${id}`, `https://${id}.example/`, [
		{
			guid: `${id}-1`,
			title: `News from ${id}`,
			link: `https://${id}.example/1`,
			pubDate: builders.pubDate(5),
			content,
		},
	]);
}

const utf8 = (text: string) => new TextEncoder().encode(text).byteLength;

/** A plain 200 with no Content-Length: its size is known only once read. */
function chunked(body: string): UpstreamHandler {
	return () => new Response(new Blob([body]).stream(), { headers: { "content-type": "application/rss+xml" } });
}

describe("production: the refresh's CPU budget", () => {
	it("Should never parse more decoded bytes in a run than its budget, gzip bodies included, and serve every feed over the next runs", async () => {
		// Six feeds of about 20 KiB each, decoded: gzip (a Content-Length of ~1 KiB), plain with a
		// length, and plain without one. The budget takes two of them per run.
		const ids = ["gz-a", "gz-b", "gz-c", "plain-a", "plain-b", "chunked-a"];
		const bodies = new Map(ids.map((id) => [id, feedOf(id, 300)]));
		for (const id of ids) {
			const body = bodies.get(id) ?? "";
			const handler = id.startsWith("gz-")
				? gzipFeed(body, "application/rss+xml")
				: id.startsWith("plain-")
					? feed(body, "application/rss+xml", { "content-length": String(utf8(body)) })
					: chunked(body);
			upstream.on(source(id).url, handler);
		}
		await storeWriter(env).putSources(ids.map(source), NOW.toISOString());
		const budget = Math.max(...[...bodies.values()].map(utf8)) * 2 + 100;

		const served = new Set<string>();
		for (let run = 0; run < 4 && served.size < ids.length; run++) {
			const summary = await refresh(env, { now: NOW, force: false, policy: { parseBytesPerRun: budget } });
			const fetched = summary.results.filter((r) => r.outcome === "fetched").map((r) => r.id);
			// What the parser was handed, counted from the bodies themselves, not from the budget's own tally.
			const decoded = fetched.reduce((sum, id) => sum + utf8(bodies.get(id) ?? ""), 0);
			expect(decoded, `run ${run}: ${fetched.join(", ")}`).toBeLessThanOrEqual(budget);
			expect(summary.parsedBytes).toBe(decoded);
			expect(fetched.length).toBeGreaterThan(0);
			for (const id of fetched) served.add(id);
			expect(summary.failed).toBe(0);
		}
		expect([...served].sort()).toEqual([...ids].sort());
	});

	it("Should fail a body larger than the whole budget as parse.too_costly, back it off, and serve the others", async () => {
		const huge = feedOf("huge", 2000);
		upstream.on(source("huge").url, gzipFeed(huge, "application/rss+xml"));
		upstream.on(source("small").url, feed(feedOf("small", 2), "application/rss+xml"));
		await storeWriter(env).putSources([source("huge"), source("small")], NOW.toISOString());

		const budget = 64 * 1024;
		expect(utf8(huge)).toBeGreaterThan(budget);
		const summary = await refresh(env, { now: NOW, force: false, policy: { parseBytesPerRun: budget } });
		expect(summary).toMatchObject({ fetched: 1, failed: 1, deferred: 0, itemsNew: 1 });
		expect(summary.parsedBytes).toBeLessThanOrEqual(budget);
		expect(summary.results.find((r) => r.id === "huge")).toEqual({
			id: "huge",
			outcome: "failed",
			error: {
				stage: "parse",
				code: "parse.too_costly",
				detail: `${utf8(huge)} bytes to parse; a run parses at most ${budget}`,
			},
			consecutiveFailures: 1,
			nextDueAt: new Date(NOW.getTime() + 20 * 60_000).toISOString(),
			items: { new: 0, updated: 0, unchanged: 0, dropped: 0 },
		});

		// Backed off like any failing feed: the next run, ten minutes on, does not fetch it first again.
		upstream.clearRequests();
		const next = await refresh(env, {
			now: new Date(NOW.getTime() + 10 * 60_000),
			force: false,
			policy: { parseBytesPerRun: budget },
		});
		expect(next.skippedBy.notDue).toContain("huge");
		expect(upstream.requestsTo(source("huge").url)).toEqual([]);
	});

	it("Should keep what a killed run committed, and have the next run pick up the sources it lost", async () => {
		const ids = Array.from({ length: 8 }, (_, i) => `k${i}`);
		for (const id of ids) upstream.on(source(id).url, feed(feedOf(id, 1), "application/rss+xml"));
		await storeWriter(env).putSources(ids.map(source), NOW.toISOString());

		// The invocation dies right after its first commit lands (as one killed for CPU would).
		const killed = refresh(env, {
			now: NOW,
			force: false,
			afterCommit: () => {
				throw new Error("exceeded CPU time limit");
			},
		});
		await expect(killed).rejects.toThrow("exceeded CPU time limit");

		// The first commit (four sources) is stored: articles in KV, listed in the index.
		const stored = new Set<string>();
		for (const id of ids) if (await env.NEWS.get(keys.article(`news-from-${id}`))) stored.add(id);
		expect(stored.size).toBe(4);
		const lost = ids.filter((id) => !stored.has(id));

		// The lost sources' leases end within the run's lease time: until then an overlapping run skips them.
		const writer = storeWriter(env);
		const leases = await runInDurableObject(writer, (_: StoreWriter, state: DurableObjectState) =>
			state.storage.sql
				.exec<{ source_id: string; until: number }>("SELECT source_id, until FROM refresh_leases ORDER BY source_id")
				.toArray(),
		);
		expect(leases.map((l) => l.source_id)).toEqual(lost);
		// 10 s × (⌈31 / 6⌉ + 1) + 60 s: a killed run's leases are gone long before the next cron.
		for (const { until } of leases) expect(until).toBeLessThanOrEqual(Date.now() + 130_000);
		const overlapping = await refresh(env, { now: new Date(NOW.getTime() + 60_000), force: false });
		expect(overlapping.skippedBy.inFlight.sort()).toEqual(lost);
		expect(overlapping.skippedBy.notDue.sort()).toEqual([...stored].sort());

		// Once they have run out, the next run serves exactly the sources the killed one lost.
		await runInDurableObject(writer, (_: StoreWriter, state: DurableObjectState) => {
			state.storage.sql.exec("UPDATE refresh_leases SET until = ?", Date.now() - 1);
		});
		upstream.clearRequests();
		const later = new Date(NOW.getTime() + 2 * 60_000);
		const next = await refresh(env, { now: later, force: false });
		expect(next).toMatchObject({ fetched: 4, itemsNew: 4, failed: 0 });
		expect(next.results.map((r) => r.id).sort()).toEqual(lost);
		for (const id of ids) {
			const state = await sourceState(id);
			expect(state.lastFetchedAt, id).toBe(stored.has(id) ? NOW.toISOString() : later.toISOString());
		}
		expect((await storedSources()).sources.every((s) => s.itemCount === 1)).toBe(true);
	});
});
