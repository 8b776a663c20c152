// The SDK warns once per process on Node 20 about releases after January 2027; versions here are pinned by
// package-lock.json and Lambda runs nodejs22.x, so in tests the warning is only noise in every worker.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
