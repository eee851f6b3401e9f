/**
 * @module The article editor (GET /admin/articles/new, /admin/articles/:slug): every field an article has,
 * each error beside its field, the status buttons the person's role allows, the revisions panel, and
 * the conflict view after someone else saved first. A plain form POST does everything; editor.js adds
 * the live preview, autosave and saving in place.
 */
import { raw } from "hono/html";
import { type Actor, hasRole } from "../../auth/actor";
import type { FieldErrors, FormValues } from "../../desk/article-form";
import { deskTime } from "../../desk/desk-time";
import type { DiffPart } from "../../desk/text-diff";
import type { DeskArticle, RevisionSummary } from "../../schemas/article-desk";
import { StatusBadge } from "./article-list";
import { DiffView } from "./diff-view";
import { PostButton, TextArea, TextField } from "./fields";
import { Flash, type FlashMessage, FlashText } from "./flash";
import { DeskLayout } from "./layout";

export type EditorProps = {
	actor: Actor;
	/** The stored article; absent for a new one. */
	article?: DeskArticle | undefined;
	values: FormValues;
	errors?: FieldErrors | undefined;
	timeZone: string;
	flash?: FlashMessage | undefined;
	revisions?: RevisionSummary[] | undefined;
	/** A revision compared with the current text (`?compare=n`). */
	compared?: { n: number; parts: DiffPart[] | undefined } | undefined;
	/** After a 412: the version saved meanwhile, and how it differs from what was posted. */
	conflict?: { theirs: DeskArticle; parts: DiffPart[] | undefined } | undefined;
	/** Sanitized HTML of the body, rendered by the site's own renderer (the no-script Preview button). */
	previewHtml?: string | undefined;
};

export function ArticleEditorPage(props: EditorProps) {
	const { actor, article, values, timeZone } = props;
	const errors = props.errors ?? {};
	const isNew = !article;
	const editor = hasRole(actor.role, "editor");
	const published = article?.status === "published";
	const lockedForMe = published && !editor;
	const action = isNew ? "/admin/articles/new" : `/admin/articles/${article.slug}`;
	const title = isNew ? "New article" : `Edit: ${article.title}`;
	return (
		<DeskLayout title={title} actor={actor} active="articles" scripts={["editor.js"]}>
			<p>
				<a href="/admin">← All articles</a>
			</p>
			<div class="page-head">
				<h1>{isNew ? "New article" : article.title}</h1>
				{article ? <StatusBadge item={article} /> : null}
			</div>
			{article?.url && published ? (
				<p>
					{article.scheduled ? "Goes live at " : "Live at "}
					<a href={article.url}>{article.url}</a>
					{article.scheduled ? ` on ${deskTime(article.publishedAt, timeZone)} (${timeZone})` : ""}
				</p>
			) : null}
			<FlashText flash={props.flash} />
			{errors.form ? (
				<Flash kind="error">
					<p>{errors.form}</p>
				</Flash>
			) : Object.keys(errors).length > 0 ? (
				<Flash kind="error">
					<p>Not saved: please fix the fields marked below.</p>
				</Flash>
			) : null}
			{props.conflict ? <ConflictPanel conflict={props.conflict} timeZone={timeZone} /> : null}
			<section id="conflict" class="conflict" hidden aria-labelledby="conflict-title">
				<h2 id="conflict-title">Someone else saved this article</h2>
				<p id="conflict-who" />
				<div id="conflict-diff" />
				<div class="actions">
					<button type="button" id="conflict-keep">
						Keep my version (save over theirs)
					</button>
					<a class="button" href={action}>
						Discard mine and load theirs
					</a>
				</div>
			</section>
			{lockedForMe ? (
				<Flash kind="info">
					<p>This article is published; only an editor can change it.</p>
				</Flash>
			) : null}
			<div class="editor">
				<form
					id="editor-form"
					method="post"
					action={action}
					class="editor-main"
					novalidate
					data-slug={article?.slug ?? ""}
					data-status={article?.status ?? "new"}
					data-published-at={article?.publishedAt ?? ""}
					data-time-zone={timeZone}
					data-conflict={props.conflict ? "true" : undefined}
				>
					<input type="hidden" name="etag" value={props.conflict?.theirs.etag ?? article?.etag ?? ""} />
					<TextField
						id="title"
						name="title"
						label="Title"
						value={values.title}
						error={errors.title}
						required
						maxlength={300}
					/>
					<TextField
						id="slug"
						name="slug"
						label="Slug"
						value={values.slug}
						error={errors.slug}
						readonly={!isNew}
						maxlength={120}
						hint={
							isNew
								? "The story's address: suggested from the title; lowercase letters, digits and hyphens."
								: "Fixed once the article exists."
						}
					/>
					<TextArea id="dek" name="dek" label="Dek" value={values.dek} error={errors.dek} rows={2} maxlength={600} />
					<div class="row">
						<TextField
							id="section"
							name="section"
							label="Section"
							value={values.section}
							error={errors.section}
							maxlength={60}
						/>
						<TextField
							id="tags"
							name="tags"
							label="Tags"
							value={values.tags}
							error={errors.tags}
							hint="Separated by commas."
						/>
					</div>
					<fieldset>
						<legend>Author</legend>
						<TextField
							id="authorName"
							name="authorName"
							label="Name"
							value={values.authorName}
							error={errors.authorName}
							maxlength={200}
						/>
						<TextArea
							id="authorBio"
							name="authorBio"
							label="Bio"
							value={values.authorBio}
							error={errors.authorBio}
							rows={2}
							maxlength={2000}
						/>
					</fieldset>
					<TextArea
						id="body"
						name="body"
						label="Body (Markdown)"
						value={values.body}
						error={errors.body}
						class="body"
						rows={20}
						required
					/>
					<fieldset>
						<legend>Lead image</legend>
						<TextField
							id="imageUrl"
							name="imageUrl"
							label="Image URL (https)"
							type="url"
							value={values.imageUrl}
							error={errors.imageUrl}
						/>
						<TextField
							id="imageAlt"
							name="imageAlt"
							label="Alt text"
							value={values.imageAlt}
							error={errors.imageAlt}
							maxlength={500}
							hint="What the image shows, for readers who cannot see it."
						/>
						<div class="row">
							<TextField
								id="imageWidth"
								name="imageWidth"
								label="Width (px)"
								inputmode="numeric"
								value={values.imageWidth}
								error={errors.imageWidth}
							/>
							<TextField
								id="imageHeight"
								name="imageHeight"
								label="Height (px)"
								inputmode="numeric"
								value={values.imageHeight}
								error={errors.imageHeight}
							/>
						</div>
						<TextField
							id="imageCredit"
							name="imageCredit"
							label="Credit"
							value={values.imageCredit}
							error={errors.imageCredit}
							maxlength={300}
						/>
					</fieldset>
					<TextField
						id="sourceUrl"
						name="sourceUrl"
						label="Source link"
						type="url"
						value={values.sourceUrl}
						error={errors.sourceUrl}
					/>
					<TextField
						id="publishAt"
						name="publishAt"
						label={`Publish time (${timeZone})`}
						type="datetime-local"
						value={values.publishAt}
						error={errors.publishAt}
						hint={
							editor ? "Used by Schedule; Publish now uses the current time." : "An editor decides when it goes live."
						}
					/>
					<p class="status-line" id="save-status" role="status" aria-live="polite" />
					<div class="actions">
						{lockedForMe ? null : (
							<>
								{published ? null : (
									<button type="submit" name="intent" value="draft">
										Save draft
									</button>
								)}
								{published ? null : (
									<button type="submit" name="intent" value="review">
										Submit for review
									</button>
								)}
								{editor && !published ? (
									<>
										<button type="submit" name="intent" value="publish" class="primary">
											Publish now
										</button>
										<button type="submit" name="intent" value="schedule">
											Schedule
										</button>
									</>
								) : null}
								{editor && published ? (
									<>
										<button type="submit" name="intent" value="update" class="primary">
											Update
										</button>
										<button type="submit" name="intent" value="schedule">
											Reschedule
										</button>
										<button type="submit" name="intent" value="unpublish" class="danger">
											Unpublish
										</button>
									</>
								) : null}
							</>
						)}
						<button type="submit" name="intent" value="preview" formnovalidate>
							Preview
						</button>
					</div>
				</form>
				<div class="editor-side">
					<section aria-labelledby="preview-title">
						<h2 id="preview-title">Preview</h2>
						<div id="preview" class="preview">
							{props.previewHtml !== undefined ? (
								raw(props.previewHtml)
							) : (
								<p class="muted">The body as readers will see it appears here as you type (or press Preview).</p>
							)}
						</div>
					</section>
					{article ? (
						<RevisionsPanel
							slug={article.slug}
							revisions={props.revisions ?? []}
							compared={props.compared}
							timeZone={timeZone}
							current={article.revision}
							canRestore={!lockedForMe}
						/>
					) : null}
				</div>
			</div>
		</DeskLayout>
	);
}

function ConflictPanel({ conflict, timeZone }: { conflict: NonNullable<EditorProps["conflict"]>; timeZone: string }) {
	const { theirs } = conflict;
	const who = theirs.savedBy?.name ?? "someone";
	const when = theirs.savedAt ? ` at ${deskTime(theirs.savedAt, timeZone)}` : "";
	return (
		<section class="conflict" aria-labelledby="conflict-now-title">
			<h2 id="conflict-now-title">Someone else saved this article</h2>
			<p>
				{who} saved revision {theirs.revision}
				{when} while you were editing. Your text is still in the form below and was not saved. Saving again will replace
				their version with yours.
			</p>
			<DiffView parts={conflict.parts} label="Their version (removed) against yours (added)" />
			<p>
				<a href={`/admin/articles/${theirs.slug}`}>Discard mine and load theirs</a>
			</p>
		</section>
	);
}

function RevisionsPanel(props: {
	slug: string;
	revisions: RevisionSummary[];
	compared: EditorProps["compared"];
	timeZone: string;
	current: number;
	canRestore: boolean;
}) {
	const { slug, revisions, compared, timeZone } = props;
	return (
		<section aria-labelledby="revisions-title">
			<h2 id="revisions-title">Revisions</h2>
			{revisions.length === 0 ? (
				<p class="muted">No revisions yet.</p>
			) : (
				<div class="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">#</th>
								<th scope="col">Saved</th>
								<th scope="col">By</th>
								<th scope="col">Status</th>
								<th scope="col">
									<span class="visually-hidden">Actions</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{revisions.map((r) => (
								<tr>
									<td class="num">{r.n}</td>
									<td class="num">
										<time datetime={r.at}>{deskTime(r.at, timeZone)}</time>
										{r.autosave ? <span class="muted"> (autosave)</span> : null}
									</td>
									<td>{r.by.name}</td>
									<td>{r.status}</td>
									<td>
										{r.n === props.current ? (
											<span class="muted">current</span>
										) : (
											<div class="inline-form">
												<a href={`/admin/articles/${slug}?compare=${r.n}#compare`}>
													Compare<span class="visually-hidden"> revision {r.n}</span>
												</a>
												{props.canRestore ? (
													<PostButton
														action={`/admin/articles/${slug}/revisions/${r.n}/restore`}
														class="link"
														label="Restore"
														of={`revision ${r.n}`}
													/>
												) : null}
											</div>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			{compared ? (
				<div id="compare">
					<h3>Revision {compared.n} against the current text</h3>
					<DiffView
						parts={compared.parts}
						label={`Revision ${compared.n} (removed) against the current text (added)`}
					/>
				</div>
			) : null}
		</section>
	);
}
