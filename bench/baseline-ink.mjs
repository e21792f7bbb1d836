// The first-frame baseline: an unbundled Ink app (straight from node_modules) that renders one
// <Text>. vnet-doctor's first frame is compared with this, measured in the same run.
// (React's default export is its CommonJS module object, both unbundled and bundled.)
const [{ render, Text }, { default: React }] = await Promise.all([import('ink'), import('react')]);
const app = render(React.createElement(Text, null, 'first frame'));
app.unmount();
