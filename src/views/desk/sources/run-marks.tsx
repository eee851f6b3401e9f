/**
 * @module A source's last attempts as a row of small marks, newest first: colour for a glance, and
 * for everyone else (screen readers, colour-blind readers, a printout) a letter and a text alternative.
 */

import { deskTime } from "../../../desk/desk-time";
import type { SourceRun } from "../../../schemas/source-runs";
import { errorWords, statusPhrase } from "../../../sources/health-words";

const LETTER: Record<SourceRun["outcome"], string> = { fetched: "✓", not_modified: "=", failed: "✗" };

/** Formats a time on the site's clock, once per distinct time: a run's sources share its commit's time. */
export type TimeText = (iso: string) => string;

export function memoTime(timeZone: string): TimeText {
	const seen = new Map<string, string>();
	return (iso) => {
		let text = seen.get(iso);
		if (text === undefined) {
			text = deskTime(iso, timeZone);
			seen.set(iso, text);
		}
		return text;
	};
}

/** What one attempt was, in words: "6 Dec 2026, 09:30: fetched, 3 new of 12". */
export function runWords(run: SourceRun, time: TimeText): string {
	const at = time(run.at);
	switch (run.outcome) {
		case "fetched":
			return `${at}: fetched${run.status === null ? "" : ` (${statusPhrase(run.status)})`}, ${run.newItems} new of ${run.items}`;
		case "not_modified":
			return `${at}: unchanged (304 Not Modified)`;
		case "failed":
			return `${at}: failed, ${run.error ? errorWords(run.error) : "no reason recorded"}`;
	}
}

export function RunMarks({ runs, time }: { runs: readonly SourceRun[]; time: TimeText }) {
	if (runs.length === 0) return <span class="muted">no runs yet</span>;
	return (
		<ol class="run-marks" aria-label={`Last ${runs.length} runs, newest first`}>
			{runs.map((run) => {
				const words = runWords(run, time);
				return (
					<li class={`run-mark ${run.outcome}`} title={words}>
						<span aria-hidden="true">{LETTER[run.outcome]}</span>
						<span class="visually-hidden">{words}</span>
					</li>
				);
			})}
		</ol>
	);
}
