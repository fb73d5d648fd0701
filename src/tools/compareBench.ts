import { count, mib, ms, percent, print, row } from './benchFormat';
import { loadFigures, type LoadFigures } from './loadFigures';
import type { LoadMix } from './loadMix';
import { runLoad, type LoadResult } from './runLoad';
import { sampleMemory } from './sampleMemory';
import { spawnBenchServer, type BenchServer, type ServerKind } from './spawnBenchServer';

export interface CompareSettings {
  readonly connections: number;
  readonly warmupSeconds: number;
  /** Seconds of measured load per server, split over the rounds. */
  readonly seconds: number;
  readonly rounds: number;
  /** Extra node flags for the service's process, such as --cpu-prof. */
  readonly serviceExecArgv: readonly string[];
}

interface Subject {
  readonly kind: ServerKind;
  readonly server: BenchServer;
  readonly mix: LoadMix;
  readonly runs: LoadResult[];
  peakRss: number;
  /** The server's CPU time during the measured rounds. */
  cpuMs: number;
}

interface Measured extends LoadFigures {
  readonly kind: ServerKind;
  readonly peakRss: number;
  readonly afterRss: number;
  readonly cpuPerRequest: number;
}

async function start(
  kind: ServerKind,
  mix: LoadMix,
  execArgv: readonly string[],
): Promise<Subject> {
  return {
    kind,
    server: await spawnBenchServer(kind, execArgv),
    mix,
    runs: [],
    peakRss: 0,
    cpuMs: 0,
  };
}

function loadOptions(subject: Subject, settings: CompareSettings) {
  const { server, mix } = subject;
  return { url: server.url, connections: settings.connections, nextBody: mix.nextBody };
}

async function measureRound(subject: Subject, settings: CompareSettings, seconds: number) {
  const before = await subject.server.usage();
  const sampler = sampleMemory(subject.server);
  subject.runs.push(await runLoad({ ...loadOptions(subject, settings), seconds }));
  subject.peakRss = Math.max(subject.peakRss, await sampler.stop());
  subject.cpuMs += (await subject.server.usage()).cpuMs - before.cpuMs;
}

async function finish(subject: Subject): Promise<Measured> {
  const { rss } = await subject.server.usage();
  const figures = loadFigures(subject.runs);
  const cpuPerRequest = subject.cpuMs / Math.max(1, figures.ok + figures.failed);
  const peakRss = Math.max(subject.peakRss, rss);
  return { kind: subject.kind, ...figures, peakRss, afterRss: rss, cpuPerRequest };
}

const WIDTHS = [8, 9, 7, 9, 9, 9, 10, 10, 7];

const verdict = (met: boolean): string => (met ? 'meets the target' : 'misses the target');

function cells(m: Measured): string[] {
  const latency = [ms(m.p50), ms(m.p99)];
  const memory = [mib(m.peakRss), mib(m.afterRss)];
  const load = [count(m.ok), count(m.perSecond), ms(m.cpuPerRequest)];
  return [m.kind, ...load, ...latency, ...memory, count(m.failed)];
}

function report(echo: Measured, service: Measured): string[] {
  const throughput = service.perSecond / echo.perSecond;
  const p99 = service.p99 / echo.p99;
  const cpu = service.cpuPerRequest / echo.cpuPerRequest;
  const header = ['server', 'requests', 'req/s', 'CPU/req', 'p50', 'p99', 'RSS peak', 'RSS after'];
  return [
    row([...header, 'failed'], WIDTHS),
    row(cells(echo), WIDTHS),
    row(cells(service), WIDTHS),
    '',
    `service/echo throughput  ${percent(throughput).padStart(7)}   target >= 70%   ${verdict(throughput >= 0.7)}`,
    `service/echo p99         ${`${p99.toFixed(2)}x`.padStart(7)}   target <= 2x    ${verdict(p99 <= 2)}`,
    `service/echo CPU/req     ${`${cpu.toFixed(2)}x`.padStart(7)}   caps throughput at ${percent(1 / cpu)} while both are CPU-bound`,
  ];
}

/**
 * The service against a bare echo bot on the same stack, under the same load. They take turns in
 * short rounds, so that whatever else the machine is doing weighs on both alike.
 */
export async function compareWithEcho(
  createMix: () => LoadMix,
  settings: CompareSettings,
): Promise<void> {
  const perRound = settings.seconds / settings.rounds;
  print([
    `${settings.connections} connections; ${settings.warmupSeconds} s warm-up each, then ${settings.rounds} rounds of ${perRound} s each, taking turns`,
    '',
  ]);
  const echo = await start('echo', createMix(), []);
  const service = await start('service', createMix(), settings.serviceExecArgv).catch(
    async (err: unknown) => {
      await echo.server.stop();
      throw err;
    },
  );
  try {
    for (const subject of [echo, service]) {
      await runLoad({ ...loadOptions(subject, settings), seconds: settings.warmupSeconds });
    }
    for (let round = 0; round < settings.rounds; round += 1) {
      for (const subject of [echo, service]) await measureRound(subject, settings, perRound);
    }
    print(report(await finish(echo), await finish(service)));
  } finally {
    await Promise.all([echo.server.stop(), service.server.stop()]);
  }
}
