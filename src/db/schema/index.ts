export * from "./api-keys.js";
export * from "./calls.js";
export * from "./jobs.js";
export * from "./organizations.js";
export * from "./users.js";
