/** Writes the probe's OpenAPI document to probe/openapi.json, formatted as the repository's Prettier does: `npm run openapi`. */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { OPENAPI_PATH, openApiDocument } from './openapi';

const options = (await resolveConfig(OPENAPI_PATH)) ?? {};
writeFileSync(OPENAPI_PATH, await format(JSON.stringify(openApiDocument()), { ...options, parser: 'json' }));
console.log(`wrote ${OPENAPI_PATH}`);
