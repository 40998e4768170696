import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the API's checked-in schema. The output is generated, not checked in:
// typecheck, build and test generate it first, so a schema change that breaks an operation
// fails them.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
