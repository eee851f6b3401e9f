/**
 * @module The passkeys page: the person's passkeys (each removable), and a form to register one on
 * this device, run by /admin/assets/passkeys.js. Right after a sign-in link it greets the newcomer.
 */
import type { Actor } from "../../auth/actor";
import { deskTime } from "../../desk/desk-time";
import type { StoredPasskey } from "../../store/passkeys";
import { Flash } from "./flash";
import { DeskLayout } from "./layout";

export type PasskeysPageProps = {
	actor: Actor;
	passkeys: StoredPasskey[];
	/** The site's time zone, in which every desk page shows its times. */
	timeZone: string;
	/** `welcome` after a sign-in link, `registered` or `removed` after those actions. */
	notice?: "welcome" | "registered" | "removed" | undefined;
};

const NOTICES = {
	welcome: "You are signed in. Register a passkey on this device so you can sign in without a link next time.",
	registered: "Your passkey is registered. You can use it the next time you sign in.",
	removed: "The passkey was removed.",
} as const;

export function PasskeysPage({ actor, passkeys, timeZone, notice }: PasskeysPageProps) {
	return (
		<DeskLayout title="Passkeys" actor={actor} active="passkeys" scripts={["webauthn.js", "passkeys.js"]}>
			<h1>Your passkeys</h1>
			{notice ? (
				<Flash kind="ok">
					<p>{NOTICES[notice]}</p>
					{notice === "welcome" ? (
						<p>
							<a href="/admin">Skip for now and open the newsroom</a>
						</p>
					) : null}
				</Flash>
			) : null}
			{actor.staffId === null ? (
				<p>The owner's token belongs to no staff account, so it has no passkeys.</p>
			) : (
				<>
					<PasskeyTable passkeys={passkeys} timeZone={timeZone} />
					<h2>Register a passkey on this device</h2>
					<form id="passkey-register" method="post" action="/admin/passkeys/register">
						<div class="field">
							<label for="passkey-name">Name for this passkey</label>
							<input type="text" id="passkey-name" name="name" maxlength={60} placeholder="e.g. work laptop" />
						</div>
						<button type="submit" class="primary">
							Register a passkey
						</button>
					</form>
					<p id="passkey-status" role="status" aria-live="polite"></p>
				</>
			)}
		</DeskLayout>
	);
}

function PasskeyTable({ passkeys, timeZone }: { passkeys: StoredPasskey[]; timeZone: string }) {
	if (passkeys.length === 0) return <p class="empty">You have no passkeys yet.</p>;
	return (
		<div class="table-wrap">
			<table>
				<caption>Passkeys that can sign you in</caption>
				<thead>
					<tr>
						<th scope="col">Name</th>
						<th scope="col">Added</th>
						<th scope="col">Last used</th>
						<th scope="col">
							<span class="visually-hidden">Actions</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{passkeys.map((key) => (
						<tr>
							<td>{key.name}</td>
							<td>
								<time datetime={key.createdAt}>{deskTime(key.createdAt, timeZone)}</time>
							</td>
							<td>{key.lastUsedAt ? deskTime(key.lastUsedAt, timeZone) : "never"}</td>
							<td>
								<form method="post" action={`/admin/passkeys/${encodeURIComponent(key.id)}/delete`} class="inline">
									<button type="submit" class="danger" aria-label={`Remove the passkey ${key.name}`}>
										Remove
									</button>
								</form>
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
