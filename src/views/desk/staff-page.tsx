/**
 * @module Staff (admin): everyone's account with a role control, a one-time sign-in link to hand over,
 * "end all sessions", sign-in on or off, and a form to add a person. Plain forms; no script needed.
 */
import { type Actor, ROLES } from "../../auth/actor";
import { deskTime } from "../../desk/desk-time";
import type { Staff } from "../../schemas/staff";
import { PostButton, SelectField, TextField } from "./fields";
import { type FlashMessage, FlashText, ShownOnce } from "./flash";
import { DeskLayout } from "./layout";

export type StaffPageProps = {
	actor: Actor;
	staff: Staff[];
	timeZone: string;
	flash?: FlashMessage | undefined;
	/** A sign-in link just issued, to copy and send. */
	link?: { name: string; url: string; expiresAt: string } | undefined;
	/** The add form after a refused post: what was typed, and the problems by field. */
	adding?: {
		values: Record<"email" | "name" | "role", string>;
		errors: Partial<Record<"email" | "name" | "role", string>>;
	};
};

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: role }));

export function StaffPage(props: StaffPageProps) {
	const { actor, staff, timeZone, link } = props;
	const adding = props.adding ?? { values: { email: "", name: "", role: "contributor" }, errors: {} };
	return (
		<DeskLayout title="Staff" actor={actor} active="staff">
			<h1>Staff</h1>
			<FlashText flash={props.flash} />
			{link ? (
				<ShownOnce id="issued-link" label="Sign-in link" value={link.url}>
					A sign-in link for {link.name}, good once until {deskTime(link.expiresAt, timeZone)} ({timeZone}). Send it to
					them; opening it asks them to confirm before it signs them in.
				</ShownOnce>
			) : null}
			{staff.length === 0 ? (
				<p class="empty">No staff accounts yet.</p>
			) : (
				<div class="table-wrap">
					<table>
						<caption class="visually-hidden">Staff accounts</caption>
						<thead>
							<tr>
								<th scope="col">Name</th>
								<th scope="col">Email</th>
								<th scope="col">Role</th>
								<th scope="col">Sign-in</th>
								<th scope="col">Actions</th>
							</tr>
						</thead>
						<tbody>
							{staff.map((person) => (
								<tr>
									<td>{person.name}</td>
									<td>{person.email}</td>
									<td>
										<form method="post" action={`/admin/staff/${person.id}/role`} class="inline-form">
											<label class="visually-hidden" for={`role-${person.id}`}>
												Role of {person.name}
											</label>
											<select id={`role-${person.id}`} name="role">
												{ROLES.map((role) => (
													<option value={role} selected={role === person.role}>
														{role}
													</option>
												))}
											</select>
											<button type="submit">
												Change<span class="visually-hidden"> role of {person.name}</span>
											</button>
										</form>
									</td>
									<td>{person.disabled ? "off" : "on"}</td>
									<td>
										<div class="inline-form">
											<PostButton
												action={`/admin/staff/${person.id}/sign-in-link`}
												label="Sign-in link"
												of={`for ${person.name}`}
											/>
											<PostButton
												action={`/admin/staff/${person.id}/end-sessions`}
												label="End all sessions"
												of={`of ${person.name}`}
											/>
											<PostButton
												action={`/admin/staff/${person.id}/sign-in`}
												class={person.disabled ? undefined : "danger"}
												label={person.disabled ? "Allow sign-in" : "Block sign-in"}
												of={`for ${person.name}`}
											>
												<input type="hidden" name="disabled" value={person.disabled ? "false" : "true"} />
											</PostButton>
										</div>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<h2 id="add-title">Add a person</h2>
			<form method="post" action="/admin/staff" aria-labelledby="add-title" novalidate>
				<div class="row">
					<TextField
						id="staff-email"
						name="email"
						label="Email"
						type="email"
						value={adding.values.email}
						error={adding.errors.email}
						required
					/>
					<TextField
						id="staff-name"
						name="name"
						label="Display name"
						value={adding.values.name}
						error={adding.errors.name}
						required
						maxlength={120}
					/>
					<SelectField
						id="staff-role"
						name="role"
						label="Role"
						value={adding.values.role}
						error={adding.errors.role}
						options={ROLE_OPTIONS}
						hint="Contributors write drafts; editors publish; admins also run staff, sources and tokens."
					/>
				</div>
				<button type="submit" class="primary">
					Add
				</button>
			</form>
		</DeskLayout>
	);
}
