/**
 * @module One subscription request to a hub (WebSub §5.1): a form POST naming the topic, our
 * callback and, to subscribe, the secret and the lease we ask for. The hub answers 202 and
 * verifies later by calling the callback (verify.ts); anything but a 2xx is a refusal.
 */
import { err, ok, type Result } from "../result";
import { type HubRequest, LEASE_SECONDS } from "./leases";

export type HubOptions = { siteUrl: string; timeoutMs: number; userAgent: string };

/** Our callback for a subscription: `<SITE_URL>/websub/<callback id>`. */
export function callbackUrl(siteUrl: string, callbackId: string): string {
	return `${siteUrl}/websub/${callbackId}`;
}

/** The form fields of the request, in the order WebSub §5.1 lists them. */
export function requestForm(request: HubRequest, siteUrl: string): URLSearchParams {
	const form = new URLSearchParams({
		"hub.callback": callbackUrl(siteUrl, request.callbackId),
		"hub.mode": request.mode,
		"hub.topic": request.topic,
	});
	if (request.mode === "subscribe") {
		form.set("hub.lease_seconds", String(LEASE_SECONDS));
		form.set("hub.secret", request.secret);
	}
	return form;
}

/** Sends the request; the error is the refusal in words, for the subscription's `lastError`. Never throws. */
export async function sendHubRequest(request: HubRequest, options: HubOptions): Promise<Result<void, string>> {
	try {
		const response = await fetch(request.hub, {
			method: "POST",
			headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": options.userAgent },
			body: requestForm(request, options.siteUrl),
			// A hub that redirects is refused: the secret goes only where the feed said.
			redirect: "manual",
			signal: AbortSignal.timeout(options.timeoutMs),
		});
		await response.body?.cancel().catch(() => undefined);
		if (response.status >= 200 && response.status < 300) return ok(undefined);
		return err(`the hub answered ${response.status} to ${request.mode}`);
	} catch (error) {
		return err(`the hub could not be reached: ${error instanceof Error ? error.message : String(error)}`);
	}
}
