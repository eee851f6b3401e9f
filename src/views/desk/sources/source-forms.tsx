/**
 * @module The add and edit forms of a source, each error beside the field it names; the add page also
 * finds a site's feeds from its address (the discovery the API offers) and lists them to pick from.
 */
import type { Actor } from "../../../auth/actor";
import type { DiscoveryResponse } from "../../../schemas/discovery";
import { MAX_ITEMS_PER_RUN, type SourceState } from "../../../schemas/source";
import type { FieldErrors } from "../../../sources/source-form";
import { TextField } from "../fields";
import { Flash } from "../flash";
import { DeskLayout } from "../layout";
import { type DeskFlash, FlashLines } from "./source-list";

/** What the form shows: the values as sent (after an error) or as stored. */
export type SourceFormValues = {
	id?: string;
	url?: string;
	name?: string;
	section?: string;
	itemsPerRun?: string;
	paused?: boolean;
	review?: boolean;
};

export function valuesOf(source: SourceState): SourceFormValues {
	return {
		id: source.id,
		url: source.url,
		name: source.name,
		section: source.section ?? "",
		itemsPerRun: source.itemsPerRun === undefined ? "" : String(source.itemsPerRun),
		paused: source.paused === true,
		review: source.review === true,
	};
}

function Checkbox({ name, label, checked, hint }: { name: string; label: string; checked: boolean; hint: string }) {
	const id = `source-${name}`;
	return (
		<div class="field">
			<input type="checkbox" id={id} name={name} value="on" checked={checked} aria-describedby={`${id}-hint`} />{" "}
			<label for={id} class="inline">
				{label}
			</label>
			<p class="hint" id={`${id}-hint`}>
				{hint}
			</p>
		</div>
	);
}

function FormErrors({ errors }: { errors: FieldErrors }) {
	const count = Object.keys(errors).length;
	if (count === 0) return null;
	return (
		<Flash kind="error">
			<p>{count === 1 ? "One field needs a change" : `${count} fields need a change`}; see the messages beside them.</p>
			{errors.form ? <p>{errors.form}</p> : null}
		</Flash>
	);
}

/** The settings both forms share. */
function SettingsFields({ values, errors }: { values: SourceFormValues; errors: FieldErrors }) {
	return (
		<>
			<TextField
				id="source-name"
				name="name"
				label="Name"
				value={values.name}
				error={errors.name}
				required
				maxlength={200}
			/>
			<div class="row">
				<TextField
					id="source-section"
					name="section"
					label="Section"
					value={values.section}
					error={errors.section}
					hint="Its stories go in this section; leave empty for none."
					maxlength={60}
				/>
				<TextField
					id="source-items"
					name="itemsPerRun"
					label="Items per run"
					type="number"
					inputmode="numeric"
					value={values.itemsPerRun}
					error={errors.itemsPerRun}
					hint={`At most this many of the feed's newest items each run (1 to ${MAX_ITEMS_PER_RUN}); empty for the site's default.`}
				/>
			</div>
			<Checkbox
				name="review"
				label="Hold new items for review"
				checked={values.review === true}
				hint="New stories wait in the review queue for an editor instead of going live."
			/>
			<Checkbox
				name="paused"
				label="Paused"
				checked={values.paused === true}
				hint="A paused source is never fetched, not even by a forced refresh."
			/>
		</>
	);
}

export type NewSourceProps = {
	actor: Actor;
	values?: SourceFormValues;
	errors?: FieldErrors;
	/** The feeds found behind a site's address, after "Find feeds". */
	discovery?: DiscoveryResponse & { site: string };
	flash?: DeskFlash | undefined;
};

export function NewSourcePage({ actor, values = {}, errors = {}, discovery, flash }: NewSourceProps) {
	return (
		<DeskLayout title="Add a source" actor={actor} active="sources">
			<p>
				<a href="/admin/sources">← All sources</a>
			</p>
			<h1>Add a source</h1>
			<FlashLines flash={flash} />
			<section aria-labelledby="discover-title">
				<h2 id="discover-title">Find the feeds of a site</h2>
				<form method="post" action="/admin/sources/discover" class="filters">
					<TextField
						id="discover-url"
						name="url"
						label="The site's address"
						type="url"
						value={discovery?.site ?? ""}
						error={errors.discover}
						hint="A home page or an article; each feed it offers is fetched and checked first."
						required
					/>
					<button type="submit">Find feeds</button>
				</form>
				{discovery ? <DiscoveredFeeds discovery={discovery} /> : null}
			</section>
			<section aria-labelledby="add-title">
				<h2 id="add-title">Or enter the feed's address</h2>
				<FormErrors errors={Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "discover"))} />
				<form method="post" action="/admin/sources/new">
					<TextField
						id="source-url"
						name="url"
						label="Feed address"
						type="url"
						value={values.url}
						error={errors.url}
						hint="RSS, Atom or JSON Feed, http or https."
						required
					/>
					<TextField
						id="source-id"
						name="id"
						label="Id (optional)"
						value={values.id}
						error={errors.id}
						hint="Lowercase words joined by hyphens; made from the name when left empty. It cannot change later."
						maxlength={120}
					/>
					<SettingsFields values={values} errors={errors} />
					<div class="actions">
						<button type="submit" class="primary">
							Add the source
						</button>
						<a href="/admin/sources">Cancel</a>
					</div>
				</form>
			</section>
		</DeskLayout>
	);
}

function DiscoveredFeeds({ discovery }: { discovery: DiscoveryResponse & { site: string } }) {
	return (
		<div aria-live="polite">
			<p>{discovery.message}</p>
			{discovery.feeds.length > 0 ? (
				<ul>
					{discovery.feeds.map((feed) => (
						<li>
							<form method="post" action="/admin/sources/new" class="inline-form">
								<input type="hidden" name="url" value={feed.url} />
								<input type="hidden" name="name" value={feed.title || new URL(feed.url).hostname} />
								<span>
									<strong>{feed.title || feed.url}</strong> <span class="muted">({feed.format}</span>
									<span class="muted">, {feed.itemCount} items)</span> <code>{feed.url}</code>
								</span>
								<button type="submit">
									Add this feed<span class="visually-hidden"> {feed.title || feed.url}</span>
								</button>
							</form>
						</li>
					))}
				</ul>
			) : null}
		</div>
	);
}

export type EditSourceProps = {
	actor: Actor;
	source: SourceState;
	values?: SourceFormValues;
	errors?: FieldErrors;
	flash?: DeskFlash | undefined;
};

export function EditSourcePage({ actor, source, values = valuesOf(source), errors = {}, flash }: EditSourceProps) {
	return (
		<DeskLayout title={`Edit ${source.name}`} actor={actor} active="sources">
			<p>
				<a href="/admin/sources">← All sources</a>
			</p>
			<h1>Edit {source.name}</h1>
			<FlashLines flash={flash} />
			<FormErrors errors={errors} />
			<p>
				Feed address: <code>{source.url}</code> · id <code>{source.id}</code>
			</p>
			<form method="post" action={`/admin/sources/${source.id}`}>
				<SettingsFields values={values} errors={errors} />
				<div class="actions">
					<button type="submit" class="primary">
						Save
					</button>
					<a href={`/admin/sources/${source.id}/rules`}>Rules</a>
					<a href={`/admin/sources/${source.id}/delete`}>Delete…</a>
					<a href="/admin/sources">Cancel</a>
				</div>
			</form>
		</DeskLayout>
	);
}
