/**
 * Import rules for edgewire (`npm run check:imports`, run in CI). Type-only imports count too:
 * a circle of types is still a circle a reader has to untangle.
 */
module.exports = {
	forbidden: [
		{ name: "no-circular", severity: "error", from: {}, to: { circular: true } },
		{
			name: "core-never-imports-the-edge",
			comment: "src/ is the core: it takes plain values and never reaches up into functions/.",
			severity: "error",
			from: { path: "^src/" },
			to: { path: "^functions/" },
		},
		{
			name: "feed-pipeline-is-pure",
			comment: "src/feeds/ is fetch → decode → parse → normalize: no storage, no ingest policy, no orchestration.",
			severity: "error",
			from: { path: "^src/feeds/" },
			to: { path: "^src/(store|ingest|kv|refresh|pages)/" },
		},
		{
			name: "ingest-knows-no-store",
			comment:
				"src/ingest/ (schedule, budgets, item → article, run report) is imported by the store, never the reverse.",
			severity: "error",
			from: { path: "^src/ingest/" },
			to: { path: "^src/(store|kv|refresh|pages)/" },
		},
		{
			name: "store-runs-no-orchestration",
			comment: "Only the refresh orchestrator sees both the pipeline and the store.",
			severity: "error",
			from: { path: "^src/store/" },
			to: { path: "^src/(feeds|refresh|pages)/" },
		},
		{
			name: "views-hold-no-logic-callers-need",
			comment: "Views render; nothing but pages and the edge imports a view.",
			severity: "error",
			from: { path: "^src/", pathNot: "^src/(views|pages)/" },
			to: { path: "^src/views/" },
		},
	],
	options: {
		doNotFollow: { path: "node_modules" },
		exclude: { path: "\\.test\\.tsx?$" },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: "tsconfig.json" },
		enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
	},
};
