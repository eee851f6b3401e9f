// Regression test for issue 9, finding 5d: the data center's cache (src/kv/colo-cache.ts) keyed a
// record by its KV key alone, so a staging and a production Worker on one zone, each bound to its
// own namespace, served each other's records for 30 s. Its keys now carry the namespace's id.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../functions/index";
import { keys } from "../../src/kv/keys";
import { minutesAgo, ORIGIN } from "../helpers";

type Bindings = typeof env;

/** A namespace of its own holding `records` (text by key): what the other Worker is bound to. */
function namespaceHolding(records: Record<string, string>): KVNamespace {
	const get = async (key: string, type?: unknown) => {
		const text = records[key] ?? null;
		const asJson = type === "json" || (type as { type?: string } | undefined)?.type === "json";
		return text !== null && asJson ? JSON.parse(text) : text;
	};
	return { get } as unknown as KVNamespace;
}

function indexOf(slug: string, title: string): string {
	const headline = { slug, title, section: "news", publishedAt: minutesAgo(5) };
	return JSON.stringify({ updatedAt: new Date().toISOString(), headlines: [headline] });
}

function articleOf(slug: string, title: string): string {
	return JSON.stringify({ slug, title, publishedAt: minutesAgo(5), body: title, bodyHtml: `<p>${title}</p>` });
}

/** One request as the Worker configured by `bindings` would answer it. */
async function fetchAs(bindings: Bindings, path: string): Promise<Response> {
	const ctx = createExecutionContext();
	const response = await app.fetch(new Request(`${ORIGIN}${path}`), bindings, ctx);
	await waitOnExecutionContext(ctx);
	return response;
}

async function titlesFrom(bindings: Bindings): Promise<string[]> {
	const response = await fetchAs(bindings, "/api/headlines");
	expect(response.status).toBe(200);
	return ((await response.json()) as { headlines: { title: string }[] }).headlines.map((h) => h.title);
}

async function articleTitle(bindings: Bindings, slug: string): Promise<string> {
	const response = await fetchAs(bindings, `/api/articles/${slug}`);
	expect(response.status).toBe(200);
	return ((await response.json()) as { title: string }).title;
}

const production: Bindings = {
	...env,
	NEWS: namespaceHolding({
		[keys.headlines]: indexOf("shared-slug", "Production headline"),
		[keys.article("shared-slug")]: articleOf("shared-slug", "Production article"),
	}),
	KV_NAMESPACE_ID: "11111111111111111111111111111111",
};

const staging: Bindings = {
	...env,
	NEWS: namespaceHolding({
		[keys.headlines]: indexOf("shared-slug", "Staging headline"),
		[keys.article("shared-slug")]: articleOf("shared-slug", "Staging article"),
	}),
	KV_NAMESPACE_ID: "22222222222222222222222222222222",
};

describe("production: two Workers on one zone, each bound to its own KV namespace", () => {
	it("Should never serve one Worker the index another cached in the data center", async () => {
		expect(await titlesFrom(production)).toEqual(["Production headline"]);
		expect(await titlesFrom(staging)).toEqual(["Staging headline"]);
		expect(await titlesFrom(production)).toEqual(["Production headline"]);
	});

	it("Should never serve one Worker an article record another cached in the data center", async () => {
		expect(await articleTitle(staging, "shared-slug")).toBe("Staging article");
		expect(await articleTitle(production, "shared-slug")).toBe("Production article");
		expect(await articleTitle(staging, "shared-slug")).toBe("Staging article");
	});

	it("Should still share a record between two Workers bound to the same namespace", async () => {
		const reads: string[] = [];
		const counted = (bindings: Bindings): Bindings => {
			const inner = bindings.NEWS;
			const get = (key: string, type?: unknown) => {
				reads.push(key);
				return (inner.get as (key: string, type?: unknown) => Promise<unknown>)(key, type);
			};
			return { ...bindings, NEWS: { get } as unknown as KVNamespace };
		};
		expect(await titlesFrom(counted(production))).toEqual(["Production headline"]);
		expect(await titlesFrom(counted(production))).toEqual(["Production headline"]);
		expect(reads).toEqual([keys.headlines]);
	});

	it("Should leave a Worker with no namespace id out of the data center's cache, reading KV instead", async () => {
		const unnamed: Bindings = { ...staging, KV_NAMESPACE_ID: "" };
		expect(await titlesFrom(production)).toEqual(["Production headline"]);
		expect(await titlesFrom(unnamed)).toEqual(["Staging headline"]);
	});
});
