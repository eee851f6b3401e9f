/** @module OPML import on the sources desk: a file upload that works without JavaScript, and a result per outline. */
import type { Actor } from "../../../auth/actor";
import type { OpmlImportReport } from "../../../schemas/opml";
import { Flash } from "../flash";
import { DeskLayout } from "../layout";

const STATUS_WORDS = { added: "added", skipped: "already a source", invalid: "not added" } as const;

export function ImportPage({
	actor,
	report,
	error,
}: {
	actor: Actor;
	report?: OpmlImportReport | undefined;
	error?: string | undefined;
}) {
	return (
		<DeskLayout title="Import OPML" actor={actor} active="sources">
			<p>
				<a href="/admin/sources">← All sources</a>
			</p>
			<h1>Import sources from OPML</h1>
			{error ? (
				<Flash kind="error">
					<p>{error}</p>
				</Flash>
			) : null}
			{report ? <ImportReport report={report} /> : null}
			<form method="post" action="/admin/sources/import" enctype="multipart/form-data">
				<div class="field">
					<label for="opml-file">OPML file</label>
					<input
						type="file"
						id="opml-file"
						name="file"
						accept=".opml,.xml,text/x-opml,application/xml,text/xml"
						required
						aria-describedby="opml-file-hint"
					/>
					<p class="hint" id="opml-file-hint">
						Feeds whose address is a source already are skipped; at most 1 MiB. Export the current list with{" "}
						<a href="/api/sources.opml">Export OPML</a>.
					</p>
				</div>
				<div class="actions">
					<button type="submit" class="primary">
						Import
					</button>
				</div>
			</form>
		</DeskLayout>
	);
}

function ImportReport({ report }: { report: OpmlImportReport }) {
	return (
		<>
			<Flash kind={report.invalid > 0 ? "error" : "ok"}>
				<p>
					{report.added} added, {report.skipped} already sources, {report.invalid} not added.
				</p>
			</Flash>
			<div class="table-wrap">
				<table>
					<caption>Each feed in the file</caption>
					<thead>
						<tr>
							<th scope="col">Feed</th>
							<th scope="col">Result</th>
						</tr>
					</thead>
					<tbody>
						{report.results.map((r) => (
							<tr>
								<th scope="row">
									{r.title ?? "(untitled)"}
									{r.url ? (
										<div class="muted">
											<code>{r.url}</code>
										</div>
									) : null}
								</th>
								<td>
									{STATUS_WORDS[r.status]}
									{r.id ? (
										<>
											{" "}
											as <a href={`/admin/sources/${r.id}`}>{r.id}</a>
										</>
									) : null}
									{r.reason ? <div class="muted">{r.reason}</div> : null}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</>
	);
}
