import type { WebUser } from "../session.js";
import type { Option } from "./calls.js";
import { CsrfField, Layout } from "./layout.js";

/**
 * Upload a call. A plain multipart form (works without JavaScript: the server redirects to the new
 * call); with JavaScript, app.js sends it by XHR with a progress bar, then follows the call's status.
 */
export function UploadPage(props: {
  user: WebUser;
  reps: Option[];
  playbooks: Option[];
  error?: string | null;
  values?: Record<string, string>;
}) {
  const v = props.values ?? {};
  const isRep = props.user.actor.role === "rep";
  return (
    <Layout title="Upload a call" user={props.user} section="upload">
      <h1>Upload a call</h1>
      <p id="upload-error" class="error" role="alert" tabindex={-1} hidden={!props.error}>
        {props.error ?? ""}
      </p>
      <form id="upload" method="post" action="/calls/new" enctype="multipart/form-data" class="card">
        {/* First, so the server checks it before it reads the file. */}
        <CsrfField token={props.user.csrf} />
        <label for="title">Title</label>
        <input type="text" id="title" name="title" maxlength={300} value={v.title ?? ""} />
        {isRep ? null : (
          <>
            <label for="repUserId">Rep</label>
            <select id="repUserId" name="repUserId">
              <option value="">Nobody in particular</option>
              {props.reps.map((r) => (
                <option value={r.value} selected={r.value === v.repUserId}>
                  {r.label}
                </option>
              ))}
            </select>
          </>
        )}
        <label for="rep">Rep's name in the transcript (optional)</label>
        <input type="text" id="rep" name="rep" value={v.rep ?? ""} aria-describedby="rep-help" />
        <p id="rep-help" class="muted">
          Tells Debrief which speaker is the rep when the transcript doesn't make it obvious.
        </p>
        <label for="crmDealId">Deal id (optional)</label>
        <input type="text" id="crmDealId" name="crmDealId" maxlength={200} value={v.crmDealId ?? ""} />
        <label for="playbook">Playbook</label>
        <select id="playbook" name="playbook">
          <option value="">The organization's default</option>
          {props.playbooks.map((p) => (
            <option value={p.value} selected={p.value === v.playbook}>
              {p.label}
            </option>
          ))}
        </select>
        <label for="file">Transcript or recording</label>
        <div class="dropzone">
          <p>Drop a file here, or choose one:</p>
          <input type="file" id="file" name="file" required aria-describedby="file-help" />
          <p class="chosen" aria-live="polite"></p>
          <p id="file-help" class="muted">
            Transcripts: WebVTT, SRT, plain text, Deepgram/AssemblyAI/Whisper JSON. Audio (WAV, MP3, M4A…)
            needs transcription to be configured on the server.
          </p>
        </div>
        <progress id="upload-progress" max={1} value={0} hidden aria-label="Upload progress"></progress>
        <p>
          <button type="submit">Upload</button>
        </p>
      </form>
      <div id="upload-status" class="card" role="status" aria-live="polite" hidden>
        <p class="status-text"></p>
        <p>
          <a class="status-link" href="/calls" hidden>
            Open the call
          </a>
        </p>
      </div>
    </Layout>
  );
}
