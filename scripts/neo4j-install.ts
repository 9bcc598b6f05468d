// postinstall: fetch the embedded Neo4j with Maven once. Skipped (with a note) when NEO4J_URI is set.
import { ensureLauncherBuilt, isLauncherBuilt, PrerequisiteError } from '../src/neo4j/install.js';

if (process.env.NEO4J_URI && !isLauncherBuilt()) {
  console.log('NEO4J_URI is set: skipping the embedded Neo4j build (run "npm run neo4j:install" to build it anyway).');
} else {
  try {
    const had = isLauncherBuilt();
    ensureLauncherBuilt();
    console.log(had ? 'Embedded Neo4j already built (neo4j/target).' : 'Embedded Neo4j built into neo4j/target.');
  } catch (error) {
    console.error(error instanceof PrerequisiteError ? error.message : error);
    process.exit(1);
  }
}
