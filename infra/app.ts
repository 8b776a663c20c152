import { App } from 'aws-cdk-lib';
import { bundleSizes, formatBundleSizes } from './bundle-report';
import { buildApp, STACK_NAME } from './synthesize';

/**
 * `npm run synth` and `npx cdk deploy` (cdk.json) run this; it needs no AWS credentials to synthesize. Run by
 * the CDK CLI it writes where the CLI says; run alone, to cdk.out/.
 */
buildApp(new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' }))
  .then(({ app }) => {
    const assembly = app.synth();
    console.error(formatBundleSizes(bundleSizes(assembly, STACK_NAME)));
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
