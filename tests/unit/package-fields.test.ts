import { describe, expect, it } from 'vitest';
import { packageFields } from '../../build/package-fields';

describe('the manifest fields package.json owns', () => {
  it('gives the version to the manifest', () => {
    expect(packageFields({ version: '1.2.3' })).toEqual({ version: '1.2.3' });
  });

  it('names the issue tracker as the homepage, whether bugs is an address or an object', () => {
    const url = 'https://tracker.example/page-outreach/issues';
    expect(packageFields({ version: '1.0.0', bugs: url }).homepage_url).toBe(url);
    expect(packageFields({ version: '1.0.0', bugs: { url } }).homepage_url).toBe(url);
  });

  it('refuses a tracker that is not an https address, so no report is sent in clear or to a script', () => {
    expect(() => packageFields({ version: '1.0.0', bugs: 'http://tracker.example' })).toThrow(/https/);
    expect(() => packageFields({ version: '1.0.0', bugs: 'javascript:alert(1)' })).toThrow(/https/);
  });

  it('leaves the homepage out while the project names no tracker', () => {
    expect(packageFields({ version: '1.0.0', bugs: {} })).not.toHaveProperty('homepage_url');
  });
});
