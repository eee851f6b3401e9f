/**
 * @module /admin/review: the feed items a rule blocked or a source held, the newest first, each with
 * why it waits and Approve (publish it) and Reject (take it down for good) buttons, plain form posts.
 */
import type { Actor } from "../../../auth/actor";
import { deskTime } from "../../../desk/desk-time";
import type { ReviewList } from "../../../schemas/rules";
import { PostButton } from "../fields";
import { DeskLayout } from "../layout";
import { type DeskFlash, FlashLines } from "./source-list";

export function ReviewPage({
	actor,
	list,
	names,
	timeZone,
	flash,
}: {
	actor: Actor;
	list: ReviewList;
	/** Source names by id, for the sources still listed. */
	names: ReadonlyMap<string, string>;
	timeZone: string;
	flash?: DeskFlash | undefined;
}) {
	return (
		<DeskLayout title="Review queue" actor={actor} active="review">
			<h1>Review queue</h1>
			<FlashLines flash={flash} />
			<p>
				Feed items a rule blocked, or that came from a source whose new items wait for an editor. Approve publishes one;
				reject takes it down, and no refresh brings it back.
			</p>
			{list.items.length === 0 ? (
				<p class="empty">Nothing is waiting for review.</p>
			) : (
				<div class="table-wrap">
					<table>
						<caption>Waiting items, the newest first; times are {timeZone}</caption>
						<thead>
							<tr>
								<th scope="col">Item</th>
								<th scope="col">Source</th>
								<th scope="col">Why it waits</th>
								<th scope="col">Actions</th>
							</tr>
						</thead>
						<tbody>
							{list.items.map((item) => {
								return (
									<tr>
										<th scope="row">
											{item.title}
											<div class="muted">
												{deskTime(item.publishedAt, timeZone)}
												{item.link ? (
													<>
														{" · "}
														<a href={item.link}>
															original<span class="visually-hidden"> of {item.title}</span>
														</a>
													</>
												) : null}
											</div>
										</th>
										<td>{names.get(item.sourceId) ?? item.sourceId}</td>
										<td>
											{item.reason === "held" ? "its source holds new items for review" : "blocked by a rule"}
											{item.rule ? (
												<div>
													<code>
														{item.rule.action} {item.rule.field} {item.rule.kind} {item.rule.value}
													</code>
												</div>
											) : null}
											{item.note ? <div class="muted">{item.note}</div> : null}
										</td>
										<td>
											<div class="inline-form">
												<PostButton
													action={`/admin/review/${item.id}/approve`}
													class="primary"
													label="Approve"
													of={item.title}
												/>
												<PostButton
													action={`/admin/review/${item.id}/reject`}
													class="danger"
													label="Reject"
													of={item.title}
												/>
											</div>
										</td>
									</tr>
								);
							})}
						</tbody>
					</table>
				</div>
			)}
			{list.next ? (
				<nav class="pager" aria-label="More items">
					<a href={`/admin/review?cursor=${list.next}`}>Older items</a>
				</nav>
			) : null}
		</DeskLayout>
	);
}
