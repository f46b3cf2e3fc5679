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
  for (const [input, secret] of cases) {
    it(`removes the secret from: ${input.slice(0, 40)}…`, () => {
      const out = r.redact(input);
      assert.ok(!out.includes(secret), out);
      assert.match(out, /\*\*\*\*/);
    });
  }

  it('removes registered secrets wherever they appear', () => {
    const own = new Redactor();
    own.addSecret('plain-looking-value');
    assert.equal(own.redact('value=plain-looking-value; again plain-looking-value'), 'value=****; again ****');
  });

  it('leaves ordinary text alone', () => {
    const text = 'GetPipelineState for my-pipeline in eu-west-1 took 120 ms';
    assert.equal(r.redact(text), text);
  });
});
