import { defineConfig } from 'vitest/config';

// Unit and component tests: node by default; a test that needs a DOM says
// `// @vitest-environment happy-dom` at its top.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    // The report inlines its stylesheet in the HTML file it downloads: load it as the build does.
    css: { include: [/report\.css/] },
  },
});
