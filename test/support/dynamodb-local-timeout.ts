// A test here may start a JVM of its own (a restart on a data directory, a local stack), which takes seconds
// on a busy 2-core machine.
jest.setTimeout(60_000);
