/**
 * @module The outside world for tests: replaces `globalThis.fetch` in the test isolate (the Worker
 * under test runs in the same isolate, so its outbound fetches land here), dispatches by URL to
 * handlers each test registers, records every request, and fails the test on any unhandled one.
 *
 * @example
 * upstream.on("https://feeds.example/a.xml", () => new Response(rss, { headers: { etag: '"v1"' } }));
 */
import { afterEach, beforeEach, expect } from "vitest";

export type UpstreamHandler = (request: Request, init: { signal: AbortSignal | null }) => Response | Promise<Response>;

export type RecordedRequest = { url: string; method: string; headers: Record<string, string> };

type Route = { match: (url: string) => boolean; handler: UpstreamHandler };

const routes: Route[] = [];
const recorded: RecordedRequest[] = [];
const unhandled: string[] = [];
let realFetch: typeof fetch | undefined;

async function mockFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
	const request = new Request(input, init);
	recorded.push({ url: request.url, method: request.method, headers: Object.fromEntries(request.headers) });
	// Last registered wins, so a test can override a shared default.
	const route = routes.findLast((r) => r.match(request.url));
	if (!route) {
		unhandled.push(`${request.method} ${request.url}`);
		throw new Error(`upstream: no handler for ${request.method} ${request.url}`);
	}
	return route.handler(request, { signal: init?.signal ?? null });
}

export const upstream = {
	/** Answers requests to `url` (exact string, a predicate, or a RegExp) with `handler`. */
	on(url: string | RegExp | ((url: string) => boolean), handler: UpstreamHandler): void {
		const match =
			typeof url === "string" ? (u: string) => u === url : url instanceof RegExp ? (u: string) => url.test(u) : url;
		routes.push({ match, handler });
	},
	/** Every request so far, in order. */
	get requests(): readonly RecordedRequest[] {
		return recorded;
	},
	/** Requests whose URL is `url`. */
	requestsTo(url: string): RecordedRequest[] {
		return recorded.filter((r) => r.url === url);
	},
	/** Forgets recorded requests (handlers stay), to count the next run alone. */
	clearRequests(): void {
		recorded.length = 0;
	},
	install(): void {
		realFetch ??= globalThis.fetch;
		globalThis.fetch = mockFetch as typeof fetch;
	},
	restore(): void {
		if (realFetch) globalThis.fetch = realFetch;
		realFetch = undefined;
		routes.length = 0;
		recorded.length = 0;
		unhandled.length = 0;
	},
	get unhandled(): readonly string[] {
		return unhandled;
	},
};

/** Installs the mock around every test of the calling file and fails a test that made an unhandled request. */
export function useUpstream(): typeof upstream {
	beforeEach(() => upstream.install());
	afterEach(() => {
		const missed = [...upstream.unhandled];
		upstream.restore();
		expect(missed, "requests no handler answered").toEqual([]);
	});
	return upstream;
}

/** Simulates a resolver failure the way fetch() reports one: a TypeError. */
export function dnsFailure(): UpstreamHandler {
	return (request) => {
		throw new TypeError(`DNS lookup failed: getaddrinfo ENOTFOUND ${new URL(request.url).hostname}`);
	};
}

/** Never answers: settles only when the request's signal aborts (the fetcher's timeout). */
export function hang(): UpstreamHandler {
	return (_request, { signal }) =>
		new Promise<Response>((_resolve, reject) => {
			if (!signal) return;
			signal.addEventListener("abort", () => reject(signal.reason), { once: true });
		});
}

/** A 200 whose body streams 64 KiB chunks forever, with no Content-Length. */
export function endlessBody(contentType = "application/rss+xml"): UpstreamHandler {
	return () => {
		const chunk = new TextEncoder().encode("<!-- padding -->".repeat(4096));
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				controller.enqueue(chunk);
			},
		});
		return new Response(body, { headers: { "content-type": contentType } });
	};
}

/** A redirect to `location` (relative or absolute). */
export function redirect(location: string, status = 301): UpstreamHandler {
	return () => new Response(null, { status, headers: { location } });
}

/** A feed body with the given type and extra headers. */
export function feed(
	body: string | Uint8Array,
	contentType: string,
	headers: Record<string, string> = {},
): UpstreamHandler {
	return () => new Response(body, { headers: { "content-type": contentType, ...headers } });
}

/** gzip bytes of `text`, as a server sends them on the wire. */
export async function gzip(text: string | Uint8Array): Promise<Uint8Array> {
	const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
	const compressed = new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip")));
	return new Uint8Array(await compressed.arrayBuffer());
}

/**
 * A 200 with a gzip-encoded body, as fetch() hands it to a Worker: the runtime decodes the body
 * itself but keeps `Content-Encoding` and the wire's `Content-Length`, the compressed size.
 */
export function gzipFeed(body: string, contentType: string, headers: Record<string, string> = {}): UpstreamHandler {
	const wire = gzip(body);
	return async () => {
		const compressed = await wire;
		const decoded = new Blob([compressed]).stream().pipeThrough(new DecompressionStream("gzip"));
		return new Response(decoded, {
			headers: {
				"content-type": contentType,
				"content-encoding": "gzip",
				"content-length": String(compressed.byteLength),
				...headers,
			},
		});
	};
}
