// Maven with the settings.xml Conveyor writes (a mirror of everything, or an active profile with the
// repository), against the emulator's Maven endpoint for the shared `platform` domain.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoginRequest } from '../../src/artifacts/login/plan';
import { cleanEnv, findTool, Harness, MAVEN_CACHE, run, tail, type Workspace } from './harness';

const POM = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>demo</groupId><artifactId>consumer</artifactId><version>1.0</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies>
    <dependency><groupId>com.acme.platform</groupId><artifactId>platform-client</artifactId><version>2.1.0</version></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
  </plugins></build>
</project>
`;

describe('real clients: Maven with Conveyor\'s settings.xml', function () {
  this.timeout(600_000);
  const h = new Harness();
  let mvn: string;
  before(async function () {
    const found = findTool('mvn');
    if (!found || !existsSync(MAVEN_CACHE)) this.skip(); // plugins come from this machine's Maven cache, through the emulator
    mvn = found;
    await h.start();
  });
  after(async () => h.stop());

  /** Maven reads ~/.m2 from the JVM's user.home, not $HOME: point it at the temporary home. */
  const mavenEnv = (ws: Workspace, extra: Record<string, string>) => cleanEnv(ws.home, { MAVEN_OPTS: `-Duser.home=${ws.home} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC`, ...extra });
  const project = (ws: Workspace): void => {
    writeFileSync(join(ws.project, 'pom.xml'), POM);
    mkdirSync(join(ws.project, 'src/main/java/demo'), { recursive: true });
    writeFileSync(join(ws.project, 'src/main/java/demo/App.java'), 'package demo;\npublic class App { public static final String CORE = com.acme.platform.platform_core.BuildInfo.VERSION; }\n');
  };
  const request = (placement: LoginRequest['placement'], mavenMode: 'mirror' | 'repository'): Partial<LoginRequest> & Pick<LoginRequest, 'tool' | 'placement' | 'repository'> =>
    ({ tool: 'maven', placement, repository: 'releases', domain: 'platform', domainOwner: '222222222222', mavenMode });

  for (const [placement, mode] of [['user', 'mirror'], ['project', 'mirror'], ['user', 'repository'], ['project', 'repository']] as const) {
    it(`${placement} config (${mode}): mvn compile fetches platform-client with the token; expiry breaks it; refresh fixes it`, async () => {
      const ws = h.workspace(`mvn-${placement}-${mode}`);
      project(ws);
      const login = await h.login(ws, request(placement, mode));
      const settings = readFileSync(join(ws.home, '.m2', 'settings.xml'), 'utf8');
      assert.equal(settings.includes(login.issued.token), placement === 'user', 'the token is in settings.xml only for the user placement');
      const compile = (env: NodeJS.ProcessEnv) => run(mvn, ['-B', 'compile'], { cwd: ws.project, env });

      const ok = await compile(mavenEnv(ws, login.environment));
      assert.equal(ok.code, 0, tail(ok.output));
      assert.match(ok.output, /Downloaded from codeartifact-platform-releases: .*platform-client-2\.1\.0\.jar/);
      assert.ok(existsSync(join(ws.project, 'target/classes/demo/App.class')));

      h.expireTokens();
      const fresh = join(ws.home, 'repo-after-expiry');
      const expired = await run(mvn, ['-B', `-Dmaven.repo.local=${fresh}`, 'compile'], { cwd: ws.project, env: mavenEnv(ws, login.environment) });
      assert.notEqual(expired.code, 0, 'an expired token must make mvn fail');
      assert.match(expired.output, /401|Unauthorized|status code: 401/);

      const refreshed = await h.login(ws, request(placement, mode), 900, login.manifest);
      const again = await run(mvn, ['-B', `-Dmaven.repo.local=${join(ws.home, 'repo-after-refresh')}`, 'compile'], { cwd: ws.project, env: mavenEnv(ws, refreshed.environment) });
      assert.equal(again.code, 0, tail(again.output));
      await h.logout(refreshed);
      assert.equal(existsSync(join(ws.home, '.m2', 'settings.xml')), false);
      assert.equal(readFileSync(join(ws.project, 'pom.xml'), 'utf8'), POM);
    });
  }

  it('mvn dependency:get resolves platform-client with the token (needs the dependency plugin\'s closure in the Maven cache)', async function () {
    const ws = h.workspace('mvn-get');
    const login = await h.login(ws, request('user', 'mirror'));
    const get = await run(mvn, ['-B', 'dependency:get', '-Dartifact=com.acme.platform:platform-client:2.1.0'], { cwd: ws.project, env: mavenEnv(ws, login.environment) });
    if (get.code !== 0 && /Plugin org\.apache\.maven\.plugins:maven-dependency-plugin:\S+ or one of its dependencies could not be resolved/.test(get.output)) {
      this.skip(); // everything Maven asked for came through the emulator; the machine's cache lacks part of the plugin's closure
    }
    assert.equal(get.code, 0, tail(get.output));
    assert.ok(existsSync(join(ws.home, '.m2/repository/com/acme/platform/platform-client/2.1.0/platform-client-2.1.0.jar')));
  });
});
