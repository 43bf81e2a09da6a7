/**
 * What an uploaded file is, from its first bytes: an audio container Deepgram can transcribe, a
 * well-known non-audio binary (to say what was sent instead), or text. The client's Content-Type and
 * file name are not trusted: browsers and CLIs get them wrong too often (`application/octet-stream`).
 */

export type AudioContainer =
  | "wav"
  | "mp3"
  | "aac"
  | "flac"
  | "ogg"
  | "mp4"
  | "m4a"
  | "mov"
  | "3gp"
  | "webm"
  | "matroska"
  | "amr"
  | "caf"
  | "aiff";

export interface AudioKind {
  container: AudioContainer;
  /** Canonical media type, sent to Deepgram as the request's Content-Type. */
  mediaType: string;
  /** Human label for messages ("WAV", "MP3"…). */
  label: string;
}

/** Bytes to peek at: enough for every signature below (WebM's DocType sits within ~40 bytes). */
export const SNIFF_BYTES = 64;

function ascii(b: Uint8Array, at: number, text: string): boolean {
  if (b.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function contains(b: Uint8Array, text: string, limit = b.length): boolean {
  const end = Math.min(limit, b.length) - text.length;
  for (let i = 0; i <= end; i++) if (ascii(b, i, text)) return true;
  return false;
}

/**
 * An MPEG-1/2/2.5 Layer II or III frame header (11-bit sync 0xFFE plus valid version, layer, bitrate
 * and sample-rate fields). Layer I is left out on purpose: its header starts `FF FE`/`FF FF`, the
 * UTF-16 LE byte-order mark, and nobody records calls in Layer I.
 */
function isMpegAudioFrame(b: Uint8Array): boolean {
  const [b0, b1, b2] = [b[0], b[1], b[2]];
  if (b0 !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0b11; // 01 is reserved
  const layer = (b1 >> 1) & 0b11; // 01 = III, 10 = II
  const bitrate = b2 >> 4; // 1111 is invalid
  const sampleRate = (b2 >> 2) & 0b11; // 11 is reserved
  return version !== 0b01 && (layer === 0b01 || layer === 0b10) && bitrate !== 0b1111 && sampleRate !== 0b11;
}

/** AAC in ADTS framing: sync 0xFFF, layer always 00 (0xFFF1 MPEG-4, 0xFFF9 MPEG-2; 0xFFF0/8 with CRC). */
function isAdts(b: Uint8Array): boolean {
  return b[0] === 0xff && b[1] !== undefined && (b[1] & 0xf6) === 0xf0;
}

const kind = (container: AudioContainer, mediaType: string, label: string): AudioKind => ({
  container,
  mediaType,
  label,
});

/**
 * The audio container of a file from its first bytes (pass at least {@link SNIFF_BYTES}), or null.
 *
 * @example
 * sniffAudio(new TextEncoder().encode("RIFF\x24\x00\x00\x00WAVEfmt "));
 * // { container: "wav", mediaType: "audio/wav", label: "WAV" }
 * sniffAudio(new TextEncoder().encode("WEBVTT\n\n")); // null
 */
export function sniffAudio(head: Uint8Array): AudioKind | null {
  if ((ascii(head, 0, "RIFF") || ascii(head, 0, "RF64") || ascii(head, 0, "BW64")) && ascii(head, 8, "WAVE"))
    return kind("wav", "audio/wav", "WAV");
  if (ascii(head, 0, "ID3")) return kind("mp3", "audio/mpeg", "MP3");
  if (ascii(head, 0, "fLaC")) return kind("flac", "audio/flac", "FLAC");
  if (ascii(head, 0, "OggS")) {
    // The first page carries the codec's identification header.
    if (contains(head, "OpusHead")) return kind("ogg", "audio/ogg", "Ogg Opus");
    return kind("ogg", "audio/ogg", "Ogg");
  }
  if (ascii(head, 4, "ftyp")) {
    if (ascii(head, 8, "M4A ") || ascii(head, 8, "M4B ") || ascii(head, 8, "F4A "))
      return kind("m4a", "audio/mp4", "M4A");
    if (ascii(head, 8, "qt  ")) return kind("mov", "video/quicktime", "QuickTime MOV");
    if (ascii(head, 8, "3gp") || ascii(head, 8, "3g2")) return kind("3gp", "video/3gpp", "3GP");
    return kind("mp4", "video/mp4", "MP4");
  }
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    // EBML header: the DocType element says WebM or generic Matroska.
    if (contains(head, "webm")) return kind("webm", "audio/webm", "WebM");
    return kind("matroska", "video/x-matroska", "Matroska");
  }
  if (ascii(head, 0, "#!AMR-WB\n")) return kind("amr", "audio/amr-wb", "AMR-WB");
  if (ascii(head, 0, "#!AMR\n")) return kind("amr", "audio/amr", "AMR");
  if (ascii(head, 0, "caff")) return kind("caf", "audio/x-caf", "CAF");
  if (ascii(head, 0, "FORM") && (ascii(head, 8, "AIFF") || ascii(head, 8, "AIFC")))
    return kind("aiff", "audio/aiff", "AIFF");
  if (isAdts(head)) return kind("aac", "audio/aac", "AAC (ADTS)");
  if (isMpegAudioFrame(head)) return kind("mp3", "audio/mpeg", "MP3");
  return null;
}

/**
 * A well-known non-audio binary format, named so an upload error can say what was sent instead.
 *
 * @example
 * sniffOtherBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])); // "PNG image"
 */
export function sniffOtherBinary(head: Uint8Array): string | null {
  if (head[0] === 0x89 && ascii(head, 1, "PNG")) return "PNG image";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "JPEG image";
  if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) return "GIF image";
  if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) return "WebP image";
  if (ascii(head, 0, "RIFF") && ascii(head, 8, "AVI "))
    return "AVI video (not supported: convert to MP4 or WAV)";
  if (ascii(head, 0, "%PDF-")) return "PDF document";
  if (ascii(head, 0, "PK\x03\x04") || ascii(head, 0, "PK\x05\x06"))
    return "ZIP archive (or an Office document)";
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip archive";
  if (ascii(head, 0, "7z\xbc\xaf\x27\x1c")) return "7-Zip archive";
  if (ascii(head, 0, "Rar!")) return "RAR archive";
  if (head[0] === 0x7f && ascii(head, 1, "ELF")) return "ELF executable";
  if (ascii(head, 0, "MZ")) return "Windows executable";
  if (ascii(head, 0, "SQLite format 3\0")) return "SQLite database";
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    return "legacy Office document";
  return null;
}

export type TextDecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Bytes of a transcript upload as text: UTF-8 (BOM optional) or UTF-16 with a BOM; anything with NUL
 * bytes or invalid UTF-8 is binary.
 *
 * @example
 * decodeUploadText(new TextEncoder().encode("WEBVTT\n")); // { ok: true, text: "WEBVTT\n" }
 * decodeUploadText(new Uint8Array([0xc3, 0x28])); // { ok: false, reason: "invalid UTF-8 …" }
 */
export function decodeUploadText(bytes: Uint8Array): TextDecodeResult {
  let encoding = "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = "utf-16le";
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = "utf-16be";
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: `binary data (not valid ${encoding.toUpperCase()} text)` };
  }
  if (text.includes("\0")) return { ok: false, reason: "binary data (contains NUL bytes)" };
  return { ok: true, text };
}

/**
 * Read the first `n` bytes of a stream without losing them: returns those bytes and a stream that
 * replays them followed by the rest. Only the peeked chunks are held in memory.
 *
 * @example
 * const { head, stream: body } = await peekStream(part, SNIFF_BYTES);
 * if (sniffAudio(head)) await blobs.put(key, body, meta);
 */
export async function peekStream(
  stream: ReadableStream<Uint8Array>,
  n: number,
): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const buffered: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < n) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    if (value.length === 0) continue;
    buffered.push(value);
    size += value.length;
  }
  const head = new Uint8Array(Math.min(size, n));
  let off = 0;
  for (const chunk of buffered) {
    if (off >= head.length) break;
    const take = chunk.subarray(0, head.length - off);
    head.set(take, off);
    off += take.length;
  }
  const replay = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = buffered.shift();
      if (next) return controller.enqueue(next);
      if (ended) return controller.close();
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head, stream: replay };
}
