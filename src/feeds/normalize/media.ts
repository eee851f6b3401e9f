/** @module Image candidates from Media RSS (media:content, media:group, media:thumbnail) and enclosures. */
import type { MediaNs } from "feedsmith";
import type { ImageCandidate } from "./draft";
import { absoluteUrl } from "./urls";

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])/i;

/** True for an image MIME type, or, with no type, an image file extension. */
export function isImage(type: string | undefined, url: string | undefined, medium?: string): boolean {
	if (medium !== undefined) return medium.toLowerCase() === "image";
	if (type !== undefined) return type.toLowerCase().startsWith("image/");
	return url !== undefined && IMAGE_EXTENSION.test(url);
}

/** media:content images (largest first), then those inside media:group, then thumbnails (Media RSS 2.0 §5). */
export function mediaImages(media: MediaNs.ItemOrFeed | undefined, base: string): ImageCandidate[] {
	if (media === undefined) return [];
	const groups = media.groups ?? [];
	const alt = mediaAlt(media) ?? groups.map(mediaAlt).find((a) => a !== undefined);
	const contents = [...(media.contents ?? []), ...groups.flatMap((g) => g.contents ?? [])]
		.filter((c) => isImage(c.type, c.url, c.medium))
		.sort((a, b) => (b.width ?? 0) - (a.width ?? 0));
	const thumbnails = [...(media.thumbnails ?? []), ...groups.flatMap((g) => g.thumbnails ?? [])].sort(
		(a, b) => (b.width ?? 0) - (a.width ?? 0),
	);
	const candidates = [
		...contents.map((c) => ({ ...c, alt: mediaAlt(c) ?? alt })),
		...thumbnails.map((t) => ({ ...t, alt })),
	];
	return candidates.flatMap((m) => {
		const url = absoluteUrl(m.url, base);
		return url === undefined ? [] : [{ url, alt: m.alt, width: m.width, height: m.height }];
	});
}

function mediaAlt(media: MediaNs.CommonElements): string | undefined {
	return media.title?.value ?? media.description?.value;
}

/** Enclosures (RSS `<enclosure>`, Atom `rel="enclosure"`, JSON attachments) that are images. */
export function enclosureImages(
	enclosures: readonly { url?: string; type?: string }[] | undefined,
	base: string,
): ImageCandidate[] {
	return (enclosures ?? []).flatMap((e) => {
		const url = isImage(e.type, e.url) ? absoluteUrl(e.url, base) : undefined;
		return url === undefined ? [] : [{ url }];
	});
}
