import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROBE_ERROR_STATUS } from '../../../probe/errors';
import { OPENAPI_PATH, openApiDocument } from '../../../probe/openapi';
import { makeTestPki, type TestPki } from '../../pki';
import { startApp, testConfig, type RunningApp } from './helpers';

interface Doc {
  paths: Record<string, { get: { responses: Record<string, unknown> } }>;
  components: {
    schemas: { ErrorBody: { properties: { error: { properties: { code: { enum: string[] } } } } } };
  };
}

const generated = () => JSON.parse(JSON.stringify(openApiDocument())) as Doc;

describe('the OpenAPI document', () => {
  test(`${OPENAPI_PATH} is the document generated from the report contract (run npm run openapi after changing it)`, () => {
    expect(JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'))).toEqual(generated());
  });

  test('names every error code the probe answers with', () => {
    expect(generated().components.schemas.ErrorBody.properties.error.properties.code.enum.sort()).toEqual(
      Object.keys(PROBE_ERROR_STATUS).sort(),
    );
  });

  test.each(['/v1/inspect', '/v1/metrics'])('documents every status %s can answer with', (path) => {
    const statuses = new Set(Object.values(PROBE_ERROR_STATUS).filter((s) => s !== 404 && s !== 405));
    const documented = Object.keys(generated().paths[path]!.get.responses).map(Number);
    expect(documented.sort()).toEqual([200, ...statuses].sort());
  });

  test('describes dates as date-time and the report’s required fields', () => {
    const text = JSON.stringify(generated());
    expect(text).toContain('"probedAt":{"type":"string","format":"date-time"}');
    const report = (generated().components.schemas as unknown as { InspectReport: { required: string[] } })
      .InspectReport;
    expect(report.required).toEqual(['target', 'probedAt', 'addresses', 'summary']);
  });
});

describe('GET /openapi.json', () => {
  let pki: TestPki;
  let probe: RunningApp;
  beforeAll(async () => {
    pki = await makeTestPki();
    probe = await startApp(testConfig(pki.rootPem, { token: 'openapi-test-token' }));
  }, 30_000);
  afterAll(() => probe.close());

  test('serves the document without the token, while inspections need it', async () => {
    const response = await probe.get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(generated());
    expect((await probe.get('/v1/inspect?host=valid-90d.localhost')).status).toBe(401);
  });
});
