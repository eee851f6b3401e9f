/** Files the bundler imports as text (a `Text` module rule in wrangler.desk.toml). */
declare module "*.umd.min.js" {
	const text: string;
	export default text;
}
