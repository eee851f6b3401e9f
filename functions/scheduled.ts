/** @module The cron trigger: runs one refresh of the upstream sources, nothing else (like Miniflux's worker.go). */
import type { Bindings } from "../src/env";
import { refresh } from "../src/refresh";

/**
 * The cron's scheduled time is the schedule's clock: it sits exactly on the cron's grid whatever the
 * trigger's jitter, so a source fetched by the 12:00 run (`nextDueAt` 12:10) is due in the 12:10 run.
 * Awaited rather than `waitUntil`: the invocation lives as long as the run, and a throw marks it failed.
 */
export async function scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext): Promise<void> {
	await refresh(env, {
		now: new Date(controller.scheduledTime),
		force: false,
		background: (work) => ctx.waitUntil(work),
	});
}
