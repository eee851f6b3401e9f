/**
 * @module The baseline Worker: what answering with a prebuilt body costs in this same workerd,
 * with no KV, no routing framework and no rendering. `BODIES` (a JSON binding) holds, per path,
 * a copy of the body and the response headers the site answered with (content type, security
 * headers, cache control, ETag), so both send the same bytes as a static host would.
 */
let bodies;

export default {
	fetch(request, env) {
		bodies ??= new Map(env.BODIES.map((b) => [b.path, b]));
		const url = new URL(request.url);
		const body = bodies.get(url.pathname + url.search);
		if (body === undefined) return new Response("not found", { status: 404 });
		return new Response(body.body, { headers: body.headers });
	},
};
