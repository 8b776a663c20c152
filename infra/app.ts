import { App } from 'aws-cdk-lib';
import { buildApp } from './synthesize';

/**
 * `npm run synth` and `npx cdk deploy` (cdk.json) run this; it needs no AWS credentials to synthesize. Run by
 * the CDK CLI it writes where the CLI says; run alone, to cdk.out/.
 */
buildApp(new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' }))
  .then(({ app }) => {
    app.synth();
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
