import * as assert from 'node:assert/strict';
import { Redactor } from '../../../src/core/redact';

describe('Redactor', () => {
  const r = new Redactor();
  const cases: Array<[string, string]> = [
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI'],
    ['//host/npm/repo/:_authToken=abc123secretvalue', 'abc123secretvalue'],
    ['{"authorizationToken":"tok-xyz-123456"}', 'tok-xyz-123456'],
    ['Authorization: AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/logs/aws4_request, Signature=deadbeef', 'deadbeef'],
    ['index-url = https://aws:s3cr3tT0ken@domain-111.d.codeartifact.us-east-1.amazonaws.com/pypi/r/simple/', 's3cr3tT0ken'],
    ['token eyJ2ZXIiOjEsImlzdSI6MTY5OTk5OTk5OX0.eyJzdWIiOiJjb2RlYXJ0aWZhY3QifQ.c2lnbmF0dXJl here', 'eyJ2ZXIiOjEsImlzdSI6'],
    ['Bearer abcdefghijklmnop1234', 'abcdefghijklmnop1234'],
    ['X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD', 'IQoJb3JpZ2lu'],
  ];
  // The forms the December 2026 security review found unredacted ("Hardening": redactor pattern gaps).
  const review: Array<[string, string]> = [
    ['//registry.example.com/:_auth=dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNz'],
    ['_auth = "dXNlcjpwYXNzd29yZA=="', 'dXNlcjpwYXNz'],
    ['npmAuthToken: "opaque-yarn-token-123"', 'opaque-yarn-token-123'],
    ['    npmAuthToken: opaque-yarn-token-123', 'opaque-yarn-token-123'],
    ['npmAuthIdent: "someone:hunter2-password"', 'hunter2-password'],
    [String.raw`{\"SecretAccessKey\":\"wJalrXUtnFEMI/K7MDENG\",\"SessionToken\":\"AQoDYXdzEJr1K0\"}`, 'wJalrXUtnFEMI'],
    [String.raw`{\"SecretAccessKey\":\"wJalrXUtnFEMI/K7MDENG\",\"SessionToken\":\"AQoDYXdzEJr1K0\"}`, 'AQoDYXdzEJr1K0'],
    [String.raw`"headers":{\"Authorization\":\"Bearer-less-opaque-value\"}`, 'Bearer-less-opaque-value'],
    ['x-amz-sso_bearer_token: aoaAAAAAGVxy1234opaqueSsoAccessToken', 'aoaAAAAAGVxy1234'],
    ['{"x-amz-sso_bearer_token":"aoaAAAAAGVxy1234opaqueSsoAccessToken"}', 'aoaAAAAAGVxy1234'],
    ['PIP_INDEX_URL=https://aws:abc/def+ghi==@dom-111122223333.d.codeartifact.us-east-1.amazonaws.com/pypi/r/simple/', 'abc/def+ghi'],
    ['<server><id>codeartifact</id><username>aws</username><password>REAL-PASSWORD-123</password></server>', 'REAL-PASSWORD-123'],
    ['<add key="ClearTextPassword" value="nuget-secret-456" />', 'nuget-secret-456'],
    ['<add key="Password" value="encrypted-nuget-789" />', 'encrypted-nuget-789'],
    ['ORG_GRADLE_PROJECT_codeartifactToken=gradle-token-value', 'gradle-token-value'],
    ['codeartifactToken=gradle-token-value', 'gradle-token-value'],
    ['CODEARTIFACT_AUTH_TOKEN=plain-token-value', 'plain-token-value'],
    ['export CODEARTIFACT_AUTH_TOKEN_DOMAIN_B_111122223333="plain-token-value"', 'plain-token-value'],
    ['YARN_NPM_AUTH_TOKEN=plain-token-value', 'plain-token-value'],
  ];
  for (const [input, secret] of [...cases, ...review]) {
    it(`removes the secret from: ${input.slice(0, 48)}…`, () => {
      const out = r.redact(input);
      assert.ok(!out.includes(secret), out);
      assert.match(out, /\*\*\*\*/);
    });
  }

  it('keeps the JSON-escaped structure around a redacted value', () => {
    assert.equal(r.redact(String.raw`{\"SessionToken\":\"abc\\def123\"}`), String.raw`{\"SessionToken\":\"****\"}`);
  });

  it('removes registered secrets wherever they appear', () => {
    const own = new Redactor();
    own.addSecret('plain-looking-value');
    assert.equal(own.redact('value=plain-looking-value; again plain-looking-value'), 'value=****; again ****');
  });

  it('removes registered secrets URL-encoded and JSON-escaped too', () => {
    const own = new Redactor();
    const secret = 'wJalr/XUtn+FEMI="quoted"';
    own.addSecret(secret);
    for (const form of [encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), String.raw`wJalr\/XUtn+FEMI=\"quoted\"`]) {
      assert.equal(own.redact(`seen ${form} here`), 'seen **** here', form);
    }
  });

  it('replaces a registered secret that contains another one whole', () => {
    const own = new Redactor();
    own.addSecret('short-secret');
    own.addSecret('short-secret-and-more');
    assert.equal(own.redact('x short-secret-and-more y'), 'x **** y');
  });

  it('leaves ordinary text alone', () => {
    for (const text of [
      'GetPipelineState for my-pipeline in eu-west-1 took 120 ms',
      'GET https://registry.npmjs.org:443/@scope/pkg 200',
      'fetch http://localhost:4873/react@18.2.0 from the local registry',
      'endpoint http://127.0.0.1:4566, profile dev (admin)',
      'user@example.com wrote: see https://example.com/a@b',
    ]) assert.equal(r.redact(text), text);
  });
});
