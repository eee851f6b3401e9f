/**
 * @module The second tier between isolate memory and KV: the data center's cache (Cache API),
 * shared by every isolate there, holding the raw text of KV records for a short while.
 *
 * Why: isolate memory only helps requests that land on the same isolate within seconds, and at a
 * small site's traffic most do not; every miss would be a billed KV read (the free plan allows
 * 100,000 a day). Cache API reads are not KV operations and are shared by the whole data center,
 * so KV is read about once per record per data center per `COLO_TTL_SECONDS`, whatever the traffic.
 * KV is itself eventually consistent for about 60 s, so a 30 s copy stays within the staleness
 * readers elsewhere already accept. A write made in this isolate moves it to keys of its own
 * (`divergeColoCache`), so it never reads back a copy older than its own write.
 *
 * The cache is shared by every Worker on the zone, so a key names the KV namespace its text came
 * from: otherwise a staging and a production Worker on one zone serve each other's records. A
 * binding has no id at runtime, so it is the configured `KV_NAMESPACE_ID` (wrangler.toml sets it
 * beside the binding's id). The namespace, not the Worker, is what makes two copies the same record,
 * so Workers bound to one namespace still share; `SITE_NAME` would not tell staging from production.
 * A Worker with no id configured skips this tier and reads KV: it can never see another's copies.
 */

/** How long a data center keeps a KV record's text; see the module note. */
export const COLO_TTL_SECONDS = 30;

/** `shared` until this isolate writes (or a test resets it); then keys only this isolate uses. */
let generation = "shared";
let isolateTag: string | undefined;
let writes = 0;

/** Where a record is read from: the binding, and its namespace's id for this tier's keys (none: tier skipped). */
export type KvSource = { kv: KVNamespace; namespaceId: string | undefined };

function cacheUrl(namespaceId: string, key: string): string {
	return `https://kv-cache.edgewire.invalid/${encodeURIComponent(namespaceId)}/${generation}/${encodeURIComponent(key)}`;
}

/**
 * The cached text of `key` from namespace `namespaceId`, or null when this data center holds none
 * (or has no cache: workers.dev, local tools), or no namespace id is configured.
 */
export async function coloRead(namespaceId: string | undefined, key: string): Promise<string | null> {
	if (!namespaceId) return null;
	try {
		const hit = await caches.default.match(cacheUrl(namespaceId, key));
		return hit ? await hit.text() : null;
	} catch {
		return null;
	}
}

/** Keeps `raw` as the text of `key` from `namespaceId` in this data center for `COLO_TTL_SECONDS`. Best effort. */
export async function coloWrite(namespaceId: string | undefined, key: string, raw: string): Promise<void> {
	if (!namespaceId) return;
	try {
		await caches.default.put(
			cacheUrl(namespaceId, key),
			new Response(raw, { headers: { "cache-control": `max-age=${COLO_TTL_SECONDS}` } }),
		);
	} catch {
		// No cache here: the next read goes to KV, as it would without this tier.
	}
}

/**
 * After a write in this isolate: stop reading copies other isolates cached before it. The tag is
 * random per isolate, so no other isolate (or test file) ever shares these keys.
 */
export function divergeColoCache(): void {
	isolateTag ??= crypto.randomUUID();
	writes++;
	generation = `${isolateTag}-${writes}`;
}
