// Brings the embedded Neo4j's jars in with Maven once (into neo4j/target, git-ignored) and checks that Java
// and Maven are there, with one clear paragraph when they are not. Used by postinstall and by start.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const launcherDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../neo4j');
export const launcherClasspath = [join(launcherDir, 'target/classes'), join(launcherDir, 'target/lib/*')].join(':');
export const launcherMainClass = 'kz.graph.neo4j.Launcher';

export class PrerequisiteError extends Error {
  override name = 'PrerequisiteError';
}

function toolVersion(command: string, args: string[]): string | null {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  if (run.error || run.status !== 0) return null;
  return `${run.stdout}\n${run.stderr}`;
}

/** Java 17 or newer must be on PATH to run the embedded database. */
export function checkJava(): void {
  const out = toolVersion('java', ['-version']);
  const major = out ? Number(/version "(\d+)/.exec(out)?.[1] ?? '0') : 0;
  if (major < 17) {
    throw new PrerequisiteError(
      `The embedded Neo4j needs Java 17 or newer (${out ? `found Java ${major}` : '"java" was not found on PATH'}). ` +
        'Install a JDK 17+ (for example the Debian package openjdk-17-jdk-headless) and Maven 3.8+ (package maven), ' +
        'then run "npm install" again; or point the app at an existing Neo4j 5 server by setting NEO4J_URI ' +
        '(with NEO4J_USER and NEO4J_PASSWORD), which needs neither.',
    );
  }
}

export function isLauncherBuilt(): boolean {
  const lib = join(launcherDir, 'target/lib');
  return (
    existsSync(join(launcherDir, 'target/classes/kz/graph/neo4j/Launcher.class')) &&
    existsSync(lib) &&
    readdirSync(lib).some((f) => f.startsWith('neo4j-bolt-'))
  );
}

/** Compiles the launcher and copies Neo4j's jars, unless that was done already. */
export function ensureLauncherBuilt(options: { profiles?: string[]; force?: boolean } = {}): void {
  const profiles = options.profiles ?? [];
  if (!options.force && profiles.length === 0 && isLauncherBuilt()) return;
  checkJava();
  if (!toolVersion('mvn', ['-v'])) {
    throw new PrerequisiteError(
      'Building the embedded Neo4j needs Maven 3.8+ ("mvn" was not found on PATH). Install it (Debian package ' +
        'maven) and run "npm install" again, or set NEO4J_URI to use an existing Neo4j 5 server instead.',
    );
  }
  const args = ['-B', '-q', '-f', join(launcherDir, 'pom.xml'), 'package'];
  if (profiles.length > 0) args.push(`-P${profiles.join(',')}`);
  execFileSync('mvn', args, { stdio: 'inherit' });
}
