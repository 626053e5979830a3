import type { MediaCatalog } from '../playback/media-catalog.js';
import { locateFfmpeg } from './ffmpeg-tools.js';
import { type ProbedCatalog, probedCatalog } from './probed-catalog.js';
import { RelayLedger } from './relay-ledger.js';
import { type PlaybackReporter, RelayPlayer } from './relay-player.js';

export interface RelayModeOptions {
  /** ffmpeg to run; default the one on PATH (ffprobe is taken from beside it). */
  readonly ffmpegPath?: string | undefined;
  /** The emulator's data file: the relay ledger lives beside it (`<file>.relays.json`). */
  readonly dataFile?: string | undefined;
  /** The `--media` catalog (VOD media IDs → files; durations until probed). */
  readonly media: MediaCatalog;
  /** One line per task transition and relay event. Default: stdout. */
  readonly log?: ((line: string) => void) | undefined;
}

/** What `--relay` adds to an emulator: the player, the catalog it feeds, and their start and end. */
export interface RelayMode {
  readonly player: RelayPlayer;
  readonly media: ProbedCatalog;
  /**
   * Ends relays a killed emulator left behind on this data file, then lets the player start the
   * tasks' relays. Call once the data file is ours (the task service has opened it).
   */
  activate(service: PlaybackReporter): Promise<void>;
  /** Stops every relay; resolves once no ffmpeg is left. */
  close(): Promise<void>;
}

/** The sentence the clock control answers with in relay mode (409). */
export const REAL_CLOCK_ONLY =
  'the emulator runs real relays (--relay): its task clock is the real clock and cannot be advanced';

/**
 * Prepares relay mode: finds ffmpeg (throwing FfmpegMissingError, whose message says how to
 * install it) before anything starts.
 */
export function prepareRelayMode(options: RelayModeOptions): RelayMode {
  const tools = locateFfmpeg(options.ffmpegPath);
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const media = probedCatalog(options.media);
  const ledger = options.dataFile === undefined ? undefined : new RelayLedger(`${options.dataFile}.relays.json`);
  const player = new RelayPlayer({
    tools,
    resolve: (source) => options.media.lookup(source).file ?? source,
    onDuration: (source, seconds) => media.measured(source, seconds),
    ...(ledger === undefined ? {} : { ledger }),
    log,
  });
  log(`relay mode: ${tools.ffmpeg} (ffmpeg ${tools.version})`);
  return {
    player,
    media,
    async activate(service) {
      const swept = (await ledger?.sweep()) ?? [];
      for (const { taskId, pid } of swept) {
        log(`task ${taskId}: stopped ffmpeg ${pid}, left running by an emulator that was killed`);
      }
      player.bind(service);
    },
    close: () => player.close(),
  };
}
