export * from "./api.js";
export * from "./render.js";
