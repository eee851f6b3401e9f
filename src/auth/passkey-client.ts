/**
 * @module The passkey ceremonies' browser side, served as /admin/assets/passkeys.js after
 * @simplewebauthn/browser's bundle (/admin/assets/webauthn.js, the global `SimpleWebAuthnBrowser`).
 * Plain ES2017 with no build step; it looks for its controls by id, so one file serves the sign-in
 * page (`#passkey-sign-in`) and the passkeys page (`#passkey-register`). Without JavaScript the
 * sign-in button stays hidden and the page's sign-in-link advice is what remains.
 */
export const PASSKEY_CLIENT_SCRIPT = `"use strict";
(function () {
	var webauthn = window.SimpleWebAuthnBrowser;

	function say(text) {
		var status = document.getElementById("passkey-status");
		if (status) status.textContent = text;
	}

	async function post(path, body) {
		var response = await fetch(path, {
			method: "POST",
			credentials: "same-origin",
			headers: { "content-type": "application/json" },
			body: JSON.stringify(body || {}),
		});
		var answer = {};
		try { answer = await response.json(); } catch (ignored) {}
		if (!response.ok) throw new Error(answer.error || "the server answered " + response.status);
		return answer;
	}

	function supported() {
		if (webauthn && webauthn.browserSupportsWebAuthn()) return true;
		say("This browser cannot use passkeys. Ask an admin for a sign-in link.");
		return false;
	}

	var signIn = document.getElementById("passkey-sign-in");
	if (signIn) {
		signIn.hidden = false;
		signIn.addEventListener("click", async function () {
			if (!supported()) return;
			signIn.disabled = true;
			say("Waiting for your passkey…");
			try {
				var options = await post("/admin/sign-in/passkey/options");
				var assertion = await webauthn.startAuthentication({ optionsJSON: options });
				var done = await post("/admin/sign-in/passkey/verify", { response: assertion });
				say("Signed in. Opening the newsroom…");
				window.location.assign(done.redirect || "/admin");
			} catch (error) {
				say("Sign-in did not work: " + error.message);
				signIn.disabled = false;
			}
		});
	}

	var register = document.getElementById("passkey-register");
	if (register) {
		register.addEventListener("submit", async function (event) {
			event.preventDefault();
			if (!supported()) return;
			var button = register.querySelector("button");
			var nameField = register.querySelector("input[name=name]");
			if (button) button.disabled = true;
			say("Follow your browser's prompt to create the passkey…");
			try {
				var options = await post("/admin/passkeys/register/options");
				var attestation = await webauthn.startRegistration({ optionsJSON: options });
				var name = nameField && nameField.value.trim() ? nameField.value.trim() : undefined;
				await post("/admin/passkeys/register/verify", { response: attestation, name: name });
				window.location.assign("/admin/passkeys?notice=registered");
			} catch (error) {
				say("The passkey was not registered: " + error.message);
				if (button) button.disabled = false;
			}
		});
	}
})();
`;
