/** @module The audit log (admin): every change, newest first, with who, how they signed in, and what it did. */
import type { Actor } from "../../auth/actor";
import { deskTime } from "../../desk/desk-time";
import type { AuditEntry } from "../../schemas/staff";
import { DeskLayout } from "./layout";

const VIA: Record<AuditEntry["via"]["kind"], string> = {
	session: "session",
	token: "API token",
	owner: "ADMIN_TOKEN",
};

export function AuditPage(props: {
	actor: Actor;
	entries: AuditEntry[];
	next?: string | undefined;
	paged: boolean;
	timeZone: string;
}) {
	const { actor, entries, timeZone } = props;
	return (
		<DeskLayout title="Audit log" actor={actor} active="audit">
			<h1>Audit log</h1>
			{entries.length === 0 ? (
				<p class="empty">Nothing has been changed yet.</p>
			) : (
				<div class="table-wrap">
					<table>
						<caption class="visually-hidden">Changes, newest first</caption>
						<thead>
							<tr>
								<th scope="col">When</th>
								<th scope="col">Who</th>
								<th scope="col">Via</th>
								<th scope="col">Request</th>
								<th scope="col">Status</th>
								<th scope="col">Detail</th>
							</tr>
						</thead>
						<tbody>
							{entries.map((entry) => (
								<tr>
									<td class="num">
										<time datetime={entry.at}>{deskTime(entry.at, timeZone)}</time>
									</td>
									<td>
										{entry.actor.name} <span class="muted">({entry.actor.role})</span>
									</td>
									<td>
										{VIA[entry.via.kind]}
										{entry.via.id ? <code class="muted"> {entry.via.id}</code> : null}
									</td>
									<td>
										<code>
											{entry.method} {entry.path}
										</code>
									</td>
									<td class="num">{entry.status}</td>
									<td>{entry.detail ?? ""}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<nav class="pager" aria-label="Pages">
				{props.paged ? <a href="/admin/audit">Newest</a> : null}
				{props.next ? <a href={`/admin/audit?cursor=${encodeURIComponent(props.next)}`}>Older entries</a> : null}
			</nav>
			<p class="muted">Times in {timeZone}.</p>
		</DeskLayout>
	);
}
