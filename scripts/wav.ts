// Short PCM sine tones as WAV files, written with Buffer: the app's sounds are made by `npm run assets`, never
// downloaded. Pure (no file system), so the unit tests regenerate every sound and compare it with assets/sounds/.

/** One tone of a sound; `hz: 0` is a pause. */
export interface Tone {
  hz: number;
  ms: number;
  /** 0..1 of full scale; quiet by default, a till beeps all day. */
  gain?: number;
}

export const SAMPLE_RATE = 22_050;
const DEFAULT_GAIN = 0.5;
/** Each tone fades in and out, so no tone starts or stops with a click. */
const FADE_MS = 5;
const HEADER_BYTES = 44;

export function toneWav(tones: readonly Tone[], sampleRate: number = SAMPLE_RATE): Buffer {
  const counts = tones.map((tone) => Math.round((tone.ms / 1000) * sampleRate));
  const totalSamples = counts.reduce((sum, n) => sum + n, 0);
  const wav = Buffer.alloc(HEADER_BYTES + totalSamples * 2);
  let offset = HEADER_BYTES;
  tones.forEach((tone, index) => {
    const n = counts[index] ?? 0;
    const fade = Math.max(1, Math.min(Math.round((FADE_MS / 1000) * sampleRate), Math.floor(n / 2)));
    const gain = Math.min(1, Math.max(0, tone.gain ?? DEFAULT_GAIN));
    for (let s = 0; s < n; s += 1) {
      const envelope = Math.min(1, s / fade, (n - 1 - s) / fade);
      const value = tone.hz === 0 ? 0 : Math.sin((2 * Math.PI * tone.hz * s) / sampleRate) * gain * envelope;
      wav.writeInt16LE(Math.round(value * 32_767), offset);
      offset += 2;
    }
  });
  const dataBytes = totalSamples * 2;
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28); // byte rate
  wav.writeUInt16LE(2, 32); // block align
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  return wav;
}

export interface WavInfo {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  dataBytes: number;
  durationMs: number;
  /** Largest absolute sample, 0..32767. */
  peak: number;
}

/** Reads back what toneWav writes (the canonical 44-byte header); throws on anything else. */
export function readWavInfo(wav: Buffer): WavInfo {
  if (wav.length < HEADER_BYTES || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  if (wav.toString('ascii', 12, 16) !== 'fmt ' || wav.toString('ascii', 36, 40) !== 'data') throw new Error('unexpected chunk layout');
  const sampleRate = wav.readUInt32LE(24);
  const channels = wav.readUInt16LE(22);
  const bitsPerSample = wav.readUInt16LE(34);
  const dataBytes = wav.readUInt32LE(40);
  if (wav.length !== HEADER_BYTES + dataBytes || wav.readUInt32LE(4) !== 36 + dataBytes) throw new Error('sizes in the header do not match the file');
  let peak = 0;
  if (bitsPerSample === 16) {
    for (let offset = HEADER_BYTES; offset + 1 < wav.length; offset += 2) peak = Math.max(peak, Math.abs(wav.readInt16LE(offset)));
  }
  const bytesPerSecond = sampleRate * channels * (bitsPerSample / 8);
  return { format: wav.readUInt16LE(20), channels, sampleRate, bitsPerSample, dataBytes, durationMs: (dataBytes / bytesPerSecond) * 1000, peak };
}
