/** @module Messages at the top of a desk page: the outcome of the last action, or what went wrong. */
import type { Child } from "hono/jsx";

export type FlashKind = "info" | "ok" | "error";

/**
 * An announcement: `role="alert"` for errors (read out at once), `role="status"` otherwise, so a
 * screen reader hears the outcome of a form post without hunting for it.
 */
export function Flash({ kind = "info", children }: { kind?: FlashKind; children: Child }) {
	return (
		<div class={`flash ${kind}`} role={kind === "error" ? "alert" : "status"}>
			{children}
		</div>
	);
}
