// Stands in for react-devtools-core in the bundle. Ink imports it only when DEV=true; the real
// package is a large optional tool that vnet-doctor never ships, so the bundle gets this no-op.
const devtools = {
  initialize() {},
  connectToDevTools() {},
};
export default devtools;
