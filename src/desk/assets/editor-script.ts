/**
 * @module The editor's browser side, served as /admin/assets/editor.js: a slug suggested from the title,
 * a live preview (POST /api/preview, the site's own renderer and sanitizer), autosave of drafts every
 * few seconds (PUT /api/articles/:slug with `X-Autosave: 1` and `If-Match`, or `If-None-Match: *` for
 * a new one), and the conflict notice when someone else saved first. The form works without it: every
 * button is a plain POST. Plain ES2017, no build step; it must contain no backtick or dollar-brace,
 * since it lives in a template literal.
 */
export const EDITOR_SCRIPT = `"use strict";
(function () {
	var form = document.getElementById("editor-form");
	if (!form) return;
	var field = function (name) { return form.elements.namedItem(name); };
	var value = function (name) { var el = field(name); return el ? String(el.value) : ""; };
	var statusLine = document.getElementById("save-status");
	var preview = document.getElementById("preview");
	var zone = form.getAttribute("data-time-zone") || "UTC";
	var slugInput = field("slug");
	var state = {
		slug: form.getAttribute("data-slug") || "",
		status: form.getAttribute("data-status") || "new",
		publishedAt: form.getAttribute("data-published-at") || "",
		initialPublishAt: value("publishAt"),
		dirty: false,
		saving: null,
		// The conflict view (after a 412 or a compare) carries their ETag: only a button saves over theirs, never an autosave.
		stopped: form.hasAttribute("data-conflict"),
		slugTouched: Boolean(value("slug")),
		titleChangedAt: 0
	};
	var AUTOSAVE_MS = 5000;
	var TITLE_REST_MS = 4000;
	var PREVIEW_MS = 500;

	function say(text) { if (statusLine) statusLine.textContent = text; }
	if (state.stopped) say("Autosave is off until you choose: a button below saves your version over theirs.");

	// As the server's slugFromTitle (src/ingest/to-article.ts's slugBase, 120 characters): keep the two alike.
	function slugify(title) {
		var words = title.normalize("NFKD").replace(/\\p{M}/gu, "").toLowerCase().replace(/['\\u2019]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
		var slug = "";
		for (var i = 0; i < words.length; i++) {
			var next = slug ? slug + "-" + words[i] : words[i];
			if (next.length > 120) break;
			slug = next;
		}
		return slug;
	}

	// The zone's offset from UTC at an instant, in ms, as Intl names it ("GMT+05:30").
	function offsetAt(ms) {
		var name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
			.formatToParts(ms).filter(function (p) { return p.type === "timeZoneName"; })[0];
		var m = /GMT([+-])(\\d{1,2})(?::(\\d{2}))?/.exec(name ? name.value : "");
		if (!m) return 0;
		return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] || 0)) * 60000;
	}

	// A datetime-local value on the site's clocks as a UTC ISO string; "" when it is not one.
	function localToUtc(local) {
		var m = /^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})$/.exec(local);
		if (!m) return "";
		var wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
		return new Date(wall - offsetAt(wall - offsetAt(wall))).toISOString();
	}

	function publishedAt() {
		var local = value("publishAt").trim();
		if (state.publishedAt && local === state.initialPublishAt) return state.publishedAt;
		return localToUtc(local) || state.publishedAt || new Date().toISOString();
	}

	function numberOr(text) { text = text.trim(); return /^\\d+$/.test(text) ? Number(text) : text; }

	// The form as the API's article body, mapped as the server maps a posted form.
	function articleBody(status) {
		var body = { title: value("title").trim(), publishedAt: publishedAt(), body: value("body").replace(/\\r\\n?/g, "\\n") };
		["dek", "section", "sourceUrl"].forEach(function (name) { var v = value(name).trim(); if (v) body[name] = v; });
		var authorName = value("authorName").trim(), authorBio = value("authorBio").trim();
		if (authorName || authorBio) { body.author = { name: authorName }; if (authorBio) body.author.bio = authorBio; }
		var imageUrl = value("imageUrl").trim();
		var imageRest = ["imageAlt", "imageWidth", "imageHeight", "imageCredit"].some(function (n) { return value(n).trim(); });
		if (imageUrl || imageRest) {
			body.image = { url: imageUrl, alt: value("imageAlt").trim() };
			if (value("imageWidth").trim()) body.image.width = numberOr(value("imageWidth"));
			if (value("imageHeight").trim()) body.image.height = numberOr(value("imageHeight"));
			if (value("imageCredit").trim()) body.image.credit = value("imageCredit").trim();
		}
		var seen = {}, tags = [];
		value("tags").split(",").forEach(function (t) { t = t.trim(); if (t && !seen[t.toLowerCase()]) { seen[t.toLowerCase()] = 1; tags.push(t); } });
		if (tags.length) body.tags = tags;
		if (status) body.status = status;
		return body;
	}

	// Which control an API issue's path belongs to (the server's fieldForPath, in small).
	var BY_PATH = { "author.name": "authorName", "author.bio": "authorBio", "image.url": "imageUrl", "image.alt": "imageAlt",
		"image.width": "imageWidth", "image.height": "imageHeight", "image.credit": "imageCredit", image: "imageUrl",
		author: "authorName", publishedAt: "publishAt" };
	function controlFor(path) {
		var head = path.split(".")[0];
		var name = BY_PATH[path] || BY_PATH[head] || head;
		var el = field(name);
		return el && el.id ? el : null;
	}

	function clearErrors() {
		Array.prototype.forEach.call(form.querySelectorAll("[data-client-error]"), function (p) {
			var control = document.getElementById(p.getAttribute("data-client-error"));
			if (control) {
				control.removeAttribute("aria-invalid");
				var ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== p.id; });
				if (ids.length) control.setAttribute("aria-describedby", ids.join(" ")); else control.removeAttribute("aria-describedby");
			}
			p.remove();
		});
	}

	function showErrors(issues) {
		clearErrors();
		(issues || []).forEach(function (issue) {
			var control = controlFor(issue.path || "");
			if (!control || document.getElementById(control.id + "-error")) return;
			var p = document.createElement("p");
			p.className = "error";
			p.id = control.id + "-error";
			p.setAttribute("data-client-error", control.id);
			p.textContent = issue.message;
			control.insertAdjacentElement("afterend", p);
			control.setAttribute("aria-invalid", "true");
			var ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
			ids.push(p.id);
			control.setAttribute("aria-describedby", ids.join(" "));
		});
	}

	function firstIssue(answer) {
		var issue = answer && answer.issues && answer.issues[0];
		return issue ? (issue.path ? issue.path + ": " : "") + issue.message : (answer && answer.error) || "unknown problem";
	}

	async function readJson(response) { try { return await response.json(); } catch (e) { return null; } }

	// --- Preview ---
	var previewTimer = 0, previewSeq = 0;
	async function renderPreview() {
		if (!preview) return;
		var seq = ++previewSeq;
		var body = articleBody();
		if (!body.title) body.title = "Untitled";
		try {
			var response = await fetch("/api/preview", {
				method: "POST", credentials: "same-origin",
				headers: { "content-type": "application/json" }, body: JSON.stringify(body)
			});
			if (seq !== previewSeq) return;
			var answer = await readJson(response);
			if (response.ok && answer) preview.innerHTML = answer.html;
			else {
				preview.textContent = "";
				var p = document.createElement("p");
				p.className = "muted";
				p.textContent = "No preview yet: " + firstIssue(answer);
				preview.appendChild(p);
			}
		} catch (e) { /* offline: keep the last preview */ }
	}
	function schedulePreview() { clearTimeout(previewTimer); previewTimer = setTimeout(renderPreview, PREVIEW_MS); }

	// --- Autosave (drafts and articles in review only: a published article changes only by a button) ---
	function autosaves() { return !state.stopped && (state.status === "new" || state.status === "draft" || state.status === "review"); }

	async function autosave(keepalive) {
		if (!state.dirty || !autosaves() || state.saving) return state.saving;
		var slug = state.slug || value("slug").trim();
		var body = articleBody(state.status === "new" ? "draft" : state.status);
		if (!slug || !body.title || !body.body.trim()) return;
		// A new article's first save fixes its slug: wait until the title has rested, so the slug is not cut from half a title.
		if (state.status === "new" && (Date.now() - state.titleChangedAt < TITLE_REST_MS || document.activeElement === slugInput) && !keepalive) return;
		var headers = { "content-type": "application/json", "x-autosave": "1" };
		var etag = value("etag");
		if (state.status === "new") headers["if-none-match"] = "*"; else if (etag) headers["if-match"] = etag;
		state.dirty = false;
		say("Saving…");
		state.saving = (async function () {
			try {
				var response = await fetch("/api/articles/" + encodeURIComponent(slug), {
					method: "PUT", credentials: "same-origin", headers: headers, body: JSON.stringify(body), keepalive: Boolean(keepalive)
				});
				var answer = await readJson(response);
				if (response.ok) {
					clearErrors();
					var tag = response.headers.get("etag") || (answer && answer.etag) || "";
					if (tag) field("etag").value = tag;
					if (state.status === "new") adopt(slug);
					state.publishedAt = body.publishedAt;
					state.initialPublishAt = value("publishAt");
					say("Draft autosaved at " + new Date().toLocaleTimeString() + ".");
				} else if (response.status === 412) {
					conflict(slug);
				} else if (response.status === 400) {
					state.dirty = true;
					showErrors(answer && answer.issues);
					say("Not autosaved: " + firstIssue(answer));
				} else {
					state.stopped = true;
					say("Autosave is off: " + firstIssue(answer) + ". Use the buttons below to save.");
				}
			} catch (e) {
				state.dirty = true;
				say("Not autosaved (no connection); trying again shortly.");
			} finally {
				state.saving = null;
			}
		})();
		return state.saving;
	}

	// A new article's first autosave created it: from now on this page edits it.
	function adopt(slug) {
		state.slug = slug;
		state.status = "draft";
		form.setAttribute("data-slug", slug);
		form.setAttribute("data-status", "draft");
		form.setAttribute("action", "/admin/articles/" + slug);
		if (slugInput) slugInput.readOnly = true;
		history.replaceState(null, "", "/admin/articles/" + slug);
	}

	var conflictBox = document.getElementById("conflict");
	async function conflict(slug) {
		state.stopped = true;
		say("Not saved: someone else saved this article.");
		if (!conflictBox) return;
		var who = document.getElementById("conflict-who");
		try {
			var response = await fetch("/api/articles/" + encodeURIComponent(slug), { credentials: "same-origin" });
			var theirs = await readJson(response);
			if (theirs) {
				conflictBox.setAttribute("data-etag", theirs.etag || response.headers.get("etag") || "");
				if (who) who.textContent = ((theirs.savedBy && theirs.savedBy.name) || "Someone") + " saved revision " + theirs.revision +
					(theirs.savedAt ? " at " + new Date(theirs.savedAt).toLocaleTimeString() : "") + ". Your text is still in the form and was not saved.";
			}
		} catch (e) { /* the box still offers both choices */ }
		var diff = document.getElementById("conflict-diff");
		if (diff && !diff.firstChild) {
			var compare = document.createElement("button");
			compare.type = "submit";
			compare.name = "intent";
			compare.value = "compare";
			compare.setAttribute("form", "editor-form");
			compare.textContent = "Compare their version with mine";
			diff.appendChild(compare);
		}
		conflictBox.hidden = false;
		conflictBox.focus();
	}

	var keep = document.getElementById("conflict-keep");
	if (keep) keep.addEventListener("click", function () {
		var tag = conflictBox && conflictBox.getAttribute("data-etag");
		if (tag) field("etag").value = tag;
		if (conflictBox) conflictBox.hidden = true;
		state.stopped = false;
		state.dirty = true;
		autosave(false);
	});

	// --- Wiring ---
	var title = field("title");
	if (slugInput && title && !slugInput.readOnly) {
		slugInput.addEventListener("input", function () { state.slugTouched = Boolean(slugInput.value); });
		title.addEventListener("input", function () {
			state.titleChangedAt = Date.now();
			if (!state.slugTouched) slugInput.value = slugify(title.value);
		});
	}
	form.addEventListener("input", function () { state.dirty = true; schedulePreview(); });
	setInterval(function () { autosave(false); }, AUTOSAVE_MS);
	// Closing the tab: one last autosave that outlives the page.
	window.addEventListener("pagehide", function () { autosave(true); });

	var submitting = false;
	form.addEventListener("submit", function (event) {
		var button = event.submitter;
		if (button && button.value === "preview") { event.preventDefault(); clearTimeout(previewTimer); renderPreview(); return; }
		// A button's save waits for an autosave in flight, so it sends the ETag that autosave got back.
		if (state.saving && !submitting) {
			event.preventDefault();
			state.saving.then(function () { submitting = true; form.requestSubmit(button || undefined); });
			return;
		}
		state.stopped = true;
	});
	if (conflictBox) conflictBox.setAttribute("tabindex", "-1");
	if (value("body").trim()) renderPreview();
})();
`;
