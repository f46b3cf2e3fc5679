import * as assert from 'node:assert/strict';
import { defaultProfile, describeKind, ENV_PROFILE, listProfiles, resolveRegion, type SharedFiles } from '../../../src/aws/profiles';

const files = (configFile: SharedFiles['configFile'], credentialsFile: SharedFiles['credentialsFile'] = {}): SharedFiles => ({ configFile, credentialsFile });

describe('profiles', () => {
  it('classifies every kind of profile', () => {
    const list = listProfiles(files({
      default: { region: 'us-west-2' },
      dev: { sso_session: 'corp', sso_account_id: '1', sso_role_name: 'Dev', region: 'eu-west-1' },
      'sso-session.corp': { sso_start_url: 'https://corp/start', sso_region: 'us-east-1' },
      legacy: { sso_start_url: 'https://old/start', sso_account_id: '1', sso_role_name: 'R' },
      proc: { credential_process: 'get-creds' },
      role: { role_arn: 'arn:aws:iam::2:role/R', source_profile: 'proc' },
      web: { role_arn: 'arn:aws:iam::2:role/W', web_identity_token_file: '/t' },
      ec2: { role_arn: 'arn:aws:iam::2:role/E', credential_source: 'Ec2InstanceMetadata' },
    }, { default: { aws_access_key_id: 'AKIA', aws_secret_access_key: 's' } }), {});
    const kind = Object.fromEntries(list.map((p) => [p.name, p.kind]));
    assert.deepEqual(kind, { default: 'static', dev: 'sso', ec2: 'assume-role', legacy: 'sso-legacy', proc: 'process', role: 'assume-role', web: 'web-identity' });
    assert.equal(list[0]?.name, 'default', 'default comes first');
    assert.equal(list.find((p) => p.name === 'dev')?.ssoStartUrl, 'https://corp/start');
    assert.equal(list.find((p) => p.name === 'ec2')?.problem, undefined);
    assert.ok(!list.some((p) => p.name.startsWith('sso-session')), 'sso-session sections are not profiles');
  });

  it('walks source_profile chains and reports cycles and dangling sources', () => {
    const list = listProfiles(files({
      a: { role_arn: 'arn:1', source_profile: 'b' },
      b: { role_arn: 'arn:2', source_profile: 'c' },
      c: { credential_process: 'x' },
      loop1: { role_arn: 'arn:3', source_profile: 'loop2' },
      loop2: { role_arn: 'arn:4', source_profile: 'loop1' },
      dangling: { role_arn: 'arn:5', source_profile: 'nope' },
      self: { role_arn: 'arn:6', source_profile: 'self', aws_access_key_id: 'A', aws_secret_access_key: 'S' },
      norole: { role_arn: 'arn:7' },
    }), {});
    const by = new Map(list.map((p) => [p.name, p]));
    assert.deepEqual(by.get('a')?.sourceChain, ['a', 'b', 'c']);
    assert.equal(by.get('a')?.problem, undefined);
    assert.match(by.get('loop1')?.problem ?? '', /cycle: loop1 → loop2 → loop1/);
    assert.match(by.get('dangling')?.problem ?? '', /"nope" does not exist/);
    assert.equal(by.get('self')?.problem, undefined, 'a profile may source itself when it holds keys');
    assert.match(by.get('norole')?.problem ?? '', /neither source_profile nor credential_source/);
    assert.equal(describeKind(by.get('a')!), 'assume role via b → c');
  });

  it('flags an sso profile whose sso-session is missing', () => {
    const [p] = listProfiles(files({ x: { sso_session: 'ghost' } }), {});
    assert.match(p?.problem ?? '', /sso-session "ghost" is not defined/);
  });

  it('lets the credentials file win over the config file for the same profile', () => {
    const [p] = listProfiles(files({ x: { credential_process: 'p' } }, { x: { aws_access_key_id: 'A', aws_secret_access_key: 'S' } }), {});
    assert.equal(p?.kind, 'static');
  });

  it('adds an environment pseudo-profile when keys are in the environment', () => {
    const list = listProfiles(files({}), { AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'S', AWS_REGION: 'eu-north-1' });
    assert.deepEqual(list, [{ name: ENV_PROFILE, kind: 'environment', region: 'eu-north-1' }]);
  });

  it('chooses the default profile: setting, AWS_PROFILE, default, environment, first', () => {
    const list = listProfiles(files({ default: { credential_process: 'x' }, b: { credential_process: 'y' } }), { AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'S' });
    assert.equal(defaultProfile(list, 'b', {}), 'b');
    assert.equal(defaultProfile(list, 'missing', { AWS_PROFILE: 'b' }), 'b');
    assert.equal(defaultProfile(list, undefined, {}), 'default');
    assert.equal(defaultProfile(list.filter((p) => p.name !== 'default'), undefined, {}), ENV_PROFILE);
    assert.equal(defaultProfile([], undefined, {}), undefined);
  });

  it('resolves the region: setting, profile, AWS_REGION, AWS_DEFAULT_REGION, us-east-1', () => {
    const p = { name: 'x', kind: 'static' as const, region: 'eu-west-1' };
    assert.equal(resolveRegion('ap-south-1', p, {}), 'ap-south-1');
    assert.equal(resolveRegion(undefined, p, { AWS_REGION: 'us-west-1' }), 'eu-west-1');
    assert.equal(resolveRegion(undefined, undefined, { AWS_REGION: 'us-west-1' }), 'us-west-1');
    assert.equal(resolveRegion(undefined, undefined, { AWS_DEFAULT_REGION: 'us-west-2' }), 'us-west-2');
    assert.equal(resolveRegion('', undefined, {}), 'us-east-1');
  });
});
