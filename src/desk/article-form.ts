/**
 * @module The editor's form, both ways: a desk article as the form's fields, and a posted form as the
 * `PUT /api/articles/:slug` body it stands for, checked by the API's own schema (ArticleInput), with each
 * problem filed under the field it names so the page can show it beside that field.
 */
import * as v from "valibot";
import { slugBase } from "../ingest/to-article";
import type { DeskArticle } from "../schemas/article-desk";
import { type ArticleInput, ArticleInput as ArticleInputSchema } from "../schemas/article-input";
import { Slug } from "../schemas/common";
import { formatIssues, type Issue } from "../schemas/issues";
import { fromLocalInput, toLocalInput } from "./zoned-time";

/** Every field the editor posts, by its `name`. */
export const FORM_FIELDS = [
	"slug",
	"title",
	"dek",
	"section",
	"authorName",
	"authorBio",
	"body",
	"imageUrl",
	"imageAlt",
	"imageWidth",
	"imageHeight",
	"imageCredit",
	"sourceUrl",
	"tags",
	"publishAt",
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FormField, string>;
/** Messages by field; `form` holds what belongs to no one field (a conflict, a refusal). */
export type FieldErrors = Partial<Record<FormField | "form", string>>;

/** What a button on the editor asks for. */
export const INTENTS = ["draft", "review", "publish", "schedule", "update", "unpublish"] as const;
export type Intent = (typeof INTENTS)[number];

export function emptyForm(): FormValues {
	return Object.fromEntries(FORM_FIELDS.map((f) => [f, ""])) as FormValues;
}

/** The stored article as the form shows it; the schedule field on the site's clocks. */
export function formFromArticle(article: DeskArticle, timeZone: string): FormValues {
	return {
		slug: article.slug,
		title: article.title,
		dek: article.dek ?? "",
		section: article.section ?? "",
		authorName: article.author?.name ?? "",
		authorBio: article.author?.bio ?? "",
		body: article.body,
		imageUrl: article.image?.url ?? "",
		imageAlt: article.image?.alt ?? "",
		imageWidth: article.image?.width === undefined ? "" : String(article.image.width),
		imageHeight: article.image?.height === undefined ? "" : String(article.image.height),
		imageCredit: article.image?.credit ?? "",
		sourceUrl: article.sourceUrl ?? "",
		tags: (article.tags ?? []).join(", "),
		publishAt: toLocalInput(article.publishedAt, timeZone),
	};
}

/** The posted fields, each a string (absent ones empty), with Windows line ends made plain. */
export function readFormValues(form: Record<string, string | File | (string | File)[]>): FormValues {
	const values = emptyForm();
	for (const field of FORM_FIELDS) {
		const raw = form[field];
		const value = Array.isArray(raw) ? raw[0] : raw;
		if (typeof value === "string") values[field] = value.replace(/\r\n?/g, "\n");
	}
	return values;
}

/** Which form field an API issue's dotted path belongs to. */
export function fieldForPath(path: string): FormField | "form" {
	const [head, sub] = path.split(".");
	switch (head) {
		case "author":
			return sub === "bio" ? "authorBio" : "authorName";
		case "image": {
			const named: Record<string, FormField> = {
				url: "imageUrl",
				alt: "imageAlt",
				width: "imageWidth",
				height: "imageHeight",
				credit: "imageCredit",
			};
			return named[sub ?? ""] ?? "imageUrl";
		}
		case "publishedAt":
		case "updatedAt":
			return "publishAt";
		case "tags":
			return "tags";
		default:
			return (FORM_FIELDS as readonly string[]).includes(head ?? "") ? (head as FormField) : "form";
	}
}

/** Issues filed by field, the first message for each. */
export function errorsFromIssues(issues: readonly Issue[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const field = fieldForPath(issue.path);
		errors[field] ??= issue.message;
	}
	return errors;
}

export type ReadForm = { ok: true; slug: string; input: ArticleInput } | { ok: false; errors: FieldErrors };

type ReadOptions = {
	intent: Intent;
	timeZone: string;
	now: Date;
	/** The article as stored, when it exists: an unchanged schedule field keeps its exact instant. */
	current?: DeskArticle | undefined;
};

/**
 * The posted form as the API's body for `intent`, validated with the API's schema. The buttons decide
 * `status` and, for publish and schedule, `publishedAt`: Publish is now, Schedule is the field's time
 * (which must be ahead of `now`), and the rest keep the field's time (else the stored one, else now).
 */
export function readArticleForm(values: FormValues, { intent, timeZone, now, current }: ReadOptions): ReadForm {
	const errors: FieldErrors = {};
	const slug = v.safeParse(Slug, values.slug.trim());
	if (!slug.success) errors.slug = "use lowercase letters, digits and single hyphens (at most 120 characters)";

	const when = publishedAtFor(values, { intent, timeZone, now, current });
	if (typeof when !== "string") errors.publishAt = when.error;

	const candidate = {
		title: values.title.trim(),
		...optional("dek", values.dek.trim()),
		...optional("section", values.section.trim()),
		...(values.authorName.trim() || values.authorBio.trim()
			? { author: { name: values.authorName.trim(), ...optional("bio", values.authorBio.trim()) } }
			: {}),
		publishedAt: typeof when === "string" ? when : now.toISOString(),
		body: values.body,
		...optional("sourceUrl", values.sourceUrl.trim()),
		...imageOf(values),
		...tagsOf(values.tags),
		status: intent === "draft" || intent === "unpublish" ? "draft" : intent === "review" ? "review" : "published",
	};
	const parsed = v.safeParse(ArticleInputSchema, candidate);
	if (!parsed.success) {
		for (const [field, message] of Object.entries(errorsFromIssues(formatIssues(parsed.issues)))) {
			errors[field as FormField] ??= message;
		}
	}
	if (!parsed.success || Object.keys(errors).length > 0 || !slug.success) return { ok: false, errors };
	return { ok: true, slug: slug.output, input: parsed.output };
}

function publishedAtFor(
	values: FormValues,
	{ intent, timeZone, now, current }: ReadOptions,
): string | { error: string } {
	if (intent === "publish") return now.toISOString();
	const text = values.publishAt.trim();
	if (!text) {
		if (intent === "schedule") return { error: "choose when it should go live" };
		return current?.publishedAt ?? now.toISOString();
	}
	// The field shows minutes only: an untouched field keeps the stored instant to the millisecond.
	if (current && toLocalInput(current.publishedAt, timeZone) === text) {
		if (intent === "schedule" && Date.parse(current.publishedAt) <= now.getTime()) {
			return { error: `choose a time after now (${toLocalInput(now.toISOString(), timeZone)}, ${timeZone})` };
		}
		return current.publishedAt;
	}
	const utc = fromLocalInput(text, timeZone);
	if (!utc) return { error: `must be a date and time (${timeZone})` };
	if (intent === "schedule" && Date.parse(utc) <= now.getTime()) {
		return { error: `choose a time after now (${toLocalInput(now.toISOString(), timeZone)}, ${timeZone})` };
	}
	return utc;
}

function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
	return value ? ({ [key]: value } as Record<K, string>) : {};
}

/** A number field: digits become a number, anything else stays text so the schema names the field. */
function numberOf(text: string): number | string | undefined {
	const trimmed = text.trim();
	if (!trimmed) return undefined;
	return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function imageOf(values: FormValues): { image?: Record<string, unknown> } {
	const url = values.imageUrl.trim();
	const rest = [values.imageAlt, values.imageWidth, values.imageHeight, values.imageCredit].some((s) => s.trim());
	if (!url && !rest) return {};
	const width = numberOf(values.imageWidth);
	const height = numberOf(values.imageHeight);
	return {
		image: {
			url,
			alt: values.imageAlt.trim(),
			...(width === undefined ? {} : { width }),
			...(height === undefined ? {} : { height }),
			...optional("credit", values.imageCredit.trim()),
		},
	};
}

/** Tags are typed comma-separated; blanks and repeats (case aside) are dropped. */
function tagsOf(text: string): { tags?: string[] } {
	const seen = new Set<string>();
	const tags: string[] = [];
	for (const raw of text.split(",")) {
		const tag = raw.trim();
		if (tag && !seen.has(tag.toLowerCase())) {
			seen.add(tag.toLowerCase());
			tags.push(tag);
		}
	}
	return tags.length > 0 ? { tags } : {};
}

/** A slug from a title, as feed stories get theirs (slugBase), up to 120 characters; "" when it has no words. */
export function slugFromTitle(title: string): string {
	return slugBase(title, { max: 120, fallback: "" });
}
