// The public schema's version, bumped with every release recorded in CHANGELOG.md.
export const API_VERSION = '0.1.0';
