/** Stops the shared DynamoDB Local and waits for its JVM to exit, so no Java process outlives the run. */
export default async function stopSharedDynamoDbLocal(): Promise<void> {
  await globalThis.parleyDynamoDbLocal?.stop();
  globalThis.parleyDynamoDbLocal = undefined;
}
