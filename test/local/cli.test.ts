import { spawn } from 'node:child_process';
import path from 'node:path';

/** npm start's command line, run as npm start runs it (tsx), for the answers it gives before serving. */
const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

async function start(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'local/cli.ts', ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}

describe('npm start -- --dynamodb', () => {
  it('refuses an engine it does not know, naming the flag or variable and the choices', async () => {
    const flag = await start(['--dynamodb', 'dynamo', '--in-memory', '--no-chat']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('--dynamodb must be one of dynalite, dynamodb-local, got "dynamo"');
    expect(flag.stderr).toContain('Usage: npm start');
    const variable = await start(['--in-memory', '--no-chat'], { PARLEY_DYNAMODB_ENGINE: 'local' });
    expect(variable.stderr).toContain(
      'PARLEY_DYNAMODB_ENGINE must be one of dynalite, dynamodb-local, got "local"',
    );
  });

  it('says what to install when DynamoDB Local is asked for and there is no Java', async () => {
    const missingJava = path.join(REPOSITORY_ROOT, 'no-such-jdk');
    const { code, stderr } = await start(
      ['--dynamodb=dynamodb-local', '--in-memory', '--no-chat', '--port', '0'],
      {
        JAVA_HOME: missingJava,
      },
    );
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `Refusing to start with --dynamodb=dynamodb-local: DynamoDB Local needs Java, and ${path.join(missingJava, 'bin', 'java')} does not run: ` +
        'install a Java 17+ runtime (Debian: sudo apt-get install openjdk-17-jre-headless) or set JAVA_HOME, ' +
        'or use the default engine, dynalite (--dynamodb=dynalite).',
    );
  });
});
