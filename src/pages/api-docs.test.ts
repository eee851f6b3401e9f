import { describe, expect, it } from "vitest";
import { apiDocsPage, apiDocument } from "./api-docs";
import { readerAt } from "./fixtures/records";

describe("apiDocsPage", () => {
	it("Should render the descriptions' Markdown, backticks as <code>, and leave no backtick showing", async () => {
		const { html } = await apiDocsPage(readerAt("/api/docs"));
		expect(apiDocument().document.info.description).toContain("`age`");
		expect(html).toContain(
			"<p>Headlines and articles as JSON, with every <code>age</code> computed when the request arrives; editors' routes need <code>Authorization: Bearer &lt;ADMIN_TOKEN&gt;</code>.</p>",
		);
		expect(html).toContain("<strong>400</strong> A <code>force</code> other than true or false.");
		// The schemas' JSON is shown as written; everywhere else, Markdown is rendered.
		expect(html.replace(/<pre[^>]*>[^<]*<\/pre>/g, "")).not.toContain("`");
	});

	it("Should describe the page in plain text, with no markup or backticks", async () => {
		const { html } = await apiDocsPage(readerAt("/api/docs"));
		expect(html).toContain(
			'<meta name="description" content="Headlines and articles as JSON, with every age computed when the request arrives; editors&#39; routes need Authorization: Bearer &lt;ADMIN_TOKEN&gt;."/>',
		);
	});
});
