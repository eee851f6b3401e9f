// Regression tests for issue 9, finding 5a: a Markdown body under the 200,000-character limit could
// render to ~100 MB of HTML, past Durable Object SQLite's 2 MB per string and row. The write now
// refuses it with a 400 naming `body`, and the store is left as it was.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { keys } from "../../src/kv/keys";
import { putArticle, request, sampleArticle } from "../helpers";

const TIMEOUT = 30_000;

async function expectBodyRejected(slug: string, body: string, message: string): Promise<void> {
	const before = await env.NEWS.get(keys.article(slug));
	const response = await putArticle(slug, sampleArticle({ body }));
	expect(response.status).toBe(400);
	expect(await response.json()).toEqual({ error: "invalid request body", issues: [{ path: "body", message }] });
	expect(await env.NEWS.get(keys.article(slug))).toBe(before);
	expect((await request("/api/headlines")).status).toBe(200);
}

describe("production: a Markdown body whose HTML would pass 1 MiB", () => {
	it(
		"Should answer 400 naming body to one long reference definition used 40,000 times",
		async () => {
			const definition = `[x]: https://example.com/${"a".repeat(1000)} "${"t".repeat(1000)}"\n\n`;
			const body = definition + "[x] ".repeat(40_000);
			expect(body.length).toBeLessThan(200_000);
			await expectBodyRejected(
				"reference-bomb",
				body,
				"must not be Markdown that renders to more than 1048576 bytes of HTML",
			);
		},
		TIMEOUT,
	);

	it(
		"Should answer 400 naming body to blocks nested deeper than marked can render, not 500",
		async () => {
			await expectBodyRejected(
				"deep-quotes",
				">".repeat(20_000),
				"must not be Markdown that nests blocks too deeply to render",
			);
		},
		TIMEOUT,
	);

	it(
		"Should leave the stored article as it was when its replacement renders too large",
		async () => {
			expect((await putArticle("keeps-its-body", sampleArticle())).status).toBe(201);
			const body = `[x]: https://example.com/${"a".repeat(1000)} "${"t".repeat(1000)}"\n\n${"[x] ".repeat(40_000)}`;
			await expectBodyRejected(
				"keeps-its-body",
				body,
				"must not be Markdown that renders to more than 1048576 bytes of HTML",
			);
			expect((await request("/articles/keeps-its-body")).status).toBe(200);
		},
		TIMEOUT,
	);
});
