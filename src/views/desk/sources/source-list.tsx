/**
 * @module /admin/sources: one row per source with its health in words (last fetch, next due time,
 * items, consecutive failures, the last runs' marks) and its actions. Every action is a plain form
 * post, so the page works without JavaScript.
 */
import type { Actor } from "../../../auth/actor";
import type { SourceState } from "../../../schemas/source";
import type { SourceRun } from "../../../schemas/source-runs";
import { lastFetchWords } from "../../../sources/health-words";
import { PostButton } from "../fields";
import { Flash, type FlashKind } from "../flash";
import { DeskLayout } from "../layout";
import { memoTime, RunMarks, type TimeText } from "./run-marks";

export type DeskFlash = { kind: FlashKind; lines: string[] };

export type SourceListProps = {
	actor: Actor;
	/** This page's sources. */
	sources: readonly SourceState[];
	runs: Readonly<Record<string, readonly SourceRun[]>>;
	/** All the sources, on every page. */
	total: number;
	/** 1-based, of `pages`. */
	page: number;
	pages: number;
	now: Date;
	timeZone: string;
	flash?: DeskFlash | undefined;
};

/** "due now", or the time on the site's clock. */
function nextDue(source: SourceState, now: Date, time: TimeText): string {
	if (source.paused) return "paused";
	if (source.nextDueAt === null || Date.parse(source.nextDueAt) <= now.getTime()) return "due now";
	return time(source.nextDueAt);
}

export function FlashLines({ flash }: { flash?: DeskFlash | undefined }) {
	if (!flash) return null;
	return (
		<Flash kind={flash.kind}>
			{flash.lines.map((line) => (
				<p>{line}</p>
			))}
		</Flash>
	);
}

export function SourceListPage({ actor, sources, runs, total, page, pages, now, timeZone, flash }: SourceListProps) {
	const time = memoTime(timeZone);
	return (
		<DeskLayout title="Sources" actor={actor} active="sources">
			<div class="page-head">
				<h1>Sources</h1>
				<div class="actions">
					<a class="button primary" href="/admin/sources/new">
						Add a source
					</a>
					<a class="button" href="/admin/sources/import">
						Import OPML
					</a>
					<a class="button" href="/api/sources.opml">
						Export OPML
					</a>
					<a class="button" href="/admin/sources/rules">
						Rules for every source
					</a>
					<form method="post" action="/admin/sources/refresh" class="inline">
						<button type="submit">Refresh due sources now</button>
					</form>
				</div>
			</div>
			<FlashLines flash={flash} />
			{total === 0 ? (
				<p class="empty">
					No sources yet. <a href="/admin/sources/new">Add the first one</a>, or import an OPML file.
				</p>
			) : (
				<div class="table-wrap">
					<table>
						<caption>
							{total} {total === 1 ? "source" : "sources"}
							{pages > 1 ? `, page ${page} of ${pages}` : ""}; times are {timeZone}
						</caption>
						<thead>
							<tr>
								<th scope="col">Source</th>
								<th scope="col">Last fetch</th>
								<th scope="col">Next due</th>
								<th scope="col">Items</th>
								<th scope="col">Failures in a row</th>
								<th scope="col">Last runs</th>
								<th scope="col">Actions</th>
							</tr>
						</thead>
						<tbody>
							{sources.map((source) => (
								<SourceRow source={source} runs={runs[source.id] ?? []} now={now} time={time} />
							))}
						</tbody>
					</table>
				</div>
			)}
			{pages > 1 ? <Pager page={page} pages={pages} /> : null}
		</DeskLayout>
	);
}

function Pager({ page, pages }: { page: number; pages: number }) {
	return (
		<nav class="pager" aria-label="Pages of sources">
			{page > 1 ? (
				<a href={page === 2 ? "/admin/sources" : `/admin/sources?page=${page - 1}`}>← Previous page</a>
			) : null}
			{page < pages ? <a href={`/admin/sources?page=${page + 1}`}>Next page →</a> : null}
		</nav>
	);
}

function SourceRow({
	source,
	runs,
	now,
	time,
}: {
	source: SourceState;
	runs: readonly SourceRun[];
	now: Date;
	time: TimeText;
}) {
	const base = `/admin/sources/${source.id}`;
	const name = <span class="visually-hidden"> {source.name}</span>;
	return (
		<tr id={`source-${source.id}`}>
			<th scope="row">
				<a href={base}>{source.name}</a>
				{source.paused ? <span class="badge draft"> paused</span> : null}
				{source.review ? <span class="badge review"> held for review</span> : null}
				<div class="muted">
					<code>{source.url}</code>
				</div>
				{source.section ? <div class="muted">Section: {source.section}</div> : null}
			</th>
			<td>
				{source.lastFetchedAt ? <div>{time(source.lastFetchedAt)}</div> : null}
				<div class={source.lastError ? "error-text" : undefined}>{lastFetchWords(source)}</div>
				{source.movedTo ? (
					<PostButton action={`${base}/move`} label="Use the new address" of={`for ${source.name}`} />
				) : null}
			</td>
			<td>{nextDue(source, now, time)}</td>
			<td class="num">{source.itemCount}</td>
			<td class="num">{source.consecutiveFailures}</td>
			<td>
				<RunMarks runs={runs} time={time} />
			</td>
			<td>
				<div class="inline-form">
					<a href={base}>Edit{name}</a>
					<PostButton
						action={`${base}/${source.paused ? "resume" : "pause"}`}
						label={source.paused ? "Resume" : "Pause"}
						of={source.name}
					/>
					<PostButton
						action={`${base}/refresh`}
						label="Refresh now"
						of={source.name}
						disabled={source.paused === true}
					/>
					<a href={`${base}/rules`}>Rules{name}</a>
					<a href={`${base}/delete`}>Delete{name}</a>
				</div>
			</td>
		</tr>
	);
}
