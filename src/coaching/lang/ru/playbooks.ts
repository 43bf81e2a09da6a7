import type { PlaybookTranslation } from "../types.js";

export const PLAYBOOKS: Record<string, PlaybookTranslation> = {};
