import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

interface LambdaResource {
  Type: string;
  Properties?: { Code?: { S3Key?: unknown } };
}

export interface BundleSize {
  function: string;
  bundleBytes: number;
}

/**
 * The size of each Lambda bundle in a synthesized stack: a function's code key names its asset, whose
 * folder holds the bundle esbuild wrote. Reported at every synth, so a heavier cold start shows in CI.
 */
export function bundleSizes(assembly: CloudAssembly, stackName: string): BundleSize[] {
  const stack = assembly.getStackArtifact(stackName);
  const resources = (stack.template as { Resources: Record<string, LambdaResource> }).Resources;
  return Object.entries(resources)
    .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
    .flatMap(([logicalId, resource]) => {
      const key = String(resource.Properties?.Code?.S3Key ?? '');
      const bundle = path.join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`, 'index.js');
      return existsSync(bundle) ? [{ function: logicalId, bundleBytes: statSync(bundle).size }] : [];
    });
}

export function formatBundleSizes(sizes: readonly BundleSize[]): string {
  return [
    'Lambda bundles (minified, SDK included):',
    ...sizes.map(
      (size) => `  ${size.function.padEnd(40)} ${(size.bundleBytes / 1024).toFixed(0).padStart(6)} KiB`,
    ),
  ].join('\n');
}
