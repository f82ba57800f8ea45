/**
 * The layer rules of docs/ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser). A violation fails CI.
 * Test files may reach across layers to set up a platform; the rules below are for product code.
 */
const notTests = '\\.test\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain holds pure rules: it imports only src/domain and pure libraries (no contracts, db, services, server, node builtins or packages with I/O).',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: notTests },
      to: {
        pathNot: ['^src/domain/', '^node_modules/(sm-crypto|decimal\\.js)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'domain-no-node-builtins',
      comment: 'src/domain may not use Node built-ins (file system, crypto, clock-bearing APIs).',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: notTests },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'routes-no-database',
      comment: 'A route unpacks the request and calls a use case: it never imports drizzle-orm or src/db.',
      severity: 'error',
      from: { path: '^src/server/routes/' },
      to: { path: ['^src/db/', '^node_modules/drizzle-orm/', '^node_modules/pg/', '^node_modules/@electric-sql/'] },
    },
    {
      name: 'routes-no-file-system',
      comment: 'Routes never read files: that is a use case (or the storage service).',
      severity: 'error',
      from: { path: '^src/server/routes/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
    {
      name: 'routes-not-each-other',
      comment: 'A route file never imports another route file (index.ts registers them all).',
      severity: 'error',
      from: { path: '^src/server/routes/(?!index\\.ts)[^/]+$' },
      to: { path: '^src/server/routes/(?!index\\.ts)[^/]+$' },
    },
    {
      name: 'web-only-contracts-and-domain',
      comment:
        'The web app imports from the server side only src/contracts (types, schemas) and src/domain (pure helpers).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: ['^src/contracts/', '^src/domain/'] },
    },
    {
      name: 'contracts-no-io',
      comment: 'Contracts are schemas: they import zod, src/contracts and src/domain only.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: ['^src/(db|services|server|cli)/'] },
    },
    {
      name: 'service-modules-through-index',
      comment: 'Another module uses a service module only through its public face, src/services/<module>/index.ts.',
      severity: 'error',
      from: { path: '^(src/(server|cli|db)/|src/services/([^/]+)/)', pathNot: notTests },
      to: {
        path: '^src/services/([^/]+)/(?!index\\.ts$)',
        pathNot: ['^src/services/$2/', '^src/services/(context|errors|scope)\\.ts$'],
      },
    },
    {
      name: 'no-service-cycles',
      comment: 'Service modules form no cycle.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^web/dist', '^dist'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
