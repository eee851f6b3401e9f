/**
 * @module The confirm page before a source is deleted: it asks whether the stories it brought stay
 * on the site or go with it, with "keep" chosen, since removing them cannot be undone.
 */
import type { Actor } from "../../../auth/actor";
import type { SourceState } from "../../../schemas/source";
import { DeskLayout } from "../layout";

export function DeleteSourcePage({
	actor,
	source,
	articleCount,
	gone = false,
}: {
	actor: Actor;
	source: Pick<SourceState, "id" | "name">;
	/** How many of its stories the site holds now. */
	articleCount: number;
	/** The source is deleted already and some of its stories are left: the page offers to remove the rest. */
	gone?: boolean;
}) {
	const stories = articleCount === 1 ? "1 story" : `${articleCount} stories`;
	if (gone) return <RemoveTheRest actor={actor} id={source.id} stories={stories} />;
	return (
		<DeskLayout title={`Delete ${source.name}`} actor={actor} active="sources">
			<p>
				<a href="/admin/sources">← All sources</a>
			</p>
			<h1>Delete {source.name}?</h1>
			<p>
				The source stops being fetched, and its rules and run history are deleted. Items waiting in the review queue
				stay there. The site holds {stories} from it.
			</p>
			<form method="post" action={`/admin/sources/${source.id}/delete`}>
				{articleCount === 0 ? (
					<input type="hidden" name="articles" value="keep" />
				) : (
					<ArticleChoice stories={stories} />
				)}
				<div class="actions">
					<button type="submit" class="danger">
						Delete the source
					</button>
					<a href="/admin/sources">Cancel</a>
				</div>
			</form>
		</DeskLayout>
	);
}

function RemoveTheRest({ actor, id, stories }: { actor: Actor; id: string; stories: string }) {
	return (
		<DeskLayout title={`Remove the rest of ${id}`} actor={actor} active="sources">
			<p>
				<a href="/admin/sources">← All sources</a>
			</p>
			<h1>Remove the rest of {id}'s stories?</h1>
			<p>
				The source {id} is deleted, and {stories} from it are still on the site.
			</p>
			<form method="post" action={`/admin/sources/${id}/delete`}>
				<input type="hidden" name="articles" value="remove" />
				<div class="actions">
					<button type="submit" class="danger">
						Remove the {stories}
					</button>
					<a href="/admin/sources">Keep them</a>
				</div>
			</form>
		</DeskLayout>
	);
}

/** Keep (chosen) or remove the source's stories. */
function ArticleChoice({ stories }: { stories: string }) {
	return (
		<fieldset>
			<legend>What happens to its {stories}?</legend>
			<div class="field">
				<input type="radio" id="articles-keep" name="articles" value="keep" checked />{" "}
				<label for="articles-keep" class="inline">
					Keep its stories on the site
				</label>
			</div>
			<div class="field">
				<input type="radio" id="articles-remove" name="articles" value="remove" />{" "}
				<label for="articles-remove" class="inline">
					Remove its stories from the site too (this cannot be undone)
				</label>
			</div>
		</fieldset>
	);
}
