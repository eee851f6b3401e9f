/**
 * @module Our WebSub callback, `/websub/:id` (hubs, no token: the unguessable id and the HMAC are
 * the credentials): the verification GET and the content POST. Off (404) without `SITE_URL`.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { policyFromVars } from "../src/ingest/schedule";
import { CallbackParam, VerificationQuery } from "../src/schemas/websub";
import { receivePush, verification } from "../src/websub/callback";
import { ApiError } from "./errors";
import { inBackground } from "./middleware/background";
import { CACHE } from "./middleware/cache-control";
import { validate } from "./middleware/validate";

/** Push is off without SITE_URL: no callback was ever handed out for it. Nothing a hub gets is cacheable. */
const callbackOn = createMiddleware<AppEnv>(async (c, next) => {
	if (!siteConfig(c.env).siteUrl) throw new ApiError(404, "not found");
	await next();
	c.res.headers.set("Cache-Control", CACHE.none);
});

/** A pushed body is held to a fetched feed's cap (REFRESH_MAX_FEED_BYTES): 413 past it, before any of it is kept. */
const feedSized = createMiddleware<AppEnv>((c, next) =>
	bodyLimit({
		maxSize: policyFromVars(c.env).maxFeedBytes,
		onError: () => {
			throw new ApiError(413, "body exceeds the feed size cap");
		},
	})(c, next),
);

const callbackParam = validate("param", CallbackParam, { status: 404, message: "not found" });

export const websubRoutes = new Hono<AppEnv>()
	.use("/websub/*", callbackOn)
	/** Verification of intent (WebSub §5.3): the challenge, as text, only for a topic and mode we asked for. */
	.get(
		"/websub/:id",
		callbackParam,
		validate("query", VerificationQuery, { status: 404, message: "not found" }),
		async (c) => {
			const echo = await verification(c.env, c.req.valid("param").id, c.req.valid("query"), c.var.now);
			if (echo === null) throw new ApiError(404, "not found");
			return c.text(echo, 200);
		},
	)
	/** Content distribution (WebSub §7): 200 when ingested, 202 when ignored (bad signature included), 404/410 when not ours. */
	.post("/websub/:id", callbackParam, feedSized, async (c) => {
		const status = await receivePush(c.env, {
			callbackId: c.req.valid("param").id,
			body: new Uint8Array(await c.req.arrayBuffer()),
			signature: c.req.header("x-hub-signature") ?? null,
			contentType: c.req.header("content-type") ?? null,
			now: c.var.now,
			background: (work) => inBackground(c, work),
		});
		return c.body(null, status);
	});
