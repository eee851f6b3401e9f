/**
 * @module The sign-in pages: the passkey sign-in (its button shown by /admin/assets/passkeys.js), and a
 * sign-in link's confirm page, whose button posts the link's secret. Opening the link uses nothing
 * up, so a mail scanner that prefetches it cannot sign anyone in.
 */
import { Flash } from "./flash";
import { DeskLayout } from "./layout";

const CEREMONY_SCRIPTS = ["webauthn.js", "passkeys.js"] as const;

export function SignInPage({ notice }: { notice?: string | undefined }) {
	return (
		<DeskLayout title="Sign in" scripts={CEREMONY_SCRIPTS}>
			<h1>Sign in to the newsroom</h1>
			{notice ? (
				<Flash kind="ok">
					<p>{notice}</p>
				</Flash>
			) : null}
			<p>
				<button type="button" id="passkey-sign-in" class="primary" hidden>
					Sign in with a passkey
				</button>
			</p>
			<p id="passkey-status" role="status" aria-live="polite"></p>
			<h2>No passkey on this device?</h2>
			<p>
				Ask an admin for a sign-in link. It works once, within 30 minutes; after you open it, you can register a passkey
				here so you can sign in without a link next time.
			</p>
		</DeskLayout>
	);
}

export function SignInLinkPage({ token }: { token: string }) {
	return (
		<DeskLayout title="Confirm sign-in">
			<h1>Sign in to the newsroom</h1>
			<p>This link signs you in once. Press the button to continue.</p>
			<form method="post" action="/admin/sign-in/link">
				<input type="hidden" name="token" value={token} />
				<button type="submit" class="primary">
					Sign in
				</button>
			</form>
		</DeskLayout>
	);
}
