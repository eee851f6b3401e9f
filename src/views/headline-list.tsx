/** @module A list of headlines, each linking to its article with its section, age and a thumbnail when it has a lead image. */
import { articlePath } from "../publishing/paths";
import type { Headline } from "../schemas/article";
import { Age } from "./age";

/**
 * Thumbnails are lazy, decorative (the headline beside them says it all) and drawn in a box
 * of fixed size whatever the source's shape, so nothing moves when they arrive.
 */
function Thumbnail({ image, size }: { image: NonNullable<Headline["image"]>; size: "list" | "rail" }) {
	const [width, height] = size === "list" ? [96, 64] : [72, 48];
	return <img class="thumb" src={image.url} alt="" width={width} height={height} loading="lazy" decoding="async" />;
}

export function HeadlineList({
	headlines,
	now,
	timeZone,
	size = "list",
}: {
	headlines: Headline[];
	now: Date;
	timeZone: string;
	size?: "list" | "rail";
}) {
	return (
		<ol class="headlines">
			{headlines.map((h) => (
				<li>
					<div class="text">
						<a href={articlePath(h.slug)}>{h.title}</a>
						<span class="meta">
							{h.section ? <span class="section">{h.section} · </span> : null}
							<Age publishedAt={h.publishedAt} now={now} timeZone={timeZone} />
						</span>
					</div>
					{h.image ? <Thumbnail image={h.image} size={size} /> : null}
				</li>
			))}
		</ol>
	);
}
