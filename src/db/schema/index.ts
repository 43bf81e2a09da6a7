export * from "./api-keys.js";
export * from "./call-metrics.js";
export * from "./calls.js";
export * from "./coaching-cache.js";
export * from "./jobs.js";
export * from "./organizations.js";
export * from "./playbooks.js";
export * from "./users.js";
