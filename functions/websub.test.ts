// WebSub push end to end: a fetched feed that declares a hub is subscribed to, the hub's verification
// is answered only for what we asked, signed pushes land on the site within the request, leases are
// renewed by the cron and a lost subscription falls back to polling. Hubs and feeds are mocked at
// the outbound fetch only; SITE_URL (and WEBSUB_HUB) are set per test through the env passed in.
import { createExecutionContext, reset, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Bindings } from "../src/env";
import { refresh } from "../src/refresh";
import type { SourceConfig } from "../src/schemas/source";
import { storeWriter } from "../src/store/stub";
import { LEASE_SECONDS } from "../src/websub/leases";
import { type SignatureMethod, sign } from "../src/websub/signature";
import { adminHeaders, ORIGIN } from "../test/helpers";
import { sourceState } from "../test/refresh-helpers";
import { feed, useUpstream } from "../test/upstream";
import { app } from "./index";
import { scheduled } from "./scheduled";

const upstream = useUpstream();

const SITE = "https://news.example";
const HUB = "https://hub.example/";
const FEED = "https://pushy.example/feed.xml";
const TOPIC = "https://pushy.example/topic.xml";
const MINUTE = 60_000;

const pushEnv = (extra: Partial<Bindings> = {}): Bindings => ({ ...env, SITE_URL: SITE, ...extra });

const SOURCE: SourceConfig = { id: "pushy", url: FEED, name: "Pushy", section: "World" };

beforeEach(async () => {
	await reset();
});

/** A request through the app with `bindings`, its waitUntil work finished before it returns. */
async function call(path: string, init: RequestInit = {}, bindings = pushEnv()): Promise<Response> {
	const ctx = createExecutionContext();
	const response = await app.fetch(new Request(`${ORIGIN}${path}`, init), bindings, ctx);
	await waitOnExecutionContext(ctx);
	return response;
}

type Entry = { id: string; title: string };

function atom(entries: Entry[], links = `<link rel="self" href="${TOPIC}"/><link rel="hub" href="${HUB}"/>`): string {
	const updated = new Date(Date.now() - 5 * MINUTE).toISOString();
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Pushy</title><id>urn:pushy</id><updated>${updated}</updated>
<link href="https://pushy.example/"/>${links}
${entries.map((e) => `<entry><id>urn:pushy:${e.id}</id><title>${e.title}</title><link href="https://pushy.example/${e.id}"/><updated>${updated}</updated></entry>`).join("\n")}
</feed>`;
}

/** A form body as the hub reads it. */
async function readForm(request: Request): Promise<URLSearchParams> {
	return new URLSearchParams(new TextDecoder().decode(await request.arrayBuffer()));
}

/** The hub: records each form it is sent and answers 202 (or `status`). */
function hub(status = 202): URLSearchParams[] {
	const forms: URLSearchParams[] = [];
	upstream.on(HUB, async (request) => {
		forms.push(await readForm(request));
		return new Response(null, { status });
	});
	return forms;
}

/** The source configured, its feed fetched once by a refresh at `now`, and the hub's forms so far. */
async function subscribed(now: Date, hubStatus = 202): Promise<{ form: URLSearchParams; forms: URLSearchParams[] }> {
	await storeWriter(env).putSources([SOURCE], now.toISOString());
	upstream.on(FEED, feed(atom([{ id: "1", title: "First polled story" }]), "application/atom+xml"));
	const forms = hub(hubStatus);
	await refresh(pushEnv(), { now, force: false });
	const form = forms[0];
	if (!form) throw new Error("no subscription request reached the hub");
	return { form, forms };
}

function callbackPath(form: URLSearchParams): string {
	return new URL(form.get("hub.callback") ?? "").pathname;
}

function verify(form: URLSearchParams, query: Record<string, string>, bindings = pushEnv()): Promise<Response> {
	return call(`${callbackPath(form)}?${new URLSearchParams(query)}`, {}, bindings);
}

async function live(form: URLSearchParams, leaseSeconds = 86_400): Promise<void> {
	const answer = await verify(form, {
		"hub.mode": "subscribe",
		"hub.topic": TOPIC,
		"hub.challenge": "live-now",
		"hub.lease_seconds": String(leaseSeconds),
	});
	expect(await answer.text()).toBe("live-now");
}

async function push(form: URLSearchParams, body: string, signature: string | null, bindings = pushEnv()) {
	const headers: Record<string, string> = { "content-type": "application/atom+xml" };
	if (signature !== null) headers["x-hub-signature"] = signature;
	return call(callbackPath(form), { method: "POST", headers, body }, bindings);
}

async function headlineTitles(): Promise<string[]> {
	const response = await call("/api/headlines?limit=100");
	const body = (await response.json()) as { headlines: { title: string }[] };
	return body.headlines.map((h) => h.title);
}

async function subscription() {
	const [sub] = await storeWriter(env).websubSubscriptions();
	return sub;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("WebSub subscribe", () => {
	it("Should subscribe to the hub a fetched feed declares, with a callback of its own per source and a secret", async () => {
		const now = new Date();
		const { form, forms } = await subscribed(now);

		expect(forms).toHaveLength(1);
		expect(upstream.requestsTo(HUB)[0]).toMatchObject({
			method: "POST",
			headers: { "content-type": "application/x-www-form-urlencoded" },
		});
		expect(form.get("hub.mode")).toBe("subscribe");
		expect(form.get("hub.topic")).toBe(TOPIC);
		expect(form.get("hub.callback")).toMatch(/^https:\/\/news\.example\/websub\/[0-9a-f]{32}$/);
		expect(form.get("hub.secret")).toMatch(/^[0-9a-f]{64}$/);
		expect(form.get("hub.lease_seconds")).toBe(String(LEASE_SECONDS));
		expect(await subscription()).toMatchObject({ sourceId: "pushy", hub: HUB, topic: TOPIC, state: "pending" });

		// Asked once: the next run, the hub not having verified yet, sends nothing more.
		await refresh(pushEnv(), { now: new Date(now.getTime() + 11 * MINUTE), force: false });
		expect(forms).toHaveLength(1);
	});

	it("Should find the hub in a Link header, which wins over the document, and fall back to the source URL as topic", async () => {
		await storeWriter(env).putSources([SOURCE], new Date().toISOString());
		upstream.on(
			FEED,
			feed(atom([{ id: "1", title: "Linked" }], ""), "application/atom+xml", { link: `<${HUB}>; rel="hub"` }),
		);
		const forms = hub();
		await refresh(pushEnv(), { now: new Date(), force: false });
		expect(forms[0]?.get("hub.topic")).toBe(FEED);
	});

	it("Should leave push off without SITE_URL: no hub request, and the callback route is a 404", async () => {
		await storeWriter(env).putSources([SOURCE], new Date().toISOString());
		upstream.on(FEED, feed(atom([{ id: "1", title: "Polled only" }]), "application/atom+xml"));
		const forms = hub();
		const summary = await refresh(env, { now: new Date(), force: false });
		expect(summary.fetched).toBe(1);
		expect(forms).toEqual([]);
		const off = await call(`/websub/${"a".repeat(32)}?hub.mode=subscribe&hub.topic=x&hub.challenge=c`, {}, env);
		expect(off.status).toBe(404);
	});

	it("Should count the hub request against the run's subrequest budget", async () => {
		const now = new Date();
		await storeWriter(env).putSources([SOURCE], now.toISOString());
		upstream.on(FEED, feed(atom([{ id: "1", title: "Counted" }]), "application/atom+xml"));
		hub();
		const summary = await refresh(pushEnv(), { now, force: false });
		// The pick, the fetch, the commit, the StoreWriter's hub step and the hub request.
		expect(summary.subrequests).toBe(5);
	});
});

describe("WebSub verification of intent", () => {
	it("Should echo the challenge as text only for the topic and mode we asked for, and 404 anything else", async () => {
		const { form } = await subscribed(new Date());
		const base = { "hub.mode": "subscribe", "hub.topic": TOPIC, "hub.challenge": "c-123" };

		for (const query of [
			{ ...base, "hub.topic": "https://elsewhere.example/feed" },
			{ ...base, "hub.mode": "unsubscribe" },
			{ "hub.mode": "subscribe", "hub.topic": TOPIC },
			{ ...base, "hub.lease_seconds": "soon" },
		]) {
			expect((await verify(form, query)).status, JSON.stringify(query)).toBe(404);
		}
		const unknown = await call(`/websub/${"0".repeat(32)}?${new URLSearchParams(base)}`);
		expect(unknown.status).toBe(404);
		expect((await call(`/websub/not-an-id?${new URLSearchParams(base)}`)).status).toBe(404);
		expect(await subscription()).toMatchObject({ state: "pending" });

		const answer = await verify(form, { ...base, "hub.lease_seconds": "86400" });
		expect(answer.status).toBe(200);
		expect(answer.headers.get("content-type")).toMatch(/^text\/plain/);
		expect(answer.headers.get("cache-control")).toBe("no-store");
		expect(await answer.text()).toBe("c-123");
		const sub = await subscription();
		expect(sub).toMatchObject({ state: "live", lastError: null });
		expect(sub?.leaseUntil).toBeGreaterThan(Date.now() + 86_000_000);
		expect(sub?.leaseUntil).toBeLessThanOrEqual(Date.now() + 86_400_000);
	});

	it("Should record a denial for our topic as lost, and keep polling the source as before", async () => {
		const now = new Date();
		const { form } = await subscribed(now);
		const denied = await verify(form, { "hub.mode": "denied", "hub.topic": TOPIC, "hub.reason": "not allowed" });
		expect(denied.status).toBe(200);
		expect(await subscription()).toMatchObject({
			state: "lost",
			lastError: expect.stringMatching(/denied.*not allowed/),
		});
		// Lost: a late verification is not echoed.
		const late = await verify(form, { "hub.mode": "subscribe", "hub.topic": TOPIC, "hub.challenge": "late" });
		expect(late.status).toBe(404);

		const next = await refresh(pushEnv(), { now: new Date(now.getTime() + 11 * MINUTE), force: false });
		expect(next.fetched).toBe(1);
	});
});

describe("WebSub content distribution", () => {
	const pushed = atom([
		{ id: "1", title: "First polled story" },
		{ id: "2", title: "Pushed within seconds" },
	]);

	it("Should ingest a signed push within the request: the story is in /api/headlines when the hub hears back", async () => {
		const { form } = await subscribed(new Date());
		await live(form);
		const secret = form.get("hub.secret") ?? "";

		const answer = await push(form, pushed, await sign(secret, bytes(pushed), "sha256"));
		expect(answer.status).toBe(200);
		expect(await headlineTitles()).toContain("Pushed within seconds");
		// The push keeps the source's validators for its next conditional GET, and counts as its latest news.
		expect(await sourceState("pushy")).toMatchObject({ itemCount: 2, lastError: null });
	});

	it.each<SignatureMethod>(["sha1", "sha256", "sha384", "sha512"])(
		"Should accept a body signed with %s",
		async (method) => {
			const { form } = await subscribed(new Date());
			await live(form);
			const body = atom([{ id: `m-${method}`, title: `Signed with ${method}` }]);
			const answer = await push(form, body, await sign(form.get("hub.secret") ?? "", bytes(body), method));
			expect(answer.status).toBe(200);
			expect(await headlineTitles()).toContain(`Signed with ${method}`);
		},
	);

	it("Should ignore a push with a wrong, forged, missing or unknown-method signature: 2xx, nothing stored", async () => {
		const { form } = await subscribed(new Date());
		await live(form);
		const secret = form.get("hub.secret") ?? "";
		const body = atom([{ id: "forged", title: "Forged story" }]);
		const signatures = [
			await sign("not-the-secret", bytes(body)),
			// Signed over other bytes than those sent.
			await sign(secret, bytes(`${body} `)),
			(await sign(secret, bytes(body))).replace(/.$/, (c) => (c === "0" ? "1" : "0")),
			`md5=${"0".repeat(32)}`,
			"sha256=zz",
			null,
		];
		for (const signature of signatures) {
			const answer = await push(form, body, signature);
			expect(answer.status, String(signature)).toBe(202);
		}
		expect(await headlineTitles()).not.toContain("Forged story");
	});

	it("Should answer 404 to an unknown callback and 413 to a body over the feed size cap", async () => {
		const { form } = await subscribed(new Date());
		await live(form);
		const body = atom([{ id: "x", title: "Nobody's" }]);
		const unknown = await call(`/websub/${"f".repeat(32)}`, {
			method: "POST",
			headers: { "x-hub-signature": await sign("x", bytes(body)) },
			body,
		});
		expect(unknown.status).toBe(404);

		const big = atom([{ id: "big", title: `Big ${"x".repeat(4096)}` }]);
		const signature = await sign(form.get("hub.secret") ?? "", bytes(big));
		const tooLarge = await push(form, big, signature, pushEnv({ REFRESH_MAX_FEED_BYTES: "2048" }));
		expect(tooLarge.status).toBe(413);
		expect(await headlineTitles()).not.toContain(`Big ${"x".repeat(4096)}`);
	});

	it("Should hold a pushed body to the run's parse-byte budget, as a fetched one is", async () => {
		const { form } = await subscribed(new Date());
		await live(form);
		const body = atom([{ id: "costly", title: `Costly ${"y".repeat(2048)}` }]);
		const answer = await push(
			form,
			body,
			await sign(form.get("hub.secret") ?? "", bytes(body)),
			pushEnv({ REFRESH_PARSE_BYTES_PER_RUN: "1024" }),
		);
		expect(answer.status).toBe(202);
		expect((await headlineTitles()).some((t) => t.startsWith("Costly"))).toBe(false);
	});
});

describe("WebSub leases and polling", () => {
	it("Should slow polling of a source to hourly while its subscription is live", async () => {
		const now = new Date();
		const { form } = await subscribed(now);
		await live(form, 7 * 86_400);
		upstream.clearRequests();

		const soon = await refresh(pushEnv(), { now: new Date(now.getTime() + 11 * MINUTE), force: false });
		expect(soon.fetched).toBe(0);
		expect(soon.skippedBy.notDue).toEqual(["pushy"]);
		const later = await refresh(pushEnv(), { now: new Date(now.getTime() + 61 * MINUTE), force: false });
		expect(later.fetched).toBe(1);
		expect(upstream.requestsTo(FEED)).toHaveLength(1);
	});

	it("Should renew a lease from the cron before it runs out, with the same callback and secret", async () => {
		const now = new Date();
		const { form, forms } = await subscribed(now);
		await live(form, 86_400);

		const ctx = createExecutionContext();
		const at = new Date(now.getTime() + 2 * 60 * MINUTE);
		await scheduled({ scheduledTime: at.getTime(), cron: "*/10 * * * *", noRetry() {} }, pushEnv(), ctx);
		await waitOnExecutionContext(ctx);

		expect(forms).toHaveLength(2);
		const renewal = forms[1];
		expect(renewal?.get("hub.mode")).toBe("subscribe");
		expect(renewal?.get("hub.callback")).toBe(form.get("hub.callback"));
		expect(renewal?.get("hub.secret")).toBe(form.get("hub.secret"));
		// Still live while the hub verifies the renewal; its verification extends the lease.
		expect(await subscription()).toMatchObject({ state: "live" });
		await live(form, 7 * 86_400);
		expect((await subscription())?.leaseUntil).toBeGreaterThan(Date.now() + 6 * 86_400_000);
	});

	it("Should treat a lease that ran out as lost, and poll the source as before", async () => {
		const now = new Date();
		const { form, forms } = await subscribed(now);
		await live(form, 60);
		upstream.clearRequests();

		const next = await refresh(pushEnv(), { now: new Date(now.getTime() + 11 * MINUTE), force: false });
		expect(next.fetched).toBe(1);
		expect(await subscription()).toMatchObject({ state: "lost", lastError: expect.stringMatching(/lease expired/) });
		// Asked again only after a day, not every run.
		expect(forms).toHaveLength(1);
		await refresh(pushEnv(), { now: new Date(now.getTime() + 25 * 60 * MINUTE), force: false });
		expect(forms).toHaveLength(2);
		expect(await subscription()).toMatchObject({ state: "pending" });
	});

	it("Should record a hub that refuses the request as lost, and keep polling", async () => {
		const now = new Date();
		await subscribed(now, 500);
		expect(await subscription()).toMatchObject({ state: "lost", lastError: expect.stringMatching(/500/) });
		const next = await refresh(pushEnv(), { now: new Date(now.getTime() + 11 * MINUTE), force: false });
		expect(next.fetched).toBe(1);
	});

	it("Should unsubscribe when the source is removed, and answer later pushes with 410", async () => {
		const now = new Date();
		const { form, forms } = await subscribed(now);
		await live(form);
		await storeWriter(env).putSources([], now.toISOString());

		await refresh(pushEnv(), { now: new Date(now.getTime() + 11 * MINUTE), force: false });
		const unsubscribe = forms[1];
		expect(unsubscribe?.get("hub.mode")).toBe("unsubscribe");
		expect(unsubscribe?.get("hub.callback")).toBe(form.get("hub.callback"));
		expect(unsubscribe?.has("hub.secret")).toBe(false);

		const body = atom([{ id: "after", title: "After removal" }]);
		expect((await push(form, body, await sign(form.get("hub.secret") ?? "", bytes(body)))).status).toBe(410);
		const confirmed = await verify(form, { "hub.mode": "unsubscribe", "hub.topic": TOPIC, "hub.challenge": "bye" });
		expect(await confirmed.text()).toBe("bye");
		expect(await storeWriter(env).websubSubscriptions()).toEqual([]);
	});
});

describe("WebSub publishing: our own hub", () => {
	const OUR_HUB = "https://our-hub.example/";
	const publishEnv = () => pushEnv({ WEBSUB_HUB: OUR_HUB });

	function ourHub(): URLSearchParams[] {
		const pings: URLSearchParams[] = [];
		upstream.on(OUR_HUB, async (request) => {
			pings.push(await readForm(request));
			return new Response(null, { status: 204 });
		});
		return pings;
	}

	const article = (section: string) =>
		JSON.stringify({ title: `A ${section} story`, section, publishedAt: new Date().toISOString(), body: "Text." });

	it("Should ping the hub after an editor's publish and delete, naming the site's feeds and the section's", async () => {
		const pings = ourHub();
		const put = await call(
			"/api/articles/hub-story",
			{ method: "PUT", headers: adminHeaders(), body: article("Real Estate") },
			publishEnv(),
		);
		expect(put.status).toBe(201);
		expect(pings).toHaveLength(1);
		expect(pings[0]?.get("hub.mode")).toBe("publish");
		expect(pings[0]?.getAll("hub.url")).toEqual([
			`${SITE}/feed.xml`,
			`${SITE}/feed.json`,
			`${SITE}/sections/real-estate/feed.xml`,
			`${SITE}/sections/real-estate/feed.json`,
		]);

		const removed = await call("/api/articles/hub-story", { method: "DELETE", headers: adminHeaders() }, publishEnv());
		expect(removed.status).toBe(204);
		expect(pings).toHaveLength(2);
		expect(pings[1]?.getAll("hub.url")).toContain(`${SITE}/sections/real-estate/feed.xml`);
	});

	it("Should send pings at most about once a second, the feeds of changes in between joining the next", async () => {
		const pings = ourHub();
		const started = Date.now();
		const answers = await Promise.all(
			["Politics", "Sport", "Arts"].map((section, i) =>
				call(
					`/api/articles/burst-${i}`,
					{ method: "PUT", headers: adminHeaders(), body: article(section) },
					publishEnv(),
				),
			),
		);
		expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
		expect(pings.length).toBeLessThanOrEqual(2);
		const named = pings.flatMap((p) => p.getAll("hub.url"));
		for (const slug of ["politics", "sport", "arts"]) expect(named).toContain(`${SITE}/sections/${slug}/feed.xml`);
		if (pings.length === 2) expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	it("Should ping after a refresh commit that changed the public list, and not without SITE_URL", async () => {
		const now = new Date();
		await storeWriter(env).putSources([{ ...SOURCE, url: "https://plain.example/feed.xml" }], now.toISOString());
		upstream.on(
			"https://plain.example/feed.xml",
			feed(atom([{ id: "p1", title: "Plain story" }], ""), "application/atom+xml"),
		);
		const pings = ourHub();
		await refresh(env, { now, force: false });
		await refresh({ ...env, WEBSUB_HUB: OUR_HUB }, { now: new Date(now.getTime() + 11 * MINUTE), force: true });
		expect(pings).toEqual([]);

		upstream.on(
			"https://plain.example/feed.xml",
			feed(atom([{ id: "p2", title: "Second plain story" }], ""), "application/atom+xml"),
		);
		await refresh(publishEnv(), { now: new Date(now.getTime() + 22 * MINUTE), force: false });
		expect(pings).toHaveLength(1);
		expect(pings[0]?.getAll("hub.url")).toEqual([
			`${SITE}/feed.xml`,
			`${SITE}/feed.json`,
			`${SITE}/sections/world/feed.xml`,
			`${SITE}/sections/world/feed.json`,
		]);
	});
});
