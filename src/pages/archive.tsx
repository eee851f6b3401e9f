/**
 * @module The date archive's pages: `/archive` (every month), `/archive/YYYY/MM` (a month's days) and
 * `/archive/YYYY/MM/DD` (a day's articles), each from one archive record plus the headlines index
 * (nearly always warm in memory), rendered once per validity window.
 */
import { readArchiveDay, readArchiveMonth, readArchiveMonths } from "../kv/archive";
import { readHeadlines } from "../kv/headlines";
import type { KvRead } from "../kv/read";
import { NAV_SECTIONS } from "../publishing/headline-pages";
import { archivePath } from "../publishing/paths";
import { activeSections } from "../publishing/sections";
import { isPublished } from "../publishing/visibility";
import { cachedPage, type RenderedPage } from "../render-cache/page";
import { err, ok, type Result } from "../result";
import { DAY_MAX } from "../schemas/archive";
import type { HeadlinesIndex } from "../schemas/article";
import { cursorText } from "../schemas/paging";
import { listMeta } from "../seo/article";
import { ArchiveDayPage, ArchiveMonthPage, ArchiveMonthsPage, dayName, monthName } from "../views/archive-page";
import { NOT_FOUND, type PageError, type ReaderRequest, UNREADABLE } from "./request";

/** A pseudo-headline at `ms`: its going live ends the rendered copy (a link that appears then). */
const at = (ms: number) => ({ publishedAt: new Date(ms).toISOString() });

async function withIndex(req: ReaderRequest): Promise<Result<HeadlinesIndex, PageError>> {
	const index = await readHeadlines(req, req.now.getTime());
	return index.ok ? ok(index.value) : err(UNREADABLE);
}

/** The index and a day's or month's record, read side by side; an absent record is the page's 404. */
async function indexAndRecord<T>(
	req: ReaderRequest,
	record: Promise<KvRead<T>>,
): Promise<Result<{ index: HeadlinesIndex; record: T }, PageError>> {
	const [index, read] = await Promise.all([withIndex(req), record]);
	if (!index.ok) return index;
	if (!read.ok) return err(read.error.code === "kv.missing" ? NOT_FOUND : UNREADABLE);
	return ok({ index: index.value, record: read.value });
}

/** A neighbour's link shows once its first story is live. */
const liveNeighbour = (next: { at: string; from: number } | undefined, nowMs: number) =>
	next && next.from <= nowMs ? next.at : undefined;

/** `/archive/YYYY/MM/DD`: the day's live articles, newest first, and the days either side that have any. */
export async function archiveDayPage(req: ReaderRequest, day: string): Promise<Result<RenderedPage, PageError>> {
	const { config, now } = req;
	const nowMs = now.getTime();
	const read = await indexAndRecord(req, readArchiveDay(req, day, nowMs));
	if (!read.ok) return read;
	const { index, record } = read.value;
	return cachedPage({ key: req.url, deps: { index, config, record } }, now, () => {
		const { headlines: all, prev, next } = record;
		const headlines = all.filter((h) => isPublished(h, now));
		if (headlines.length === 0) return err(NOT_FOUND);
		const nextLive = liveNeighbour(next, nowMs);
		const last = headlines[headlines.length - 1];
		// A day past DAY_MAX goes on in the home list, which holds every article in the same order.
		const earlier =
			all.length >= DAY_MAX && last
				? `/?before=${cursorText({ publishedMs: Date.parse(last.publishedAt), slug: last.slug })}`
				: undefined;
		const name = dayName(day);
		const view = (
			<ArchiveDayPage
				config={config}
				day={day}
				headlines={headlines}
				now={now}
				prev={prev}
				next={nextLive}
				earlier={earlier}
				meta={listMeta(
					new URL(req.url).origin,
					archivePath(day),
					name,
					`Every story from ${config.siteName} on ${name}.`,
				)}
				sections={activeSections(index, now, NAV_SECTIONS)}
			/>
		);
		const pending = [...all.filter((h) => !isPublished(h, now)), ...(next && !nextLive ? [at(next.from)] : [])];
		return ok({ view, index: index, shown: [...headlines, ...pending] });
	});
}

/** `/archive/YYYY/MM`: the month's days that have live articles, and the months either side. */
export async function archiveMonthPage(req: ReaderRequest, month: string): Promise<Result<RenderedPage, PageError>> {
	const { config, now } = req;
	const nowMs = now.getTime();
	const read = await indexAndRecord(req, readArchiveMonth(req, month, nowMs));
	if (!read.ok) return read;
	const { index, record } = read.value;
	return cachedPage({ key: req.url, deps: { index, config, record } }, now, () => {
		const { prev, next } = record;
		const days = record.days.filter((d) => d.from <= nowMs).map((d) => d.day);
		if (days.length === 0) return err(NOT_FOUND);
		const nextLive = liveNeighbour(next, nowMs);
		const name = monthName(month);
		const view = (
			<ArchiveMonthPage
				config={config}
				month={month}
				days={days}
				prev={prev}
				next={nextLive}
				meta={listMeta(
					new URL(req.url).origin,
					archivePath(month),
					name,
					`Stories from ${config.siteName}, day by day, in ${name}.`,
				)}
				sections={activeSections(index, now, NAV_SECTIONS)}
			/>
		);
		const pending = [
			...record.days.filter((d) => d.from > nowMs).map((d) => at(d.from)),
			...(next && !nextLive ? [at(next.from)] : []),
		];
		return ok({ view, index: index, shown: pending });
	});
}

/** `/archive`: every month that has live articles, newest first, grouped by year. */
export async function archiveMonthsPage(req: ReaderRequest): Promise<Result<RenderedPage, PageError>> {
	const { config, now } = req;
	const nowMs = now.getTime();
	const [index, record] = await Promise.all([withIndex(req), readArchiveMonths(req, nowMs)]);
	if (!index.ok) return index;
	if (!record.ok && record.error.code === "kv.corrupt") return err(UNREADABLE);
	const stored = record.ok ? record.value.months : [];
	const deps = { index: index.value, config, record: record.ok ? record.value : undefined };
	return cachedPage({ key: req.url, deps }, now, () => {
		const months = stored.filter((m) => m.from <= nowMs).map((m) => m.month);
		const view = (
			<ArchiveMonthsPage
				config={config}
				months={months}
				meta={listMeta(
					new URL(req.url).origin,
					archivePath(),
					"Archive",
					`Every story from ${config.siteName}, month by month.`,
				)}
				sections={activeSections(index.value, now, NAV_SECTIONS)}
			/>
		);
		return ok({ view, index: index.value, shown: stored.filter((m) => m.from > nowMs).map((m) => at(m.from)) });
	});
}
