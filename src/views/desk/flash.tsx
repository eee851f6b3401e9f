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

/** The outcome of the last action, as the pages that show one line take it. */
export type FlashMessage = { kind: FlashKind; text: string };

/** `flash` as one announced line; nothing when there is none. */
export function FlashText({ flash }: { flash?: FlashMessage | undefined }) {
	if (!flash) return null;
	return (
		<Flash kind={flash.kind}>
			<p>{flash.text}</p>
		</Flash>
	);
}

/**
 * A credential shown this once (a new API token, a sign-in link): what it is, then the value in a
 * read-only field to copy, labelled for screen readers.
 */
export function ShownOnce({
	id,
	label,
	value,
	children,
}: {
	id: string;
	label: string;
	value: string;
	children: Child;
}) {
	return (
		<Flash kind="ok">
			<p>{children}</p>
			<label for={id}>{label}</label>
			<input id={id} type="text" class="secret" value={value} readonly />
		</Flash>
	);
}
