/**
 * @module Form controls for desk pages, each with its label, an optional hint and its error beside it:
 * the error is tied to the control by `aria-describedby` and flagged by `aria-invalid`, so a screen
 * reader announces it with the field.
 */

import type { Child } from "hono/jsx";

type Common = {
	id: string;
	name: string;
	label: string;
	value?: string | undefined;
	error?: string | undefined;
	hint?: string | undefined;
	required?: boolean;
	readonly?: boolean;
	maxlength?: number;
};

function describedBy(id: string, hint?: string, error?: string): string | undefined {
	const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
	return ids.length > 0 ? ids.join(" ") : undefined;
}

function Notes({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
	return (
		<>
			{hint ? (
				<p class="hint" id={`${id}-hint`}>
					{hint}
				</p>
			) : null}
			{error ? (
				<p class="error" id={`${id}-error`}>
					{error}
				</p>
			) : null}
		</>
	);
}

export function TextField(
	props: Common & { type?: "text" | "url" | "email" | "number" | "datetime-local"; inputmode?: "numeric" },
) {
	const { id, name, label, value, error, hint } = props;
	return (
		<div class="field">
			<label for={id}>{label}</label>
			<input
				id={id}
				name={name}
				type={props.type ?? "text"}
				value={value ?? ""}
				required={props.required}
				readonly={props.readonly}
				maxlength={props.maxlength}
				inputmode={props.inputmode}
				aria-invalid={error ? "true" : undefined}
				aria-describedby={describedBy(id, hint, error)}
			/>
			<Notes id={id} hint={hint} error={error} />
		</div>
	);
}

export function TextArea(props: Common & { rows?: number; class?: string }) {
	const { id, name, label, value, error, hint } = props;
	return (
		<div class="field">
			<label for={id}>{label}</label>
			<textarea
				id={id}
				name={name}
				rows={props.rows ?? 4}
				class={props.class}
				required={props.required}
				maxlength={props.maxlength}
				aria-invalid={error ? "true" : undefined}
				aria-describedby={describedBy(id, hint, error)}
			>
				{value ?? ""}
			</textarea>
			<Notes id={id} hint={hint} error={error} />
		</div>
	);
}

export function SelectField(
	props: Omit<Common, "readonly" | "maxlength"> & { options: ReadonlyArray<{ value: string; label: string }> },
) {
	const { id, name, label, value, error, hint } = props;
	return (
		<div class="field">
			<label for={id}>{label}</label>
			<select
				id={id}
				name={name}
				required={props.required}
				aria-invalid={error ? "true" : undefined}
				aria-describedby={describedBy(id, hint, error)}
			>
				{props.options.map((option) => (
					<option value={option.value} selected={option.value === value}>
						{option.label}
					</option>
				))}
			</select>
			<Notes id={id} hint={hint} error={error} />
		</div>
	);
}

/**
 * A one-button form post, as each row's actions are: `label` says what it does, and `of` (read by
 * screen readers only) what it acts on, so a list of "Revoke" buttons is not ambiguous. Hidden
 * inputs go in `children`.
 */
export function PostButton(props: {
	action: string;
	label: Child;
	of?: string | undefined;
	class?: string | undefined;
	disabled?: boolean;
	children?: Child;
}) {
	return (
		<form method="post" action={props.action} class="inline">
			{props.children}
			<button type="submit" class={props.class} disabled={props.disabled}>
				{props.label}
				{props.of ? <span class="visually-hidden"> {props.of}</span> : null}
			</button>
		</form>
	);
}
