/** @module The cron trigger: runs one refresh of the upstream sources. (Filled in by the refresh work.) */
import type { Bindings } from "../src/env";

export async function scheduled(
	_controller: ScheduledController,
	_env: Bindings,
	_ctx: ExecutionContext,
): Promise<void> {}
