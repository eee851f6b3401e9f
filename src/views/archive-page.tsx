/** @module The date archive's pages: the months, a month's days, and a day's headlines. */
import type { SiteConfig } from "../config";
import { archivePath } from "../publishing/paths";
import type { SectionLink } from "../publishing/sections";
import type { Headline } from "../schemas/article";
import type { PageMeta } from "../seo/article";
import { HeadlineList } from "./headline-list";
import { Layout } from "./layout";
import { Pager } from "./pager";

/** Noon UTC of a day or month's first day: names it in its own calendar whatever the site's zone. */
function calendarDate(period: string): Date {
	const [year, month, day] = period.split("-").map(Number) as [number, number, number?];
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day ?? 1);
	date.setUTCHours(12);
	return date;
}

const DAY_NAME = new Intl.DateTimeFormat("en-GB", {
	weekday: "long",
	day: "numeric",
	month: "long",
	year: "numeric",
	timeZone: "UTC",
});
const DAY_IN_MONTH = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", timeZone: "UTC" });
const MONTH_NAME = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const MONTH_ONLY = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });

/** `2026-12-03` → `Thursday 3 December 2026`. */
export function dayName(day: string): string {
	return DAY_NAME.format(calendarDate(day)).replace(",", "");
}

/** `2026-12` → `December 2026`. */
export function monthName(month: string): string {
	return MONTH_NAME.format(calendarDate(month));
}

type ArchiveShell = { config: SiteConfig; meta: PageMeta; sections: SectionLink[] };

function Shell({ config, meta, sections, title, children }: ArchiveShell & { title: string; children: unknown }) {
	return (
		<Layout siteName={config.siteName} title={title} meta={meta} timeZone={config.timeZone} nav={{ sections }} liveAges>
			<main class="page" id="main">
				<section class="list archive" aria-labelledby="archive-title">
					{children}
				</section>
			</main>
		</Layout>
	);
}

/** `Archive › December 2026`: the way back up from a month or a day. */
function Trail({ month }: { month?: string }) {
	return (
		<nav class="trail" aria-label="Archive">
			<a href={archivePath()}>Archive</a>
			{month ? (
				<>
					{" › "}
					<a href={archivePath(month)}>{monthName(month)}</a>
				</>
			) : null}
		</nav>
	);
}

export function ArchiveDayPage(
	props: ArchiveShell & {
		day: string;
		headlines: Headline[];
		now: Date;
		prev?: string;
		next?: string;
		/** The home list's page that goes on past this day's record, when the day has more. */
		earlier?: string;
	},
) {
	const { config, day, headlines, now, prev, next, earlier } = props;
	const name = dayName(day);
	return (
		<Shell {...props} title={name}>
			<Trail month={day.slice(0, 7)} />
			<h1 id="archive-title" class="page-title">
				{name}
			</h1>
			<HeadlineList headlines={headlines} now={now} timeZone={config.timeZone} />
			{earlier ? (
				<p class="more">
					<a href={earlier}>Earlier stories from this day →</a>
				</p>
			) : null}
			<Pager
				label="Other days"
				newer={next ? { href: archivePath(next), text: `← ${dayName(next)}` } : undefined}
				older={prev ? { href: archivePath(prev), text: `${dayName(prev)} →` } : undefined}
			/>
		</Shell>
	);
}

export function ArchiveMonthPage(
	props: ArchiveShell & { month: string; days: string[]; prev?: string; next?: string },
) {
	const { month, days, prev, next } = props;
	const name = monthName(month);
	return (
		<Shell {...props} title={name}>
			<Trail />
			<h1 id="archive-title" class="page-title">
				{name}
			</h1>
			<ul class="archive-days">
				{days.map((day) => (
					<li>
						<a href={archivePath(day)}>{DAY_IN_MONTH.format(calendarDate(day))}</a>
					</li>
				))}
			</ul>
			<Pager
				label="Other months"
				newer={next ? { href: archivePath(next), text: `← ${monthName(next)}` } : undefined}
				older={prev ? { href: archivePath(prev), text: `${monthName(prev)} →` } : undefined}
			/>
		</Shell>
	);
}

export function ArchiveMonthsPage(props: ArchiveShell & { months: string[] }) {
	const years = new Map<string, string[]>();
	for (const month of props.months) years.set(month.slice(0, 4), [...(years.get(month.slice(0, 4)) ?? []), month]);
	return (
		<Shell {...props} title="Archive">
			<h1 id="archive-title" class="page-title">
				Archive
			</h1>
			{years.size === 0 ? <p class="empty">No stories yet.</p> : null}
			{[...years].map(([year, months]) => (
				<section aria-labelledby={`year-${year}`}>
					<h2 id={`year-${year}`}>{year}</h2>
					<ul class="archive-months">
						{months.map((month) => (
							<li>
								<a href={archivePath(month)}>{MONTH_ONLY.format(calendarDate(month))}</a>
							</li>
						))}
					</ul>
				</section>
			))}
		</Shell>
	);
}
