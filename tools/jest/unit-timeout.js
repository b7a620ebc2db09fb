// Embedded Postgres (PGlite) takes seconds to start when Jest runs suites side by side on two cores.
jest.setTimeout(30000);
