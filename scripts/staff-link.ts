/**
 * @module A sign-in link for a staff member on a running edgewire, through its own admin API with the
 * owner's ADMIN_TOKEN: the account is found by email, or created (as an admin) when there is none.
 */
import { adminFetch } from "./admin-api";

export type StaffLink = { url: string; expiresAt: string; email: string; created: boolean };

type StaffRow = { id: string; email: string };

/**
 * Passkeys need a domain as their relying party, never an IP address, so a link for the local dev
 * server (which listens on 127.0.0.1) is given as `localhost`, the same machine.
 */
function forBrowsers(url: string): string {
	const parsed = new URL(url);
	if (parsed.hostname === "127.0.0.1") parsed.hostname = "localhost";
	return parsed.toString();
}

export async function signInLinkFor(
	baseUrl: string,
	token: string,
	email: string,
	name = email.split("@")[0] ?? email,
): Promise<StaffLink> {
	const { staff } = (await (await adminFetch(baseUrl, token, "/api/staff")).json()) as { staff: StaffRow[] };
	let person = staff.find((row) => row.email === email.toLowerCase());
	const created = !person;
	if (!person) {
		const response = await adminFetch(baseUrl, token, "/api/staff", {
			method: "POST",
			body: JSON.stringify({ email, name, role: "admin" }),
		});
		person = (await response.json()) as StaffRow;
	}
	const link = (await (
		await adminFetch(baseUrl, token, `/api/staff/${person.id}/sign-in-links`, { method: "POST" })
	).json()) as { url: string; expiresAt: string };
	return { url: forBrowsers(link.url), expiresAt: link.expiresAt, email: person.email, created };
}
