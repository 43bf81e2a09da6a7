import { classifyObjection } from "./src/coaching/objections.js";
const [s, lang, prev] = process.argv.slice(2);
console.log(classifyObjection(s!, { language: lang!, ...(prev ? { previousText: prev } : {}) }));
