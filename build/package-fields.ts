import { z } from 'zod';

/** Only an https page may become the place page reports are sent to. */
const HttpsUrlSchema = z.url({ protocol: /^https$/ });
const PackageSchema = z.object({
  version: z.string().min(1),
  bugs: z.union([z.string(), z.object({ url: z.string().optional() })]).optional(),
});

/**
 * The manifest fields package.json owns: the version, so both builds agree, and `homepage_url`, the
 * project's issue tracker (`bugs`), which the page report's screen names as where reports go.
 */
export function packageFields(packageJson: unknown): { version: string; homepage_url?: string } {
  const { version, bugs } = PackageSchema.parse(packageJson);
  const tracker = typeof bugs === 'string' ? bugs : bugs?.url;
  if (tracker === undefined) return { version };
  if (!HttpsUrlSchema.safeParse(tracker).success)
    throw new Error(`package.json "bugs" must be an https address, not ${JSON.stringify(tracker)}`);
  return { version, homepage_url: tracker };
}
