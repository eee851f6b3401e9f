/**
 * @module An OPML import against the current list, pure: which outlines become sources (with what
 * id and settings), which are already there, which are invalid and why. The StoreWriter runs it
 * inside its queue, so the list it checks is the list it then writes.
 */
import * as v from "valibot";
import { slugBase, uniqueSlug } from "../ingest/to-article";
import { err, ok, type Result } from "../result";
import { formatIssues } from "../schemas/issues";
import type { OpmlFeed, OpmlImportReport, OpmlImportResult } from "../schemas/opml";
import { MAX_ITEMS_PER_RUN, MAX_SOURCES, SourceConfig } from "../schemas/source";

export type ImportPlan = { added: SourceConfig[]; report: OpmlImportReport };

export type OverCap = { code: "sources.over_cap"; detail: string };

/** One feed known by its URL as a parser reads it (`HTTPS://A.example` is `https://a.example/`). */
export function urlKey(url: string): string {
	try {
		return new URL(url).href;
	} catch {
		return url;
	}
}

/** Where each field came from in the file, so a reason names what the editor can find there. */
const ATTRIBUTE: Record<string, string> = {
	url: "xmlUrl",
	name: "title",
	section: "category outline text",
	paused: "edgewire:paused",
	itemsPerRun: "edgewire:itemsPerRun",
	review: "edgewire:review",
};

function flag(value: string | undefined, name: string): boolean | undefined | string {
	if (value === undefined) return undefined;
	if (value === "true" || value === "false") return value === "true";
	return `edgewire:${name}: must be true or false`;
}

/** An id from the title, else from the host (a title with no Latin letters or digits has no slug words). */
export function baseId(name: string, url: string): string {
	if (/[a-z0-9]/i.test(name.normalize("NFKD"))) return slugBase(name);
	try {
		return slugBase(new URL(url).hostname.replace(/^www\./, ""));
	} catch {
		return "source";
	}
}

/**
 * The sources a file adds to `current`, and a result per outline. Idempotent: an outline whose URL
 * a source already has (or an earlier outline of the same file) is skipped. The id comes from
 * `edgewire:id` when that is a valid slug no source holds, else from the title (or host), made
 * unique with `-2`, `-3`, …. Errs, adding nothing, when the list would pass MAX_SOURCES.
 */
export function planImport(current: readonly SourceConfig[], feeds: readonly OpmlFeed[]): Result<ImportPlan, OverCap> {
	const byUrl = new Map(current.map((s) => [urlKey(s.url), s.id]));
	const ids = new Set(current.map((s) => s.id));
	const added: SourceConfig[] = [];
	const results: OpmlImportResult[] = [];

	for (const feed of feeds) {
		const row = { url: feed.xmlUrl, title: feed.title };
		const invalid = (reason: string) => results.push({ ...row, status: "invalid", reason });
		if (feed.xmlUrl === null) {
			invalid("not a feed: the outline has no xmlUrl");
			continue;
		}
		const known = byUrl.get(urlKey(feed.xmlUrl));
		if (known !== undefined) {
			const earlier = added.some((s) => s.id === known);
			results.push({
				...row,
				status: "skipped",
				id: known,
				reason: earlier ? "listed earlier in this file" : `already a source (${known})`,
			});
			continue;
		}
		const paused = flag(feed.settings.paused, "paused");
		const review = flag(feed.settings.review, "review");
		const perRun = feed.settings.itemsPerRun;
		// Digits only: `Number` would also read "1e2", "0x10" or " 5 ".
		const itemsPerRun = perRun === undefined ? undefined : /^\d{1,6}$/.test(perRun) ? Number(perRun) : perRun;
		const bad = [paused, review].find((setting) => typeof setting === "string");
		if (bad !== undefined || typeof itemsPerRun === "string") {
			invalid(bad ?? `edgewire:itemsPerRun: must be a whole number from 1 to ${MAX_ITEMS_PER_RUN}`);
			continue;
		}
		const name = (feed.title ?? hostOf(feed.xmlUrl)).slice(0, 200);
		const wanted = feed.settings.id;
		const id =
			wanted !== undefined && !ids.has(wanted) && v.is(SourceConfig.entries.id, wanted)
				? wanted
				: uniqueSlug(baseId(name, feed.xmlUrl), (slug) => ids.has(slug));
		const candidate = {
			id,
			url: feed.xmlUrl,
			name,
			...(feed.section !== null && { section: feed.section }),
			...(paused !== undefined && { paused }),
			...(itemsPerRun !== undefined && { itemsPerRun }),
			...(review !== undefined && { review }),
		};
		const checked = v.safeParse(SourceConfig, candidate);
		if (!checked.success) {
			const issues = formatIssues(checked.issues);
			invalid(issues.map(({ path, message }) => `${ATTRIBUTE[path] ?? path}: ${message}`).join("; "));
			continue;
		}
		added.push(checked.output);
		ids.add(id);
		byUrl.set(urlKey(feed.xmlUrl), id);
		results.push({ ...row, status: "added", id });
	}

	if (current.length + added.length > MAX_SOURCES) {
		const detail = `too many sources: ${current.length} now and ${added.length} new would pass the cap of ${MAX_SOURCES}`;
		return err({ code: "sources.over_cap", detail });
	}
	const count = (status: OpmlImportResult["status"]) => results.filter((r) => r.status === status).length;
	return ok({
		added,
		report: { results, added: count("added"), skipped: count("skipped"), invalid: count("invalid") },
	});
}

function hostOf(url: string): string {
	try {
		return new URL(url).hostname;
	} catch {
		return url;
	}
}
