/**
 * @module What our callback does with a hub's requests: a verification of intent is answered from
 * the StoreWriter's subscriptions (verify.ts); a content POST is checked against its subscription's
 * secret and, if genuine, ingested within the request (src/refresh `ingestPush`), so the story is on
 * the site by the time the hub hears back.
 */
import type { Bindings } from "../env";
import { ingestPush } from "../refresh";
import type { VerificationQuery } from "../schemas/websub";
import { storeWriter } from "../store/stub";
import { checkSignature } from "./signature";

/** The challenge to echo with a 200, or null: not a topic and mode we asked for (a 404). */
export async function verification(
	env: Bindings,
	callbackId: string,
	query: VerificationQuery,
	now: Date,
): Promise<string | null> {
	const echo = await storeWriter(env).websubVerify(callbackId, query, now.getTime());
	log(echo === null ? "websub.verify_refused" : "websub.verified", {
		mode: query["hub.mode"],
		topic: query["hub.topic"],
	});
	return echo;
}

export type PushDelivery = {
	callbackId: string;
	/** The raw body, exactly as it arrived: the signature covers these bytes. */
	body: Uint8Array;
	signature: string | null;
	contentType: string | null;
	now: Date;
	background?: (work: Promise<unknown>) => void;
};

/**
 * The status to answer a content POST with. WebSub §7 has a subscriber answer 2xx even to a body
 * whose signature fails, and ignore it; an unknown callback is a 404 and one we unsubscribed a 410,
 * which tell the hub to stop.
 */
export async function receivePush(env: Bindings, push: PushDelivery): Promise<200 | 202 | 404 | 410> {
	const target = await storeWriter(env).websubTarget(push.callbackId);
	if (target.kind === "unknown" || target.kind === "gone") {
		log("websub.push_unknown", { kind: target.kind, bytes: push.body.byteLength });
		return target.kind === "unknown" ? 404 : 410;
	}
	if (target.kind === "paused") {
		log("websub.push_ignored", { reason: "the source is paused" });
		return 202;
	}
	const source = target.source.id;
	const signature = await checkSignature(target.secret, push.signature, push.body);
	if (!signature.ok) {
		log("websub.push_bad_signature", { source, reason: signature.reason, bytes: push.body.byteLength });
		return 202;
	}
	const result = await ingestPush(
		env,
		{ source: target.source, topic: target.topic, body: push.body, contentType: push.contentType, now: push.now },
		push.background ? { background: push.background } : {},
	);
	if (result.kind === "ignored") {
		log("websub.push_ignored", { source, reason: result.reason });
		return 202;
	}
	log("websub.push", { source, method: signature.method, items: result.items, kvWrites: result.kvWrites });
	return 200;
}

function log(event: string, fields: Record<string, unknown>): void {
	const line = JSON.stringify({ event, ...fields });
	if (event === "websub.verified" || event === "websub.push") console.log(line);
	else console.warn(line);
}
