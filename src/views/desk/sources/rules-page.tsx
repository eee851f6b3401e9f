/**
 * @module The rules of every source, or of one, as a textarea of lines (src/sources/rule-lines.ts),
 * with Save and, for a source, Test: the dry run against its last fetched items, nothing stored.
 */
import type { Actor } from "../../../auth/actor";
import { deskTime } from "../../../desk/desk-time";
import type { DryRunResponse } from "../../../schemas/rules";
import { TextArea } from "../fields";
import { DeskLayout } from "../layout";
import { type DeskFlash, FlashLines } from "./source-list";

export type RulesPageProps = {
	actor: Actor;
	/** Null for the global set. */
	source: { id: string; name: string } | null;
	text: string;
	/** The problems with the lines as sent, one per bad line. */
	errors?: string[];
	dryRun?: DryRunResponse | undefined;
	timeZone: string;
	flash?: DeskFlash | undefined;
};

const OUTCOME_WORDS = { kept: "published", blocked: "blocked (to the review queue)", held: "held for review" } as const;

export function RulesPage({ actor, source, text, errors = [], dryRun, timeZone, flash }: RulesPageProps) {
	const action = source ? `/admin/sources/${source.id}/rules` : "/admin/sources/rules";
	const title = source ? `Rules for ${source.name}` : "Rules for every source";
	return (
		<DeskLayout title={title} actor={actor} active="sources">
			<p>
				<a href="/admin/sources">← All sources</a>
			</p>
			<h1>{title}</h1>
			<FlashLines flash={flash} />
			<p>
				One rule a line: <code>keep</code> or <code>block</code>, then the field (<code>title</code>, <code>link</code>,{" "}
				<code>author</code>, <code>categories</code> or <code>content</code>), then <code>phrase</code> (words to find,
				any case) or <code>pattern</code> (a regular expression), then the value. For example{" "}
				<code>block title phrase sponsored</code>. Block wins; once any keep rule exists, an item must match one.{" "}
				{source ? "The rules for every source apply too." : "Each source can add its own."}
			</p>
			<form method="post" action={action}>
				<TextArea
					id="rules-text"
					name="rules"
					label="Rules"
					value={text}
					rows={10}
					error={errors.length > 0 ? errors.join("; ") : undefined}
					hint="Lines starting with # are notes and are skipped."
				/>
				<div class="actions">
					<button type="submit" class="primary">
						Save the rules
					</button>
					{source ? (
						<button type="submit" formaction={`${action}/test`}>
							Test against its last items
						</button>
					) : null}
				</div>
			</form>
			{dryRun ? <DryRunTable dryRun={dryRun} timeZone={timeZone} /> : null}
		</DeskLayout>
	);
}

function DryRunTable({ dryRun, timeZone }: { dryRun: DryRunResponse; timeZone: string }) {
	if (dryRun.items.length === 0) {
		return (
			<section aria-labelledby="dry-run-title">
				<h2 id="dry-run-title">Test result</h2>
				<p class="empty">
					No fetched items to test against yet: the source has not been fetched, or its feed was empty.
				</p>
			</section>
		);
	}
	const { kept, blocked, held } = dryRun.counts;
	return (
		<section aria-labelledby="dry-run-title">
			<h2 id="dry-run-title">Test result</h2>
			<p role="status">
				Of the {dryRun.items.length} items fetched {dryRun.fetchedAt ? deskTime(dryRun.fetchedAt, timeZone) : ""}:{" "}
				{kept} would be published, {blocked} blocked, {held} held. Nothing was saved.
			</p>
			<div class="table-wrap">
				<table>
					<thead>
						<tr>
							<th scope="col">Item</th>
							<th scope="col">Would be</th>
							<th scope="col">Because</th>
						</tr>
					</thead>
					<tbody>
						{dryRun.items.map((item) => (
							<tr>
								<th scope="row">{item.title}</th>
								<td>{OUTCOME_WORDS[item.outcome]}</td>
								<td>
									{item.rule ? (
										<code>
											{item.rule.action} {item.rule.field} {item.rule.kind} {item.rule.value}
										</code>
									) : (
										(item.note ?? "no rule matched")
									)}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</section>
	);
}
