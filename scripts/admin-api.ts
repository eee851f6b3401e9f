/** @module A call to a running edgewire's admin API with the owner's ADMIN_TOKEN, for the local scripts. */

/**
 * Sends `init` to `path` with the bearer token, again after a 503 (what `wrangler dev` answers while it
 * reloads the Worker after a file change: the request was never handled, so sending it again is safe).
 * Throws on any other non-2xx answer.
 */
export async function adminFetch(baseUrl: string, token: string, path: string, init: RequestInit = {}) {
	const send = () =>
		fetch(`${baseUrl}${path}`, {
			...init,
			headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
		});
	let response = await send();
	for (let retry = 0; response.status === 503 && retry < 5; retry++) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		response = await send();
	}
	if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${await response.text()}`);
	return response;
}
