/**
 * Settings of a real service for a test suite. A real-service suite only runs when the test command selected it
 * (the services are up, or CI=true); then a missing setting is a failure, never a skip.
 */
export function requireRealSetting(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: start the real services with \`npm run infra:up\` (it writes .stages/infra.env), then run \`npm test\`.`);
  }
  return value;
}
