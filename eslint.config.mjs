// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'libs/core/src/database/migrations/**',
      // The web app's build, generated GraphQL types and browser-test output.
      'apps/web/dist/**',
      'apps/web/src/gql/**',
      'apps/web/test-results/**',
      'apps/web/playwright-report/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Libraries are reached by alias (@tsunagu/<lib>), never by climbing out of one.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*', '**/libs/*', '**/apps/*'],
              message: 'Import other libs and apps by alias (@tsunagu/<lib>).',
            },
          ],
        },
      ],
    },
  },
  {
    // The boot check (AuthorisationCheck) is the guarantee; this says it while the code is written.
    files: ['apps/api/src/**/*.resolver.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MethodDefinition:has(Decorator[expression.callee.name=/^(Query|Mutation|Subscription|ResolveField)$/]):not(:has(Decorator[expression.callee.name=/^(Public|Authenticated|Allow|ServiceChecks|AsParent)$/]))',
          message:
            'Declare who may call this: @Public(), @Authenticated(), @Allow(...), @ServiceChecks(...) or, on a field resolver, @AsParent().',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': 'off',
    },
  },
);
