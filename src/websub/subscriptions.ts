/**
 * @module The refresh run's WebSub step, after its commits: report the hubs the fetched feeds
 * declared, and send the requests the StoreWriter says are due (first subscriptions, renewals,
 * retries, unsubscribes), each one a subrequest counted against the run's budget.
 */
import type { RunBudget } from "../ingest/budget";
import type { RefreshPolicy } from "../ingest/schedule";
import { mapLimit } from "../refresh/map-limit";
import type { StoreWriter } from "../store/writer";
import type { Declaration } from "./declared";
import { sendHubRequest } from "./subscribe";

/** What the run's fetches said about hubs: a declaration per source whose 200 declared one, else null. */
export type RunHubs = Map<string, Declaration | null>;

/** Hub requests in flight at once: Workers allow six connections, and a run has finished its fetches by now. */
const HUB_CONCURRENCY = 6;

export async function keepSubscriptions(
	writer: DurableObjectStub<StoreWriter>,
	hubs: RunHubs,
	run: { siteUrl: string; nowMs: number; policy: RefreshPolicy; budget: RunBudget },
): Promise<{ sent: number; refused: number }> {
	const { budget, policy } = run;
	// The StoreWriter call itself, then one for the refusals if any: the rest of the budget is for hubs.
	if (budget.claimSubrequest()) return { sent: 0, refused: 0 };
	const room = Math.max(0, policy.subrequestBudget - budget.subrequests - 1);
	const declared = [...hubs].flatMap(([sourceId, d]) => (d ? [{ sourceId, ...d }] : []));
	const undeclared = [...hubs].flatMap(([sourceId, d]) => (d ? [] : [sourceId]));
	const due = await writer.websubRequests({ nowMs: run.nowMs, declared, undeclared, maxRequests: room });
	const refusals: { callbackId: string; error: string }[] = [];
	let sent = 0;
	await mapLimit(due, HUB_CONCURRENCY, async (request) => {
		// Handed out within the room, so only a bug could find the budget spent; then it counts as refused, and is retried.
		if (budget.claimSubrequest()) {
			refusals.push({ callbackId: request.callbackId, error: "no subrequest left in the run" });
			return;
		}
		sent++;
		const answer = await sendHubRequest(request, {
			siteUrl: run.siteUrl,
			timeoutMs: policy.fetchTimeoutMs,
			userAgent: policy.userAgent,
		});
		if (!answer.ok) refusals.push({ callbackId: request.callbackId, error: answer.error });
		console.log(
			JSON.stringify({
				event: "websub.request",
				source: request.sourceId,
				hub: request.hub,
				mode: request.mode,
				...(answer.ok ? {} : { error: answer.error }),
			}),
		);
	});
	if (refusals.length > 0 && !budget.claimSubrequest()) await writer.websubRefused(refusals);
	return { sent, refused: refusals.length };
}
