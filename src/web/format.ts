import { clock } from "../analysis/benchmarks.js";

/** Display helpers shared by the dashboard's pages (pure). */
export const pct = (v: number | null | undefined): string => (v == null ? "–" : `${Math.round(v * 100)}%`);
export const dur = (v: number | null | undefined): string => (v == null ? "–" : clock(v));
export const int = (v: number | null | undefined): string => (v == null ? "–" : String(Math.round(v)));

/** 2026-03-04 14:05 UTC */
export function when(d: Date | string): string {
  const iso = typeof d === "string" ? d : d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export const STATUS_LABEL: Record<string, string> = {
  queued: "Queued",
  transcribing: "Transcribing",
  analyzing: "Analyzing",
  done: "Analyzed",
  failed: "Failed",
};

/** Where a call is in its life, in words, and whether it will change any more. */
export function progressOf(call: {
  status: string;
  coachingStatus: string;
  failure: { message: string } | null;
}): { label: string; finished: boolean } {
  if (call.status === "failed")
    return { label: `Failed: ${call.failure?.message ?? "unknown error"}`, finished: true };
  if (call.status !== "done")
    return { label: `${STATUS_LABEL[call.status] ?? call.status}…`, finished: false };
  if (call.coachingStatus === "pending")
    return { label: "Metrics ready; coaching in progress…", finished: false };
  if (call.coachingStatus === "failed") return { label: "Metrics ready; coaching failed", finished: true };
  return { label: "Analyzed and coached", finished: true };
}
