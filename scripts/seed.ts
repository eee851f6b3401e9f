/** @module Seeds a running edgewire through its own admin API, the same path an editor uses. */
import { DEMO_ARTICLES, type DemoArticle } from "./demo/articles";

/** PUTs each demo article, dated `minutesAgo` before now; throws on any non-2xx answer. */
export async function seedDemo(
	baseUrl: string,
	token: string,
	articles: DemoArticle[] = DEMO_ARTICLES,
): Promise<number> {
	const now = Date.now();
	for (const { slug, minutesAgo, article } of articles) {
		const response = await fetch(`${baseUrl}/api/articles/${slug}`, {
			method: "PUT",
			headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
			body: JSON.stringify({ ...article, publishedAt: new Date(now - minutesAgo * 60_000).toISOString() }),
		});
		if (!response.ok) throw new Error(`seeding ${slug}: ${response.status} ${await response.text()}`);
	}
	return articles.length;
}
