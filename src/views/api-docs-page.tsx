/** @module `/api/docs`: the OpenAPI document rendered for people, every route with its parameters, bodies and answers. */
import type { OpenApiDocument } from "../api/openapi";
import { SanitizedHtml } from "./article-body";
import { Layout } from "./layout";

const METHODS = ["get", "put", "post", "patch", "delete"] as const;

type Operation = {
	summary?: string;
	security?: unknown[];
	parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
	requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
	responses: Record<string, { description: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
};

function refName(ref: string | undefined): string | undefined {
	return ref?.split("/").pop();
}

/** The document's descriptions are CommonMark (OpenAPI 3.1 §4.8.1): these give them as sanitized HTML. */
export type DescriptionHtml = {
	/** Paragraphs and all, for a description that stands on its own. */
	block: (markdown: string) => string;
	/** One paragraph's content, for a description inside a line of text. */
	inline: (markdown: string) => string;
};

type OperationProps = { path: string; method: string; op: Operation; html: DescriptionHtml };

function OperationBlock({ path, method, op, html }: OperationProps) {
	const body = refName(op.requestBody?.content["application/json"]?.schema?.$ref);
	return (
		<section>
			<h3>
				<span class="method">{method.toUpperCase()}</span> <code>{path}</code>
			</h3>
			<p>
				{op.summary}
				{op.security ? " (editors: bearer token)" : null}
			</p>
			{op.parameters?.length ? (
				<ul>
					{op.parameters.map((p) => (
						<li>
							<code>{p.name}</code> in {p.in}
							{p.required ? ", required" : ""}: <code>{JSON.stringify(p.schema)}</code>
							{p.description ? (
								<>
									{" — "}
									<SanitizedHtml html={html.inline(p.description)} />
								</>
							) : null}
						</li>
					))}
				</ul>
			) : null}
			{body ? (
				<p>
					Body: <a href={`#schema-${body}`}>{body}</a>
				</p>
			) : null}
			<ul>
				{Object.entries(op.responses).map(([status, response]) => {
					const schema = refName(Object.values(response.content ?? {})[0]?.schema?.$ref);
					return (
						<li>
							<strong>{status}</strong> <SanitizedHtml html={html.inline(response.description)} />
							{schema ? (
								<>
									{" "}
									<a href={`#schema-${schema}`}>{schema}</a>
								</>
							) : null}
						</li>
					);
				})}
			</ul>
		</section>
	);
}

type Props = {
	siteName: string;
	document: OpenApiDocument;
	/** The document's description as plain text, for the meta description. */
	summary: string;
	html: DescriptionHtml;
};

export function ApiDocsPage({ siteName, document, summary, html }: Props) {
	const paths = document.paths as Record<string, Record<string, unknown>>;
	return (
		<Layout siteName={siteName} title="API" description={summary}>
			<main class="page api-docs" id="main">
				<div>
					<h1>{document.info.title}</h1>
					<SanitizedHtml html={html.block(document.info.description)} />
					<p>
						Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {document.openapi}).
					</p>
					<h2>Routes</h2>
					{Object.entries(paths).flatMap(([path, item]) =>
						METHODS.filter((m) => item[m]).map((m) => (
							<OperationBlock path={path} method={m} op={item[m] as Operation} html={html} />
						)),
					)}
					<h2>Schemas</h2>
					{Object.entries(document.components.schemas).map(([name, schema]) => (
						<section id={`schema-${name}`}>
							<h3>{name}</h3>
							<pre tabindex={0}>{JSON.stringify(schema, null, 2)}</pre>
						</section>
					))}
				</div>
			</main>
		</Layout>
	);
}
