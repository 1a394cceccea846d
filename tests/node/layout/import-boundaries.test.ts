import { describe, expect, it } from 'vitest';
import { checkImports, checkTree, importsOf } from '../../support/import-boundaries';

const root = new URL('../../../', import.meta.url).pathname;

describe('the import boundaries of the three layers', () => {
  it('hold in the whole tree: worker may import web and db; web only types from db; db neither', () => {
    expect(checkTree(root)).toEqual([]);
  });

  it('are read from every kind of import, and not from comments', () => {
    const refs = importsOf(
      [
        "import { a } from '../db/x';",
        "import type { B } from '../db/y';",
        "export * from './z';",
        "export type { C } from '../db/c';",
        "import './side-effect';",
        "const m = await import('../worker/late');",
        "// import { no } from '../worker/comment';",
        "/* import { no } from '../worker/block'; */",
      ].join('\n'),
    );
    expect(refs).toEqual([
      { specifier: '../db/x', typeOnly: false },
      { specifier: '../db/y', typeOnly: true },
      { specifier: './z', typeOnly: false },
      { specifier: '../db/c', typeOnly: true },
      { specifier: './side-effect', typeOnly: false },
      { specifier: '../worker/late', typeOnly: false },
    ]);
  });

  it('catch each line crossed', () => {
    const ref = (specifier: string, typeOnly = false) => ({ specifier, typeOnly });
    expect(checkImports('db/events/events.ts', [ref('../../web/components/format')])).toHaveLength(
      1,
    );
    expect(
      checkImports('db/events/events.ts', [ref('../../worker/http/render', true)]),
    ).toHaveLength(1);
    expect(
      checkImports('web/views/events/list.tsx', [ref('../../../db/events/events')]),
    ).toHaveLength(1);
    expect(checkImports('web/views/events/list.tsx', [ref('../../../worker/app')])).toHaveLength(1);
    expect(checkImports('web/layout.ts', [ref('drizzle-orm')])).toHaveLength(1);
    expect(checkImports('worker/events/public.tsx', [ref('drizzle-orm/sqlite-core')])).toHaveLength(
      1,
    );
  });

  it('let the allowed ones through', () => {
    const ref = (specifier: string, typeOnly = false) => ({ specifier, typeOnly });
    expect(
      checkImports('web/views/events/list.tsx', [ref('../../../db/events/events', true)]),
    ).toEqual([]);
    expect(
      checkImports('worker/events/public.tsx', [
        ref('../../db/events/events'),
        ref('../../web/layout'),
      ]),
    ).toEqual([]);
    expect(
      checkImports('db/events/events.ts', [ref('drizzle-orm'), ref('../core/random')]),
    ).toEqual([]);
    expect(
      checkImports('tests/node/x.test.ts', [ref('../../worker/app'), ref('drizzle-orm')]),
    ).toEqual([]);
  });
});
