// Each test file of jest's dynamodb-local project runs its data layer against DynamoDB Local (see harness.ts).
process.env.PARLEY_TEST_DYNAMODB_ENGINE = 'dynamodb-local';
