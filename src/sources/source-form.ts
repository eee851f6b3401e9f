/**
 * @module The sources desk's forms read into the API's own inputs (NewSource, SourcePatch) and
 * checked by the same schemas, each problem filed under the form field it names so the page shows
 * it beside that field. Checkboxes are absent when unticked, so on the edit form absent means false.
 */
import * as v from "valibot";
import { err, ok, type Result } from "../result";
import { NewSource, SourcePatch } from "../schemas/source";

/** A posted form's text fields (files and repeated fields are not used by these forms). */
export type FormFields = Record<string, string | File | (string | File)[]>;

/** The message for each field that has a problem, by its form name. */
export type FieldErrors = Record<string, string>;

function text(form: FormFields, name: string): string {
	const value = form[name];
	return typeof value === "string" ? value.trim() : "";
}

function ticked(form: FormFields, name: string): boolean {
	return text(form, name) !== "";
}

/** "" stays absent; a number the form could not read stays text, so the schema says what is wrong. */
function whole(value: string): number | string | undefined {
	if (value === "") return undefined;
	return /^\d+$/.test(value) ? Number(value) : value;
}

function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const field = v.getDotPath(issue) ?? "form";
		errors[field] ??= issue.message;
	}
	return errors;
}

/** The add form: name, URL, an optional id, section, items per run, and whether to hold items or start paused. */
export function newSourceFromForm(form: FormFields): Result<NewSource, FieldErrors> {
	const input: Record<string, unknown> = { url: text(form, "url"), name: text(form, "name") };
	const id = text(form, "id");
	if (id !== "") input.id = id;
	const section = text(form, "section");
	if (section !== "") input.section = section;
	const perRun = whole(text(form, "itemsPerRun"));
	if (perRun !== undefined) input.itemsPerRun = perRun;
	if (ticked(form, "paused")) input.paused = true;
	if (ticked(form, "review")) input.review = true;
	const parsed = v.safeParse(NewSource, input);
	return parsed.success ? ok(parsed.output) : err(fieldErrors(parsed.issues));
}

/** The edit form: every field it shows is sent, an empty section or items per run clearing the setting. */
export function patchFromForm(form: FormFields): Result<SourcePatch, FieldErrors> {
	const section = text(form, "section");
	const perRun = whole(text(form, "itemsPerRun"));
	const input = {
		name: text(form, "name"),
		section: section === "" ? null : section,
		itemsPerRun: perRun ?? null,
		paused: ticked(form, "paused"),
		review: ticked(form, "review"),
	};
	const parsed = v.safeParse(SourcePatch, input);
	return parsed.success ? ok(parsed.output) : err(fieldErrors(parsed.issues));
}
