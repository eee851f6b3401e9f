/**
 * @module A person's API tokens: the list (never the secrets), a form to create one with a role up to
 * their own, the new token's secret shown this once, and revoke buttons.
 */
import { type Actor, hasRole, ROLES } from "../../auth/actor";
import { deskTime } from "../../desk/desk-time";
import type { TokenSummary } from "../../schemas/staff";
import { PostButton, SelectField, TextField } from "./fields";
import { Flash, type FlashMessage, FlashText, ShownOnce } from "./flash";
import { DeskLayout } from "./layout";

export type TokensPageProps = {
	actor: Actor;
	tokens: TokenSummary[];
	timeZone: string;
	flash?: FlashMessage | undefined;
	/** A token just created: its secret, shown once. */
	created?: { name: string; token: string; role: string } | undefined;
	errors?: Partial<Record<"name" | "role" | "form", string>> | undefined;
	values?: { name: string; role: string } | undefined;
};

export function TokensPage(props: TokensPageProps) {
	const { actor, tokens, timeZone, created } = props;
	const errors = props.errors ?? {};
	const roles = ROLES.filter((role) => hasRole(actor.role, role)).map((role) => ({ value: role, label: role }));
	return (
		<DeskLayout title="API tokens" actor={actor} active="tokens">
			<h1>API tokens</h1>
			<p>
				A token lets a script use the API as you, with a role up to yours. Send it as{" "}
				<code>Authorization: Bearer &lt;token&gt;</code>.
			</p>
			<FlashText flash={props.flash} />
			{errors.form ? (
				<Flash kind="error">
					<p>{errors.form}</p>
				</Flash>
			) : null}
			{created ? (
				<ShownOnce id="new-token" label="New token" value={created.token}>
					Token “{created.name}” ({created.role}) created. Copy it now: it is not shown again, and only its hash is
					kept.
				</ShownOnce>
			) : null}
			{actor.staffId === null ? (
				<p class="empty">The owner's ADMIN_TOKEN has no staff account, so it owns no tokens. Sign in as a person.</p>
			) : (
				<>
					{tokens.length === 0 ? (
						<p class="empty">You have no tokens.</p>
					) : (
						<div class="table-wrap">
							<table>
								<caption class="visually-hidden">Your API tokens</caption>
								<thead>
									<tr>
										<th scope="col">Name</th>
										<th scope="col">Role</th>
										<th scope="col">Created</th>
										<th scope="col">Last used</th>
										<th scope="col">
											<span class="visually-hidden">Actions</span>
										</th>
									</tr>
								</thead>
								<tbody>
									{tokens.map((token) => (
										<tr>
											<td>{token.name}</td>
											<td>{token.role}</td>
											<td class="num">{deskTime(token.createdAt, timeZone)}</td>
											<td class="num">{token.lastUsedAt ? deskTime(token.lastUsedAt, timeZone) : "never"}</td>
											<td>
												<PostButton
													action={`/admin/tokens/${token.id}/revoke`}
													class="danger"
													label="Revoke"
													of={token.name}
												/>
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					)}
					<h2 id="new-token-title">Create a token</h2>
					<form method="post" action="/admin/tokens" aria-labelledby="new-token-title" novalidate>
						<div class="row">
							<TextField
								id="token-name"
								name="name"
								label="Name"
								value={props.values?.name}
								error={errors.name}
								required
								maxlength={80}
								hint="What it is for, e.g. “wire import script”."
							/>
							<SelectField
								id="token-role"
								name="role"
								label="Role"
								value={props.values?.role ?? actor.role}
								error={errors.role}
								options={roles}
							/>
						</div>
						<button type="submit" class="primary">
							Create token
						</button>
					</form>
				</>
			)}
		</DeskLayout>
	);
}
