// Preloaded (`node -r`) into the apps a benchmark or a spec spawns: a child whose parent died
// (a killed test worker, an interrupted benchmark) exits instead of living on, holding its port.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 500).unref();
