/** @module A line diff drawn as escaped text in `<ins>`/`<del>`, with words for those who cannot see the colours. */
import type { DiffPart } from "../../desk/text-diff";

export function DiffView({ parts, label }: { parts: DiffPart[] | undefined; label: string }) {
	if (!parts) return <p class="muted">The versions differ too much to show line by line.</p>;
	if (parts.every((p) => p.kind === "same")) return <p class="muted">No differences.</p>;
	return (
		<figure>
			<figcaption>{label}</figcaption>
			<pre class="diff" tabindex={0}>
				{parts.map((part) =>
					part.kind === "added" ? (
						<ins>
							<span class="visually-hidden">[added] </span>
							{part.text}
						</ins>
					) : part.kind === "removed" ? (
						<del>
							<span class="visually-hidden">[removed] </span>
							{part.text}
						</del>
					) : (
						part.text
					),
				)}
			</pre>
		</figure>
	);
}
