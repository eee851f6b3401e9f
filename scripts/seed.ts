/** @module Seeds a running edgewire through its own admin API, the same path an editor uses. */
import { DEMO_ARTICLES, type DemoArticle } from "./demo/articles";

/** PUTs each demo article, dated `minutesAgo` before now; throws on any non-2xx answer (after retrying a reload's 503). */
export async function seedDemo(
	baseUrl: string,
	token: string,
	articles: DemoArticle[] = DEMO_ARTICLES,
): Promise<number> {
	const now = Date.now();
	for (const { slug, minutesAgo, article } of articles) {
		const put = () =>
			fetch(`${baseUrl}/api/articles/${slug}`, {
				method: "PUT",
				headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
				body: JSON.stringify({ ...article, publishedAt: new Date(now - minutesAgo * 60_000).toISOString() }),
			});
		let response = await put();
		// `wrangler dev` answers 503 while it reloads the Worker after a file change; a PUT is safe to send again.
		for (let retry = 0; response.status === 503 && retry < 5; retry++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			response = await put();
		}
		if (!response.ok) throw new Error(`seeding ${slug}: ${response.status} ${await response.text()}`);
	}
	return articles.length;
}
