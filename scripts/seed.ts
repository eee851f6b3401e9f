/** @module Seeds a running edgewire through its own admin API, the same path an editor uses. */
import { adminFetch } from "./admin-api";
import { DEMO_ARTICLES, type DemoArticle } from "./demo/articles";

/** PUTs each demo article, dated `minutesAgo` before now; throws on any non-2xx answer (after retrying a reload's 503). */
export async function seedDemo(
	baseUrl: string,
	token: string,
	articles: DemoArticle[] = DEMO_ARTICLES,
): Promise<number> {
	const now = Date.now();
	for (const { slug, minutesAgo, article } of articles) {
		await adminFetch(baseUrl, token, `/api/articles/${slug}`, {
			method: "PUT",
			body: JSON.stringify({ ...article, publishedAt: new Date(now - minutesAgo * 60_000).toISOString() }),
		});
	}
	return articles.length;
}
